import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { deleteOwnLogoFile } from "@/lib/domains/orgs/set-org-logo";

/** Clears the organisation's logo; the stored file is deleted after the commit. */
export async function removeOrgLogo(access: Access) {
  const previousUrl = await db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({
      where: { id: access.orgId },
      select: { logoUrl: true },
    });
    if (!before.logoUrl) return null;
    await tx.organization.update({ where: { id: access.orgId }, data: { logoUrl: null } });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "organization.logo_remove",
      targetType: "organization",
      targetId: access.orgId,
    });
    return before.logoUrl;
  });
  await deleteOwnLogoFile(access.orgId, previousUrl);
  return { logoUrl: null };
}
