/**
 * Recognises database errors caused by a value the request supplied — PostgreSQL's "data
 * exception" class 22 (a NUL byte, broken Unicode in JSON, a date or number out of range) and
 * "program limit exceeded" (54000, e.g. an index entry too large). Input is validated before it
 * reaches the database; this is the net for whatever a validator missed: such a request gets a
 * 400 the person can act on, never a 500. Returns "SQLSTATE message" for the log, or null.
 */
export function databaseInputProblem(error: unknown): string | null {
  const found = postgresError(error);
  if (!found || !(found.code.startsWith("22") || found.code === "54000")) return null;
  return `${found.code} ${found.message}`;
}

export const DATABASE_INPUT_MESSAGE =
  "A value in the request cannot be stored (for example an invisible control character, broken Unicode or a date out of range). Check the input and try again.";

function postgresError(error: unknown): { code: string; message: string } | null {
  if (!error || typeof error !== "object") return null;
  // Prisma with a driver adapter: meta.driverAdapterError.cause.{originalCode, originalMessage}.
  const cause = (
    error as {
      meta?: {
        driverAdapterError?: { cause?: { originalCode?: unknown; originalMessage?: unknown } };
      };
    }
  ).meta?.driverAdapterError?.cause;
  if (typeof cause?.originalCode === "string") {
    return { code: cause.originalCode, message: String(cause.originalMessage ?? "") };
  }
  // node-postgres (raw queries): a DatabaseError with a SQLSTATE code and a severity.
  const { code, severity, message } = error as {
    code?: unknown;
    severity?: unknown;
    message?: unknown;
  };
  if (typeof code === "string" && typeof severity === "string" && /^[0-9A-Z]{5}$/.test(code)) {
    return { code, message: String(message ?? "") };
  }
  return null;
}
