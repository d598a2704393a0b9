import { db } from "@/lib/core/db/client";
import { can } from "@/lib/domains/access/permissions";
import { loadTransitionContext } from "@/lib/domains/content/load-transition-context";
import { checkTransition } from "@/lib/domains/content/workflow";

export interface Approver {
  userId: string;
  name: string;
  email: string;
}

/**
 * The active members, other than `exceptUserId` (the submitter), who may approve this item now:
 * their role has content:approve and the workflow rule lets them publish it (so neither its author
 * nor whoever edited or submitted this version, when the organisation requires a second admin;
 * under an approval chain: the approvers of the item's current stage, never its writers).
 * Empty when the item is not in review. Approval emails and the bell ask exactly these people.
 */
export async function listApprovers(
  orgId: string,
  itemId: string,
  exceptUserId: string,
): Promise<Approver[]> {
  const [{ context }, members] = await Promise.all([
    loadTransitionContext(orgId, itemId, exceptUserId),
    db.membership.findMany({
      where: { orgId, status: "ACTIVE", userId: { not: exceptUserId } },
      select: {
        userId: true,
        role: true,
        capabilities: true,
        user: { select: { name: true, email: true } },
      },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  if (context.from !== "IN_REVIEW") return [];
  return members
    .filter(
      (m) =>
        can(m, "content:approve") &&
        checkTransition({
          ...context,
          to: "PUBLISHED",
          actorId: m.userId,
          // Under an approval chain: whether this member approves at the item's current stage.
          chain: context.chain && {
            ...context.chain,
            actorRole: m.role,
            actorMayApprove: can(m, "content:approve"),
          },
        }).ok,
    )
    .map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email }));
}
