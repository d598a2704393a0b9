import { db, type Db, type Tx } from "@/lib/core/db/client";
import { notFound } from "@/lib/core/errors/app-error";
import type { TransitionContext } from "@/lib/domains/content/workflow";
import { getOrgSettings } from "@/lib/domains/settings/get-org-settings";
import { loadChainState } from "@/lib/domains/content/load-approval-chain";

/**
 * What the workflow rule needs to judge a move of one item by one person: its status, whether the
 * organisation requires approval, its author and who edited or last submitted it, and where it
 * stands in the organisation's approval chain (when stages are configured). The studio page
 * (which moves to offer) and the transition itself (which to allow) read it the same way.
 */
export async function loadTransitionContext(
  orgId: string,
  itemId: string,
  actorId: string,
  client: Db | Tx = db,
): Promise<{ title: string; publishedAt: Date | null; context: Omit<TransitionContext, "to"> }> {
  const item = await client.contentItem.findFirst({
    where: { id: itemId, orgId },
    select: { status: true, authorId: true, lastEditedById: true, publishedAt: true, title: true },
  });
  if (!item) throw notFound("Content item");
  // One query after the other: inside a transaction they share one connection anyway.
  const settings = await getOrgSettings(orgId, client);
  const submission = await client.contentTransition.findFirst({
    where: { itemId, toStatus: "IN_REVIEW" },
    orderBy: { createdAt: "desc" },
    select: { actorId: true },
  });
  const chain = await loadChainState(orgId, itemId, actorId, client);
  return {
    title: item.title,
    publishedAt: item.publishedAt,
    context: {
      from: item.status,
      requireApproval: settings.requireApproval,
      actorId,
      authorId: item.authorId,
      contributorIds: [item.lastEditedById, submission?.actorId ?? null],
      lastEditedById: item.lastEditedById,
      chain,
    },
  };
}
