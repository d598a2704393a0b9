import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { vapidConfig } from "@/lib/integrations/push/vapid-config";

/**
 * Whether to ask this person, once, to turn push on: only after they shared something (never on
 * a first visit), when they were not asked yet and have no device subscribed, and when the server
 * can push. Returns the VAPID public key to subscribe with, or null.
 */
export async function shouldAskForPush(access: Access): Promise<string | null> {
  const vapid = vapidConfig();
  if (!vapid) return null;
  const [membership, devices, shared] = await Promise.all([
    db.membership.findFirst({
      where: { id: access.membershipId, orgId: access.orgId },
      select: { pushPromptedAt: true },
    }),
    db.pushSubscription.count({
      where: { orgId: access.orgId, membershipId: access.membershipId },
    }),
    db.share.findFirst({
      where: { orgId: access.orgId, membershipId: access.membershipId },
      select: { id: true },
    }),
  ]);
  if (!membership || membership.pushPromptedAt || devices > 0 || !shared) return null;
  return vapid.publicKey;
}
