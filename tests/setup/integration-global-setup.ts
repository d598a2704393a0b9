/**
 * Vitest global setup for the integration tests: one fresh, migrated database per worker (see
 * createTestDatabases in tests/helpers/test-database.ts), provided to the workers as
 * `databaseUrls` and dropped afterwards. Test files run side by side, one per worker; the files of
 * one worker run one after another on that worker's database, so no two files ever share a database
 * at the same time (pg-boss's schema and queues, LISTEN/NOTIFY, advisory locks and whole-table
 * counts stay per run of a file, as when every file ran in turn).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createTestDatabases } from "../helpers/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** One database URL per worker: databaseUrls[VITEST_POOL_ID - 1]. */
    databaseUrls: string[];
    /** "server" (TEST_DATABASE_URL/DATABASE_URL) or "embedded" (PGlite). */
    databaseKind: "server" | "embedded";
    /** A temporary folder of this run (click spools, uploads), removed afterwards. */
    scratchDir: string;
  }
}

export default async function setup(project: TestProject) {
  const workers = await workerCount(project);
  const started = Date.now();
  const databases = await createTestDatabases(workers);
  if (process.env.TEST_SETUP_TIMING) {
    console.log(
      `[integration setup] ${workers} ${databases.kind} database(s) in ${Date.now() - started} ms`,
    );
  }
  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-integration-"));
  project.provide("databaseUrls", databases.urls);
  project.provide("databaseKind", databases.kind);
  project.provide("scratchDir", scratchDir);
  process.env.DATABASE_URL = databases.urls[0];
  return async () => {
    await databases.drop();
    fs.rmSync(scratchDir, { recursive: true, force: true });
  };
}

/**
 * How many test files run at once: vitest's own rule (maxWorkers, its default, or 1 without file
 * parallelism), but no more than the files selected (`vitest run one.test.ts` needs one database;
 * in watch mode any file may run later, so every worker gets one).
 */
async function workerCount(project: TestProject): Promise<number> {
  const config = project.config;
  const cpus = os.availableParallelism?.() ?? os.cpus().length;
  // (vitest resolves maxWorkers to 1 when fileParallelism is off)
  const max = config.maxWorkers ?? project.vitest.config.maxWorkers ?? Math.max(cpus - 1, 1);
  const workers = Math.max(1, Math.floor(Number(max) || 1));
  if (workers === 1 || project.vitest.config.watch) return workers;
  try {
    const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
    const { testFiles } = await project.globTestFiles(filters ?? []);
    return Math.max(1, Math.min(workers, testFiles.length));
  } catch {
    return workers;
  }
}
