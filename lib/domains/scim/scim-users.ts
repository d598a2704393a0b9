import { db, type Tx } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { notFound } from "@/lib/core/errors/app-error";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { uniqueHandle } from "@/lib/domains/members/assign-handle";
import type { ScimPrincipal } from "@/lib/domains/scim/authenticate-scim-token";
import { scimBadRequest, scimConflict } from "@/lib/domains/scim/scim-error";
import { listResponse, type ListQuery } from "@/lib/domains/scim/scim-request";
import {
  SCIM_USER_SELECT,
  stateOf,
  toScimUser,
  type ScimUserRow,
  type ScimUserState,
} from "@/lib/domains/scim/scim-user-resource";
import type { Prisma } from "@/lib/generated/prisma/client";
import { emitEvent } from "@/lib/domains/developer-webhooks/emit-event";

export const USER_FILTERS = ["userName", "externalId"] as const;

/** Provisioned people of the organisation: every membership the identity provider did not delete. */
const visible = (orgId: string): Prisma.MembershipWhereInput => ({ orgId, scimDeletedAt: null });

export async function listScimUsers(orgId: string, query: ListQuery): Promise<object> {
  const where: Prisma.MembershipWhereInput = { ...visible(orgId) };
  if (query.filter?.attribute === "userName") {
    where.user = { email: query.filter.value.trim().toLowerCase() };
  } else if (query.filter?.attribute === "externalId") {
    where.scimExternalId = query.filter.value;
  }
  const [total, rows] = await Promise.all([
    db.membership.count({ where }),
    query.count === 0
      ? []
      : db.membership.findMany({
          where,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          skip: query.startIndex - 1,
          take: query.count,
          select: SCIM_USER_SELECT,
        }),
  ]);
  return listResponse(rows.map(toScimUser), total, query.startIndex);
}

async function findUser(client: Tx | typeof db, orgId: string, id: string): Promise<ScimUserRow> {
  const row = await client.membership.findFirst({
    where: { ...visible(orgId), id },
    select: SCIM_USER_SELECT,
  });
  if (!row) throw notFound("That user");
  return row;
}

export async function getScimUser(orgId: string, id: string): Promise<object> {
  return toScimUser(await findUser(db, orgId, id));
}

const via = (scim: ScimPrincipal) => ({ via: "scim", tokenId: scim.tokenId });

/**
 * POST /Users: the person becomes an employee of the token's organisation. Someone who already
 * has a Chorus account (another organisation, or signed up) keeps it and joins this organisation
 * too; someone the identity provider deleted earlier comes back with their history.
 */
export async function provisionScimUser(
  scim: ScimPrincipal,
  state: ScimUserState,
): Promise<{ id: string; resource: object }> {
  const id = await db.$transaction(async (tx) => {
    // Two identical POSTs (a retrying identity provider) wait for each other instead of racing.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`scim:user:${state.email}`}))`;
    await assertExternalIdFree(tx, scim.orgId, state.externalId, null);
    let user = await tx.user.findUnique({ where: { email: state.email }, select: { id: true } });
    if (!user) {
      user = await tx.user.create({
        data: { id: createId("usr"), email: state.email, name: state.name },
        select: { id: true },
      });
    }
    const existing = await tx.membership.findUnique({
      where: { orgId_userId: { orgId: scim.orgId, userId: user.id } },
      select: { id: true, scimDeletedAt: true },
    });
    if (existing && !existing.scimDeletedAt) {
      throw scimConflict(`A user with userName ${state.email} already exists.`);
    }
    const status = state.active ? "ACTIVE" : "DEACTIVATED";
    let membershipId: string;
    if (existing) {
      membershipId = existing.id;
      await tx.membership.update({
        where: { id: existing.id },
        data: { status, scimDeletedAt: null, scimExternalId: state.externalId, title: state.title },
      });
    } else {
      membershipId = createId("mem");
      await tx.membership.create({
        data: {
          id: membershipId,
          orgId: scim.orgId,
          userId: user.id,
          role: "EMPLOYEE",
          status,
          title: state.title,
          scimExternalId: state.externalId,
          handle: await uniqueHandle(tx, scim.orgId, state.name),
        },
      });
    }
    await recordAudit(tx, {
      orgId: scim.orgId,
      actorId: null,
      action: "member.provision",
      targetType: "membership",
      targetId: membershipId,
      metadata: { ...via(scim), email: state.email, active: state.active, returning: !!existing },
    });
    // A new member (not one the identity provider brings back): developer webhooks hear of it.
    if (!existing && state.active) {
      await emitEvent(
        scim.orgId,
        "member.joined",
        { memberId: membershipId, name: state.name, role: "EMPLOYEE", teamIds: [] },
        { tx },
      );
    }
    return membershipId;
  });
  return { id, resource: await getScimUser(scim.orgId, id) };
}

async function assertExternalIdFree(
  tx: Tx,
  orgId: string,
  externalId: string | null,
  exceptId: string | null,
) {
  if (!externalId) return;
  const taken = await tx.membership.findFirst({
    where: {
      ...visible(orgId),
      scimExternalId: externalId,
      id: exceptId ? { not: exceptId } : undefined,
    },
    select: { id: true },
  });
  if (taken) throw scimConflict(`Another user already has externalId ${externalId}.`);
}

/**
 * PUT and PATCH /Users/{id}: saves the new state. Deactivating ends the person's access to this
 * organisation on their next request (access is resolved from the membership on every request);
 * their other organisations, shares and clicks are untouched. The name and email live on the
 * person's account: they change only when this organisation is the person's only one.
 */
export async function saveScimUser(
  scim: ScimPrincipal,
  id: string,
  next: (current: ScimUserState) => ScimUserState,
): Promise<object> {
  await db.$transaction(async (tx) => {
    const row = await findUser(tx, scim.orgId, id);
    const before = stateOf(row);
    const after = next(before);
    const others = await tx.membership.count({
      where: { userId: row.user.id, orgId: { not: scim.orgId } },
    });
    if (after.email !== before.email) {
      if (others > 0) {
        throw scimBadRequest(
          "mutability",
          "This person also belongs to other organisations in Chorus, so their email cannot be changed from here.",
        );
      }
      const taken = await tx.user.findUnique({
        where: { email: after.email },
        select: { id: true },
      });
      if (taken) throw scimConflict(`A user with userName ${after.email} already exists.`);
    }
    await assertExternalIdFree(tx, scim.orgId, after.externalId, row.id);
    if (before.active && !after.active) await assertNotLastAdmin(tx, scim.orgId, row.id);
    if (others === 0 && (after.email !== before.email || after.name !== before.name)) {
      await tx.user.update({
        where: { id: row.user.id },
        data: { email: after.email, name: after.name },
      });
    }
    await tx.membership.update({
      where: { id: row.id },
      data: {
        status: after.active ? "ACTIVE" : "DEACTIVATED",
        scimExternalId: after.externalId,
        title: after.title,
      },
    });
    await auditChange(tx, scim, row.id, before, after);
  });
  return getScimUser(scim.orgId, id);
}

async function auditChange(
  tx: Tx,
  scim: ScimPrincipal,
  membershipId: string,
  before: ScimUserState,
  after: ScimUserState,
) {
  const base = {
    orgId: scim.orgId,
    actorId: null,
    targetType: "membership",
    targetId: membershipId,
  };
  if (before.active !== after.active) {
    await recordAudit(tx, {
      ...base,
      action: after.active ? "member.provision_reactivate" : "member.provision_deactivate",
      metadata: via(scim),
    });
  }
  const changed = (["email", "name", "externalId", "title"] as const).filter(
    (k) => before[k] !== after[k],
  );
  if (changed.length > 0) {
    await recordAudit(tx, {
      ...base,
      action: "member.provision_update",
      metadata: {
        ...via(scim),
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      },
    });
  }
}

/** The organisation always keeps an active admin: an identity provider cannot lock everyone out. */
async function assertNotLastAdmin(tx: Tx, orgId: string, membershipId: string) {
  const target = await tx.membership.findUniqueOrThrow({
    where: { id: membershipId },
    select: { role: true },
  });
  if (target.role !== "ADMIN") return;
  await tx.$queryRaw`
    SELECT "id" FROM "Membership" WHERE "orgId" = ${orgId} AND "role" = 'ADMIN' ORDER BY "id" FOR UPDATE`;
  const others = await tx.membership.count({
    where: { orgId, role: "ADMIN", status: "ACTIVE", id: { not: membershipId } },
  });
  if (others === 0) {
    throw scimBadRequest(
      "mutability",
      "This is the organisation's last active admin: make someone else an admin in Chorus first.",
    );
  }
}

/**
 * DELETE /Users/{id}: the membership is deactivated and hidden from SCIM (404 from now on); the
 * person's history stays. Provisioning the same person again brings the membership back.
 */
export async function deleteScimUser(scim: ScimPrincipal, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await findUser(tx, scim.orgId, id);
    if (row.status === "ACTIVE") await assertNotLastAdmin(tx, scim.orgId, row.id);
    await tx.membership.update({
      where: { id: row.id },
      data: { status: "DEACTIVATED", scimDeletedAt: new Date() },
    });
    await recordAudit(tx, {
      orgId: scim.orgId,
      actorId: null,
      action: "member.provision_deactivate",
      targetType: "membership",
      targetId: row.id,
      metadata: { ...via(scim), deleted: true },
    });
  });
}
