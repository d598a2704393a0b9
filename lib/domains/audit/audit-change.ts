import type { Prisma } from "@/lib/generated/prisma/client";

type Json = Prisma.InputJsonValue | null;

/** Plain JSON for a stored or submitted value: Dates as ISO strings, Decimals as numbers. */
function plain(value: unknown): Json {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "object" && !Array.isArray(value) && "toFixed" in value) {
    return Number(String(value));
  }
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/**
 * Audit metadata for a settings change: the fields whose value actually changed, with `before`
 * (the stored value; null when nothing was stored yet) and `after` (the value saved). Forms send
 * every field on each save: the unchanged ones are left out, so the entry says what changed.
 */
export function auditChange(
  previous: Record<string, unknown> | null,
  after: Record<string, unknown>,
): Prisma.InputJsonObject {
  const keys = Object.keys(after).filter((k) => after[k] !== undefined);
  const changed = keys.filter(
    (k) => !previous || JSON.stringify(plain(previous[k])) !== JSON.stringify(plain(after[k])),
  );
  return {
    before: Object.fromEntries(changed.map((k) => [k, previous ? plain(previous[k]) : null])),
    after: Object.fromEntries(changed.map((k) => [k, plain(after[k])])),
  };
}
