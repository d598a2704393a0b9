import { db } from "@/lib/core/db/client";

export async function listTeams(orgId: string) {
  const teams = await db.team.findMany({
    where: { orgId },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      description: true,
      _count: { select: { members: true } },
      managers: {
        select: { membership: { select: { id: true, user: { select: { name: true } } } } },
      },
    },
  });
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    memberCount: t._count.members,
    managers: t.managers.map((m) => ({
      membershipId: m.membership.id,
      name: m.membership.user.name,
    })),
  }));
}
