import { db } from "@/lib/core/db/client";

/**
 * Items whose publish date (publishAt, else publishedAt) or expiry falls in [start, end): what
 * the studio calendar shows for one month. Capped, as a month rarely holds more.
 */
export async function listCalendarItems(orgId: string, start: Date, end: Date, limit = 500) {
  const range = { gte: start, lt: end };
  const rows = await db.contentItem.findMany({
    where: {
      orgId,
      OR: [{ publishAt: range }, { publishAt: null, publishedAt: range }, { expireAt: range }],
    },
    orderBy: [{ publishAt: "asc" }, { publishedAt: "asc" }, { id: "asc" }],
    take: limit,
    select: {
      id: true,
      title: true,
      status: true,
      valueType: true,
      publishAt: true,
      publishedAt: true,
      expireAt: true,
    },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    valueType: r.valueType,
    publishAt: r.publishAt,
    publishDate: r.publishAt ?? r.publishedAt,
    expireAt: r.expireAt,
  }));
}

export type CalendarItem = Awaited<ReturnType<typeof listCalendarItems>>[number];
