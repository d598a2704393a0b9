import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { VALUE_TYPE_IDS, valueTypeLabel } from "@/lib/domains/content/value-types";
import type { ValueType } from "@/lib/generated/prisma/enums";
import { appUrl } from "@/lib/core/http/app-url";
import { addDays } from "@/lib/domains/analytics/day-range";
import { getMyImpact } from "@/lib/domains/impact/get-my-impact";
import { MILESTONE_KIND_PREFIX } from "@/lib/domains/milestones/milestones";
import { describeOutcomes } from "@/lib/domains/milestones/outcome-words";
import { listForYouFeed } from "@/lib/domains/sharing/list-for-you-feed";
import { countedShare } from "@/lib/domains/sharing/share-status";
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
  const member = await db.membership.findFirst({
    where: { id: membershipId, orgId, status: "ACTIVE" },
    select: {
      id: true,
      role: true,
      userId: true,
      user: { select: { id: true, name: true, email: true, image: true } },
      org: { select: { id: true, name: true, slug: true, timeZone: true, logoUrl: true } },
    },
  });
  if (!member) return null;
  const from = new Date(now.getTime() - 7 * DAY_MS);
  const nudgeSince = new Date(now.getTime() - NUDGE_WINDOW_DAYS * DAY_MS);
  const base = appUrl();
  // The member's own access, as if they opened their feed.
  const access: Access = {
    userId: member.userId,
    orgId,
    membershipId,
    role: member.role,
    user: member.user,
    org: member.org,
  };
  const week = { from: dayString(from), to: addDays(dayString(now), -1) };

  const [recentShares, sharesLastWeek, ranked, impact, milestones] = await Promise.all([
    db.share.findMany({
      where: { orgId, membershipId, ...countedShare, createdAt: { gte: nudgeSince, lt: now } },
      select: { item: { select: { valueType: true } } },
    }),
    db.share.count({
      where: { orgId, membershipId, ...countedShare, createdAt: { gte: from, lt: now } },
    }),
    listForYouFeed(access, { order: "for-you" }, now),
    getMyImpact(orgId, membershipId, week),
    db.notification.findMany({
      where: {
        orgId,
        userId: member.userId,
        kind: { startsWith: MILESTONE_KIND_PREFIX },
        createdAt: { gte: from, lt: now },
      },
      orderBy: { createdAt: "asc" },
      take: 5,
      select: { title: true },
    }),
  ]);

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

  const sharedTypes = new Set(recentShares.map((s) => s.item.valueType));
  const missing = VALUE_TYPE_IDS.filter((t) => !sharedTypes.has(t));
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
    milestones: milestones.map((m) => m.title),
  };

  return {
    orgId,
    orgName: member.org.name,
    membershipId,
    userId: member.userId,
    name: member.user.name,
    email: member.user.email,
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
