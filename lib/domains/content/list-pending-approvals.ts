import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { checkTransition } from "@/lib/domains/content/workflow";
import { getOrgSettings } from "@/lib/domains/settings/get-org-settings";
import { currentStageIndex, stageLabel } from "@/lib/domains/content/approval-chain";
import { listChainStages } from "@/lib/domains/content/load-approval-chain";
import { loadTransitionContext } from "@/lib/domains/content/load-transition-context";

export interface PendingApproval {
  id: string;
  title: string;
  submittedAt: Date | null;
  submittedBy: string | null;
  /** Whether the viewer may approve it, else why not (the rule the transition applies). */
  canApprove: boolean;
  reason: string | null;
  /** Under an approval chain: the stage it waits at (name) and "stage 2 of 3 (Legal)". */
  stage?: string | null;
  stageLabel?: string | null;
}

/**
 * The items waiting in review in the viewer's organisation, oldest submission first, each with
 * who submitted it and whether the viewer may approve it (checkTransition, as on the item page).
 */
export async function listPendingApprovals(
  access: Pick<Access, "orgId" | "userId">,
  { limit = 50 }: { limit?: number } = {},
): Promise<PendingApproval[]> {
  const { orgId, userId } = access;
  const [items, settings] = await Promise.all([
    db.contentItem.findMany({
      where: { orgId, status: "IN_REVIEW" },
      select: { id: true, title: true, authorId: true, lastEditedById: true, updatedAt: true },
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      take: limit,
    }),
    getOrgSettings(orgId),
  ]);
  if (items.length === 0) return [];
  const submissions = await db.contentTransition.findMany({
    where: { orgId, itemId: { in: items.map((i) => i.id) }, toStatus: "IN_REVIEW" },
    orderBy: { createdAt: "desc" },
    select: { itemId: true, actorId: true, createdAt: true },
  });
  const latest = new Map<string, (typeof submissions)[number]>();
  for (const s of submissions) if (!latest.has(s.itemId)) latest.set(s.itemId, s);
  const actorIds = [...new Set(submissions.map((s) => s.actorId).filter((id) => id !== null))];
  const names = new Map(
    (
      await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })
    ).map((u) => [u.id, u.name]),
  );
  // Under an approval chain each item stands at its own stage: the item page's rule, per item.
  const chained = (await listChainStages(orgId)).length > 0;
  const contexts = new Map(
    chained
      ? await Promise.all(
          items.map(
            async (i) =>
              [i.id, (await loadTransitionContext(orgId, i.id, userId)).context] as const,
          ),
        )
      : [],
  );
  const rows = items.map((item) => {
    const submission = latest.get(item.id);
    const context = contexts.get(item.id);
    const index = context?.chain ? currentStageIndex(context.chain) : null;
    const check = context
      ? checkTransition({ ...context, to: "PUBLISHED" })
      : checkTransition({
          from: "IN_REVIEW",
          to: "PUBLISHED",
          requireApproval: settings.requireApproval,
          actorId: userId,
          authorId: item.authorId,
          contributorIds: [item.lastEditedById, submission?.actorId ?? null],
        });
    return {
      id: item.id,
      title: item.title,
      submittedAt: submission?.createdAt ?? null,
      submittedBy: submission?.actorId ? (names.get(submission.actorId) ?? null) : null,
      canApprove: check.ok,
      reason: check.ok ? null : check.reason,
      stage: context?.chain && index !== null ? (context.chain.stages[index]?.name ?? null) : null,
      stageLabel: context?.chain && index !== null ? stageLabel(index, context.chain.stages) : null,
    };
  });
  const at = (r: PendingApproval) => r.submittedAt?.getTime() ?? 0;
  return rows.sort((a, b) => at(a) - at(b));
}
