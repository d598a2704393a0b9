import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Audit metadata for a settings change: `before` (the stored values of the fields being set, null
 * when nothing was stored yet) and `after` (the values set). Dates become ISO strings, Decimals
 * strings: the metadata is plain JSON.
 */
export function auditChange(
  previous: Record<string, unknown> | null,
  after: Record<string, unknown>,
): Prisma.InputJsonObject {
  const keys = Object.keys(after).filter((k) => after[k] !== undefined);
  const plain = (value: unknown): Prisma.InputJsonValue | null => {
    if (value === undefined || value === null) return null;
    if (value instanceof Date) return value.toISOString();
    if (typeof value === "bigint") return value.toString();
    if (typeof value === "object" && !Array.isArray(value) && "toFixed" in value) {
      return String(value);
    }
    return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
  };
  return {
    before: Object.fromEntries(keys.map((k) => [k, previous ? plain(previous[k]) : null])),
    after: Object.fromEntries(keys.map((k) => [k, plain(after[k])])),
  };
}
