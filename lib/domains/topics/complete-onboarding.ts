import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { listTopics } from "@/lib/domains/topics/list-topics";

/**
 * The topics to offer when the first sign-in question (which topics to follow) still waits for an
 * answer; null when it was answered or skipped, or when the organisation has no topics to offer.
 */
export async function onboardingTopics(access: Pick<Access, "orgId" | "membershipId">) {
  const membership = await db.membership.findUnique({
    where: { id: access.membershipId },
    select: { onboardedAt: true },
  });
  if (!membership || membership.onboardedAt) return null;
  const topics = await listTopics(access.orgId);
  return topics.length ? topics : null;
}

/** The member skipped (or dismissed) the question: it is not asked again. Idempotent. */
export async function completeOnboarding(access: Access) {
  await db.membership.updateMany({
    where: { id: access.membershipId, orgId: access.orgId, onboardedAt: null },
    data: { onboardedAt: new Date() },
  });
  const { onboardedAt } = await db.membership.findUniqueOrThrow({
    where: { id: access.membershipId },
    select: { onboardedAt: true },
  });
  return { onboardedAt };
}
