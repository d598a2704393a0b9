import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { badRequest } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import type { PushSubscriptionInput } from "@/lib/domains/push/push-schemas";
import { endpointProblem } from "@/lib/integrations/push/send-web-push";

/**
 * Keeps this browser's subscription for the signed-in member (one row per endpoint and
 * organisation). The same endpoint again updates its keys; when someone else signed in on that
 * browser before, it becomes this person's (the device follows who uses it). Answering the
 * one-time question counts as asked. Returns the subscription's id.
 */
export async function savePushSubscription(
  access: Access,
  input: PushSubscriptionInput,
  userAgent: string | null,
): Promise<{ id: string }> {
  const problem = endpointProblem(input.endpoint);
  if (problem) {
    throw badRequest(`That push subscription cannot be used: its endpoint ${problem}.`, {
      endpoint: problem,
    });
  }
  const data = {
    userId: access.userId,
    membershipId: access.membershipId,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    userAgent: userAgent?.slice(0, 300) ?? null,
  };
  return db.$transaction(async (tx) => {
    const saved = await tx.pushSubscription.upsert({
      where: { orgId_endpoint: { orgId: access.orgId, endpoint: input.endpoint } },
      create: { id: createId("psb"), orgId: access.orgId, endpoint: input.endpoint, ...data },
      update: data,
      select: { id: true },
    });
    await tx.membership.updateMany({
      where: { id: access.membershipId, orgId: access.orgId, pushPromptedAt: null },
      data: { pushPromptedAt: new Date() },
    });
    return saved;
  });
}
