import { db } from "@/lib/core/db/client";
import { invitationState } from "@/lib/domains/invitations/invitation-status";

export async function listInvitations(orgId: string, { includeClosed = false } = {}) {
  const rows = await db.invitation.findMany({
    where: includeClosed ? { orgId } : { orgId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    take: 500,
    select: {
      id: true,
      kind: true,
      email: true,
      name: true,
      role: true,
      maxUses: true,
      useCount: true,
      expiresAt: true,
      revokedAt: true,
      createdAt: true,
      teams: { select: { team: { select: { id: true, name: true } } } },
    },
  });
  return rows
    .map((r) => ({ ...r, state: invitationState(r), teams: r.teams.map((t) => t.team) }))
    .filter((r) => includeClosed || r.state === "pending");
}
