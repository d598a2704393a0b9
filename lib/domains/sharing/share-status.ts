import type { ShareStatus } from "@/lib/generated/prisma/enums";

/**
 * The shares that count — in dashboards, participation, points, streaks, "already shared", the
 * digest and people's pages: SHARED (posted by the person and confirmed, by them or by a human
 * click on its link) and POSTED (LinkedIn answered with the post's id). OPENED (the dialog opened
 * or the text was copied, nothing confirmed yet), SCHEDULED and FAILED count nowhere.
 * lib/domains/analytics/scope-sql.ts says the same in SQL (sharedStatusSql).
 */
export const COUNTED_SHARE_STATUSES = [
  "SHARED",
  "POSTED",
] as const satisfies readonly ShareStatus[];

/** A Prisma `where` fragment: only shares that count. */
export const countedShare = { status: { in: [...COUNTED_SHARE_STATUSES] } };
