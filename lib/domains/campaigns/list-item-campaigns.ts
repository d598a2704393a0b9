import { db } from "@/lib/core/db/client";

/**
 * The running campaigns each of these items belongs to (names, by the campaign's end), for the
 * mark on feed cards: itemId → campaign names. One query, scoped by the organisation.
 */
export async function listItemCampaigns(
  orgId: string,
  itemIds: string[],
  now = new Date(),
): Promise<Map<string, string[]>> {
  const byItem = new Map<string, string[]>();
  if (itemIds.length === 0) return byItem;
  const rows = await db.campaignItem.findMany({
    where: {
      orgId,
      itemId: { in: itemIds },
      campaign: { orgId, archivedAt: null, startsAt: { lte: now }, endsAt: { gt: now } },
    },
    orderBy: [{ campaign: { endsAt: "asc" } }, { campaign: { name: "asc" } }],
    select: { itemId: true, campaign: { select: { name: true } } },
  });
  for (const row of rows) {
    byItem.set(row.itemId, [...(byItem.get(row.itemId) ?? []), row.campaign.name]);
  }
  return byItem;
}
