import { z } from "zod";
import { badRequest } from "@/lib/core/errors/app-error";

/** Largest page the read API returns; the default is 50. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

const DATE_OR_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function dateParam(name: string) {
  return z
    .string()
    .regex(DATE_OR_DATE_TIME, {
      error: `${name}: use an ISO 8601 date (2026-11-25) or date-time (2026-11-25T14:30:00Z).`,
    })
    .transform((text, ctx) => {
      const date = new Date(text.length === 10 ? `${text}T00:00:00Z` : text);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: "custom", message: `${name}: that date does not exist.` });
        return z.NEVER;
      }
      return date;
    })
    .optional();
}

/** `limit`, `cursor`, `from` (inclusive) and `to` (exclusive): shared by every list of the read API. */
export const pageQuerySchema = z
  .object({
    limit: z
      .string()
      .regex(/^\d{1,4}$/, { error: `limit: a whole number from 1 to ${MAX_PAGE_SIZE}.` })
      .transform(Number)
      .pipe(
        z
          .number()
          .min(1, { error: `limit: a whole number from 1 to ${MAX_PAGE_SIZE}.` })
          .max(MAX_PAGE_SIZE, { error: `limit: at most ${MAX_PAGE_SIZE} per page.` }),
      )
      .default(DEFAULT_PAGE_SIZE),
    cursor: z.string().max(400, { error: "cursor: not a cursor this API returned." }).optional(),
    from: dateParam("from"),
    to: dateParam("to"),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, {
    error: "from must be before to.",
    path: ["to"],
  });

export type PageQuery = z.infer<typeof pageQuerySchema>;

/**
 * A cursor is opaque to clients: base64url of the sort key and id of the last row of the page.
 * Anything else that comes back is refused with a 400 (never a 500).
 */
export function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id]), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | undefined): { sortKey: string; id: string } | null {
  if (cursor === undefined) return null;
  const refused = () =>
    badRequest("cursor: not a cursor this API returned.", { cursor: "Invalid cursor." });
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw refused();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw refused();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== "string" ||
    typeof parsed[1] !== "string" ||
    parsed[0].length > 100 ||
    parsed[1].length > 200 ||
    (parsed[0] + parsed[1]).includes("\u0000")
  ) {
    throw refused();
  }
  return { sortKey: parsed[0], id: parsed[1] };
}

/** A cursor whose sort key is a timestamp. */
export function decodeDateCursor(cursor: string | undefined): { at: Date; id: string } | null {
  const decoded = decodeCursor(cursor);
  if (!decoded) return null;
  const at = new Date(decoded.sortKey);
  if (Number.isNaN(at.getTime())) {
    throw badRequest("cursor: not a cursor this API returned.", { cursor: "Invalid cursor." });
  }
  return { at, id: decoded.id };
}

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

/**
 * Rows were read with `take: limit + 1`: the extra row only says there is a next page, whose cursor
 * is the last returned row's key.
 */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  key: (row: R) => [string, string],
  view: (row: R) => T,
): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept.at(-1);
  return {
    data: kept.map(view),
    next_cursor: more && last ? encodeCursor(...key(last)) : null,
  };
}

/** Prisma `where` for rows after a (timestamp, id) cursor in ascending order. */
export function afterDateCursor<F extends string>(
  field: F,
  cursor: { at: Date; id: string } | null,
) {
  if (!cursor) return {};
  return {
    OR: [{ [field]: { gt: cursor.at } }, { [field]: cursor.at, id: { gt: cursor.id } }],
  } as Record<string, unknown>;
}

/** Prisma range filter for `from` (inclusive) and `to` (exclusive). */
export function dateRange(query: Pick<PageQuery, "from" | "to">) {
  if (!query.from && !query.to) return undefined;
  return { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lt: query.to } : {}) };
}
