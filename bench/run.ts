/**
 * `npm run bench`: each benchmark runs against its own fresh database (TEST_DATABASE_URL /
 * DATABASE_URL server, else embedded) and is reported as a ratio against a baseline measured in
 * the same run.
 */
import { createTestDatabase } from "../tests/helpers/test-database";
import { printResults, type BenchResult } from "./report";

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;
const results: BenchResult[] = [];
try {
  const { benchImportInvitations } = await import("./import-invitations");
  results.push(await benchImportInvitations(database.url));
} finally {
  const { disconnectDb } = await import("@/lib/db/client");
  await disconnectDb();
  await database.drop();
}
printResults(results);
process.exit(results.every((r) => r.pass !== false) ? 0 : 1);
