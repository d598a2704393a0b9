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
