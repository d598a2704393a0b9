import { beforeAll, describe, expect, it } from "vitest";
import { POST as acceptRoute } from "@/app/api/invitations/accept/route";
import { POST as createRoute } from "@/app/api/invitations/route";
import { POST as importRoute } from "@/app/api/invitations/import/route";
import { getDb } from "@/lib/core/db/client";
import { acceptInvitation } from "@/lib/domains/invitations/accept-invitation";
import { createInvitation } from "@/lib/domains/invitations/create-invitation";
import { importInvitations } from "@/lib/domains/invitations/import-invitations";
import {
  accessFor,
  createOrgFixture,
  createUser,
  uniqueEmail,
  type OrgFixture,
} from "../../support/factories";
import { callRoute } from "../../support/http";

let a: OrgFixture;

beforeAll(async () => {
  a = await createOrgFixture();
});

const admin = () => accessFor(a.org, a.admin);

async function emailInvite(
  email: string,
  role: "EMPLOYEE" | "MANAGER" = "EMPLOYEE",
  teamIds: string[] = [],
) {
  return createInvitation(admin(), { kind: "EMAIL", email, role, teamIds, expiresInDays: 7 });
}

describe("email invitations", () => {
  it("accepting creates the membership with the chosen role and teams, once", async () => {
    const user = await createUser();
    const { token } = await emailInvite(user.email, "MANAGER", [a.teamA.id, a.teamB.id]);
    const res = await callRoute(acceptRoute, { method: "POST", userId: user.id, body: { token } });
    expect(res.status).toBe(200);

    const db = getDb();
    const membership = await db.membership.findUniqueOrThrow({
      where: { orgId_userId: { orgId: a.org.id, userId: user.id } },
      include: { teams: true, manages: true },
    });
    expect(membership.role).toBe("MANAGER");
    expect(membership.teams.map((t) => t.teamId).sort()).toEqual([a.teamA.id, a.teamB.id].sort());
    expect(membership.manages).toHaveLength(2);

    const again = await callRoute(acceptRoute, {
      method: "POST",
      userId: user.id,
      body: { token },
    });
    expect(again.status).toBe(409);
    expect(again.json.error?.message).toBe("This invitation has already been used.");
  });

  it("can be used only by the invited email", async () => {
    const invited = uniqueEmail("invited");
    const stranger = await createUser();
    const { token } = await emailInvite(invited);
    const res = await callRoute(acceptRoute, {
      method: "POST",
      userId: stranger.id,
      body: { token },
    });
    expect(res.status).toBe(403);
    expect(res.json.error?.message).toMatch(/This invitation was sent to i•+@test\.example/);
    expect(await getDb().membership.count({ where: { userId: stranger.id } })).toBe(0);
  });

  it("refuses an expired or revoked invitation and changes nothing", async () => {
    const user = await createUser();
    const { id, token } = await emailInvite(user.email);
    await getDb().invitation.update({
      where: { id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(acceptInvitation(user.id, token)).rejects.toThrow("This invitation has expired");

    const user2 = await createUser();
    const second = await emailInvite(user2.email);
    await getDb().invitation.update({ where: { id: second.id }, data: { revokedAt: new Date() } });
    await expect(acceptInvitation(user2.id, second.token)).rejects.toThrow(
      "This invitation has been revoked.",
    );
    expect(await getDb().membership.count({ where: { userId: { in: [user.id, user2.id] } } })).toBe(
      0,
    );
  });

  it("answers 404 for an unknown or tampered token", async () => {
    const user = await createUser();
    const res = await callRoute(acceptRoute, {
      method: "POST",
      userId: user.id,
      body: { token: "x".repeat(32) },
    });
    expect(res.status).toBe(404);
    expect(res.json.error?.message).toBe("This invitation was not found.");
  });

  it("refuses to invite an existing member or someone already invited", async () => {
    const res = await callRoute(createRoute, {
      method: "POST",
      userId: a.admin.user.id,
      body: { kind: "EMAIL", email: a.employee.user.email.toUpperCase(), role: "EMPLOYEE" },
    });
    expect(res.status).toBe(409);
    expect(res.json.error?.message).toBe(
      `${a.employee.user.email} is already a member of this organisation.`,
    );

    const email = uniqueEmail("twice");
    const first = await callRoute(createRoute, {
      method: "POST",
      userId: a.admin.user.id,
      body: { kind: "EMAIL", email, role: "EMPLOYEE" },
    });
    expect(first.status).toBe(201);
    expect((first.json.invitation as { url: string }).url).toMatch(
      /^http:\/\/chorus\.test\/invite\/[A-Za-z0-9]{32}$/,
    );
    const second = await callRoute(createRoute, {
      method: "POST",
      userId: a.admin.user.id,
      body: { kind: "EMAIL", email, role: "EMPLOYEE" },
    });
    expect(second.status).toBe(409);
    expect(await getDb().invitation.count({ where: { orgId: a.org.id, email } })).toBe(1);
  });

  it("a single-use invitation accepted by two sessions at once makes exactly one membership", async () => {
    const user = await createUser();
    const { token } = await emailInvite(user.email);
    const results = await Promise.allSettled([
      acceptInvitation(user.id, token),
      acceptInvitation(user.id, token),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await getDb().membership.count({ where: { userId: user.id, orgId: a.org.id } })).toBe(1);
  });
});

describe("invite links", () => {
  it("admit up to maxUses people, then refuse", async () => {
    const { token } = await createInvitation(admin(), {
      kind: "LINK",
      role: "EMPLOYEE",
      teamIds: [a.teamB.id],
      expiresInDays: 7,
      maxUses: 2,
    });
    const users = await Promise.all([createUser(), createUser(), createUser()]);
    const settled = await Promise.allSettled(users.map((u) => acceptInvitation(u.id, token)));
    expect(settled.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const rejected = settled.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(String(rejected.reason.message)).toBe("This invitation has already been used.");
  });
});

describe("CSV import", () => {
  it("invites valid rows and refuses each bad row with its reason", async () => {
    const existingInvite = uniqueEmail("pending");
    await emailInvite(existingInvite);
    const good = uniqueEmail("good");
    const res = await callRoute(importRoute, {
      method: "POST",
      userId: a.admin.user.id,
      body: {
        rows: [
          { line: 2, email: good, name: "Good Row", role: "manager", teams: "alpha; Beta" },
          { line: 3, email: "not-an-email", name: "Bad" },
          { line: 4, email: uniqueEmail(), role: "overlord" },
          { line: 5, email: uniqueEmail(), teams: "Gamma" },
          { line: 6, email: good.toUpperCase() },
          { line: 7, email: a.employee.user.email },
          { line: 8, email: existingInvite },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.json.invited).toBe(1);
    expect(res.json.refused).toBe(6);
    const reasons = Object.fromEntries(
      (res.json.results as { line: number; status: string; reason?: string }[]).map((r) => [
        r.line,
        r.reason ?? r.status,
      ]),
    );
    expect(reasons).toEqual({
      2: "invited",
      3: 'Invalid email "not-an-email".',
      4: 'Unknown role "overlord" (use employee, manager or admin).',
      5: "Unknown team: Gamma.",
      6: "Duplicate of line 2.",
      7: "Already a member of this organisation.",
      8: "Already has a pending invitation.",
    });
    const created = await getDb().invitation.findFirstOrThrow({
      where: { orgId: a.org.id, email: good },
      include: { teams: true },
    });
    expect(created.role).toBe("MANAGER");
    expect(created.teams).toHaveLength(2);
  });

  it("imports 10,000 rows in chunks of 500 with every row accounted for", async () => {
    const org = await createOrgFixture();
    const access = accessFor(org.org, org.admin);
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      line: i + 2,
      email:
        i % 1000 === 999
          ? "broken-address"
          : `bulk-${i}-${org.org.id.slice(4, 10)}@test.example`.toLowerCase(),
      name: `Person ${i}`,
      role: i % 10 === 0 ? "MANAGER" : "EMPLOYEE",
      teams: i % 2 ? "Alpha" : "Beta;Alpha",
    }));
    let invited = 0;
    let refused = 0;
    for (let i = 0; i < rows.length; i += 500) {
      const report = await importInvitations(access, {
        rows: rows.slice(i, i + 500),
        expiresInDays: 14,
      });
      invited += report.invited;
      refused += report.refused;
    }
    expect(invited).toBe(9_990);
    expect(refused).toBe(10);
    expect(await getDb().invitation.count({ where: { orgId: org.org.id } })).toBe(9_990);
    expect(await getDb().invitationTeam.count({ where: { orgId: org.org.id } })).toBe(
      4_990 + 2 * 5_000,
    );
  });

  it("rejects a malformed chunk whole with a readable message", async () => {
    const res = await callRoute(importRoute, {
      method: "POST",
      userId: a.admin.user.id,
      body: { rows: [] },
    });
    expect(res.status).toBe(400);
    expect(res.json.error?.message).toContain("Send at least one row.");
  });
});

describe("concurrent imports", () => {
  it("two imports of the same address at once invite it once", async () => {
    const email = uniqueEmail("race");
    const chunk = { rows: [{ line: 2, email }], expiresInDays: 14 };
    const reports = await Promise.all([
      importInvitations(admin(), chunk),
      importInvitations(admin(), chunk),
    ]);
    expect(reports.map((r) => r.invited).sort()).toEqual([0, 1]);
    expect(await getDb().invitation.count({ where: { orgId: a.org.id, email } })).toBe(1);
  });
});
