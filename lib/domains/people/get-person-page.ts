import { db } from "@/lib/core/db/client";
import { notFound } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import { countMemberClicks } from "@/lib/domains/analytics/count-member-clicks";
import { computeContentMix } from "@/lib/domains/content/content-mix";
import { weeklyStreak } from "@/lib/domains/sharing/share-streak";
import { countedShare } from "@/lib/domains/sharing/share-status";

/**
 * A member's page inside the organisation: who they are, the stories they originated, what they
 * shared and their mix. The person chooses which sections colleagues see; they always see all.
 */
export async function getPersonPage(access: Access, handle: string, now = new Date()) {
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

  const [stories, shares, clicks] = await Promise.all([
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
  };
}

export type PersonPage = Awaited<ReturnType<typeof getPersonPage>>;
