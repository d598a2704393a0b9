import { beforeAll, describe, expect, it } from "vitest";
import * as teamRoute from "@/app/api/teams/[id]/route";
import * as memberRoute from "@/app/api/members/[id]/route";
import * as invitationRoute from "@/app/api/invitations/[id]/route";
import { POST as switchOrg } from "@/app/api/org/switch/route";
import { GET as listMembers } from "@/app/api/members/route";
import { getDb } from "@/lib/db/client";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { accessFor, createOrgFixture, type OrgFixture } from "../support/factories";
import { callRoute } from "../support/http";

let a: OrgFixture;
let b: OrgFixture;
let bInvitationId: string;

/** Every row of an organisation, serialised: equal before and after means nothing changed. */
async function snapshot(orgId: string): Promise<string> {
  const db = getDb();
  const [org, memberships, teams, teamMembers, teamManagers, invitations, audit] =
    await Promise.all([
      db.organization.findUnique({ where: { id: orgId } }),
      db.membership.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
      db.team.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
      db.teamMember.findMany({
        where: { orgId },
        orderBy: [{ teamId: "asc" }, { membershipId: "asc" }],
      }),
      db.teamManager.findMany({
        where: { orgId },
        orderBy: [{ teamId: "asc" }, { membershipId: "asc" }],
      }),
      db.invitation.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
      db.auditLog.count({ where: { orgId } }),
    ]);
  return JSON.stringify({ org, memberships, teams, teamMembers, teamManagers, invitations, audit });
}

beforeAll(async () => {
  a = await createOrgFixture();
  b = await createOrgFixture();
  const inv = await createInvitation(accessFor(b.org, b.admin), {
    kind: "EMAIL",
    email: "someone@b.example",
    role: "EMPLOYEE",
    teamIds: [],
    expiresInDays: 7,
  });
  bInvitationId = inv.id;
});

describe("an admin of organisation A using organisation B's ids", () => {
  const cases = () => [
    {
      name: "GET /api/teams/:id",
      handler: teamRoute.GET,
      method: "GET",
      params: { id: b.teamA.id },
    },
    {
      name: "PATCH /api/teams/:id",
      handler: teamRoute.PATCH,
      method: "PATCH",
      params: { id: b.teamA.id },
      body: { name: "Taken over" },
    },
    {
      name: "DELETE /api/teams/:id",
      handler: teamRoute.DELETE,
      method: "DELETE",
      params: { id: b.teamB.id },
    },
    {
      name: "PATCH /api/members/:id (role)",
      handler: memberRoute.PATCH,
      method: "PATCH",
      params: { id: b.employee.membership.id },
      body: { role: "ADMIN" },
    },
    {
      name: "PATCH /api/members/:id (deactivate)",
      handler: memberRoute.PATCH,
      method: "PATCH",
      params: { id: b.admin.membership.id },
      body: { status: "DEACTIVATED" },
    },
    {
      name: "DELETE /api/invitations/:id",
      handler: invitationRoute.DELETE,
      method: "DELETE",
      params: { id: bInvitationId },
    },
    { name: "POST /api/org/switch", handler: switchOrg, method: "POST", body: { orgId: b.org.id } },
  ];

  it("gets 404 on every id-taking route, and B's data does not change", async () => {
    const before = await snapshot(b.org.id);
    for (const c of cases()) {
      const res = await callRoute(c.handler, {
        method: c.method,
        userId: a.admin.user.id,
        params: c.params,
        body: c.body,
      });
      expect(res.status, c.name).toBe(404);
      expect(res.json.error?.code, c.name).toBe("NOT_FOUND");
    }
    expect(await snapshot(b.org.id)).toBe(before);
  });

  it("cannot attach B's teams or members to A's records", async () => {
    const before = await snapshot(b.org.id);
    const withForeignTeam = await callRoute(memberRoute.PATCH, {
      method: "PATCH",
      userId: a.admin.user.id,
      params: { id: a.employee.membership.id },
      body: { teamIds: [b.teamA.id] },
    });
    expect(withForeignTeam.status).toBe(400);
    const withForeignMember = await callRoute(teamRoute.PATCH, {
      method: "PATCH",
      userId: a.admin.user.id,
      params: { id: a.teamA.id },
      body: { memberIds: [b.employee.membership.id] },
    });
    expect(withForeignMember.status).toBe(400);
    expect(await snapshot(b.org.id)).toBe(before);
  });

  it("lists only its own members", async () => {
    const res = await callRoute(listMembers, {
      userId: a.admin.user.id,
      path: "/api/members?pageSize=200",
    });
    const ids = (res.json.members as { id: string }[]).map((m) => m.id);
    expect(ids).toContain(a.employee.membership.id);
    expect(ids).not.toContain(b.employee.membership.id);
  });
});
