import { beforeAll, describe, expect, it } from "vitest";
import * as memberRoute from "@/app/api/members/[id]/route";
import * as teamRoute from "@/app/api/teams/[id]/route";
import { POST as createTeam } from "@/app/api/teams/route";
import { GET as listMembers } from "@/app/api/members/route";
import { getDb } from "@/lib/core/db/client";
import { listMembers as listMembersDomain } from "@/lib/domains/members/list-members";
import { readMemberFilters } from "@/lib/domains/members/member-filters";
import {
  addMember,
  createLocation,
  createOrgFixture,
  type OrgFixture,
} from "../../support/factories";
import { callRoute } from "../../support/http";

let a: OrgFixture;

beforeAll(async () => {
  a = await createOrgFixture();
});

describe("members", () => {
  it("an admin changes a role and the change is audited", async () => {
    const target = await addMember(a.org.id, "EMPLOYEE");
    const res = await callRoute(memberRoute.PATCH, {
      method: "PATCH",
      userId: a.admin.user.id,
      params: { id: target.membership.id },
      body: { role: "MANAGER" },
    });
    expect(res.status).toBe(200);
    const db = getDb();
    expect(
      (await db.membership.findUniqueOrThrow({ where: { id: target.membership.id } })).role,
    ).toBe("MANAGER");
    const audit = await db.auditLog.findFirstOrThrow({
      where: { orgId: a.org.id, targetId: target.membership.id },
    });
    expect(audit).toMatchObject({ action: "member.role_change", actorId: a.admin.user.id });
  });

  it("deactivation cuts access on the next request", async () => {
    const target = await addMember(a.org.id, "EMPLOYEE");
    const before = await callRoute(teamRoute.GET, {
      userId: target.user.id,
      params: { id: a.teamA.id },
    });
    expect(before.status).toBe(200);
    const res = await callRoute(memberRoute.PATCH, {
      method: "PATCH",
      userId: a.admin.user.id,
      params: { id: target.membership.id },
      body: { status: "DEACTIVATED" },
    });
    expect(res.status).toBe(200);
    const after = await callRoute(teamRoute.GET, {
      userId: target.user.id,
      params: { id: a.teamA.id },
    });
    expect(after.status).toBe(403);
    expect(after.json.error?.message).toContain("deactivated");
  });

  it("never leaves the organisation without an active admin", async () => {
    const own = await callRoute(memberRoute.PATCH, {
      method: "PATCH",
      userId: a.admin.user.id,
      params: { id: a.admin.membership.id },
      body: { role: "EMPLOYEE" },
    });
    expect(own.status).toBe(409);
    expect(own.json.error?.message).toContain("You can't remove your own admin access");

    const org = await createOrgFixture();
    const second = await addMember(org.org.id, "ADMIN");
    // The second admin demotes the first: allowed (one admin remains)…
    const first = await callRoute(memberRoute.PATCH, {
      method: "PATCH",
      userId: second.user.id,
      params: { id: org.admin.membership.id },
      body: { status: "DEACTIVATED" },
    });
    expect(first.status).toBe(200);
    const roles = await getDb().membership.count({
      where: { orgId: org.org.id, role: "ADMIN", status: "ACTIVE" },
    });
    expect(roles).toBe(1);
  });

  it("searches and filters the member list", async () => {
    const res = await callRoute(listMembers, {
      userId: a.admin.user.id,
      path: `/api/members?role=MANAGER&teamId=${a.teamA.id}`,
    });
    expect(res.status).toBe(200);
    const ids = (res.json.members as { id: string }[]).map((m) => m.id);
    expect(ids).toContain(a.manager.membership.id);
    expect(ids).not.toContain(a.employee.membership.id);
    const bad = await callRoute(listMembers, {
      userId: a.admin.user.id,
      path: "/api/members?role=KING",
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.message).toContain("role");
  });

  it("filters the member list by location; another organisation's location answers 404", async () => {
    const here = await createLocation(a.org.id, `Here ${Date.now()}`);
    await getDb().membership.update({
      where: { id: a.employee.membership.id },
      data: { locationId: here.id },
    });
    const res = await callRoute(listMembers, {
      userId: a.admin.user.id,
      path: `/api/members?locationId=${here.id}`,
    });
    expect(res.status).toBe(200);
    expect((res.json.members as { id: string }[]).map((m) => m.id)).toEqual([
      a.employee.membership.id,
    ]);
    // The members page reads the same filter from its query string.
    const page = await listMembersDomain(a.org.id, {
      ...readMemberFilters({ locationId: here.id }),
      pageSize: 50,
    });
    expect(page.members.map((m) => m.id)).toEqual([a.employee.membership.id]);

    const other = await createOrgFixture();
    const foreign = await createLocation(other.org.id, "Theirs");
    const refused = await callRoute(listMembers, {
      userId: a.admin.user.id,
      path: `/api/members?locationId=${foreign.id}`,
    });
    expect(refused.status).toBe(404);
  });
});

describe("teams", () => {
  it("creates a team with managers, edits members, deletes it", async () => {
    const created = await callRoute(createTeam, {
      method: "POST",
      userId: a.admin.user.id,
      body: { name: "Gamma", description: "New team", managerIds: [a.manager.membership.id] },
    });
    expect(created.status).toBe(201);
    const id = (created.json.team as { id: string }).id;

    const edit = await callRoute(teamRoute.PATCH, {
      method: "PATCH",
      userId: a.admin.user.id,
      params: { id },
      body: { memberIds: [a.employee.membership.id, a.manager.membership.id] },
    });
    expect(edit.status).toBe(200);
    const team = await callRoute(teamRoute.GET, { userId: a.admin.user.id, params: { id } });
    expect((team.json.team as { members: unknown[]; managerIds: string[] }).members).toHaveLength(
      2,
    );
    expect((team.json.team as { managerIds: string[] }).managerIds).toEqual([
      a.manager.membership.id,
    ]);

    const employeeAsManager = await callRoute(teamRoute.PATCH, {
      method: "PATCH",
      userId: a.admin.user.id,
      params: { id },
      body: { managerIds: [a.employee.membership.id] },
    });
    expect(employeeAsManager.status).toBe(400);
    expect(employeeAsManager.json.error?.message).toBe(
      "Only managers and admins can manage a team.",
    );

    const del = await callRoute(teamRoute.DELETE, {
      method: "DELETE",
      userId: a.admin.user.id,
      params: { id },
    });
    expect(del.status).toBe(200);
    expect(
      (await callRoute(teamRoute.GET, { userId: a.admin.user.id, params: { id } })).status,
    ).toBe(404);
  });
});

describe("what managers and employees may read", () => {
  it("a manager lists only the members of the teams they manage; an employee sees no emails", async () => {
    const res = await callRoute(listMembers, {
      userId: a.manager.user.id,
      path: "/api/members?pageSize=200",
    });
    expect(res.status).toBe(200);
    const ids = (res.json.members as { id: string }[]).map((m) => m.id);
    expect(ids).toContain(a.manager.membership.id); // team A, which they manage
    expect(ids).not.toContain(a.employee.membership.id); // team B
    const team = await callRoute(teamRoute.GET, {
      userId: a.employee.user.id,
      params: { id: a.teamB.id },
    });
    expect(team.status).toBe(200);
    const members = (team.json.team as { members: Record<string, unknown>[] }).members;
    expect(members.length).toBeGreaterThan(0);
    for (const m of members) {
      expect(m).not.toHaveProperty("email");
      expect(m).not.toHaveProperty("status");
    }
  });

  it("a team that is the only audience of a post cannot be deleted", async () => {
    const { POST: createContent } = await import("@/app/api/content/route");
    const { contentInput } = await import("../../support/content");
    const created = await callRoute(createTeam, {
      method: "POST",
      userId: a.admin.user.id,
      body: { name: "Solo" },
    });
    const teamId = (created.json.team as { id: string }).id;
    const post = await callRoute(createContent, {
      method: "POST",
      userId: a.admin.user.id,
      body: contentInput({ audience: { all: false, teamIds: [teamId], locationIds: [] } }),
    });
    expect(post.status).toBe(201);
    const del = await callRoute(teamRoute.DELETE, {
      method: "DELETE",
      userId: a.admin.user.id,
      params: { id: teamId },
    });
    expect(del.status).toBe(409);
    expect(del.json.error?.message).toBe(
      "1 post is aimed only at this team. Change its audience in the studio first.",
    );
  });
});
