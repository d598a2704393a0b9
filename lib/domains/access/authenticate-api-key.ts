import { db } from "@/lib/core/db/client";
import { hashApiKey, isWellFormedApiKey, type ApiScope } from "@/lib/domains/access/api-key-format";

export interface ApiKeyPrincipal {
  id: string;
  orgId: string;
  scopes: ApiScope[];
}

export type ApiKeyCheck =
  | { ok: true; apiKey: ApiKeyPrincipal }
  | { ok: false; reason: "malformed" | "unknown" | "revoked" };

/** `lastUsedAt` is written at most about once a minute per key, not on every request. */
const LAST_USED_EVERY_MS = 60_000;

/** Looks a presented key up by its hash; revoked keys stop working at once (no cache). */
export async function authenticateApiKey(key: string): Promise<ApiKeyCheck> {
  if (!isWellFormedApiKey(key)) return { ok: false, reason: "malformed" };
  const row = await db.apiKey.findUnique({
    where: { hash: hashApiKey(key) },
    select: { id: true, orgId: true, scopes: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row) return { ok: false, reason: "unknown" };
  if (row.revokedAt) return { ok: false, reason: "revoked" };
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await touchLastUsed(row.id);
  }
  return { ok: true, apiKey: { id: row.id, orgId: row.orgId, scopes: row.scopes as ApiScope[] } };
}

async function touchLastUsed(id: string): Promise<void> {
  try {
    // The condition keeps concurrent requests from all writing within the same minute.
    await db.$executeRaw`
      UPDATE "ApiKey" SET "lastUsedAt" = now()
      WHERE "id" = ${id}
        AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '1 minute')`;
  } catch (error) {
    console.error("Could not record API key use", error);
  }
}
