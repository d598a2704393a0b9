import { db } from "@/lib/core/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

export interface ApproverOption {
  userId: string;
  name: string;
  role: Role;
}

/**
 * Members an admin can name as stage approvers: the active admins and managers, by name. (Naming
 * others becomes useful once a delegated approver capability exists.)
 */
export async function listApproverOptions(orgId: string): Promise<ApproverOption[]> {
  const rows = await db.membership.findMany({
    where: { orgId, status: "ACTIVE", role: { in: ["ADMIN", "MANAGER"] } },
    orderBy: [{ sortName: "asc" }, { id: "asc" }],
    take: 500,
    select: { userId: true, role: true, user: { select: { name: true } } },
  });
  return rows.map((m) => ({ userId: m.userId, name: m.user.name, role: m.role }));
}
