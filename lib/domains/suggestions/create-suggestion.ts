import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { assertPublicLink } from "@/lib/domains/content/assert-public-link";
import type { CreateSuggestionInput } from "@/lib/domains/suggestions/suggestion-schemas";

/** Any member suggests a story from their work life; it waits in the moderation queue. */
export async function createSuggestion(access: Access, input: CreateSuggestionInput) {
  if (input.linkUrl) await assertPublicLink(input.linkUrl);
  return db.$transaction(async (tx) => {
    const id = createId("sug");
    await tx.suggestion.create({
      data: { id, orgId: access.orgId, membershipId: access.membershipId, ...input },
    });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "suggestion.create",
      targetType: "suggestion",
      targetId: id,
    });
    return { id };
  });
}
