import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import type { PushPreferencesInput } from "@/lib/domains/push/push-schemas";
import { getPushPreferences, type PushPreferences } from "@/lib/domains/push/get-push-settings";

/** Changes the member's push switches (and records the one-time question as answered). */
export async function updatePushPreferences(
  access: Access,
  input: PushPreferencesInput,
): Promise<PushPreferences> {
  await db.membership.update({
    where: { id: access.membershipId, orgId: access.orgId },
    data: {
      ...(input.newContent !== undefined ? { pushNewContent: input.newContent } : {}),
      ...(input.milestones !== undefined ? { pushMilestones: input.milestones } : {}),
      ...(input.campaigns !== undefined ? { pushCampaigns: input.campaigns } : {}),
      ...(input.approvals !== undefined ? { pushApprovals: input.approvals } : {}),
    },
  });
  if (input.prompted) {
    await db.membership.updateMany({
      where: { id: access.membershipId, orgId: access.orgId, pushPromptedAt: null },
      data: { pushPromptedAt: new Date() },
    });
  }
  return getPushPreferences(access);
}
