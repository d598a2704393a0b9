import { z } from "zod";
import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { auditChange } from "@/lib/domains/audit/audit-change";
import { timeZoneField } from "@/lib/core/validation";
import { rebuildRollups } from "@/lib/domains/analytics/rollup";
import { requestRollup } from "@/lib/domains/analytics/request-rollup";

export const updateOrganizationSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(2, { error: "Organisation names need at least 2 characters." })
      .max(80, { error: "Organisation names are at most 80 characters." }),
    timeZone: timeZoneField,
  })
  .partial()
  .strict();

export async function updateOrganization(
  access: Access,
  input: z.infer<typeof updateOrganizationSchema>,
) {
  const result = await db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({
      where: { id: access.orgId },
      select: { name: true, timeZone: true },
    });
    const org = await tx.organization.update({
      where: { id: access.orgId },
      data: input,
      select: { id: true, name: true, slug: true, timeZone: true, logoUrl: true },
    });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "organization.update",
      targetType: "organization",
      targetId: access.orgId,
      metadata: auditChange(before, input),
    });
    // Daily rollups are days in the organisation's time zone: recount them all in the new one.
    const timeZoneChanged = org.timeZone !== before.timeZone;
    if (timeZoneChanged) await rebuildRollups(tx, access.orgId);
    return { org, timeZoneChanged };
  });
  if (result.timeZoneChanged) void requestRollup();
  return result.org;
}
