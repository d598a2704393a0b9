import { db } from "@/lib/core/db/client";

/** The organisation's topics by name, for pickers (studio, profile, onboarding). */
export async function listTopics(orgId: string) {
  return db.topic.findMany({
    where: { orgId },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** The topics with how many posts carry them and how many people follow them (admin page). */
export async function listTopicUsage(orgId: string) {
  const topics = await db.topic.findMany({
    where: { orgId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, _count: { select: { items: true, followers: true } } },
  });
  return topics.map((t) => ({
    id: t.id,
    name: t.name,
    itemCount: t._count.items,
    followerCount: t._count.followers,
  }));
}

export type TopicUsage = Awaited<ReturnType<typeof listTopicUsage>>[number];
