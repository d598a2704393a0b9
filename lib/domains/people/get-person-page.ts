import { db } from "@/lib/core/db/client";
import { notFound } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import { countMemberClicks } from "@/lib/domains/analytics/count-member-clicks";
import { computeContentMix } from "@/lib/domains/content/content-mix";
import { weeklyStreak } from "@/lib/domains/sharing/share-streak";
import { countedShare } from "@/lib/domains/sharing/share-status";
import type { DayRange } from "@/lib/domains/analytics/types";
import { lastNDays } from "@/lib/domains/analytics/day-range";
import { getMyImpact } from "@/lib/domains/impact/get-my-impact";

/**
 * A member's page inside the organisation: who they are, the stories they originated, what they
 * shared and their mix. The person chooses which sections colleagues see; they always see all.
 */
export async function getPersonPage(
  access: Access,
  handle: string,
  now = new Date(),
  { range = lastNDays(30, access.org.timeZone, now) }: { range?: DayRange } = {},
) {
  const member = await db.membership.findFirst({
    where: { orgId: access.orgId, handle, status: "ACTIVE" },
    select: {
      id: true,
      handle: true,
      title: true,
      role: true,
      showShares: true,
      showStories: true,
      showMix: true,
      showReach: true,
      location: { select: { name: true } },
      user: { select: { name: true, headline: true, image: true, networkSize: true } },
      teams: { select: { team: { select: { id: true, name: true } } } },
    },
  });
  if (!member) throw notFound("Person");
  const isSelf = member.id === access.membershipId;
  const sees = (flag: boolean) => isSelf || flag;

  const [stories, shares, clicks, impact] = await Promise.all([
    sees(member.showStories)
      ? db.contentItem.findMany({
          where: { orgId: access.orgId, originatorMembershipId: member.id, status: "PUBLISHED" },
          orderBy: { publishedAt: "desc" },
          take: 20,
          select: { id: true, title: true, valueType: true, publishedAt: true },
        })
      : Promise.resolve(null),
    // Only shares that count: posted and confirmed (an opened dialog is not a share yet).
    db.share.findMany({
      where: { orgId: access.orgId, membershipId: member.id, ...countedShare },
      orderBy: { createdAt: "desc" },
      take: 200,
      select: {
        id: true,
        text: true,
        createdAt: true,
        channel: true,
        authenticity: true,
        item: { select: { id: true, title: true, valueType: true, goals: true } },
      },
    }),
    sees(member.showReach) ? countMemberClicks(access.orgId, member.id) : Promise.resolve(null),
    // Their impact in the period goes with "Reach"; its per-share rows with "What I shared" and
    // its visits by value type with "My mix" — nothing of a hidden section leaves the server.
    sees(member.showReach) ? getMyImpact(access.orgId, member.id, range) : Promise.resolve(null),
  ]);

  return {
    isSelf,
    handle: member.handle,
    name: member.user.name,
    headline: member.user.headline,
    title: member.title,
    image: member.user.image,
    location: member.location?.name ?? null,
    teams: member.teams.map((t) => t.team),
    visibility: {
      shares: member.showShares,
      stories: member.showStories,
      mix: member.showMix,
      reach: member.showReach,
    },
    stories,
    shares: sees(member.showShares) ? shares.slice(0, 20) : null,
    mix: sees(member.showMix)
      ? computeContentMix(shares.map((s) => ({ valueType: s.item.valueType, goals: s.item.goals })))
      : null,
    reach: sees(member.showReach)
      ? {
          shares: shares.length,
          streakWeeks: weeklyStreak(
            shares.map((s) => s.createdAt),
            now,
            access.org.timeZone,
          ),
          networkSize: member.user.networkSize,
          // Human clicks on all their tracked links, as the dashboard credits them.
          clicks: clicks?.total ?? 0,
        }
      : null,
    impact: impact
      ? {
          ...impact,
          byShare: sees(member.showShares) ? impact.byShare : [],
          best: sees(member.showShares) ? impact.best : null,
          mix: sees(member.showMix) ? impact.mix : null,
          visitsByValueType: sees(member.showMix) ? impact.visitsByValueType : [],
        }
      : null,
  };
}

export type PersonPage = Awaited<ReturnType<typeof getPersonPage>>;
