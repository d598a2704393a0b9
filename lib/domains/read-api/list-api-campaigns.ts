import { db } from "@/lib/core/db/client";
import {
  afterDateCursor,
  decodeDateCursor,
  toPage,
  type Page,
  type PageQuery,
} from "@/lib/domains/read-api/page-query";
import type { CampaignView } from "@/lib/domains/read-api/read-schemas";

/**
 * Campaigns of the organisation, oldest first; `from`/`to` keep the campaigns that run at some
 * point of that period (ends on or after `from`, starts before `to`).
 */
export async function listApiCampaigns(
  orgId: string,
  query: PageQuery,
): Promise<Page<CampaignView>> {
  const cursor = decodeDateCursor(query.cursor);
  const rows = await db.campaign.findMany({
    where: {
      orgId,
      ...(query.from ? { endsAt: { gte: query.from } } : {}),
      ...(query.to ? { startsAt: { lt: query.to } } : {}),
      ...afterDateCursor("createdAt", cursor),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: {
      id: true,
      name: true,
      description: true,
      startsAt: true,
      endsAt: true,
      goal: true,
      goalTarget: true,
      archivedAt: true,
      createdAt: true,
      items: { select: { itemId: true }, orderBy: { itemId: "asc" } },
      teams: { select: { teamId: true }, orderBy: { teamId: "asc" } },
    },
  });
  return toPage(
    rows,
    query.limit,
    (r) => [r.createdAt.toISOString(), r.id],
    (r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      goal: r.goal,
      goalTarget: r.goalTarget,
      itemIds: r.items.map((i) => i.itemId),
      teamIds: r.teams.map((t) => t.teamId),
      archivedAt: r.archivedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    }),
  );
}
