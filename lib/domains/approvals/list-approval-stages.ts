import { db, type Db, type Tx } from "@/lib/core/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

export interface ApprovalStageView {
  id: string;
  name: string;
  position: number;
  requiredCount: number;
  roles: Role[];
  approvers: { userId: string; name: string }[];
}

/** The organisation's approval stages in order, with the named approvers (settings, API). */
export async function listApprovalStages(
  orgId: string,
  client: Db | Tx = db,
): Promise<ApprovalStageView[]> {
  const stages = await client.approvalStage.findMany({
    where: { orgId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      name: true,
      position: true,
      requiredCount: true,
      roles: true,
      approvers: { select: { userId: true } },
    },
  });
  const userIds = [...new Set(stages.flatMap((s) => s.approvers.map((a) => a.userId)))];
  const users = userIds.length
    ? await client.user.findMany({
        where: { id: { in: userIds } },
        select: { id: true, name: true },
      })
    : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return stages.map(({ approvers, ...s }) => ({
    ...s,
    approvers: approvers
      .map((a) => ({ userId: a.userId, name: names.get(a.userId) ?? "A former member" }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  }));
}
