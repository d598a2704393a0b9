import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { conflict } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { hashScimToken, newScimToken, scimTokenPrefix } from "@/lib/domains/scim/scim-token-format";
import {
  SCIM_TOKEN_SELECT,
  toScimTokenView,
  type ScimTokenView,
} from "@/lib/domains/scim/list-scim-tokens";

/** Active SCIM tokens an organisation may hold at once (one per identity provider, and a spare). */
export const MAX_ACTIVE_SCIM_TOKENS = 5;

export const createScimTokenSchema = z.strictObject({
  name: z
    .string({ error: "Give the token a name, e.g. “Okta”." })
    .trim()
    .min(1, { error: "Give the token a name, e.g. “Okta”." })
    .max(80, { error: "The name is at most 80 characters." }),
});

export type CreateScimTokenInput = z.infer<typeof createScimTokenSchema>;

/** Creates a SCIM token and returns it once: only its SHA-256 hash is stored. */
export async function createScimToken(
  access: Access,
  input: CreateScimTokenInput,
): Promise<{ token: string; scimToken: ScimTokenView }> {
  const token = newScimToken();
  const scimToken = await db.$transaction(async (tx) => {
    // Serialises concurrent creations in one organisation so the cap holds.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`scimtokens:${access.orgId}`}))`;
    const active = await tx.scimToken.count({ where: { orgId: access.orgId, revokedAt: null } });
    if (active >= MAX_ACTIVE_SCIM_TOKENS) {
      throw conflict(
        `Your organisation already has ${MAX_ACTIVE_SCIM_TOKENS} active SCIM tokens. Revoke one you no longer use first.`,
      );
    }
    const created = await tx.scimToken.create({
      data: {
        id: createId("sct"),
        orgId: access.orgId,
        name: input.name,
        prefix: scimTokenPrefix(token),
        hash: hashScimToken(token),
        createdById: access.userId,
      },
      select: SCIM_TOKEN_SELECT,
    });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "scim.token_create",
      targetType: "scim_token",
      targetId: created.id,
      metadata: { name: created.name, prefix: created.prefix },
    });
    return created;
  });
  return { token, scimToken: toScimTokenView(scimToken) };
}
