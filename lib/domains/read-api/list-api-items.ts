import { db } from "@/lib/core/db/client";
import {
  afterDateCursor,
  dateRange,
  decodeDateCursor,
  toPage,
  type Page,
  type PageQuery,
} from "@/lib/domains/read-api/page-query";
import type { ItemView } from "@/lib/domains/read-api/read-schemas";

/** Content items of the organisation, oldest first; `from`/`to` filter on creation. */
export async function listApiItems(orgId: string, query: PageQuery): Promise<Page<ItemView>> {
  const cursor = decodeDateCursor(query.cursor);
  const rows = await db.contentItem.findMany({
    where: { orgId, createdAt: dateRange(query), ...afterDateCursor("createdAt", cursor) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      valueType: true,
      goals: true,
      language: true,
      linkUrl: true,
      hashtags: true,
      publishAt: true,
      publishedAt: true,
      expireAt: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  return toPage(
    rows,
    query.limit,
    (r) => [r.createdAt.toISOString(), r.id],
    (r) => ({
      ...r,
      publishAt: r.publishAt?.toISOString() ?? null,
      publishedAt: r.publishedAt?.toISOString() ?? null,
      expireAt: r.expireAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    }),
  );
}
