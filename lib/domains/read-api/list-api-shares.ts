import { db } from "@/lib/core/db/client";
import {
  afterDateCursor,
  dateRange,
  decodeDateCursor,
  toPage,
  type Page,
  type PageQuery,
} from "@/lib/domains/read-api/page-query";
import type { ShareView } from "@/lib/domains/read-api/read-schemas";

/** Shares of the organisation, oldest first; `from`/`to` filter on creation. */
export async function listApiShares(orgId: string, query: PageQuery): Promise<Page<ShareView>> {
  const cursor = decodeDateCursor(query.cursor);
  const rows = await db.share.findMany({
    where: { orgId, createdAt: dateRange(query), ...afterDateCursor("createdAt", cursor) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: {
      id: true,
      itemId: true,
      membershipId: true,
      code: true,
      channel: true,
      network: true,
      status: true,
      language: true,
      createdAt: true,
      postedAt: true,
    },
  });
  return toPage(
    rows,
    query.limit,
    (r) => [r.createdAt.toISOString(), r.id],
    (r) => ({
      id: r.id,
      itemId: r.itemId,
      memberId: r.membershipId,
      shareCode: r.code,
      channel: r.channel,
      network: r.network,
      status: r.status,
      language: r.language,
      createdAt: r.createdAt.toISOString(),
      postedAt: r.postedAt?.toISOString() ?? null,
    }),
  );
}
