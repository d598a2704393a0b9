import { z } from "zod";
import { db } from "@/lib/core/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { roleField } from "@/lib/core/validation";
import { can } from "@/lib/domains/access/permissions";
import type { Access } from "@/lib/domains/access/resolve-access";
import { unknownIds } from "@/lib/core/errors/app-error";

export const listMembersQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: roleField.optional(),
  status: z.enum(["ACTIVE", "DEACTIVATED"]).optional(),
  teamId: z.string().max(64).optional(),
  locationId: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export type ListMembersQuery = z.infer<typeof listMembersQuery>;

/**
 * Members of the organisation, searched and filtered. `onlyTeamIds` limits the list to members of
 * those teams (a manager sees the teams they manage, not the whole organisation).
 */
export async function listMembers(
  orgId: string,
  query: ListMembersQuery,
  { onlyTeamIds }: { onlyTeamIds?: string[] } = {},
) {
  const where: Prisma.MembershipWhereInput = {
    orgId,
    ...(onlyTeamIds ? { AND: [{ teams: { some: { teamId: { in: onlyTeamIds } } } }] } : {}),
    role: query.role,
    status: query.status,
    ...(query.teamId ? { teams: { some: { teamId: query.teamId } } } : {}),
    ...(query.locationId ? { locationId: query.locationId } : {}),
    ...(query.q
      ? {
          user: {
            OR: [
              { name: { contains: query.q, mode: "insensitive" } },
              { email: { contains: query.q, mode: "insensitive" } },
            ],
          },
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db.membership.count({ where }),
    db.membership.findMany({
      where,
      // The user's name copied onto the membership (triggers): index (orgId, sortName, id).
      orderBy: [{ sortName: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        role: true,
        capabilities: true,
        status: true,
        title: true,
        createdAt: true,
        user: { select: { id: true, name: true, email: true, image: true } },
        teams: { select: { team: { select: { id: true, name: true } } } },
        location: { select: { id: true, name: true } },
        manages: { select: { team: { select: { id: true, name: true } } } },
      },
    }),
  ]);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    members: rows.map((m) => ({
      id: m.id,
      role: m.role,
      capabilities: m.capabilities,
      status: m.status,
      title: m.title,
      joinedAt: m.createdAt,
      user: m.user,
      teams: m.teams.map((t) => t.team),
      location: m.location,
      manages: m.manages.map((t) => t.team),
    })),
  };
}

/**
 * The members list as the caller may read it (GET /api/members). With members:update (admins): the
 * whole organisation. With members:read only (managers): the members of the teams they manage. A
 * `teamId` filter outside that set — another team, another organisation's — answers 404 naming it;
 * so does another organisation's `locationId`.
 */
export async function listMembersFor(access: Access, query: ListMembersQuery) {
  const all = can(access, "members:update");
  const teams = await db.team.findMany({
    where: {
      orgId: access.orgId,
      ...(all
        ? { id: query.teamId ?? "" }
        : { managers: { some: { membershipId: access.membershipId } } }),
    },
    select: { id: true },
  });
  if (query.teamId && !teams.some((t) => t.id === query.teamId)) {
    throw unknownIds("Team was not found.", { teamId: "Not a team you can see." });
  }
  if (
    query.locationId &&
    !(await db.location.findFirst({
      where: { id: query.locationId, orgId: access.orgId },
      select: { id: true },
    }))
  ) {
    throw unknownIds("Location was not found.", {
      locationId: "Not a location of this organisation.",
    });
  }
  return listMembers(access.orgId, query, all ? {} : { onlyTeamIds: teams.map((t) => t.id) });
}
