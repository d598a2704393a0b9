/**
 * Vitest global setup for the integration tests: one fresh, migrated database per run (see
 * tests/helpers/test-database.ts), provided to the workers as `databaseUrl` and dropped afterwards.
 */
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "../helpers/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the run's test database. */
    databaseUrl: string;
    /** "server" (TEST_DATABASE_URL/DATABASE_URL) or "embedded" (PGlite). */
    databaseKind: "server" | "embedded";
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase();
  project.provide("databaseUrl", database.url);
  project.provide("databaseKind", database.kind);
  process.env.DATABASE_URL = database.url;
  return async () => {
    await database.drop();
  };
}
