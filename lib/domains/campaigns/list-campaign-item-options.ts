import { db } from "@/lib/core/db/client";

/**
 * Posts a campaign can include: the library's published, scheduled, in-review and draft posts
 * (newest first), plus those already in the campaign whatever their status.
 */
export async function listCampaignItemOptions(orgId: string, includeIds: string[] = []) {
  return db.contentItem.findMany({
    where: {
      orgId,
      OR: [{ status: { in: ["PUBLISHED", "IN_REVIEW", "DRAFT"] } }, { id: { in: includeIds } }],
    },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    take: 500,
    select: { id: true, title: true, status: true },
  });
}

export type CampaignItemOption = Awaited<ReturnType<typeof listCampaignItemOptions>>[number];
