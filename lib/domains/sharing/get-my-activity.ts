import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BusinessGoal, ValueType } from "@/lib/generated/prisma/enums";
import type { Access } from "@/lib/domains/access/resolve-access";
import { computeContentMix } from "@/lib/domains/content/content-mix";
import { weeklyStreak } from "@/lib/domains/sharing/share-streak";

/** Shares per page of "Your shares" (/activity, GET /api/shares). */
export const ACTIVITY_PAGE_SIZE = 25;

export const myActivityQuery = z.object({
  /** Without it: the page of `share` when given, else the first (newest) page. */
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).default(ACTIVITY_PAGE_SIZE),
  /** A share to point at (a milestone notification's ?share=<id>): its page is shown. */
  share: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a share id.")
    .optional(),
});

export type MyActivityQuery = z.input<typeof myActivityQuery>;

const COUNTED = Prisma.sql`sh."status" IN ('SHARED', 'POSTED')`;

/**
 * A member's shares, newest first (createdAt, then id: a stable order), one page at a time, with
 * their status and human clicks; and — from all the shares that count (posted and confirmed:
 * share-status.ts), never only the page — their number, value-type mix, weekly streak, average
 * authenticity and total clicks. A fixed number of statements however many shares: aggregates
 * over the index (orgId, membershipId, createdAt) and the page's rows.
 *
 * `share` (one of the member's own) picks the page it is on when no page is asked for, and is
 * returned as `highlightId` when it is on the page shown; another person's id is ignored.
 */
export async function getMyActivity(access: Access, query: MyActivityQuery = {}, now = new Date()) {
  const { page: askedPage, pageSize, share: pointed } = myActivityQuery.parse(query);
  const { orgId, membershipId } = access;
  const mine = Prisma.sql`sh."orgId" = ${orgId} AND sh."membershipId" = ${membershipId}`;

  // Where the pointed share is: its page, counted in the list's order.
  const [position] = pointed
    ? await db.$queryRaw<{ newer: number }[]>`
        SELECT (SELECT count(*)::int FROM "Share" sh
                WHERE ${mine} AND (sh."createdAt", sh."id") > (p."createdAt", p."id")) AS "newer"
        FROM "Share" p
        WHERE p."id" = ${pointed} AND p."orgId" = ${orgId} AND p."membershipId" = ${membershipId}`
    : [];
  const page = askedPage ?? (position ? Math.floor(position.newer / pageSize) + 1 : 1);

  const [totals, mixRows, streakDays, rows, totalClicks] = await Promise.all([
    db.$queryRaw<{ shares: number; counted: number; authenticity: number | null }[]>`
      SELECT count(*)::int AS "shares", count(*) FILTER (WHERE ${COUNTED})::int AS "counted",
        avg(sh."authenticity") FILTER (WHERE ${COUNTED})::float8 AS "authenticity"
      FROM "Share" sh WHERE ${mine}`,
    db.$queryRaw<{ valueType: ValueType; goals: BusinessGoal[]; n: number }[]>`
      SELECT i."valueType"::text AS "valueType", i."goals"::text[] AS "goals", count(*)::int AS "n"
      FROM "Share" sh JOIN "ContentItem" i ON i."id" = sh."itemId"
      WHERE ${mine} AND ${COUNTED}
      GROUP BY i."valueType", i."goals"`,
    // One share per ISO week in the organisation's time zone is enough for the weekly streak.
    db.$queryRaw<{ at: Date }[]>`
      SELECT min(sh."createdAt") AS "at" FROM "Share" sh
      WHERE ${mine} AND ${COUNTED}
      GROUP BY to_char((sh."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${access.org.timeZone}, 'IYYY-IW')`,
    db.share.findMany({
      where: { orgId, membershipId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        code: true,
        channel: true,
        network: true,
        status: true,
        text: true,
        authenticity: true,
        createdAt: true,
        destinationUrl: true,
        linkedinPostId: true,
        scheduledAt: true,
        postedAt: true,
        error: true,
        item: { select: { id: true, title: true, valueType: true, goals: true } },
      },
    }),
    // Human clicks on all the member's tracked links, as the dashboard counts them (rollups).
    db.$queryRaw<{ clicks: number }[]>`
      SELECT COALESCE(SUM(d."humanClicks"), 0)::int AS "clicks"
      FROM "Share" sh JOIN "ShareDailyStats" d ON d."shareId" = sh."id"
      WHERE ${mine} AND d."orgId" = ${orgId}`,
  ]);
  // The page's clicks per share.
  const clickRows = rows.length
    ? await db.$queryRaw<{ shareId: string; clicks: number }[]>`
        SELECT d."shareId", SUM(d."humanClicks")::int AS "clicks"
        FROM "ShareDailyStats" d
        WHERE d."shareId" = ANY(${rows.map((r) => r.id)}::text[]) AND d."orgId" = ${orgId}
        GROUP BY d."shareId"`
    : [];
  const clicks = new Map(clickRows.map((r) => [r.shareId, r.clicks]));
  const total = totals[0]!;
  const pages = Math.max(1, Math.ceil(total.shares / pageSize));
  return {
    shares: rows.map((s) => ({ ...s, clicks: clicks.get(s.id) ?? 0 })),
    /** All the member's shares (any status). */
    total: total.shares,
    page,
    pageSize,
    pages,
    highlightId: pointed && rows.some((s) => s.id === pointed) ? pointed : null,
    totalClicks: totalClicks[0]?.clicks ?? 0,
    mix: computeContentMix(
      mixRows.flatMap((r) =>
        Array.from({ length: r.n }, () => ({ valueType: r.valueType, goals: r.goals })),
      ),
    ),
    streakWeeks: weeklyStreak(
      streakDays.map((d) => d.at),
      now,
      access.org.timeZone,
    ),
    averageAuthenticity:
      total.counted && total.authenticity !== null
        ? Math.round(total.authenticity * 100) / 100
        : null,
  };
}
