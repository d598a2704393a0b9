import { db } from "@/lib/core/db/client";
import { LIVE_AUDIENCE_STATUSES } from "@/lib/domains/locations/location-audiences";

/**
 * The organisation's locations with what uses them, for the admin page: members placed there,
 * pending invitations that will place people there, and live posts (draft, in review, published)
 * aimed at it — `onlyAudienceCount` of which are aimed at nothing else and block deleting it.
 */
export async function listLocationUsage(orgId: string) {
  const now = new Date();
  const [locations, locationOnlyPosts] = await Promise.all([
    db.location.findMany({
      where: { orgId },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        _count: {
          select: {
            memberships: true,
            invitations: { where: { revokedAt: null, useCount: 0, expiresAt: { gt: now } } },
            audienceOf: { where: { item: { status: { in: LIVE_AUDIENCE_STATUSES } } } },
          },
        },
      },
    }),
    // Live posts aimed at locations only; those aimed at exactly one count against it.
    db.contentItem.findMany({
      where: {
        orgId,
        status: { in: LIVE_AUDIENCE_STATUSES },
        audienceAll: false,
        audienceTeams: { none: {} },
      },
      select: { audienceLocations: { select: { locationId: true }, take: 2 } },
    }),
  ]);
  const onlyAt = new Map<string, number>();
  for (const { audienceLocations } of locationOnlyPosts) {
    if (audienceLocations.length !== 1) continue;
    const id = audienceLocations[0]!.locationId;
    onlyAt.set(id, (onlyAt.get(id) ?? 0) + 1);
  }
  return locations.map((l) => ({
    id: l.id,
    name: l.name,
    memberCount: l._count.memberships,
    invitationCount: l._count.invitations,
    audienceCount: l._count.audienceOf,
    onlyAudienceCount: onlyAt.get(l.id) ?? 0,
  }));
}

export type LocationUsage = Awaited<ReturnType<typeof listLocationUsage>>[number];
