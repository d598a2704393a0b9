import { env, EnvError } from "@/lib/core/env";

// Refuse to serve with an invalid configuration: one line per problem, then exit.
try {
  env();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
