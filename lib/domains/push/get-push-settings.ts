import { db } from "@/lib/core/db/client";
import { can } from "@/lib/domains/access/permissions";
import type { Access } from "@/lib/domains/access/resolve-access";
import { vapidConfig } from "@/lib/integrations/push/vapid-config";

export interface PushPreferences {
  newContent: boolean;
  milestones: boolean;
  campaigns: boolean;
  approvals: boolean;
}

export interface PushSettings {
  /** The VAPID public key browsers subscribe with; null when Web Push is not configured. */
  publicKey: string | null;
  preferences: PushPreferences;
  /** Approvals are offered only to people who may approve. */
  canApprove: boolean;
  /** The member's subscribed devices: the page matches this browser's endpoint to its id. */
  devices: { id: string; endpoint: string }[];
  /** The one-time question was asked (answered or dismissed). */
  prompted: boolean;
}

export async function getPushPreferences(access: Access): Promise<PushPreferences> {
  const m = await db.membership.findFirstOrThrow({
    where: { id: access.membershipId, orgId: access.orgId },
    select: {
      pushNewContent: true,
      pushMilestones: true,
      pushCampaigns: true,
      pushApprovals: true,
    },
  });
  return {
    newContent: m.pushNewContent,
    milestones: m.pushMilestones,
    campaigns: m.pushCampaigns,
    approvals: m.pushApprovals,
  };
}

/** Everything the profile's "Notifications on this device" section needs. */
export async function getPushSettings(access: Access): Promise<PushSettings> {
  const [preferences, devices, membership] = await Promise.all([
    getPushPreferences(access),
    db.pushSubscription.findMany({
      where: { orgId: access.orgId, membershipId: access.membershipId },
      select: { id: true, endpoint: true },
      orderBy: { createdAt: "asc" },
    }),
    db.membership.findFirstOrThrow({
      where: { id: access.membershipId, orgId: access.orgId },
      select: { pushPromptedAt: true },
    }),
  ]);
  return {
    publicKey: vapidConfig()?.publicKey ?? null,
    preferences,
    canApprove: can(access, "content:approve"),
    devices,
    prompted: membership.pushPromptedAt !== null,
  };
}
