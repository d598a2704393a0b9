import { db, type Tx } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { badRequest, conflict, notFound, unknownIds } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { isUniqueViolation } from "@/lib/core/db/is-unique-violation";
import type { CreateTeamInput, UpdateTeamInput } from "@/lib/domains/teams/team-schemas";

export async function createTeam(access: Access, input: CreateTeamInput) {
  return withTeamNameCheck(input.name, () =>
    db.$transaction(async (tx) => {
      const id = createId("team");
      await tx.team.create({
        data: { id, orgId: access.orgId, name: input.name, description: input.description ?? null },
      });
      if (input.managerIds) await replaceManagers(tx, access.orgId, id, input.managerIds);
      await recordAudit(tx, {
        orgId: access.orgId,
        actorId: access.userId,
        action: "team.create",
        targetType: "team",
        targetId: id,
        metadata: { name: input.name },
      });
      return { id, name: input.name };
    }),
  );
}

export async function updateTeam(access: Access, teamId: string, input: UpdateTeamInput) {
  return withTeamNameCheck(input.name, () =>
    db.$transaction(async (tx) => {
      const team = await tx.team.findFirst({ where: { id: teamId, orgId: access.orgId } });
      if (!team) throw notFound("Team");
      if (input.name !== undefined || input.description !== undefined) {
        await tx.team.update({
          where: { id: teamId },
          data: { name: input.name, description: input.description },
        });
      }
      if (input.managerIds) await replaceManagers(tx, access.orgId, teamId, input.managerIds);
      if (input.memberIds) await replaceMembers(tx, access.orgId, teamId, input.memberIds);
      await recordAudit(tx, {
        orgId: access.orgId,
        actorId: access.userId,
        action: "team.update",
        targetType: "team",
        targetId: teamId,
        metadata: {
          name: input.name,
          managerCount: input.managerIds?.length,
          memberCount: input.memberIds?.length,
        },
      });
      return { id: teamId };
    }),
  );
}

export async function deleteTeam(access: Access, teamId: string) {
  await db.$transaction(async (tx) => {
    // A post aimed only at this team would silently reach nobody: its audience must change first.
    const orphaned = await tx.contentItem.count({
      where: {
        orgId: access.orgId,
        status: { in: ["DRAFT", "IN_REVIEW", "PUBLISHED"] },
        audienceAll: false,
        audienceTeams: { some: { teamId }, every: { teamId } },
        audienceLocations: { none: {} },
      },
    });
    if (orphaned) {
      throw conflict(
        `${orphaned} post${orphaned === 1 ? " is" : "s are"} aimed only at this team. Change ${orphaned === 1 ? "its" : "their"} audience in the studio first.`,
      );
    }
    const team = await tx.team.findFirst({
      where: { id: teamId, orgId: access.orgId },
      select: { name: true },
    });
    const deleted = await tx.team.deleteMany({ where: { id: teamId, orgId: access.orgId } });
    if (deleted.count === 0) throw notFound("Team");
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "team.delete",
      targetType: "team",
      targetId: teamId,
      metadata: { name: team?.name ?? null },
    });
  });
}

async function withTeamNameCheck<T>(name: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`A team named "${name}" already exists.`, { name: "This name is taken." });
    }
    throw error;
  }
}

/** Membership ids must belong to the organisation; an unknown one is named in the error. */
async function memberships(tx: Tx, orgId: string, ids: string[], what: "manager" | "member") {
  const unique = [...new Set(ids)];
  const found = await tx.membership.findMany({
    where: { orgId, id: { in: unique } },
    select: { id: true, role: true },
  });
  if (found.length !== unique.length) {
    const known = new Set(found.map((m) => m.id));
    const unknown = `Unknown ${what}: ${unique.filter((id) => !known.has(id)).join(", ")}.`;
    throw unknownIds(unknown, { [`${what}Ids`]: unknown });
  }
  return found;
}

async function replaceManagers(tx: Tx, orgId: string, teamId: string, ids: string[]) {
  const found = await memberships(tx, orgId, ids, "manager");
  const notManager = found.find((m) => m.role === "EMPLOYEE");
  if (notManager) throw badRequest("Only managers and admins can manage a team.");
  await tx.teamManager.deleteMany({ where: { teamId } });
  await tx.teamManager.createMany({
    data: found.map((m) => ({ orgId, teamId, membershipId: m.id })),
  });
}

async function replaceMembers(tx: Tx, orgId: string, teamId: string, ids: string[]) {
  const found = await memberships(tx, orgId, ids, "member");
  await tx.teamMember.deleteMany({ where: { teamId } });
  await tx.teamMember.createMany({
    data: found.map((m) => ({ orgId, teamId, membershipId: m.id })),
  });
}
