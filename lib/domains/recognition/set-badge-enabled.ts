import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { notFound } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";

export const setBadgeEnabledSchema = z.strictObject({
  enabled: z.boolean({ error: "enabled must be true or false." }),
});

/**
 * Switches one of the organisation's badges on or off (off: no longer awarded nor shown; awards
 * already made are kept and reappear when it is switched back on). Audit-logged.
 */
export async function setBadgeEnabled(access: Access, badgeId: string, enabled: boolean) {
  return db.$transaction(async (tx) => {
    const badge = await tx.badgeDefinition.findFirst({
      where: { id: badgeId, orgId: access.orgId },
      select: { id: true, name: true, enabled: true },
    });
    if (!badge) throw notFound("Badge");
    const saved = await tx.badgeDefinition.update({
      where: { id: badge.id },
      data: { enabled },
      select: { id: true, enabled: true },
    });
    if (badge.enabled !== enabled) {
      await recordAudit(tx, {
        orgId: access.orgId,
        actorId: access.userId,
        action: "settings.badge_update",
        targetType: "organization",
        targetId: access.orgId,
        metadata: { badge: badge.name, enabled },
      });
    }
    return saved;
  });
}
