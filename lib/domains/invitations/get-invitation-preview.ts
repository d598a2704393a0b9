import { db } from "@/lib/core/db/client";
import { hashInvitationToken } from "@/lib/domains/invitations/invitation-token";
import { invitationState, type InvitationState } from "@/lib/domains/invitations/invitation-status";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError, forbidden, notFound } from "@/lib/core/errors/app-error";

export interface InvitationPreview {
  orgName: string;
  role: Role;
  email: string | null;
  name: string | null;
  state: InvitationState;
  expiresAt: Date;
  teams: string[];
}

/** What the invitation page shows before accepting; null for an unknown token. */
export async function getInvitationPreview(token: string): Promise<InvitationPreview | null> {
  if (!/^[A-Za-z0-9]{16,64}$/.test(token)) return null;
  const inv = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      role: true,
      email: true,
      name: true,
      expiresAt: true,
      revokedAt: true,
      useCount: true,
      maxUses: true,
      org: { select: { name: true } },
      teams: { select: { team: { select: { name: true } } } },
    },
  });
  if (!inv) return null;
  return {
    orgName: inv.org.name,
    role: inv.role,
    email: inv.email,
    name: inv.name,
    state: invitationState(inv),
    expiresAt: inv.expiresAt,
    teams: inv.teams.map((t) => t.team.name),
  };
}

const CLOSED_MESSAGES = {
  expired: "This invitation has expired. Ask an admin for a new one.",
  revoked: "This invitation has been revoked.",
  used: "This invitation has already been used.",
} as const;

/** Checked before an account is created from an invitation, so a refusal creates nothing. */
export async function assertInvitationUsableBy(token: string, email: string): Promise<void> {
  const preview = await getInvitationPreview(token);
  if (!preview) throw notFound("This invitation");
  if (preview.state !== "pending") throw new AppError("CONFLICT", CLOSED_MESSAGES[preview.state]);
  if (preview.email && preview.email !== email.trim().toLowerCase()) {
    throw forbidden("This invitation is for another email address.");
  }
}
