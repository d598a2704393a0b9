import { db, type Db, type Tx } from "@/lib/core/db/client";
import { can } from "@/lib/domains/access/permissions";
import type { ChainStage, ChainState } from "@/lib/domains/content/approval-chain";
import { getOrgSettings } from "@/lib/domains/settings/get-org-settings";

/**
 * The approval chain in force: the organisation's stages in order when it requires approval (the
 * guardrails switch); empty when it has no stage (the single-step rule applies) or approval is off.
 */
export async function listChainStages(orgId: string, client: Db | Tx = db): Promise<ChainStage[]> {
  if (!(await getOrgSettings(orgId, client)).requireApproval) return [];
  const stages = await client.approvalStage.findMany({
    where: { orgId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      name: true,
      requiredCount: true,
      roles: true,
      approvers: { select: { userId: true } },
    },
  });
  return stages.map(({ approvers, ...s }) => ({ ...s, memberIds: approvers.map((a) => a.userId) }));
}

/** The item's current round: how many times its chain started (0 before the first submission). */
export async function currentRound(itemId: string, client: Db | Tx = db): Promise<number> {
  const last = await client.contentApprovalStep.findFirst({
    where: { itemId },
    orderBy: { round: "desc" },
    select: { round: true },
  });
  return last?.round ?? 0;
}

/**
 * What the chain rule needs about one item and one person: the stages, the approvals of the
 * item's current round, and the person's role. Null when the organisation has no stages.
 */
export async function loadChainState(
  orgId: string,
  itemId: string,
  actorId: string,
  client: Db | Tx = db,
): Promise<ChainState | null> {
  const stages = await listChainStages(orgId, client);
  if (stages.length === 0) return null;
  const round = await currentRound(itemId, client);
  const approvals = await client.contentApprovalStep.findMany({
    where: { itemId, orgId, round, kind: "approved" },
    select: { stageId: true, actorId: true },
  });
  const membership = await client.membership.findFirst({
    where: { orgId, userId: actorId, status: "ACTIVE" },
    select: { role: true, capabilities: true },
  });
  return {
    stages,
    approvals: approvals.flatMap((a) =>
      a.stageId && a.actorId ? [{ stageId: a.stageId, actorId: a.actorId }] : [],
    ),
    actorRole: membership?.role ?? null,
    actorMayApprove: membership ? can(membership, "content:approve") : false,
  };
}
