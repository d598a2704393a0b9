import { db } from "@/lib/core/db/client";
import type { SourceEntryStatus } from "@/lib/generated/prisma/enums";
import { suggestValueType } from "@/lib/domains/sources/suggest-value-type";

export const INBOX_PAGE_SIZE = 50;

/** Inbox entries of the organisation in one state, newest first, with the suggested value type. */
export async function listSourceEntries(orgId: string, status: SourceEntryStatus) {
  const entries = await db.sourceEntry.findMany({
    where: { orgId, status },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: INBOX_PAGE_SIZE,
    include: { source: { select: { id: true, name: true, defaultValueType: true } } },
  });
  return entries.map((e) => {
    const title = e.title || e.previewTitle || e.url;
    return {
      id: e.id,
      url: e.url,
      title,
      summary: e.summary || e.previewDescription,
      imageUrl: e.previewImageUrl ?? e.imageUrl,
      siteName: e.previewSiteName,
      publishedAt: e.publishedAt,
      createdAt: e.createdAt,
      itemId: e.itemId,
      source: { id: e.source.id, name: e.source.name },
      valueType:
        e.source.defaultValueType ?? suggestValueType(title, e.summary || e.previewDescription),
    };
  });
}

export async function countNewSourceEntries(orgId: string) {
  return db.sourceEntry.count({ where: { orgId, status: "NEW" } });
}
