import { db, type Tx } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { notFound } from "@/lib/core/errors/app-error";
import { appUrl } from "@/lib/core/http/app-url";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import type { ScimPrincipal } from "@/lib/domains/scim/authenticate-scim-token";
import { scimBadRequest, scimConflict } from "@/lib/domains/scim/scim-error";
import {
  isRecord,
  listResponse,
  memberValueOfPath,
  scimString,
  SCIM_GROUP_SCHEMA,
  type ListQuery,
  type PatchOperation,
} from "@/lib/domains/scim/scim-request";
import type { Prisma } from "@/lib/generated/prisma/client";

export const GROUP_FILTERS = ["displayName", "externalId"] as const;
/** Team names are at most 60 characters (lib/domains/teams/team-schemas.ts). */
const MAX_TEAM_NAME = 60;

const GROUP_SELECT = {
  id: true,
  name: true,
  scimExternalId: true,
  createdAt: true,
  updatedAt: true,
} as const;

type GroupRow = {
  id: string;
  name: string;
  scimExternalId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** A SCIM Group is one of the organisation's teams; its members are memberships (SCIM user ids). */
export interface ScimGroupState {
  name: string;
  externalId: string | null;
  memberIds: string[];
}

async function membersOf(teamIds: string[]) {
  const rows = await db.teamMember.findMany({
    where: { teamId: { in: teamIds }, membership: { scimDeletedAt: null } },
    orderBy: [{ createdAt: "asc" }, { membershipId: "asc" }],
    select: {
      teamId: true,
      membershipId: true,
      membership: { select: { user: { select: { name: true } } } },
    },
  });
  const byTeam = new Map<string, { value: string; display: string; $ref: string }[]>();
  for (const row of rows) {
    const list = byTeam.get(row.teamId) ?? [];
    list.push({
      value: row.membershipId,
      display: row.membership.user.name,
      $ref: `${appUrl()}/scim/v2/Users/${row.membershipId}`,
    });
    byTeam.set(row.teamId, list);
  }
  return byTeam;
}

async function toScimGroups(rows: GroupRow[], withMembers: boolean): Promise<object[]> {
  const members = withMembers ? await membersOf(rows.map((r) => r.id)) : null;
  return rows.map((row) => ({
    schemas: [SCIM_GROUP_SCHEMA],
    id: row.id,
    externalId: row.scimExternalId ?? undefined,
    displayName: row.name,
    members: members ? (members.get(row.id) ?? []) : undefined,
    meta: {
      resourceType: "Group",
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: `${appUrl()}/scim/v2/Groups/${row.id}`,
    },
  }));
}

export async function listScimGroups(orgId: string, query: ListQuery): Promise<object> {
  const where: Prisma.TeamWhereInput = { orgId };
  if (query.filter?.attribute === "displayName") where.name = query.filter.value;
  else if (query.filter?.attribute === "externalId") where.scimExternalId = query.filter.value;
  const [total, rows] = await Promise.all([
    db.team.count({ where }),
    query.count === 0
      ? []
      : db.team.findMany({
          where,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          skip: query.startIndex - 1,
          take: query.count,
          select: GROUP_SELECT,
        }),
  ]);
  return listResponse(await toScimGroups(rows, !query.excludeMembers), total, query.startIndex);
}

async function findGroup(client: Tx | typeof db, orgId: string, id: string): Promise<GroupRow> {
  const row = await client.team.findFirst({ where: { id, orgId }, select: GROUP_SELECT });
  if (!row) throw notFound("That group");
  return row;
}

export async function getScimGroup(orgId: string, id: string, withMembers = true) {
  const [group] = await toScimGroups([await findGroup(db, orgId, id)], withMembers);
  return group!;
}

function memberIdsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((m) => {
    if (!isRecord(m) || typeof m.value !== "string" || !m.value.trim()) {
      throw scimBadRequest("invalidValue", 'Each member needs a value (a user id): {"value":"…"}.');
    }
    return scimString(m.value, "members.value", 64);
  });
}

function groupName(value: unknown): string {
  const name = scimString(value, "displayName", MAX_TEAM_NAME);
  if (!name) throw scimBadRequest("invalidValue", "displayName is required.");
  return name;
}

/** A full Group resource (POST, PUT) → the state Chorus keeps. */
export function groupStateFromResource(body: unknown): ScimGroupState {
  if (!isRecord(body)) throw scimBadRequest("invalidSyntax", "The body must be a Group resource.");
  return {
    name: groupName(body.displayName),
    externalId:
      body.externalId === undefined || body.externalId === null
        ? null
        : scimString(body.externalId, "externalId", 200) || null,
    memberIds: body.members === undefined || body.members === null ? [] : memberIdsOf(body.members),
  };
}

/** PATCH operations on a Group: members add/remove/replace, displayName and externalId. */
export function applyGroupPatch(current: ScimGroupState, ops: PatchOperation[]): ScimGroupState {
  const state = { ...current, memberIds: [...current.memberIds] };
  const add = (ids: string[]) => {
    for (const id of ids) if (!state.memberIds.includes(id)) state.memberIds.push(id);
  };
  const drop = (ids: string[]) => {
    state.memberIds = state.memberIds.filter((id) => !ids.includes(id));
  };
  for (const op of ops) {
    const path = op.path?.trim();
    if (!path) {
      if (op.op === "remove") throw scimBadRequest("noTarget", "A remove operation needs a path.");
      if (!isRecord(op.value)) {
        throw scimBadRequest("invalidValue", `A ${op.op} without a path needs an object value.`);
      }
      for (const [key, value] of Object.entries(op.value)) {
        const k = key.toLowerCase();
        if (k === "displayname") state.name = groupName(value);
        else if (k === "externalid")
          state.externalId = scimString(value, "externalId", 200) || null;
        else if (k === "members") {
          if (op.op === "replace") state.memberIds = [];
          add(memberIdsOf(value));
        }
      }
      continue;
    }
    const one = memberValueOfPath(path);
    if (one !== null) {
      if (op.op !== "remove") {
        throw scimBadRequest("invalidPath", "Use path members with a value list to add members.");
      }
      drop([one]);
      continue;
    }
    switch (path.toLowerCase()) {
      case "members":
        if (op.op === "remove") {
          if (op.value === undefined) state.memberIds = [];
          else drop(memberIdsOf(op.value));
        } else {
          if (op.value === undefined)
            throw scimBadRequest("invalidValue", "members needs a value.");
          if (op.op === "replace") state.memberIds = [];
          add(memberIdsOf(op.value));
        }
        break;
      case "displayname":
        if (op.op === "remove") throw scimBadRequest("mutability", "displayName is required.");
        state.name = groupName(op.value);
        break;
      case "externalid":
        state.externalId =
          op.op === "remove" ? null : scimString(op.value, "externalId", 200) || null;
        break;
      default:
        throw scimBadRequest("invalidPath", `Unsupported path for a Group: ${path.slice(0, 100)}.`);
    }
  }
  return state;
}

async function assertMembersInOrg(tx: Tx, orgId: string, ids: string[]) {
  if (ids.length === 0) return;
  const found = await tx.membership.findMany({
    where: { orgId, scimDeletedAt: null, id: { in: ids } },
    select: { id: true },
  });
  if (found.length !== ids.length) {
    const known = new Set(found.map((m) => m.id));
    const unknown = ids.filter((id) => !known.has(id)).slice(0, 5);
    throw scimBadRequest("invalidValue", `Unknown member: ${unknown.join(", ")}.`);
  }
}

async function assertNameFree(tx: Tx, orgId: string, name: string, exceptId: string | null) {
  const taken = await tx.team.findFirst({
    where: { orgId, name, id: exceptId ? { not: exceptId } : undefined },
    select: { id: true },
  });
  if (taken) throw scimConflict(`A group named ${name} already exists.`);
}

async function setMembers(tx: Tx, orgId: string, teamId: string, memberIds: string[]) {
  await assertMembersInOrg(tx, orgId, memberIds);
  await tx.teamMember.deleteMany({
    where: { teamId, membershipId: { notIn: memberIds }, membership: { scimDeletedAt: null } },
  });
  await tx.teamMember.createMany({
    data: memberIds.map((membershipId) => ({ orgId, teamId, membershipId })),
    skipDuplicates: true,
  });
}

const via = (scim: ScimPrincipal) => ({ via: "scim", tokenId: scim.tokenId });

/** POST /Groups: a new team of the token's organisation. */
export async function provisionScimGroup(scim: ScimPrincipal, state: ScimGroupState) {
  const id = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`scim:group:${scim.orgId}`}))`;
    await assertNameFree(tx, scim.orgId, state.name, null);
    const team = await tx.team.create({
      data: {
        id: createId("team"),
        orgId: scim.orgId,
        name: state.name,
        scimExternalId: state.externalId,
      },
      select: { id: true },
    });
    await setMembers(tx, scim.orgId, team.id, [...new Set(state.memberIds)]);
    await recordAudit(tx, {
      orgId: scim.orgId,
      actorId: null,
      action: "team.provision",
      targetType: "team",
      targetId: team.id,
      metadata: { ...via(scim), name: state.name, members: state.memberIds.length },
    });
    return team.id;
  });
  return { id, resource: await getScimGroup(scim.orgId, id) };
}

/** PUT and PATCH /Groups/{id}. */
export async function saveScimGroup(
  scim: ScimPrincipal,
  id: string,
  next: (current: ScimGroupState) => ScimGroupState,
) {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`scim:group:${scim.orgId}`}))`;
    const row = await findGroup(tx, scim.orgId, id);
    const current = await tx.teamMember.findMany({
      where: { teamId: row.id, membership: { scimDeletedAt: null } },
      select: { membershipId: true },
    });
    const before: ScimGroupState = {
      name: row.name,
      externalId: row.scimExternalId,
      memberIds: current.map((m) => m.membershipId),
    };
    const after = next(before);
    if (after.name !== before.name) await assertNameFree(tx, scim.orgId, after.name, row.id);
    await tx.team.update({
      where: { id: row.id },
      data: { name: after.name, scimExternalId: after.externalId },
    });
    const memberIds = [...new Set(after.memberIds)];
    await setMembers(tx, scim.orgId, row.id, memberIds);
    await recordAudit(tx, {
      orgId: scim.orgId,
      actorId: null,
      action: "team.provision_update",
      targetType: "team",
      targetId: row.id,
      metadata: {
        ...via(scim),
        name: after.name !== before.name ? { before: before.name, after: after.name } : undefined,
        added: memberIds.filter((m) => !before.memberIds.includes(m)),
        removed: before.memberIds.filter((m) => !memberIds.includes(m)),
      },
    });
  });
  return getScimGroup(scim.orgId, id);
}

/** DELETE /Groups/{id}: the team goes; its members stay in the organisation. */
export async function deleteScimGroup(scim: ScimPrincipal, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await findGroup(tx, scim.orgId, id);
    await tx.team.delete({ where: { id: row.id } });
    await recordAudit(tx, {
      orgId: scim.orgId,
      actorId: null,
      action: "team.provision_delete",
      targetType: "team",
      targetId: row.id,
      metadata: { ...via(scim), name: row.name },
    });
  });
}
