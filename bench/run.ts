/**
 * `npm run bench [-- name…]`: the benchmarks run against a fresh database (TEST_DATABASE_URL /
 * DATABASE_URL server, else embedded), each with its own organisations, and is reported as a ratio against a baseline measured in
 * the same run. Names: import-invitations, redirect, dashboard (all when none is given).
 */
import { createTestDatabase } from "../tests/helpers/test-database";
import { printResults, type BenchResult } from "./report";

type Bench = (databaseUrl: string) => Promise<BenchResult[]>;

const BENCHES: Record<string, () => Promise<Bench>> = {
  "import-invitations": async () => {
    const { benchImportInvitations } = await import("./import-invitations");
    return async (url) => [await benchImportInvitations(url)];
  },
  redirect: async () => (await import("./redirect")).benchRedirect,
  dashboard: async () => (await import("./dashboard")).benchDashboard,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length) {
  console.error(
    `Unknown benchmark: ${unknown.join(", ")}. Known: ${Object.keys(BENCHES).join(", ")}`,
  );
  process.exit(2);
}
const names = wanted.length ? wanted : Object.keys(BENCHES);

const results: BenchResult[] = [];
const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;
try {
  for (const name of names) {
    const bench = await BENCHES[name]!();
    results.push(...(await bench(database.url)));
  }
} finally {
  const { disconnectDb } = await import("@/lib/core/db/client");
  await disconnectDb();
  await database.drop();
}
printResults(results);
process.exit(results.every((r) => r.pass !== false) ? 0 : 1);
