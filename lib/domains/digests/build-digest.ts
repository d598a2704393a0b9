import { db } from "@/lib/core/db/client";
import { VALUE_TYPE_IDS, valueTypeLabel } from "@/lib/domains/content/value-types";
import type { ValueType } from "@/lib/generated/prisma/enums";
import { appUrl } from "@/lib/core/http/app-url";
import { addDays } from "@/lib/domains/analytics/day-range";
import { feedSelect, toFeedItem } from "@/lib/domains/content/list-feed-items";
import { sharedStatusSql } from "@/lib/domains/analytics/scope-sql";
import { getMyImpacts, type MyImpact } from "@/lib/domains/impact/get-my-impact";
import { MILESTONE_KIND_PREFIX } from "@/lib/domains/milestones/milestones";
import { describeOutcomes } from "@/lib/domains/milestones/outcome-words";
import { rankForYou } from "@/lib/domains/sharing/for-you-order";
import { listTeamResultsFor } from "@/lib/domains/sharing/list-team-results";
import type { Digest, DigestImpact, DigestItem } from "@/lib/integrations/email/templates/digest";

const DAY_MS = 86_400_000;
const NUDGE_WINDOW_DAYS = 30;
const MAX_ITEMS = 5;

const NUDGE: Record<ValueType, string> = {
  INFORMATION: "You haven't shared any news in the last 30 days",
  EDUCATION: "You haven't shared anything educational in the last 30 days",
  TOGETHERNESS: "You haven't shared anything about your team in the last 30 days",
  MOTIVATION: "You haven't shared anything motivating in the last 30 days",
  INSPIRATION: "You haven't shared anything inspiring in the last 30 days",
  ENTERTAINMENT: "You haven't shared anything fun in the last 30 days",
};

export type { Digest, DigestImpact, DigestItem } from "@/lib/integrations/email/templates/digest";

function dayString(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Members per batch of the weekly fan-out (queueWeeklyDigests): each batch costs the same few statements. */
export const DIGEST_BATCH_SIZE = 500;

/** How many items of the feed listFeedItems reads (the digest ranks the same ones). */
const FEED_ITEMS = 300;
/** How many of the member's latest shares listForYouFeed reads. */
const FEED_SHARES = 500;

/**
 * What the weekly digest tells one member, impact first: last week's visits, clicks, reach and
 * outcomes of their shares, their best share and the milestones they were told about (the same
 * figures as "Your impact" on /activity); then the new items picked for them, in the feed's "for
 * you" order (listForYouFeed), and a nudge toward a value type they haven't shared in 30 days.
 * Reads only; returns null for a member who is not active in the organisation.
 *
 * Figures come from the daily rollups (ShareDailyStats, by the organisation's days): the seven
 * whole days before the day of `now` (UTC dates), so a Monday run counts Monday to Sunday.
 */
export async function buildDigest(
  orgId: string,
  membershipId: string,
  now = new Date(),
): Promise<Digest | null> {
  return (await buildDigests(orgId, [membershipId], now)).get(membershipId) ?? null;
}

interface RecentShareRow {
  membershipId: string;
  itemId: string;
  createdAt: Date;
  valueType: ValueType;
}

/**
 * The digests of many members of one organisation (buildDigest for each, the same content), in a
 * fixed number of set-based statements whatever the number of members: the members, the
 * organisation, the feed's candidate items (their audiences, then the full rows of those some
 * member sees), the members' latest shares (500 each, as listForYouFeed reads them), their share
 * counts by value type, topic follows, team results (listTeamResultsFor), impact (getMyImpacts)
 * and milestone notifications. Members who are not active in the organisation are left out.
 */
export async function buildDigests(
  orgId: string,
  membershipIds: readonly string[],
  now = new Date(),
): Promise<Map<string, Digest>> {
  const digests = new Map<string, Digest>();
  if (membershipIds.length === 0) return digests;
  const [members, org] = await Promise.all([
    db.membership.findMany({
      where: { id: { in: [...membershipIds] }, orgId, status: "ACTIVE" },
      select: {
        id: true,
        userId: true,
        locationId: true,
        user: { select: { name: true, email: true, locale: true } },
        teams: { select: { teamId: true } },
      },
    }),
    db.organization.findUnique({ where: { id: orgId }, select: { name: true } }),
  ]);
  if (members.length === 0 || !org) return digests;
  const ids = members.map((m) => m.id);
  const from = new Date(now.getTime() - 7 * DAY_MS);
  const nudgeSince = new Date(now.getTime() - NUDGE_WINDOW_DAYS * DAY_MS);
  const base = appUrl();
  const week = { from: dayString(from), to: addDays(dayString(now), -1) };
  const teamIds = [...new Set(members.flatMap((m) => m.teams.map((t) => t.teamId)))];
  const locationIds = [...new Set(members.flatMap((m) => (m.locationId ? [m.locationId] : [])))];
  // The feed's visibility is read at the time of the run, as listFeedItems reads it.
  const visibleAt = new Date();

  const [candidates, recentShares, typeCounts, follows, teamResults, impacts, milestones] =
    await Promise.all([
      // Every item some member of the batch may see, in listFeedItems' order: only the audience.
      db.contentItem.findMany({
        where: {
          orgId,
          status: "PUBLISHED",
          AND: [
            { OR: [{ publishAt: null }, { publishAt: { lte: visibleAt } }] },
            { OR: [{ expireAt: null }, { expireAt: { gt: visibleAt } }] },
            {
              OR: [
                { audienceAll: true },
                ...(teamIds.length
                  ? [{ audienceTeams: { some: { teamId: { in: teamIds } } } }]
                  : []),
                ...(locationIds.length
                  ? [{ audienceLocations: { some: { locationId: { in: locationIds } } } }]
                  : []),
              ],
            },
          ],
        },
        orderBy: [
          { publishAt: { sort: "desc", nulls: "last" } },
          { publishedAt: "desc" },
          { id: "asc" },
        ],
        select: {
          id: true,
          audienceAll: true,
          audienceTeams: { select: { teamId: true } },
          audienceLocations: { select: { locationId: true } },
        },
      }),
      // Each member's latest shares that count, as listForYouFeed reads them.
      db.$queryRaw<RecentShareRow[]>`
        SELECT "membershipId", "itemId", "createdAt", "valueType"::text AS "valueType"
        FROM (
          SELECT sh."membershipId", sh."itemId", sh."createdAt", i."valueType",
                 ROW_NUMBER() OVER (PARTITION BY sh."membershipId" ORDER BY sh."createdAt" DESC) AS "n"
          FROM "Share" sh JOIN "ContentItem" i ON i."id" = sh."itemId"
          WHERE sh."orgId" = ${orgId} AND sh."membershipId" = ANY(${ids}::text[])
            AND ${sharedStatusSql()}
        ) latest
        WHERE "n" <= ${FEED_SHARES}
        ORDER BY "membershipId", "createdAt" DESC`,
      // Shares that count of the last 30 days (the nudge) and of the week, by value type.
      db.$queryRaw<{ membershipId: string; valueType: ValueType; week: number }[]>`
        SELECT sh."membershipId", i."valueType"::text AS "valueType",
               COUNT(*) FILTER (WHERE sh."createdAt" >= ${from})::int AS "week"
        FROM "Share" sh JOIN "ContentItem" i ON i."id" = sh."itemId"
        WHERE sh."orgId" = ${orgId} AND sh."membershipId" = ANY(${ids}::text[])
          AND ${sharedStatusSql()} AND sh."createdAt" >= ${nudgeSince} AND sh."createdAt" < ${now}
        GROUP BY sh."membershipId", i."valueType"`,
      db.topicFollow.findMany({
        where: { orgId, membershipId: { in: ids } },
        select: { membershipId: true, topicId: true },
      }),
      listTeamResultsFor(orgId, ids, now),
      getMyImpacts(orgId, ids, week),
      db.notification.findMany({
        where: {
          orgId,
          userId: { in: members.map((m) => m.userId) },
          kind: { startsWith: MILESTONE_KIND_PREFIX },
          createdAt: { gte: from, lt: now },
        },
        orderBy: { createdAt: "asc" },
        select: { userId: true, title: true },
      }),
    ]);

  // Each member's feed: the first items of the candidates they may see (listFeedItems' take).
  const feedIds = new Map<string, string[]>();
  const needed = new Set<string>();
  for (const m of members) {
    const teams = new Set(m.teams.map((t) => t.teamId));
    const picked: string[] = [];
    for (const c of candidates) {
      if (picked.length >= FEED_ITEMS) break;
      if (
        c.audienceAll ||
        c.audienceTeams.some((t) => teams.has(t.teamId)) ||
        (m.locationId !== null && c.audienceLocations.some((l) => l.locationId === m.locationId))
      ) {
        picked.push(c.id);
        needed.add(c.id);
      }
    }
    feedIds.set(m.id, picked);
  }
  const rows = needed.size
    ? await db.contentItem.findMany({ where: { id: { in: [...needed] } }, select: feedSelect })
    : [];
  const rowById = new Map(rows.map((r) => [r.id, r]));

  const group = <T extends { membershipId: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of list) map.set(row.membershipId, [...(map.get(row.membershipId) ?? []), row]);
    return map;
  };
  const sharesOf = group(recentShares);
  const countsOf = group(typeCounts);
  const followsOf = group(follows);
  const milestonesOf = new Map<string, string[]>();
  for (const n of milestones) {
    const list = milestonesOf.get(n.userId) ?? [];
    if (list.length < 5) list.push(n.title);
    milestonesOf.set(n.userId, list);
  }

  for (const member of members) {
    const locale = member.user.locale ?? "en";
    const feed = (feedIds.get(member.id) ?? [])
      .map((id) => toFeedItem(rowById.get(id)!, locale))
      .sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0));
    const latest = sharesOf.get(member.id) ?? [];
    const sharedCount = new Map<string, number>();
    for (const s of latest) sharedCount.set(s.itemId, (sharedCount.get(s.itemId) ?? 0) + 1);
    const ranked = rankForYou(
      feed,
      {
        recentShares: latest.map((s) => ({ valueType: s.valueType, createdAt: s.createdAt })),
        sharedItemIds: new Set(sharedCount.keys()),
        followedTopicIds: new Set((followsOf.get(member.id) ?? []).map((f) => f.topicId)),
        teamResults: teamResults.get(member.id),
      },
      { now },
    );
    const counts = countsOf.get(member.id) ?? [];
    const digest = assembleDigest({
      orgId,
      orgName: org.name,
      membershipId: member.id,
      userId: member.userId,
      name: member.user.name,
      email: member.user.email,
      now,
      from,
      base,
      ranked: ranked.map(({ item }) => ({ ...item, sharedCount: sharedCount.get(item.id) ?? 0 })),
      recentTypes: new Set(counts.map((c) => c.valueType)),
      sharesLastWeek: counts.reduce((sum, c) => sum + c.week, 0),
      impact: impacts.get(member.id)!,
      milestones: milestonesOf.get(member.userId) ?? [],
    });
    digests.set(member.id, digest);
  }
  return digests;
}

/** One member's digest from what buildDigests loaded for them. */
function assembleDigest({
  orgId,
  orgName,
  membershipId,
  userId,
  name,
  email,
  now,
  from,
  base,
  ranked,
  recentTypes,
  sharesLastWeek,
  impact,
  milestones,
}: {
  orgId: string;
  orgName: string;
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  now: Date;
  from: Date;
  base: string;
  ranked: {
    id: string;
    title: string;
    valueType: ValueType;
    publishedAt: Date | null;
    sharedCount: number;
  }[];
  recentTypes: Set<ValueType>;
  sharesLastWeek: number;
  impact: MyImpact;
  milestones: string[];
}): Digest {
  // Not shared yet, in the "for you" order; the new ones went live in the week.
  const items: DigestItem[] = ranked
    .filter((r) => r.sharedCount === 0)
    .map((r) => ({
      id: r.id,
      title: r.title,
      valueType: r.valueType,
      valueTypeLabel: valueTypeLabel(r.valueType),
      liveSince: r.publishedAt ?? now,
      url: `${base}/share/${r.id}`,
    }));
  const fresh = items.filter((i) => i.liveSince >= from && i.liveSince <= now);

  const missing = VALUE_TYPE_IDS.filter((t) => !recentTypes.has(t));
  // Prefer a missing type with an item to start from (the newest such item); else the first.
  const newest = [...items].sort(
    (a, b) => b.liveSince.getTime() - a.liveSince.getTime() || a.id.localeCompare(b.id),
  );
  const withItem = newest.find((i) => missing.includes(i.valueType));
  const nudgeType = withItem?.valueType ?? missing[0];
  const nudge = nudgeType
    ? {
        valueType: nudgeType,
        label: valueTypeLabel(nudgeType),
        message: NUDGE[nudgeType],
        item: withItem ?? null,
      }
    : null;

  const myImpact: DigestImpact = {
    visits: impact.totals.uniqueVisits,
    clicks: impact.totals.humanClicks,
    reach: impact.totals.reach,
    reachIsEstimate: impact.totals.reachIsEstimate,
    outcomes: impact.totals.conversions,
    outcomesText: describeOutcomes(impact.totals.outcomes),
    best: impact.best ? { title: impact.best.itemTitle, visits: impact.best.uniqueVisits } : null,
    milestones,
  };

  return {
    orgId,
    orgName,
    membershipId,
    userId,
    name,
    email,
    from,
    to: now,
    impact: myImpact,
    newItems: fresh.slice(0, MAX_ITEMS),
    newItemCount: fresh.length,
    sharesLastWeek,
    clicksLastWeek: impact.totals.humanClicks,
    nudge,
    feedUrl: `${base}/feed`,
    activityUrl: `${base}/activity`,
  };
}
