import pg from "pg";

/**
 * How many SQL statements `fn` sends (every query of any pg client in this process while it runs;
 * nothing else queries meanwhile). Prisma's adapter (@prisma/adapter-pg) uses the same `pg`.
 */
export async function countStatements(fn: () => Promise<unknown>): Promise<number> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let n = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    n++;
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return n;
}
