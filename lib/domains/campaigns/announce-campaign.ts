import { db, type Tx } from "@/lib/core/db/client";
import { formatDay } from "@/lib/core/time/format-date";
import { zonedDateKey } from "@/lib/core/time/zoned-time";
import { goalAmount } from "@/lib/domains/campaigns/campaign-goals";
import { campaignDays } from "@/lib/domains/campaigns/campaign-window";
import { getCampaignProgress } from "@/lib/domains/campaigns/get-campaign-progress";
import { createNotifications } from "@/lib/domains/notifications/create-notification";
import { emitEndedCampaigns } from "@/lib/domains/developer-webhooks/emit-ended-campaigns";

export const CAMPAIGN_STARTED = "campaign.started";
export const CAMPAIGN_GOAL_REACHED = "campaign.goal_reached";

/** The campaign's card in the feed, where employees see running campaigns (ActiveCampaigns). */
export function campaignUrl(campaignId: string): string {
  return `/feed#campaign-${campaignId}`;
}

const CAMPAIGN_SELECT = {
  id: true,
  orgId: true,
  name: true,
  startsAt: true,
  endsAt: true,
  goal: true,
  goalTarget: true,
  org: { select: { timeZone: true } },
} as const;

/**
 * Rings the bell of the campaign's audience when its window has begun: every active member of its
 * organisation, as in listActiveCampaigns (the feed shows running campaigns to everyone). Once per
 * campaign: an advisory lock per campaign makes concurrent callers take turns, and an earlier
 * `campaign.started` notification for it means it was sent (people who join later find it in the
 * feed). Archived, upcoming and ended campaigns are skipped. One batch insert for the audience, so
 * the statements do not grow with it. Returns how many notifications were created.
 */
export async function announceCampaignStart(
  orgId: string,
  campaignId: string,
  now = new Date(),
): Promise<number> {
  return db.$transaction(async (tx) => {
    await lockCampaign(tx, CAMPAIGN_STARTED, campaignId);
    const campaign = await tx.campaign.findFirst({
      where: {
        id: campaignId,
        orgId,
        archivedAt: null,
        startsAt: { lte: now },
        endsAt: { gt: now },
      },
      select: CAMPAIGN_SELECT,
    });
    if (!campaign || (await alreadySent(tx, orgId, CAMPAIGN_STARTED, campaignId))) return 0;
    const { startDate, endDate } = campaignDays(campaign, campaign.org.timeZone);
    const today = zonedDateKey(now, campaign.org.timeZone);
    const members = await audienceOf(tx, orgId);
    return createNotifications(
      members.map((m) => ({
        orgId,
        userId: m.userId,
        kind: CAMPAIGN_STARTED,
        title:
          today === startDate ? `${campaign.name} starts today` : `${campaign.name} is running`,
        body: `Goal: ${goalAmount(campaign.goal, campaign.goalTarget)} from ${day(startDate)} to ${day(endDate)}. Share its posts to take part.`,
        url: campaignUrl(campaign.id),
      })),
      tx,
    );
  });
}

/**
 * Rings the bell of the campaign's audience and its participants (active members who shared its
 * posts; they read their own part) once its progress reaches the goal. Once per campaign, as
 * announceCampaignStart. Counts only until a while after the end (rollups of visits come later).
 */
export async function announceCampaignGoal(
  orgId: string,
  campaignId: string,
  now = new Date(),
): Promise<number> {
  return db.$transaction(async (tx) => {
    await lockCampaign(tx, CAMPAIGN_GOAL_REACHED, campaignId);
    const campaign = await tx.campaign.findFirst({
      where: { id: campaignId, orgId, archivedAt: null, startsAt: { lte: now } },
      select: CAMPAIGN_SELECT,
    });
    if (!campaign || (await alreadySent(tx, orgId, CAMPAIGN_GOAL_REACHED, campaignId))) return 0;
    const progress = await getCampaignProgress(campaign, campaign.org.timeZone, {
      contributors: Number.MAX_SAFE_INTEGER,
    });
    if (progress.total < campaign.goalTarget) return 0;
    const own = new Map(progress.contributors.map((c) => [c.membershipId, c]));
    const members = await audienceOf(tx, orgId);
    const together = `Together: ${goalAmount(campaign.goal, progress.total)} (goal ${goalAmount(campaign.goal, campaign.goalTarget)}).`;
    return createNotifications(
      members.map((m) => {
        const mine = own.get(m.id);
        return {
          orgId,
          userId: m.userId,
          kind: CAMPAIGN_GOAL_REACHED,
          title: `${campaign.name} reached its goal`,
          body: mine
            ? `${together} You shared ${goalAmount("SHARES", mine.shares)}: thank you.`
            : together,
          url: campaignUrl(campaign.id),
        };
      }),
      tx,
    );
  });
}

function day(key: string): string {
  return formatDay(key, "date", "en");
}

async function lockCampaign(tx: Tx, kind: string, campaignId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${kind}:${campaignId}`}))`;
}

async function alreadySent(tx: Tx, orgId: string, kind: string, campaignId: string) {
  const sent = await tx.notification.findFirst({
    where: { orgId, kind, url: campaignUrl(campaignId) },
    select: { id: true },
  });
  return sent !== null;
}

/** Who sees the campaign: the organisation's active members (its own, never another's). */
function audienceOf(tx: Tx, orgId: string) {
  return tx.membership.findMany({
    where: { orgId, status: "ACTIVE" },
    select: { id: true, userId: true },
  });
}

/** Starts the job looks back on (a start missed while no worker ran, a save with a past start). */
const START_WINDOW_MS = 24 * 60 * 60_000;
/** How long after the end a goal may still be reached (visits and outcomes roll up later). */
const GOAL_GRACE_MS = 3 * 24 * 60 * 60_000;

/**
 * The every-five-minutes job: announces campaigns that started (in the last day, or were saved in
 * the last day with a start already past) and campaigns whose goal is reached; each announce
 * function skips what was already sent. Returns the notifications created.
 */
export async function announceCampaigns(now = new Date()): Promise<number> {
  const recent = new Date(now.getTime() - START_WINDOW_MS);
  const [started, counting] = await Promise.all([
    db.campaign.findMany({
      where: {
        archivedAt: null,
        startsAt: { lte: now },
        endsAt: { gt: now },
        OR: [{ startsAt: { gte: recent } }, { updatedAt: { gte: recent } }],
      },
      select: { id: true, orgId: true },
      take: 500,
    }),
    db.campaign.findMany({
      where: {
        archivedAt: null,
        startsAt: { lte: now },
        endsAt: { gt: new Date(now.getTime() - GOAL_GRACE_MS) },
      },
      select: { id: true, orgId: true },
      take: 500,
    }),
  ]);
  let count = 0;
  for (const c of started) count += await announceCampaignStart(c.orgId, c.id, now);
  for (const c of counting) count += await announceCampaignGoal(c.orgId, c.id, now);
  // Developer webhooks: campaign.ended, once per campaign.
  await emitEndedCampaigns(now);
  return count;
}

/** For the save call sites: a campaign saved with a start in the past or now is announced at
 * once; a failure is logged, never thrown (the job catches up). */
export async function announceCampaignStartSafely(orgId: string, campaignId: string) {
  try {
    await announceCampaignStart(orgId, campaignId);
  } catch (error) {
    console.error(`[campaigns] could not announce ${campaignId} now (the job will)`, error);
  }
}
