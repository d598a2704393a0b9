import { db } from "@/lib/core/db/client";
import { notFound } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import {
  SCIM_TOKEN_SELECT,
  toScimTokenView,
  type ScimTokenView,
} from "@/lib/domains/scim/list-scim-tokens";

/** Revokes a SCIM token of the caller's organisation at once (another organisation's id → 404). */
export async function revokeScimToken(access: Access, id: string): Promise<ScimTokenView> {
  return db.$transaction(async (tx) => {
    const existing = await tx.scimToken.findFirst({
      where: { id, orgId: access.orgId },
      select: SCIM_TOKEN_SELECT,
    });
    if (!existing) throw notFound("That SCIM token");
    if (existing.revokedAt) return toScimTokenView(existing);
    const revoked = await tx.scimToken.update({
      where: { id: existing.id },
      data: { revokedAt: new Date() },
      select: SCIM_TOKEN_SELECT,
    });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "scim.token_revoke",
      targetType: "scim_token",
      targetId: existing.id,
      metadata: { name: existing.name, prefix: existing.prefix },
    });
    return toScimTokenView(revoked);
  });
}
