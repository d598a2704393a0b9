import type { Tx } from "@/lib/core/db/client";
import { createNotifications } from "@/lib/domains/notifications/create-notification";

export const CONTENT_NEW_FOR_YOU = "content.new_for_you";

/**
 * The bell for a live item: one notification per active member in its audience (the whole
 * organisation, or its teams and locations), except its author and the employee whose story it is
 * (told separately). Followers of one of its topics read "New in <topic>", the others "New for
 * you". Once per item: an earlier notification of this kind for it means it was sent. Runs inside
 * announceContentItem's transaction (under its per-item lock). Returns how many were created.
 */
export async function notifyNewForYou(
  tx: Tx,
  orgId: string,
  item: { id: string; title: string; authorId: string | null },
  exceptUserIds: readonly string[] = [],
): Promise<number> {
  const url = `/share/${item.id}`;
  const sent = await tx.notification.count({ where: { orgId, kind: CONTENT_NEW_FOR_YOU, url } });
  if (sent > 0) return 0;
  const audience = await tx.contentItem.findFirstOrThrow({
    where: { id: item.id, orgId },
    select: {
      audienceAll: true,
      audienceTeams: { select: { teamId: true } },
      audienceLocations: { select: { locationId: true } },
      topics: { select: { topicId: true } },
    },
  });
  const teamIds = audience.audienceTeams.map((t) => t.teamId);
  const locationIds = audience.audienceLocations.map((l) => l.locationId);
  const topicIds = audience.topics.map((t) => t.topicId);
  const skip = [...exceptUserIds, ...(item.authorId ? [item.authorId] : [])];
  const members = await tx.membership.findMany({
    where: {
      orgId,
      status: "ACTIVE",
      userId: { notIn: skip },
      ...(audience.audienceAll
        ? {}
        : {
            OR: [
              { teams: { some: { teamId: { in: teamIds } } } },
              { locationId: { in: locationIds } },
            ],
          }),
    },
    select: {
      userId: true,
      follows: {
        where: { topicId: { in: topicIds } },
        select: { topic: { select: { name: true } } },
        orderBy: { topic: { name: "asc" } },
        take: 1,
      },
    },
  });
  return createNotifications(
    members.map((m) => {
      const topic = m.follows[0]?.topic.name;
      return {
        orgId,
        userId: m.userId,
        kind: CONTENT_NEW_FOR_YOU,
        title: topic ? `New in ${topic}: ${item.title}` : `New for you: ${item.title}`,
        body: "A new post is ready for you to make your own and share.",
        url,
      };
    }),
    tx,
  );
}
