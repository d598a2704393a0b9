import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { assertTopicsInOrg } from "@/lib/domains/topics/assert-topics-in-org";

/** The topics the member follows, by name. */
export async function listFollowedTopics(access: Pick<Access, "orgId" | "membershipId">) {
  const rows = await db.topicFollow.findMany({
    where: { orgId: access.orgId, membershipId: access.membershipId },
    select: { topic: { select: { id: true, name: true } } },
    orderBy: { topic: { name: "asc" } },
  });
  return rows.map((r) => r.topic);
}

/**
 * Replaces the topics the member follows with `topicIds` (another organisation's topic: 404).
 * Choosing topics also answers the first sign-in question, so onboarding is marked done.
 */
export async function setFollowedTopics(access: Access, topicIds: string[]) {
  return db.$transaction(async (tx) => {
    const ids = await assertTopicsInOrg(tx, access.orgId, topicIds);
    await tx.topicFollow.deleteMany({
      where: { membershipId: access.membershipId, topicId: { notIn: ids } },
    });
    await tx.topicFollow.createMany({
      data: ids.map((topicId) => ({
        orgId: access.orgId,
        membershipId: access.membershipId,
        topicId,
      })),
      skipDuplicates: true,
    });
    await tx.membership.updateMany({
      where: { id: access.membershipId, onboardedAt: null },
      data: { onboardedAt: new Date() },
    });
    return { topicIds: ids };
  });
}
