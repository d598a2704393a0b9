import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

/** A team of the caller's organisation, or 404 (also for another organisation's team id). */
export async function getTeam(orgId: string, teamId: string) {
  const team = await db.team.findFirst({
    where: { id: teamId, orgId },
    select: {
      id: true,
      name: true,
      description: true,
      createdAt: true,
      members: {
        orderBy: { membership: { user: { name: "asc" } } },
        select: {
          membership: {
            select: {
              id: true,
              role: true,
              status: true,
              user: { select: { name: true, email: true } },
            },
          },
        },
      },
      managers: { select: { membershipId: true } },
    },
  });
  if (!team) throw notFound("Team");
  return {
    id: team.id,
    name: team.name,
    description: team.description,
    createdAt: team.createdAt,
    members: team.members.map((m) => ({
      membershipId: m.membership.id,
      role: m.membership.role,
      status: m.membership.status,
      name: m.membership.user.name,
      email: m.membership.user.email,
    })),
    managerIds: team.managers.map((m) => m.membershipId),
  };
}
