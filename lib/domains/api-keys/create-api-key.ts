import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { conflict } from "@/lib/core/errors/app-error";
import {
  API_KEY_KINDS,
  displayPrefix,
  hashApiKey,
  KIND_SCOPES,
  newApiKey,
  scopesOfSecretKey,
  SECRET_KEY_ACCESS,
} from "@/lib/domains/access/api-key-format";
import {
  API_KEY_SELECT,
  toApiKeyView,
  type ApiKeyView,
} from "@/lib/domains/api-keys/list-api-keys";

/** Active keys an organisation may hold at once (revoked ones do not count). */
export const MAX_ACTIVE_API_KEYS = 25;

export const createApiKeySchema = z
  .strictObject({
    name: z
      .string({ error: "Give the key a name, e.g. “Website sign-ups”." })
      .trim()
      .min(1, { error: "Give the key a name, e.g. “Website sign-ups”." })
      .max(80, { error: "The name is at most 80 characters." }),
    kind: z.enum(API_KEY_KINDS, {
      error: "The kind is “secret” (server to server) or “publishable” (browser snippet).",
    }),
    /**
     * Secret keys only: "read" (the read API), "write" (report conversions) or both. Left out, a
     * secret key reports conversions (as before the read API existed).
     */
    access: z
      .array(z.enum(SECRET_KEY_ACCESS, { error: "Each access is “read” or “write”." }), {
        error: "access is a list: “read”, “write” or both.",
      })
      .min(1, { error: "Pick what the key may do: read data, report conversions, or both." })
      .max(2, { error: "access lists “read” and “write” at most once each." })
      .optional(),
  })
  .refine((input) => input.kind === "secret" || input.access === undefined, {
    error:
      "Publishable keys can only report conversions from the browser: choose a secret key to read data.",
    path: ["access"],
  });

export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

/** Creates a key and returns it once: only its SHA-256 hash is stored. */
export async function createApiKey(
  access: Access,
  input: CreateApiKeyInput,
): Promise<{ key: string; apiKey: ApiKeyView }> {
  const key = newApiKey(input.kind);
  const row = await db.$transaction(async (tx) => {
    // Serialises concurrent creations in one organisation so the cap holds.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`apikeys:${access.orgId}`}))`;
    const active = await tx.apiKey.count({ where: { orgId: access.orgId, revokedAt: null } });
    if (active >= MAX_ACTIVE_API_KEYS) {
      throw conflict(
        `Your organisation already has ${MAX_ACTIVE_API_KEYS} active API keys. Revoke one you no longer use first.`,
      );
    }
    const created = await tx.apiKey.create({
      data: {
        id: createId("key"),
        orgId: access.orgId,
        name: input.name,
        prefix: displayPrefix(key),
        hash: hashApiKey(key),
        scopes:
          input.kind === "secret" && input.access
            ? scopesOfSecretKey(input.access)
            : KIND_SCOPES[input.kind],
        createdById: access.userId,
      },
      select: API_KEY_SELECT,
    });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "apikey.create",
      targetType: "api_key",
      targetId: created.id,
      metadata: {
        name: created.name,
        kind: input.kind,
        prefix: created.prefix,
        scopes: created.scopes,
      },
    });
    return created;
  });
  return { key, apiKey: toApiKeyView(row, access.user.name) };
}
