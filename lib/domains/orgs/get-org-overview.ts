import { db } from "@/lib/core/db/client";

export async function getOrgOverview(orgId: string) {
  const [byRole, deactivated, teams, pendingInvitations] = await Promise.all([
    db.membership.groupBy({
      by: ["role"],
      where: { orgId, status: "ACTIVE" },
      _count: { _all: true },
    }),
    db.membership.count({ where: { orgId, status: "DEACTIVATED" } }),
    db.team.count({ where: { orgId } }),
    db.invitation.count({
      where: {
        orgId,
        revokedAt: null,
        expiresAt: { gt: new Date() },
        useCount: { lt: db.invitation.fields.maxUses },
      },
    }),
  ]);
  const count = (role: string) => byRole.find((r) => r.role === role)?._count._all ?? 0;
  return {
    admins: count("ADMIN"),
    managers: count("MANAGER"),
    employees: count("EMPLOYEE"),
    deactivated,
    teams,
    pendingInvitations,
  };
}
