import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { visibleItemsWhere } from "@/lib/domains/content/list-feed-items";
import { VALUE_TYPE_IDS, valueTypeLabel } from "@/lib/domains/content/value-types";
import type { ValueType } from "@/lib/generated/prisma/enums";
import { appUrl } from "@/lib/core/http/app-url";
import { countedShare } from "@/lib/domains/sharing/share-status";
import type { Digest, DigestItem } from "@/lib/integrations/email/templates/digest";

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

export type { Digest, DigestItem } from "@/lib/integrations/email/templates/digest";

function dayString(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * What the weekly digest tells one member: new items for them since last week, their shares and
 * clicks last week, and a nudge toward a value type they haven't shared in 30 days. Reads only;
 * returns null for a member who is not active in the organisation.
 *
 * Clicks come from the daily rollups (ShareDailyStats, by the organisation's days): the seven
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
      userId: true,
      user: { select: { name: true, email: true } },
      org: { select: { name: true } },
    },
  });
  if (!member) return null;
  const from = new Date(now.getTime() - 7 * DAY_MS);
  const nudgeSince = new Date(now.getTime() - NUDGE_WINDOW_DAYS * DAY_MS);
  const base = appUrl();
  // visibleItemsWhere reads only the organisation and the membership of the access.
  const where = await visibleItemsWhere({ orgId, membershipId } as Access, now);

  const [shared, recentShares, clicks, sharesLastWeek] = await Promise.all([
    db.share.findMany({
      where: { orgId, membershipId, ...countedShare },
      select: { itemId: true },
      distinct: "itemId",
    }),
    db.share.findMany({
      where: { orgId, membershipId, ...countedShare, createdAt: { gte: nudgeSince, lt: now } },
      select: { item: { select: { valueType: true } } },
    }),
    db.$queryRaw<{ clicks: bigint | null }[]>`
      SELECT SUM("humanClicks")::bigint AS clicks FROM "ShareDailyStats"
      WHERE "orgId" = ${orgId} AND "membershipId" = ${membershipId}
        AND day >= ${dayString(from)}::date AND day < ${dayString(now)}::date`,
    db.share.count({
      where: { orgId, membershipId, ...countedShare, createdAt: { gte: from, lt: now } },
    }),
  ]);
  const sharedIds = [...new Set(shared.map((s) => s.itemId))];

  const candidates = await db.contentItem.findMany({
    where: { ...where, id: { notIn: sharedIds } },
    select: { id: true, title: true, valueType: true, publishAt: true, publishedAt: true },
    orderBy: [
      { publishAt: { sort: "desc", nulls: "last" } },
      { publishedAt: "desc" },
      { id: "asc" },
    ],
    take: 300,
  });
  const toItem = (c: (typeof candidates)[number]): DigestItem => ({
    id: c.id,
    title: c.title,
    valueType: c.valueType,
    valueTypeLabel: valueTypeLabel(c.valueType),
    liveSince: c.publishAt ?? c.publishedAt ?? now,
    url: `${base}/share/${c.id}`,
  });
  const items = candidates
    .map(toItem)
    .sort((a, b) => b.liveSince.getTime() - a.liveSince.getTime() || a.id.localeCompare(b.id));
  const fresh = items.filter((i) => i.liveSince >= from && i.liveSince <= now);

  const sharedTypes = new Set(recentShares.map((s) => s.item.valueType));
  const missing = VALUE_TYPE_IDS.filter((t) => !sharedTypes.has(t));
  // Prefer a missing type with an item to start from (the newest such item); else the first.
  const withItem = items.find((i) => missing.includes(i.valueType));
  const nudgeType = withItem?.valueType ?? missing[0];
  const nudge = nudgeType
    ? {
        valueType: nudgeType,
        label: valueTypeLabel(nudgeType),
        message: NUDGE[nudgeType],
        item: withItem ?? null,
      }
    : null;

  return {
    orgId,
    orgName: member.org.name,
    membershipId,
    userId: member.userId,
    name: member.user.name,
    email: member.user.email,
    from,
    to: now,
    newItems: fresh.slice(0, MAX_ITEMS),
    newItemCount: fresh.length,
    sharesLastWeek,
    clicksLastWeek: Number(clicks[0]?.clicks ?? 0),
    nudge,
    feedUrl: `${base}/feed`,
    activityUrl: `${base}/activity`,
  };
}
