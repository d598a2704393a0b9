/** Errors the database tools expect (bad URL, server down, failed migration...): printed as one
 * message, without a stack trace. */
export class DbToolError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "DbToolError";
  }
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "<unparseable database URL>";
  }
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** The database name of a postgres URL ("postgres" when absent). */
export function databaseName(url: string): string {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ""));
  return name || u.username || "postgres";
}

/** One sentence saying which database could not be reached and what to do about it. */
export function describeConnectionError(url: string, err: unknown): string {
  const where = redactUrl(url);
  const e = (err ?? {}) as { code?: string; message?: string };
  const message = e.message ?? String(err);
  switch (e.code) {
    case "ECONNREFUSED":
      return (
        `Cannot reach the database at ${where} (connection refused). ` +
        `Start PostgreSQL there, or unset DATABASE_URL to use the embedded database in .data/pglite.`
      );
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot resolve the database host of ${where}. Check DATABASE_URL.`;
    case "ETIMEDOUT":
      return `Timed out connecting to the database at ${where}. Check that the server is up and reachable.`;
    case "3D000":
      return `The database of ${where} does not exist (${message}). Create it (e.g. createdb) or fix DATABASE_URL.`;
    case "28P01":
    case "28000":
      return `The database at ${where} refused the credentials (${message}). Fix the user/password in DATABASE_URL.`;
    default:
      if (/timeout/i.test(message)) {
        return `Timed out connecting to the database at ${where}. Check that the server is up and reachable.`;
      }
      return `Cannot connect to the database at ${where}: ${message}`;
  }
}
