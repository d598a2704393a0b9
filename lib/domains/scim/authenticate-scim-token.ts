import { db } from "@/lib/core/db/client";
import { hashScimToken, SCIM_TOKEN_PATTERN } from "@/lib/domains/scim/scim-token-format";

export interface ScimPrincipal {
  tokenId: string;
  orgId: string;
}

/** Looks a presented token up by its hash; revoked tokens stop working at once (no cache). */
export async function authenticateScimToken(token: string): Promise<ScimPrincipal | null> {
  if (!SCIM_TOKEN_PATTERN.test(token)) return null;
  const row = await db.scimToken.findUnique({
    where: { hash: hashScimToken(token) },
    select: { id: true, orgId: true, revokedAt: true },
  });
  if (!row || row.revokedAt) return null;
  // At most one write a minute per token, however busy the identity provider is.
  await db.$executeRaw`
    UPDATE "ScimToken" SET "lastUsedAt" = now()
    WHERE "id" = ${row.id} AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '1 minute')`;
  return { tokenId: row.id, orgId: row.orgId };
}
