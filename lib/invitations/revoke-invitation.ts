import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import type { Access } from "@/lib/access/resolve-access";
import { recordAudit } from "@/lib/audit/record-audit";

export async function revokeInvitation(access: Access, invitationId: string) {
  await db.$transaction(async (tx) => {
    const updated = await tx.invitation.updateMany({
      where: { id: invitationId, orgId: access.orgId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (updated.count === 0) throw notFound("Invitation");
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "invitation.revoke",
      targetType: "invitation",
      targetId: invitationId,
    });
  });
}
