import { db, type Tx } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { badRequest, conflict, notFound, unknownIds } from "@/lib/core/errors/app-error";
import { isUniqueViolation } from "@/lib/core/db/is-unique-violation";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import type {
  CreateCampaignInput,
  UpdateCampaignInput,
} from "@/lib/domains/campaigns/campaign-schemas";
import { announceCampaignStartSafely } from "@/lib/domains/campaigns/announce-campaign";
import { campaignDays, campaignInstants } from "@/lib/domains/campaigns/campaign-window";

/** Creates a campaign with its posts and competing teams, in one transaction with its audit entry. */
export async function createCampaign(access: Access, input: CreateCampaignInput) {
  const { startsAt, endsAt } = campaignInstants(input, access.org.timeZone);
  const created = await withNameCheck(input.name, () =>
    db.$transaction(async (tx) => {
      const id = createId("cmp");
      const itemIds = await orgItems(tx, access.orgId, input.itemIds);
      const teamIds = await orgTeams(tx, access.orgId, input.teamIds);
      await tx.campaign.create({
        data: {
          id,
          orgId: access.orgId,
          name: input.name,
          description: input.description ?? null,
          startsAt,
          endsAt,
          goal: input.goal,
          goalTarget: input.goalTarget,
          teamsCompete: teamIds.length > 0,
          createdById: access.userId,
        },
      });
      await replaceLinks(tx, access.orgId, id, itemIds, teamIds);
      await recordAudit(tx, {
        orgId: access.orgId,
        actorId: access.userId,
        action: "campaign.create",
        targetType: "campaign",
        targetId: id,
        metadata: {
          name: input.name,
          startDate: input.startDate,
          endDate: input.endDate,
          goal: input.goal,
          goalTarget: input.goalTarget,
          items: itemIds.length,
          teams: teamIds.length,
        },
      });
      return { id, name: input.name };
    }),
  );
  if (startsAt <= new Date()) await announceCampaignStartSafely(access.orgId, created.id);
  return created;
}

/** Changes any of a campaign's fields; lists sent replace the stored ones. Archived: 409. */
export async function updateCampaign(
  access: Access,
  campaignId: string,
  input: UpdateCampaignInput,
) {
  const updated = await withNameCheck(input.name, () =>
    db.$transaction(async (tx) => {
      const campaign = await tx.campaign.findFirst({
        where: { id: campaignId, orgId: access.orgId },
      });
      if (!campaign) throw notFound("Campaign");
      if (campaign.archivedAt)
        throw conflict("This campaign is archived and can no longer change.");
      const stored = campaignDays(campaign, access.org.timeZone);
      const startDate = input.startDate ?? stored.startDate;
      const endDate = input.endDate ?? stored.endDate;
      if (endDate < startDate) {
        throw badRequest("The end date must be on or after the start date.", {
          endDate: "Before the start date.",
        });
      }
      const window = campaignInstants({ startDate, endDate }, access.org.timeZone);
      const itemIds = input.itemIds ? await orgItems(tx, access.orgId, input.itemIds) : null;
      const teamIds = input.teamIds ? await orgTeams(tx, access.orgId, input.teamIds) : null;
      await tx.campaign.update({
        where: { id: campaignId },
        data: {
          name: input.name,
          description: input.description,
          startsAt: window.startsAt,
          endsAt: window.endsAt,
          goal: input.goal,
          goalTarget: input.goalTarget,
          teamsCompete: teamIds ? teamIds.length > 0 : undefined,
        },
      });
      if (itemIds) {
        await tx.campaignItem.deleteMany({ where: { campaignId } });
        await replaceLinks(tx, access.orgId, campaignId, itemIds, []);
      }
      if (teamIds) {
        await tx.campaignTeam.deleteMany({ where: { campaignId } });
        await replaceLinks(tx, access.orgId, campaignId, [], teamIds);
      }
      const changed = Object.keys(input).filter(
        (k) => input[k as keyof UpdateCampaignInput] !== undefined,
      );
      await recordAudit(tx, {
        orgId: access.orgId,
        actorId: access.userId,
        action: "campaign.update",
        targetType: "campaign",
        targetId: campaignId,
        metadata: { name: input.name ?? campaign.name, changed },
      });
      return { id: campaignId, startsAt: window.startsAt };
    }),
  );
  // Moving the start to today or earlier starts the campaign now.
  if (updated.startsAt <= new Date()) await announceCampaignStartSafely(access.orgId, campaignId);
  return { id: updated.id };
}

/** Archives a campaign: it leaves the feed and the lists, its results stay readable. */
export async function archiveCampaign(access: Access, campaignId: string) {
  return db.$transaction(async (tx) => {
    const campaign = await tx.campaign.findFirst({
      where: { id: campaignId, orgId: access.orgId },
      select: { name: true, archivedAt: true },
    });
    if (!campaign) throw notFound("Campaign");
    if (campaign.archivedAt) return { id: campaignId };
    await tx.campaign.update({ where: { id: campaignId }, data: { archivedAt: new Date() } });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "campaign.archive",
      targetType: "campaign",
      targetId: campaignId,
      metadata: { name: campaign.name },
    });
    return { id: campaignId };
  });
}

async function withNameCheck<T>(name: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`A campaign named "${name}" already exists.`, { name: "This name is taken." });
    }
    throw error;
  }
}

/** The posts must be the organisation's (another organisation's id reads as unknown: 404). */
async function orgItems(tx: Tx, orgId: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await tx.contentItem.findMany({
    where: { orgId, id: { in: unique } },
    select: { id: true },
  });
  if (found.length !== unique.length) {
    const known = new Set(found.map((i) => i.id));
    const message = `Unknown post: ${unique.filter((id) => !known.has(id)).join(", ")}.`;
    throw unknownIds(message, { itemIds: message });
  }
  return unique;
}

async function orgTeams(tx: Tx, orgId: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const found = await tx.team.findMany({
    where: { orgId, id: { in: unique } },
    select: { id: true },
  });
  if (found.length !== unique.length) {
    const known = new Set(found.map((t) => t.id));
    const message = `Unknown team: ${unique.filter((id) => !known.has(id)).join(", ")}.`;
    throw unknownIds(message, { teamIds: message });
  }
  return unique;
}

async function replaceLinks(
  tx: Tx,
  orgId: string,
  campaignId: string,
  itemIds: string[],
  teamIds: string[],
) {
  if (itemIds.length) {
    await tx.campaignItem.createMany({
      data: itemIds.map((itemId) => ({ orgId, campaignId, itemId })),
    });
  }
  if (teamIds.length) {
    await tx.campaignTeam.createMany({
      data: teamIds.map((teamId) => ({ orgId, campaignId, teamId })),
    });
  }
}
