/** Factories that make unique data per test, straight through Prisma (no HTTP). */
import { getDb } from "@/lib/core/db/client";
import { createId, randomString } from "@/lib/core/db/create-id";
import { hashPassword } from "@/lib/domains/auth/password";
import type { MembershipStatus, Role } from "@/lib/generated/prisma/enums";
import type { Access } from "@/lib/domains/access/resolve-access";

export const TEST_PASSWORD = "integration-password-1";
let passwordHash: Promise<string> | undefined;

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomString(10).toLowerCase()}@test.example`;
}

export async function createUser({
  email = uniqueEmail(),
  name = "Test User",
  password = true,
}: { email?: string; name?: string; password?: boolean } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return getDb().user.create({
    data: { id: createId("usr"), email, name, passwordHash: password ? await passwordHash : null },
    select: { id: true, email: true, name: true },
  });
}

export async function createOrganization(name = `Org ${randomString(6)}`) {
  return getDb().organization.create({
    data: { id: createId("org"), name, slug: `org-${randomString(10).toLowerCase()}` },
  });
}

export async function addMember(
  orgId: string,
  role: Role,
  {
    status = "ACTIVE",
    teamIds = [],
    manages = [],
  }: { status?: MembershipStatus; teamIds?: string[]; manages?: string[] } = {},
) {
  const db = getDb();
  const user = await createUser({ name: `${role.toLowerCase()} ${randomString(4)}` });
  const membership = await db.membership.create({
    data: {
      id: createId("mem"),
      orgId,
      userId: user.id,
      role,
      status,
      handle: `h-${randomString(10).toLowerCase()}`,
    },
  });
  await db.user.update({ where: { id: user.id }, data: { lastActiveOrgId: orgId } });
  if (teamIds.length) {
    await db.teamMember.createMany({
      data: teamIds.map((teamId) => ({ orgId, teamId, membershipId: membership.id })),
    });
  }
  if (manages.length) {
    await db.teamManager.createMany({
      data: manages.map((teamId) => ({ orgId, teamId, membershipId: membership.id })),
    });
  }
  return { user, membership };
}

export async function createTeam(orgId: string, name = `Team ${randomString(6)}`) {
  return getDb().team.create({ data: { id: createId("team"), orgId, name } });
}

export async function createLocation(orgId: string, name = `Site ${randomString(6)}`) {
  return getDb().location.create({ data: { id: createId("loc"), orgId, name } });
}

export async function createTopic(orgId: string, name = `Topic ${randomString(6)}`) {
  return getDb().topic.create({ data: { id: createId("top"), orgId, name } });
}

/** An organisation with two teams and one member of each kind. */
export async function createOrgFixture() {
  const org = await createOrganization();
  const teamA = await createTeam(org.id, "Alpha");
  const teamB = await createTeam(org.id, "Beta");
  const admin = await addMember(org.id, "ADMIN", { teamIds: [teamA.id] });
  const manager = await addMember(org.id, "MANAGER", { teamIds: [teamA.id], manages: [teamA.id] });
  const employee = await addMember(org.id, "EMPLOYEE", { teamIds: [teamB.id] });
  const deactivated = await addMember(org.id, "EMPLOYEE", { status: "DEACTIVATED" });
  return { org, teamA, teamB, admin, manager, employee, deactivated };
}

export type OrgFixture = Awaited<ReturnType<typeof createOrgFixture>>;

/** The `access` object a route handler would receive for this member. */
export function accessFor(
  org: { id: string; name: string; slug: string; timeZone: string; logoUrl: string | null },
  member: Awaited<ReturnType<typeof addMember>>,
): Access {
  return {
    userId: member.user.id,
    orgId: org.id,
    membershipId: member.membership.id,
    role: member.membership.role,
    capabilities: member.membership.capabilities,
    user: { ...member.user, image: null },
    org: {
      id: org.id,
      name: org.name,
      slug: org.slug,
      timeZone: org.timeZone,
      logoUrl: org.logoUrl,
    },
  };
}
