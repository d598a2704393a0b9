import type { Access } from "@/lib/domains/access/resolve-access";
import { loadTransitionContext } from "@/lib/domains/content/load-transition-context";
import { transitionOptions, type TransitionOption } from "@/lib/domains/content/workflow";

/**
 * The workflow moves the studio offers this person for this item: each move the table knows from
 * its status, allowed or with the reason it is not (e.g. the author of an item in review may not
 * approve it). The transition route applies the very same rule.
 */
export async function getWorkflowOptions(
  access: Pick<Access, "orgId" | "userId">,
  itemId: string,
): Promise<TransitionOption[]> {
  const { context } = await loadTransitionContext(access.orgId, itemId, access.userId);
  return transitionOptions(context);
}
