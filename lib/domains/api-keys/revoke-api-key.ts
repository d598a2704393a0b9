import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { notFound } from "@/lib/core/errors/app-error";
import {
  API_KEY_SELECT,
  toApiKeyView,
  type ApiKeyView,
} from "@/lib/domains/api-keys/list-api-keys";

/** Revokes a key of the caller's organisation at once (another organisation's id → 404). */
export async function revokeApiKey(access: Access, id: string): Promise<ApiKeyView> {
  return db.$transaction(async (tx) => {
    const existing = await tx.apiKey.findFirst({
      where: { id, orgId: access.orgId },
      select: API_KEY_SELECT,
    });
    if (!existing) throw notFound("That API key");
    if (existing.revokedAt) return toApiKeyView(existing);
    const revoked = await tx.apiKey.update({
      where: { id: existing.id },
      data: { revokedAt: new Date() },
      select: API_KEY_SELECT,
    });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "apikey.revoke",
      targetType: "api_key",
      targetId: existing.id,
      metadata: { name: existing.name, prefix: existing.prefix },
    });
    return toApiKeyView(revoked);
  });
}
