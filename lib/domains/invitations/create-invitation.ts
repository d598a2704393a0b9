import { z } from "zod";
import { db, type Tx } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { conflict, unknownIds } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { emailField, idField, roleField } from "@/lib/core/validation";
import { newInvitationToken } from "@/lib/domains/invitations/invitation-token";
import { lockOrgInvitations } from "@/lib/domains/invitations/lock-org-invitations";
import { isEmailConfigured } from "@/lib/domains/email/email-configured";
import { queueInvitationEmails } from "@/lib/domains/invitations/invitation-emails";
import { INVITATION_EXPIRY_DAYS } from "@/lib/domains/invitations/invitation-expiry";

const DAY_MS = 24 * 60 * 60 * 1000;

export const createInvitationSchema = z.discriminatedUnion(
  "kind",
  [
    z
      .object({
        kind: z.literal("EMAIL"),
        email: emailField,
        name: z.string().trim().max(120).optional(),
        role: roleField,
        teamIds: z.array(idField).max(50).default([]),
        /** Where the person will work once they join (a location of the organisation). */
        locationId: idField.nullable().optional(),
        expiresInDays: z.number().int().min(1).max(30).default(INVITATION_EXPIRY_DAYS),
      })
      .strict(),
    z
      .object({
        kind: z.literal("LINK"),
        role: roleField,
        teamIds: z.array(idField).max(50).default([]),
        /** Where the person will work once they join (a location of the organisation). */
        locationId: idField.nullable().optional(),
        expiresInDays: z.number().int().min(1).max(30).default(INVITATION_EXPIRY_DAYS),
        maxUses: z.number().int().min(1).max(1000).default(25),
      })
      .strict(),
  ],
  { error: 'kind must be "EMAIL" (invite one person) or "LINK" (a shareable invite link).' },
);

export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

/** Creates an email invitation or a shareable link; returns the secret token once. */
export async function createInvitation(access: Access, input: CreateInvitationInput) {
  const created = await db.$transaction(async (tx) => {
    await lockOrgInvitations(tx, access.orgId);
    await assertTeamsInOrg(tx, access.orgId, input.teamIds);
    await assertLocationInOrg(tx, access.orgId, input.locationId ?? null);
    if (input.kind === "EMAIL") await assertInvitable(tx, access.orgId, input.email);
    const { token, tokenHash } = newInvitationToken();
    const id = createId("inv");
    const expiresAt = new Date(Date.now() + input.expiresInDays * DAY_MS);
    await tx.invitation.create({
      data: {
        id,
        orgId: access.orgId,
        kind: input.kind,
        email: input.kind === "EMAIL" ? input.email : null,
        name: input.kind === "EMAIL" ? input.name || null : null,
        role: input.role,
        tokenHash,
        maxUses: input.kind === "LINK" ? input.maxUses : 1,
        expiresAt,
        createdById: access.userId,
        locationId: input.locationId ?? null,
        teams: { create: input.teamIds.map((teamId) => ({ orgId: access.orgId, teamId })) },
      },
    });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "invitation.create",
      targetType: "invitation",
      targetId: id,
      metadata: {
        kind: input.kind,
        email: input.kind === "EMAIL" ? input.email : null,
        role: input.role,
        locationId: input.locationId ?? null,
      },
    });
    return { id, token, expiresAt };
  });
  if (input.kind === "LINK") return { ...created, emailed: null };
  // After the commit: the invitation email (dedupe key invite:<id>).
  const queued = await queueInvitationEmails(access, [
    { ...created, email: input.email, name: input.name || null, role: input.role },
  ]);
  return { ...created, emailed: invitationEmailOutcome(queued === 1) };
}

/**
 * What became of an invitation's email, for the admin who created it: queued for sending, only
 * recorded (this server has no SMTP_URL), or not queued at all (logged; pass the link on).
 */
export type InvitationEmailOutcome = "queued" | "not_configured" | "failed";

function invitationEmailOutcome(queued: boolean): InvitationEmailOutcome {
  if (!queued) return "failed";
  return isEmailConfigured() ? "queued" : "not_configured";
}

async function assertLocationInOrg(tx: Tx, orgId: string, locationId: string | null) {
  if (!locationId) return;
  const found = await tx.location.findFirst({
    where: { id: locationId, orgId },
    select: { id: true },
  });
  if (!found) {
    throw unknownIds("The chosen location does not exist.", { locationId: "Unknown location." });
  }
}

export async function assertTeamsInOrg(tx: Tx, orgId: string, teamIds: string[]) {
  if (teamIds.length === 0) return;
  const unique = [...new Set(teamIds)];
  const found = await tx.team.findMany({
    where: { orgId, id: { in: unique } },
    select: { id: true },
  });
  if (found.length !== unique.length) {
    throw unknownIds("One of the chosen teams does not exist.", { teamIds: "Unknown team." });
  }
}

async function assertInvitable(tx: Tx, orgId: string, email: string) {
  const member = await tx.membership.findFirst({
    where: { orgId, user: { email } },
    select: { status: true },
  });
  if (member) {
    throw conflict(
      member.status === "ACTIVE"
        ? `${email} is already a member of this organisation.`
        : `${email} is a deactivated member. Reactivate them on the members page instead.`,
      { email: "Already a member." },
    );
  }
  const pending = await tx.invitation.findFirst({
    where: { orgId, email, revokedAt: null, expiresAt: { gt: new Date() }, useCount: 0 },
    select: { id: true },
  });
  if (pending) {
    throw conflict(`${email} already has a pending invitation. Revoke it to send a new one.`, {
      email: "Already invited.",
    });
  }
}
