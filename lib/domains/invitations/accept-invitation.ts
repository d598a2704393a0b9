import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { AppError, conflict, forbidden, notFound } from "@/lib/core/errors/app-error";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { uniqueHandle } from "@/lib/domains/members/assign-handle";
import { hashInvitationToken } from "@/lib/domains/invitations/invitation-token";
import { invitationState } from "@/lib/domains/invitations/invitation-status";
import { emitEvent } from "@/lib/domains/developer-webhooks/emit-event";

function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}${"•".repeat(Math.max(1, local.length - 1))}@${domain}`;
}

/**
 * Turns an invitation into a membership with the role, teams and location chosen by the admin. The use
 * counter is taken with a conditional UPDATE, so a single-use invitation is used exactly once
 * even when two people accept at the same moment.
 */
export async function acceptInvitation(userId: string, token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: { teams: true, org: { select: { name: true } } },
  });
  if (!invitation) throw notFound("This invitation");
  const state = invitationState(invitation);
  if (state === "revoked") throw new AppError("CONFLICT", "This invitation has been revoked.");
  if (state === "used") throw new AppError("CONFLICT", "This invitation has already been used.");
  if (state === "expired") {
    throw new AppError("CONFLICT", "This invitation has expired. Ask an admin for a new one.");
  }

  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw notFound("Your account");
  if (invitation.email && invitation.email !== user.email) {
    throw forbidden(
      `This invitation was sent to ${maskEmail(invitation.email)}. Sign in with that email to accept it.`,
    );
  }

  return db.$transaction(async (tx) => {
    const existing = await tx.membership.findUnique({
      where: { orgId_userId: { orgId: invitation.orgId, userId } },
      select: { status: true },
    });
    if (existing) {
      throw conflict(
        existing.status === "ACTIVE"
          ? `You are already a member of ${invitation.org.name}.`
          : `Your membership of ${invitation.org.name} is deactivated. Ask an admin to reactivate it.`,
      );
    }
    const taken = await tx.$executeRaw`
      UPDATE "Invitation" SET "useCount" = "useCount" + 1, "updatedAt" = now()
      WHERE "id" = ${invitation.id} AND "useCount" < "maxUses" AND "revokedAt" IS NULL
        AND "expiresAt" > now()`;
    if (taken !== 1) throw new AppError("CONFLICT", "This invitation has already been used.");

    const membershipId = createId("mem");
    const person = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { name: true },
    });
    await tx.membership.create({
      data: {
        id: membershipId,
        handle: await uniqueHandle(tx, invitation.orgId, person.name),
        orgId: invitation.orgId,
        userId,
        role: invitation.role,
        invitationId: invitation.id,
        locationId: invitation.locationId,
      },
    });
    const teamRows = invitation.teams.map((t) => ({
      orgId: invitation.orgId,
      teamId: t.teamId,
      membershipId,
    }));
    await tx.teamMember.createMany({ data: teamRows });
    // A manager invited into teams manages those teams.
    if (invitation.role === "MANAGER") await tx.teamManager.createMany({ data: teamRows });
    await tx.user.update({ where: { id: userId }, data: { lastActiveOrgId: invitation.orgId } });
    await recordAudit(tx, {
      orgId: invitation.orgId,
      actorId: userId,
      action: "invitation.accept",
      targetType: "invitation",
      targetId: invitation.id,
      metadata: { membershipId, role: invitation.role },
    });
    await emitEvent(
      invitation.orgId,
      "member.joined",
      {
        memberId: membershipId,
        name: person.name,
        role: invitation.role,
        teamIds: invitation.teams.map((t) => t.teamId),
      },
      { tx },
    );
    return { orgId: invitation.orgId, role: invitation.role, membershipId };
  });
}
