import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";

/**
 * The teams whose data a manager may read: the teams they manage. Admins read every team.
 * Later dashboards scope their queries with these ids.
 */
export async function listManagedTeams(access: Access) {
  const teams = await db.team.findMany({
    where:
      access.role === "ADMIN"
        ? { orgId: access.orgId }
        : { orgId: access.orgId, managers: { some: { membershipId: access.membershipId } } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      description: true,
      members: {
        where: { membership: { status: "ACTIVE" } },
        orderBy: { membership: { user: { name: "asc" } } },
        select: {
          membership: {
            select: { id: true, role: true, title: true, user: { select: { name: true } } },
          },
        },
      },
    },
  });
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    members: t.members.map((m) => ({
      membershipId: m.membership.id,
      name: m.membership.user.name,
      role: m.membership.role,
      title: m.membership.title,
    })),
  }));
}
