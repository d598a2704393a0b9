import { db } from "@/lib/core/db/client";
import type { CampaignGoal } from "@/lib/generated/prisma/enums";
import { COUNTED_SHARE_STATUSES } from "@/lib/domains/sharing/share-status";
import { campaignDays, progressPercent } from "@/lib/domains/campaigns/campaign-window";

/** What one person (or team) brought to a campaign. */
export interface CampaignFigures {
  shares: number;
  /** Unique human visits (rollups). */
  visits: number;
  /** Sign-ups, applications, hires, leads, opportunities and deals (rollups). */
  outcomes: number;
}

export interface CampaignContributor extends CampaignFigures {
  membershipId: string;
  name: string;
  handle: string | null;
  /** The figure the goal counts. */
  value: number;
}

export interface CampaignTeamResult extends CampaignFigures {
  teamId: string;
  name: string;
  value: number;
  /** 1 = leading; teams with the same value share a rank. */
  rank: number;
}

export interface CampaignProgress {
  goal: CampaignGoal;
  target: number;
  /** The goal's figure for the whole campaign. */
  total: number;
  percent: number;
  figures: CampaignFigures;
  /** Competing teams, best first (empty when no teams compete). */
  teams: CampaignTeamResult[];
  /** People who contributed, best first (limited by `contributors`), within `people` if given. */
  contributors: CampaignContributor[];
  contributorCount: number;
  /** The figure of `membershipId`, when asked for. */
  own: CampaignFigures & { value: number };
}

export interface CampaignForProgress {
  id: string;
  orgId: string;
  startsAt: Date;
  endsAt: Date;
  goal: CampaignGoal;
  goalTarget: number;
}

const EMPTY: CampaignFigures = { shares: 0, visits: 0, outcomes: 0 };

export function goalValue(goal: CampaignGoal, f: CampaignFigures): number {
  return goal === "SHARES" ? f.shares : goal === "VISITS" ? f.visits : f.outcomes;
}

/**
 * A campaign's progress from two grouped queries, one row per person: shares that count
 * (COUNTED_SHARE_STATUSES) of the campaign's posts made inside its window, and unique human
 * visits and outcomes of those posts from the daily rollups (ShareDailyStats) on the campaign's
 * days — never raw clicks. Totals, team contributions (a team's current members) and the
 * contributor ranking all add up the same per-person rows.
 */
export async function getCampaignProgress(
  campaign: CampaignForProgress,
  timeZone: string,
  {
    membershipId = null,
    contributors: limit = 10,
    people = null,
  }: {
    membershipId?: string | null;
    contributors?: number;
    /** Only these memberships appear as contributors (a manager's teams); null: everyone. */
    people?: string[] | null;
  } = {},
): Promise<CampaignProgress> {
  const perMember = await figuresByMember(campaign, timeZone);
  const figures = { ...EMPTY };
  for (const f of perMember.values()) add(figures, f);
  const total = goalValue(campaign.goal, figures);

  const teams = await teamResults(campaign, perMember);
  const visible = [...perMember.entries()]
    .filter(([id]) => !people || people.includes(id))
    .map(([id, f]) => ({ id, f, value: goalValue(campaign.goal, f) }))
    .filter((r) => r.value > 0 || r.f.shares > 0)
    .sort((a, b) => b.value - a.value || b.f.shares - a.f.shares || a.id.localeCompare(b.id));
  const top = visible.slice(0, limit);
  const names = await db.membership.findMany({
    where: { orgId: campaign.orgId, id: { in: top.map((r) => r.id) } },
    select: { id: true, handle: true, user: { select: { name: true } } },
  });
  const byId = new Map(names.map((m) => [m.id, m]));
  const own = (membershipId && perMember.get(membershipId)) || EMPTY;

  return {
    goal: campaign.goal,
    target: campaign.goalTarget,
    total,
    percent: progressPercent(total, campaign.goalTarget),
    figures,
    teams,
    contributors: top.map((r) => ({
      membershipId: r.id,
      name: byId.get(r.id)?.user.name ?? "Former member",
      handle: byId.get(r.id)?.handle ?? null,
      value: r.value,
      ...r.f,
    })),
    contributorCount: visible.length,
    own: { ...own, value: goalValue(campaign.goal, own) },
  };
}

function add(into: CampaignFigures, f: CampaignFigures) {
  into.shares += f.shares;
  into.visits += f.visits;
  into.outcomes += f.outcomes;
}

async function figuresByMember(
  campaign: CampaignForProgress,
  timeZone: string,
): Promise<Map<string, CampaignFigures>> {
  const { startDate, endDate } = campaignDays(campaign, timeZone);
  const counted = [...COUNTED_SHARE_STATUSES];
  const [shares, rollups] = await Promise.all([
    db.$queryRaw<{ membershipId: string; shares: number }[]>`
      SELECT sh."membershipId", COUNT(*)::int AS "shares"
      FROM "Share" sh
      JOIN "CampaignItem" ci ON ci."campaignId" = ${campaign.id} AND ci."itemId" = sh."itemId"
      WHERE sh."orgId" = ${campaign.orgId}
        AND sh."status"::text = ANY(${counted}::text[])
        AND sh."createdAt" >= ${campaign.startsAt} AND sh."createdAt" < ${campaign.endsAt}
      GROUP BY sh."membershipId"`,
    db.$queryRaw<{ membershipId: string; visits: number; outcomes: number }[]>`
      SELECT d."membershipId",
        COALESCE(SUM(d."uniqueVisits"), 0)::int AS "visits",
        COALESCE(SUM(d."signups" + d."applications" + d."hires" + d."leads"
          + d."opportunities" + d."deals"), 0)::int AS "outcomes"
      FROM "ShareDailyStats" d
      JOIN "CampaignItem" ci ON ci."campaignId" = ${campaign.id} AND ci."itemId" = d."itemId"
      WHERE d."orgId" = ${campaign.orgId}
        AND d."day" >= ${startDate}::date AND d."day" <= ${endDate}::date
      GROUP BY d."membershipId"`,
  ]);
  const out = new Map<string, CampaignFigures>();
  const get = (id: string) => {
    let f = out.get(id);
    if (!f) out.set(id, (f = { ...EMPTY }));
    return f;
  };
  for (const r of shares) get(r.membershipId).shares = r.shares;
  for (const r of rollups) {
    const f = get(r.membershipId);
    f.visits = r.visits;
    f.outcomes = r.outcomes;
  }
  return out;
}

async function teamResults(
  campaign: CampaignForProgress,
  perMember: Map<string, CampaignFigures>,
): Promise<CampaignTeamResult[]> {
  const teams = await db.campaignTeam.findMany({
    where: { campaignId: campaign.id, orgId: campaign.orgId },
    select: {
      team: { select: { id: true, name: true, members: { select: { membershipId: true } } } },
    },
  });
  const rows = teams.map(({ team }) => {
    const f = { ...EMPTY };
    for (const m of team.members) add(f, perMember.get(m.membershipId) ?? EMPTY);
    return { teamId: team.id, name: team.name, ...f, value: goalValue(campaign.goal, f), rank: 0 };
  });
  rows.sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  rows.forEach((row, i) => {
    row.rank = i > 0 && rows[i - 1]!.value === row.value ? rows[i - 1]!.rank : i + 1;
  });
  return rows;
}
