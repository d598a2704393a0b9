import { env, EnvError } from "@/lib/core/env";

/**
 * The validated configuration of a long-running process (the app server, the job worker): a
 * wrong variable or a missing DATABASE_URL prints one clear message and exits 1, before anything
 * starts.
 */
export function processConfig(missingDatabase: string): ReturnType<typeof env> {
  let config: ReturnType<typeof env>;
  try {
    config = env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (!config.DATABASE_URL) {
    console.error(missingDatabase);
    process.exit(1);
  }
  return config;
}
