import type { AppServer } from "./app-server";
import type { BenchMode } from "./gate";
import type { LoadGenerator } from "./load";

/** What bench/run.ts hands every benchmark. */
export interface BenchContext {
  mode: BenchMode;
  /** The run's fresh database (also DATABASE_URL of this process). */
  databaseUrl: string;
  /**
   * The app as `npm start` runs it, on a demo database of its own (bench/app-server.ts), started
   * once per run on first use and stopped gracefully by run.ts at the end.
   */
  appServer(): Promise<AppServer>;
  /** The autocannon child process (bench/load.ts), started once per run on first use. */
  loadGenerator(): Promise<LoadGenerator>;
  /**
   * Resolves once set-up running in the background (the app server's start) is over: call it
   * before timing anything, so the measurement does not share the machine with a seed and a build.
   */
  settle(): Promise<void>;
  log(line: string): void;
}
