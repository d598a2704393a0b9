import { z } from "zod";
import { db, type Tx } from "@/lib/core/db/client";
import { conflict, notFound, unknownIds } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { idField, roleField } from "@/lib/core/validation";
import { CAPABILITIES } from "@/lib/domains/access/permissions";

export const updateMemberSchema = z
  .object({
    role: roleField,
    status: z.enum(["ACTIVE", "DEACTIVATED"], { error: "Status must be ACTIVE or DEACTIVATED." }),
    title: z.string().trim().max(120).nullable(),
    teamIds: z.array(idField).max(200),
    /** Where the member works; null takes them off any location. */
    locationId: idField.nullable(),
    /** Delegated capabilities (content approver, analytics viewer): the whole set, replacing it. */
    capabilities: z
      .array(
        z.enum(CAPABILITIES, {
          error: `A capability is one of: ${CAPABILITIES.join(", ")}.`,
        }),
      )
      .max(CAPABILITIES.length),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { error: "Nothing to change." });

export type UpdateMemberInput = z.infer<typeof updateMemberSchema>;

/**
 * Changes a member's role, status, title, teams or location. The organisation always keeps at least one
 * active admin, and an admin cannot lock themselves out.
 */
export async function updateMember(access: Access, membershipId: string, input: UpdateMemberInput) {
  return db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { id: membershipId, orgId: access.orgId },
      select: {
        id: true,
        role: true,
        status: true,
        userId: true,
        title: true,
        locationId: true,
        capabilities: true,
      },
    });
    if (!member) throw notFound("Member");
    const teamsBefore = input.teamIds
      ? (
          await tx.teamMember.findMany({
            where: { membershipId: member.id },
            select: { teamId: true },
            orderBy: { teamId: "asc" },
          })
        ).map((t) => t.teamId)
      : undefined;

    const losesAdmin =
      member.role === "ADMIN" &&
      member.status === "ACTIVE" &&
      ((input.role && input.role !== "ADMIN") || input.status === "DEACTIVATED");
    if (losesAdmin) {
      if (member.userId === access.userId) {
        throw conflict("You can't remove your own admin access. Ask another admin to do it.");
      }
      await assertAnotherActiveAdmin(tx, access.orgId, member.id);
    }

    if (input.locationId) await assertLocationInOrg(tx, access.orgId, input.locationId);
    await tx.membership.update({
      where: { id: member.id },
      data: {
        role: input.role,
        status: input.status,
        title: input.title,
        locationId: input.locationId,
        capabilities: input.capabilities && [...new Set(input.capabilities)].sort(),
      },
    });
    if (input.role && input.role === "EMPLOYEE") {
      await tx.teamManager.deleteMany({ where: { membershipId: member.id } });
    }
    if (input.teamIds) await replaceTeams(tx, access.orgId, member.id, input.teamIds);

    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: auditAction(input),
      targetType: "membership",
      targetId: member.id,
      metadata: {
        before: {
          role: member.role,
          status: member.status,
          title: member.title,
          teamIds: teamsBefore,
          locationId: member.locationId,
          capabilities: member.capabilities,
        },
        change: input,
      },
    });
    return { id: member.id };
  });
}

function auditAction(input: UpdateMemberInput): string {
  if (input.status === "DEACTIVATED") return "member.deactivate";
  if (input.status === "ACTIVE") return "member.reactivate";
  if (input.role) return "member.role_change";
  if (input.capabilities && Object.keys(input).length === 1) return "member.capabilities_change";
  return "member.update";
}

async function assertAnotherActiveAdmin(tx: Tx, orgId: string, exceptId: string) {
  // Lock the target and the other admins (in id order, so two admins demoting each other wait for
  // one another instead of deadlocking): two concurrent demotions cannot both pass this check.
  await tx.$queryRaw`
    SELECT "id" FROM "Membership" WHERE "orgId" = ${orgId} AND "role" = 'ADMIN' ORDER BY "id" FOR UPDATE`;
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Membership"
    WHERE "orgId" = ${orgId} AND "role" = 'ADMIN' AND "status" = 'ACTIVE' AND "id" <> ${exceptId}
    FOR UPDATE`;
  if (admins.length === 0) {
    throw conflict(
      "This is the organisation's last active admin. Make someone else an admin first.",
    );
  }
}

async function assertLocationInOrg(tx: Tx, orgId: string, locationId: string) {
  const found = await tx.location.findFirst({
    where: { id: locationId, orgId },
    select: { id: true },
  });
  if (!found) {
    throw unknownIds(`Unknown location: ${locationId}.`, { locationId: "Unknown location." });
  }
}

async function replaceTeams(tx: Tx, orgId: string, membershipId: string, teamIds: string[]) {
  const unique = [...new Set(teamIds)];
  const teams = await tx.team.findMany({
    where: { orgId, id: { in: unique } },
    select: { id: true },
  });
  if (teams.length !== unique.length) {
    const known = new Set(teams.map((t) => t.id));
    const unknown = `Unknown team: ${unique.filter((id) => !known.has(id)).join(", ")}.`;
    throw unknownIds(unknown, { teamIds: unknown });
  }
  await tx.teamMember.deleteMany({ where: { membershipId } });
  await tx.teamMember.createMany({
    data: unique.map((teamId) => ({ orgId, teamId, membershipId })),
  });
}
