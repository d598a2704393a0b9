import { z } from "zod";
import { db, type Tx } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { AppError, badRequest, conflict, notFound } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { checkTransition } from "@/lib/domains/content/workflow";
import { evaluateGuardrails, violationSummary } from "@/lib/domains/content/guardrails";
import { getOrgSettings } from "@/lib/domains/settings/get-org-settings";
import { loadTransitionContext } from "@/lib/domains/content/load-transition-context";
import { getStorage } from "@/lib/integrations/storage/get-storage";
import { announceContentItemSafely } from "@/lib/domains/content/announce-content";
import { queueApprovalRequestsSafely } from "@/lib/domains/content/approval-emails";
import { notifyApprovalRequest } from "@/lib/domains/content/notify-approval-request";
import { settleApprovalRequests } from "@/lib/domains/content/settle-approval-requests";
import type { ContentStatus } from "@/lib/generated/prisma/enums";
import { recordChainStep } from "@/lib/domains/content/record-chain-step";
import { refreshChainRequestsSafely } from "@/lib/domains/content/refresh-chain-requests";
import { emitEvent } from "@/lib/domains/developer-webhooks/emit-event";

export const transitionSchema = z
  .object({
    to: z.enum(["DRAFT", "IN_REVIEW", "PUBLISHED", "ARCHIVED"], {
      error: "to must be DRAFT, IN_REVIEW, PUBLISHED or ARCHIVED.",
    }),
    comment: z
      .string()
      .trim()
      .max(1000, { error: "Comments are at most 1,000 characters." })
      .optional(),
  })
  .strict();

export type TransitionInput = z.infer<typeof transitionSchema>;

const AUDIT_ACTION: Record<string, string> = {
  "DRAFT>IN_REVIEW": "content.submit",
  "DRAFT>PUBLISHED": "content.publish",
  "IN_REVIEW>PUBLISHED": "content.approve",
  "IN_REVIEW>DRAFT": "content.request_changes",
  "PUBLISHED>ARCHIVED": "content.archive",
  "PUBLISHED>DRAFT": "content.unpublish",
  "ARCHIVED>DRAFT": "content.restore",
};

/** Texts are checked again when an item goes to review or live: the rules may have changed. */
async function assertStillCompliant(tx: Tx, orgId: string, itemId: string) {
  const [settings, item, captions, translations] = await Promise.all([
    getOrgSettings(orgId, tx),
    tx.contentItem.findUniqueOrThrow({ where: { id: itemId }, select: { body: true } }),
    tx.contentCaption.findMany({ where: { itemId }, select: { label: true, text: true } }),
    tx.contentTranslation.findMany({ where: { itemId }, select: { language: true, body: true } }),
  ]);
  const texts = [
    { label: "Suggested post text", text: item.body },
    ...captions.map((c) => ({ label: `Caption "${c.label}"`, text: c.text })),
    ...translations.map((t) => ({ label: `Translation (${t.language})`, text: t.body })),
  ];
  for (const { label, text } of texts) {
    const violations = evaluateGuardrails(text, settings);
    if (violations.length) throw badRequest(`${label}: ${violationSummary(violations)}`);
  }
}

/**
 * Moves an item through DRAFT → IN_REVIEW → PUBLISHED → ARCHIVED. The transition table and the
 * approval rule decide; every change is recorded with who, when and the comment.
 */
export async function transitionContentItem(
  access: Access,
  itemId: string,
  input: TransitionInput,
) {
  const result = await db.$transaction(async (tx) => {
    // The item's row lock makes moves of one item take turns: two approvers clicking at once are
    // judged one after the other (the second sees the first one's approval).
    await tx.$queryRaw`SELECT id FROM "ContentItem" WHERE id = ${itemId} AND "orgId" = ${access.orgId} FOR UPDATE`;
    const { context, publishedAt } = await loadTransitionContext(
      access.orgId,
      itemId,
      access.userId,
      tx,
    );
    const item = { status: context.from, publishedAt };
    if (item.status === input.to) {
      throw conflict(`The item is already ${input.to.toLowerCase().replace("_", " ")}.`);
    }
    const check = checkTransition({ ...context, to: input.to });
    if (!check.ok) throw new AppError("CONFLICT", check.reason);
    if (input.to === "IN_REVIEW" || input.to === "PUBLISHED") {
      await assertStillCompliant(tx, access.orgId, itemId);
    }
    const chain = context.chain ?? null;
    if (chain && item.status === "IN_REVIEW" && input.to === "DRAFT" && !input.comment) {
      throw badRequest("Say why you send it back: a comment is required.", {
        comment: "Required when sending an item back.",
      });
    }
    // An approval that does not finish the chain records the step and leaves the item in review.
    const step =
      chain && item.status === "IN_REVIEW" && input.to === "PUBLISHED"
        ? await recordChainStep(tx, access, itemId, chain, "approved")
        : null;
    if (step && !step.completes) {
      await recordAudit(tx, {
        orgId: access.orgId,
        actorId: access.userId,
        action: "content.approve_stage",
        targetType: "content",
        targetId: itemId,
        metadata: { stage: step.stageName, comment: input.comment ?? null },
      });
      return { id: itemId, status: item.status, action: check.action, from: item.status, chain };
    }
    // Conditional update: if another admin moved the item meanwhile, this one changes nothing.
    const moved = await tx.contentItem.updateMany({
      where: { id: itemId, status: item.status },
      data: {
        status: input.to,
        publishedAt: input.to === "PUBLISHED" ? (item.publishedAt ?? new Date()) : undefined,
      },
    });
    if (moved.count !== 1)
      throw conflict("Someone else changed this item just now. Reload and try again.");
    const transitionId = createId("ctt");
    await tx.contentTransition.create({
      data: {
        id: transitionId,
        orgId: access.orgId,
        itemId,
        fromStatus: item.status,
        toStatus: input.to,
        actorId: access.userId,
        comment: input.comment || null,
      },
    });
    if (step) await step.attach(transitionId);
    if (chain && item.status === "IN_REVIEW" && input.to === "DRAFT") {
      await recordChainStep(tx, access, itemId, chain, "sent_back", { transitionId, ...input });
    }
    if (chain && input.to === "IN_REVIEW") {
      await recordChainStep(tx, access, itemId, chain, "submitted", { transitionId, ...input });
    }
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: AUDIT_ACTION[`${item.status}>${input.to}`] ?? "content.transition",
      targetType: "content",
      targetId: itemId,
      metadata: { from: item.status, to: input.to, comment: input.comment ?? null },
    });
    if (input.to === "PUBLISHED") {
      await emitEvent(access.orgId, "content.published", { itemId, from: item.status }, { tx });
    }
    return { id: itemId, status: input.to, action: check.action, from: item.status, chain };
  });
  const { from, chain, ...outcome } = result;
  // Slack/Teams webhooks (after commit; a scheduled item is announced when its publishAt passes).
  if (input.to === "PUBLISHED") await announceContentItemSafely(access.orgId, itemId);
  if (chain) {
    // The chain's requests: the current stage's approvers are asked, answered ones settled.
    await refreshChainRequestsSafely(access, itemId);
    return outcome;
  }
  // Approval requests to the other admins (after commit; only when approval is required).
  if (input.to === "IN_REVIEW") await queueApprovalRequestsSafely(access, itemId);
  // The reviewers' bells: asked on submission, answered when the item leaves review.
  await updateApprovalNotificationsSafely(access, itemId, from, input.to);
  return outcome;
}

/** In-app approval requests after the commit; never undoes the transition when they fail. */
async function updateApprovalNotificationsSafely(
  access: Access,
  itemId: string,
  from: ContentStatus,
  to: ContentStatus,
): Promise<void> {
  try {
    if (to === "IN_REVIEW") await notifyApprovalRequest(access, itemId);
    if (from === "IN_REVIEW") await settleApprovalRequests(access.orgId, itemId);
  } catch (error) {
    console.error("[notifications] could not update approval requests", error);
  }
}

/** Only drafts can be deleted; published history is archived instead. */
export async function deleteDraftContentItem(access: Access, itemId: string) {
  const orphanKeys = await db.$transaction(async (tx) => {
    const item = await tx.contentItem.findFirst({
      where: { id: itemId, orgId: access.orgId },
      select: {
        status: true,
        title: true,
        publishedAt: true,
        _count: { select: { shares: true } },
      },
    });
    if (!item) throw notFound("Content item");
    if (item.status !== "DRAFT") {
      throw conflict("Only drafts can be deleted. Archive a published item instead.");
    }
    if (item.publishedAt || item._count.shares > 0) {
      // Its tracked links may be out on LinkedIn: keep it (and them) and archive it instead.
      throw conflict(
        "This post has been published and shared before, so it cannot be deleted. Archive it instead.",
      );
    }
    // A post made from a suggestion goes back to the queue, with its photos.
    await tx.suggestion.updateMany({
      where: { itemId },
      data: { itemId: null, status: "PENDING", reviewedAt: null, reviewedById: null },
    });
    await tx.contentImage.updateMany({
      where: { itemId, suggestionId: { not: null } },
      data: { itemId: null },
    });
    const own = await tx.contentImage.findMany({ where: { itemId }, select: { storageKey: true } });
    await tx.contentItem.delete({ where: { id: itemId } });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "content.delete",
      targetType: "content",
      targetId: itemId,
      metadata: { title: item.title },
    });
    return own.map((i) => i.storageKey);
  });
  // Files go after the commit; a failure here only leaves an orphan file behind.
  const storage = getStorage();
  await Promise.all(
    orphanKeys.map((key) =>
      storage
        .delete(key)
        .catch((error: unknown) => console.error("Could not delete image file", key, error)),
    ),
  );
}
