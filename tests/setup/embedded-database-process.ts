/**
 * Serves one throw-away, migrated, in-memory embedded database (createTestDatabase without a
 * server) until SIGTERM/SIGINT or until its parent goes away (stdin closes). Prints
 * `READY {"url":…,"applied":[…]}` once it accepts connections. Started by createTestDatabases
 * (tests/helpers/test-database.ts) once per integration-test worker when there is no PostgreSQL
 * server to use.
 */
import { createTestDatabase } from "../helpers/test-database";

const database = await createTestDatabase({ serverUrl: null });
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void database
    .drop()
    .catch(() => {})
    .finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.stdin.on("end", stop);
process.stdin.resume();
process.stdout.write(`READY ${JSON.stringify({ url: database.url, applied: database.applied })}\n`);
