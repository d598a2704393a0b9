import type { Tx } from "@/lib/core/db/client";
import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { badRequest, notFound, unknownIds } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import {
  MAX_STAGES,
  type CreateApprovalStageInput,
  type UpdateApprovalStageInput,
} from "@/lib/domains/approvals/approval-stage-schemas";
import {
  listApprovalStages,
  type ApprovalStageView,
} from "@/lib/domains/approvals/list-approval-stages";

/** Stage changes of one organisation take turns (positions, the stage count). */
async function lockChain(tx: Tx, orgId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`approval-stages:${orgId}`}))`;
}

/** Named approvers must be active members of the organisation (another org's user: 404). */
async function assertMembers(tx: Tx, orgId: string, memberIds: string[]) {
  const ids = [...new Set(memberIds)];
  if (!ids.length) return ids;
  const found = await tx.membership.count({
    where: { orgId, userId: { in: ids }, status: "ACTIVE" },
  });
  if (found !== ids.length) {
    throw unknownIds("One of the chosen approvers is not an active member.", {
      memberIds: "Unknown member.",
    });
  }
  return ids;
}

function assertApprovers(stage: { roles: string[]; memberIds: string[]; requiredCount: number }) {
  if (!stage.roles.length && !stage.memberIds.length) {
    throw badRequest("Choose who approves at this stage: a role, members, or both.", {
      approvers: "Choose a role or members.",
    });
  }
  if (!stage.roles.length && stage.requiredCount > stage.memberIds.length) {
    throw badRequest(
      `This stage needs ${stage.requiredCount} approvals but names only ${stage.memberIds.length} approver${stage.memberIds.length === 1 ? "" : "s"}.`,
      { requiredCount: "More than the approvers named." },
    );
  }
}

async function audit(tx: Tx, access: Access, stage: string, change: string) {
  await recordAudit(tx, {
    orgId: access.orgId,
    actorId: access.userId,
    action: "settings.approval_stages_update",
    targetType: "organization",
    targetId: access.orgId,
    metadata: { stage, change },
  });
}

/** Adds a stage at the end of the chain. */
export async function createApprovalStage(
  access: Access,
  input: CreateApprovalStageInput,
): Promise<ApprovalStageView[]> {
  return db.$transaction(async (tx) => {
    await lockChain(tx, access.orgId);
    const count = await tx.approvalStage.count({ where: { orgId: access.orgId } });
    if (count >= MAX_STAGES) throw badRequest(`A chain has at most ${MAX_STAGES} stages.`);
    const memberIds = await assertMembers(tx, access.orgId, input.memberIds);
    assertApprovers({ ...input, memberIds });
    const id = createId("apg");
    await tx.approvalStage.create({
      data: {
        id,
        orgId: access.orgId,
        name: input.name,
        position: count,
        requiredCount: input.requiredCount,
        roles: [...new Set(input.roles)],
        approvers: { create: memberIds.map((userId) => ({ orgId: access.orgId, userId })) },
      },
    });
    await audit(tx, access, input.name, "added");
    return listApprovalStages(access.orgId, tx);
  });
}

/** Renames a stage, or changes its approvers or how many must approve (404 for another org's). */
export async function updateApprovalStage(
  access: Access,
  stageId: string,
  input: UpdateApprovalStageInput,
): Promise<ApprovalStageView[]> {
  return db.$transaction(async (tx) => {
    await lockChain(tx, access.orgId);
    const stage = await tx.approvalStage.findFirst({
      where: { id: stageId, orgId: access.orgId },
      select: {
        name: true,
        roles: true,
        requiredCount: true,
        approvers: { select: { userId: true } },
      },
    });
    if (!stage) throw notFound("Approval stage");
    const memberIds = input.memberIds
      ? await assertMembers(tx, access.orgId, input.memberIds)
      : stage.approvers.map((a) => a.userId);
    const roles = input.roles ? [...new Set(input.roles)] : stage.roles;
    const requiredCount = input.requiredCount ?? stage.requiredCount;
    assertApprovers({ roles, memberIds, requiredCount });
    await tx.approvalStage.update({
      where: { id: stageId },
      data: { name: input.name, requiredCount, roles },
    });
    if (input.memberIds) {
      await tx.approvalStageApprover.deleteMany({ where: { stageId } });
      await tx.approvalStageApprover.createMany({
        data: memberIds.map((userId) => ({ stageId, orgId: access.orgId, userId })),
      });
    }
    await audit(tx, access, input.name ?? stage.name, "changed");
    return listApprovalStages(access.orgId, tx);
  });
}

/** Removes a stage; the others close ranks. Approvals already given at it stop counting. */
export async function deleteApprovalStage(
  access: Access,
  stageId: string,
): Promise<ApprovalStageView[]> {
  return db.$transaction(async (tx) => {
    await lockChain(tx, access.orgId);
    const stage = await tx.approvalStage.findFirst({
      where: { id: stageId, orgId: access.orgId },
      select: { name: true },
    });
    if (!stage) throw notFound("Approval stage");
    await tx.approvalStage.delete({ where: { id: stageId } });
    await renumber(tx, access.orgId);
    await audit(tx, access, stage.name, "deleted");
    return listApprovalStages(access.orgId, tx);
  });
}

/** Puts the stages in the given order: every stage id of the organisation, once each. */
export async function reorderApprovalStages(
  access: Access,
  ids: string[],
): Promise<ApprovalStageView[]> {
  return db.$transaction(async (tx) => {
    await lockChain(tx, access.orgId);
    const stages = await tx.approvalStage.findMany({
      where: { orgId: access.orgId },
      select: { id: true },
    });
    const known = new Set(stages.map((s) => s.id));
    if (ids.some((id) => !known.has(id))) {
      throw unknownIds("One of the stages does not exist.", { ids: "Unknown stage." });
    }
    if (new Set(ids).size !== ids.length || ids.length !== known.size) {
      throw badRequest("Send every stage id once, in the new order.", { ids: "Incomplete order." });
    }
    for (const [position, id] of ids.entries()) {
      await tx.approvalStage.update({ where: { id }, data: { position } });
    }
    await audit(tx, access, "", "reordered");
    return listApprovalStages(access.orgId, tx);
  });
}

async function renumber(tx: Tx, orgId: string) {
  const stages = await tx.approvalStage.findMany({
    where: { orgId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true },
  });
  for (const [position, { id }] of stages.entries()) {
    await tx.approvalStage.update({ where: { id }, data: { position } });
  }
}
