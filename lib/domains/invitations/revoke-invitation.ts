import { db } from "@/lib/core/db/client";
import { notFound } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";

export async function revokeInvitation(access: Access, invitationId: string) {
  await db.$transaction(async (tx) => {
    const updated = await tx.invitation.updateMany({
      where: { id: invitationId, orgId: access.orgId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (updated.count === 0) throw notFound("Invitation");
    const invitation = await tx.invitation.findFirst({
      where: { id: invitationId, orgId: access.orgId },
      select: { email: true, role: true, kind: true },
    });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "invitation.revoke",
      targetType: "invitation",
      targetId: invitationId,
      metadata: invitation
        ? { kind: invitation.kind, email: invitation.email, role: invitation.role }
        : undefined,
    });
  });
}
