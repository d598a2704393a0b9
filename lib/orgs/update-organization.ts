import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Access } from "@/lib/access/resolve-access";
import { recordAudit } from "@/lib/audit/record-audit";
import { timeZoneField } from "@/lib/validation";

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
  return db.$transaction(async (tx) => {
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
      metadata: input,
    });
    return org;
  });
}
