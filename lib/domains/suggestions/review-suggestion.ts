import { db } from "@/lib/core/db/client";
import { conflict, notFound } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { createContentItem } from "@/lib/domains/content/save-content-item";
import { publishSuggestionImages } from "@/lib/domains/files/file-access";
import type { AcceptSuggestionInput } from "@/lib/domains/suggestions/suggestion-schemas";

async function pendingSuggestion(orgId: string, id: string) {
  const suggestion = await db.suggestion.findFirst({ where: { id, orgId } });
  if (!suggestion) throw notFound("Suggestion");
  if (suggestion.status !== "PENDING") {
    throw conflict(
      `This suggestion was already ${suggestion.status === "ACCEPTED" ? "turned into an item" : "rejected"}.`,
    );
  }
  return suggestion;
}

export async function rejectSuggestion(access: Access, id: string, reason: string) {
  await pendingSuggestion(access.orgId, id);
  await db.$transaction(async (tx) => {
    const updated = await tx.suggestion.updateMany({
      where: { id, orgId: access.orgId, status: "PENDING" },
      data: {
        status: "REJECTED",
        rejectionReason: reason,
        reviewedById: access.userId,
        reviewedAt: new Date(),
      },
    });
    if (updated.count !== 1) throw conflict("Someone else reviewed this suggestion just now.");
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "suggestion.reject",
      targetType: "suggestion",
      targetId: id,
      metadata: { reason },
    });
  });
}

/**
 * Turns a suggestion into a draft library item. The employee stays its originator (their page
 * shows it) and their images move to the item.
 */
export async function acceptSuggestion(access: Access, id: string, input: AcceptSuggestionInput) {
  const suggestion = await pendingSuggestion(access.orgId, id);
  const item = await db.$transaction(async (tx) => {
    const claimed = await tx.suggestion.updateMany({
      where: { id, orgId: access.orgId, status: "PENDING" },
      data: { status: "ACCEPTED", reviewedById: access.userId, reviewedAt: new Date() },
    });
    if (claimed.count !== 1) throw conflict("Someone else reviewed this suggestion just now.");
    const item = await createContentItem(
      access,
      {
        title: input.title ?? suggestion.title,
        body: input.body ?? suggestion.body,
        language: input.language ?? "en",
        linkUrl: suggestion.linkUrl,
        linkPreview: null,
        hashtags: [],
        notes: null,
        valueType: input.valueType,
        goals: input.goals,
        audience: { all: true, teamIds: [], locationIds: [] },
        topicIds: [],
        publishAt: null,
        expireAt: null,
        captions: [],
        translations: [],
      },
      { originatorMembershipId: suggestion.membershipId },
      tx,
    );
    await tx.suggestion.update({ where: { id }, data: { itemId: item.id } });
    await tx.contentImage.updateMany({ where: { suggestionId: id }, data: { itemId: item.id } });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "suggestion.accept",
      targetType: "suggestion",
      targetId: id,
      metadata: { itemId: item.id },
    });
    return item;
  });
  // Moving the photos to public keys is best effort: until it succeeds they are served publicly
  // from their private keys anyway (they now belong to a post).
  await publishSuggestionImages(access.orgId, item.id).catch((error: unknown) =>
    console.error("Could not move suggestion photos to public storage", item.id, error),
  );
  return item;
}
