export type InvitationState = "pending" | "expired" | "revoked" | "used";

export interface InvitationLike {
  expiresAt: Date;
  revokedAt: Date | null;
  useCount: number;
  maxUses: number;
}

export function invitationState(inv: InvitationLike, now = new Date()): InvitationState {
  if (inv.revokedAt) return "revoked";
  if (inv.useCount >= inv.maxUses) return "used";
  if (inv.expiresAt <= now) return "expired";
  return "pending";
}
