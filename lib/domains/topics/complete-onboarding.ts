import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";

/** Whether the first sign-in question (which topics to follow) still waits for an answer. */
export async function needsOnboarding(access: Pick<Access, "membershipId">): Promise<boolean> {
  const membership = await db.membership.findUnique({
    where: { id: access.membershipId },
    select: { onboardedAt: true },
  });
  return membership !== null && membership.onboardedAt === null;
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
