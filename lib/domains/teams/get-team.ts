import { can } from "@/lib/domains/access/permissions";
import type { Access } from "@/lib/domains/access/resolve-access";
import { db } from "@/lib/core/db/client";
import { notFound } from "@/lib/core/errors/app-error";

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

/**
 * A team as the caller may read it. With members:update (admins): the whole roster. With
 * members:read only (managers): the whole roster of the teams they manage — another team answers
 * 404, like another organisation's, as in the members list. Otherwise (employees): who is in the
 * team, without emails or account status.
 */
export async function getTeamFor(access: Access, teamId: string) {
  const team = await getTeam(access.orgId, teamId);
  if (can(access, "members:update")) return team;
  if (can(access, "members:read")) {
    const manages = await db.teamManager.findFirst({
      where: { orgId: access.orgId, teamId, membershipId: access.membershipId },
      select: { teamId: true },
    });
    if (!manages) throw notFound("Team");
    return team;
  }
  return {
    ...team,
    members: team.members
      .filter((m) => m.status === "ACTIVE")
      .map(({ membershipId, name, role }) => ({ membershipId, name, role })),
  };
}
