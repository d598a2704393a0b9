import pg from "pg";

/**
 * A pg client for the benchmarks. When a run is stopped (time limit, Ctrl-C) its databases are
 * dropped WITH (FORCE) while clients may still be connected: PostgreSQL then ends their sessions
 * (57P01), which a client without an "error" listener turns into an uncaught exception that hides
 * the reason the run stopped. The error is noted instead; the query that was waiting still fails.
 */
export function benchClient(connectionString: string): pg.Client {
  const client = new pg.Client({ connectionString });
  client.on("error", (error) =>
    console.error(`[bench] database connection ended: ${error.message}`),
  );
  return client;
}

/**
 * Makes the run's database fit for CPU time per call (bench/cpu.ts): no parallel query (its workers
 * are short-lived processes the meter cannot see) and no JIT (whether a query gets compiled flips
 * with the planner's estimates from one run's ANALYZE sample to the next, and the compilation
 * costs more than the scan: a scan's CPU time swung 7–22 ms between runs). Set for the database
 * (so Prisma's pool, opened later, has it) and for this session; then a fixed random seed for the
 * data the benchmark generates.
 */
export async function prepareMeteredDatabase(client: pg.Client, seed: number): Promise<void> {
  const { rows } = await client.query<{ name: string }>(`SELECT current_database() AS name`);
  const dbName = `"${rows[0]!.name.replace(/"/g, '""')}"`;
  for (const setting of ["max_parallel_workers_per_gather = 0", "jit = off"]) {
    await client.query(`ALTER DATABASE ${dbName} SET ${setting}`);
    await client.query(`SET ${setting}`);
  }
  await client.query(`SELECT setseed($1)`, [seed]);
}
