import { beforeAll, describe, expect, it } from "vitest";
import { GET as getOrg, PATCH as patchOrg } from "@/app/api/org/route";
import { GET as listTeams, POST as createTeam } from "@/app/api/teams/route";
import { GET as listMembers } from "@/app/api/members/route";
import { POST as switchOrg } from "@/app/api/org/switch/route";
import {
  addMember,
  createOrgFixture,
  createOrganization,
  createUser,
  type OrgFixture,
} from "../../support/factories";
import { callRoute } from "../../support/http";

let a: OrgFixture;

beforeAll(async () => {
  a = await createOrgFixture();
});

describe("the access wrapper: session → membership → role → permission", () => {
  it("lets a member with the permission through", async () => {
    const res = await callRoute(listTeams, { userId: a.employee.user.id });
    expect(res.status).toBe(200);
    expect((res.json.teams as { name: string }[]).map((t) => t.name)).toEqual(["Alpha", "Beta"]);
  });

  it("answers 401 without a session, and for a forged cookie", async () => {
    expect((await callRoute(listTeams, {})).status).toBe(401);
    const forged = await callRoute(listTeams, {
      headers: { cookie: "authjs.session-token=not-a-jwt" },
    });
    expect(forged.status).toBe(401);
    expect(forged.json.error?.message).toBe("Sign in to continue.");
  });

  it("answers 403 for a role without the permission, naming the role", async () => {
    const res = await callRoute(patchOrg, {
      method: "PATCH",
      userId: a.employee.user.id,
      body: { name: "Hacked" },
    });
    expect(res.status).toBe(403);
    expect(res.json.error?.message).toContain("Employee");
    const manager = await callRoute(createTeam, {
      method: "POST",
      userId: a.manager.user.id,
      body: { name: "X" },
    });
    expect(manager.status).toBe(403);
    const org = await callRoute(getOrg, { userId: a.admin.user.id });
    expect((org.json.organization as { name: string }).name).toBe(a.org.name);
  });

  it("answers 403 for a deactivated member, with the reason", async () => {
    const res = await callRoute(listTeams, { userId: a.deactivated.user.id });
    expect(res.status).toBe(403);
    expect(res.json.error?.message).toContain("has been deactivated");
  });

  it("answers 403 for a signed-in user who belongs to no organisation", async () => {
    const loner = await createUser();
    const res = await callRoute(listMembers, { userId: loner.id });
    expect(res.status).toBe(403);
    expect(res.json.error?.message).toBe("You are not a member of any organisation yet.");
  });

  it("refuses a cookie-authenticated write from another site (CSRF)", async () => {
    const res = await callRoute(createTeam, {
      method: "POST",
      userId: a.admin.user.id,
      body: { name: "From evil" },
      headers: { origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
    const teams = await callRoute(listTeams, { userId: a.admin.user.id });
    expect((teams.json.teams as { name: string }[]).some((t) => t.name === "From evil")).toBe(
      false,
    );
  });

  it("switches organisation only into an organisation the user is an active member of", async () => {
    const other = await createOrganization("Second Org");
    const { membership } = await addMember(other.id, "EMPLOYEE");
    const userId = membership.userId;
    // This user belongs to `other` only; make them a member of a third org too.
    const third = await createOrganization("Third Org");
    const { getDb } = await import("@/lib/core/db/client");
    await getDb().membership.create({
      data: { id: `mem_t${Date.now()}`, orgId: third.id, userId, role: "ADMIN" },
    });

    expect(
      (await callRoute(switchOrg, { method: "POST", userId, body: { orgId: third.id } })).status,
    ).toBe(200);
    const now = await callRoute(getOrg, { userId });
    expect((now.json.organization as { id: string }).id).toBe(third.id);

    const foreign = await callRoute(switchOrg, {
      method: "POST",
      userId,
      body: { orgId: a.org.id },
    });
    expect(foreign.status).toBe(404);
    const still = await callRoute(getOrg, { userId });
    expect((still.json.organization as { id: string }).id).toBe(third.id);
  });

  it("falls back to another active organisation when the active one deactivates the member", async () => {
    const { getDb } = await import("@/lib/core/db/client");
    const db = getDb();
    const first = await createOrganization("First");
    const second = await createOrganization("Second");
    const m = await addMember(first.id, "EMPLOYEE");
    await db.membership.create({
      data: { id: `mem_f${Date.now()}`, orgId: second.id, userId: m.user.id, role: "EMPLOYEE" },
    });
    await db.membership.update({ where: { id: m.membership.id }, data: { status: "DEACTIVATED" } });
    const res = await callRoute(getOrg, { userId: m.user.id });
    expect(res.status).toBe(200);
    expect((res.json.organization as { id: string }).id).toBe(second.id);
  });
});

describe("bad input", () => {
  it("answers 400 naming the field, 415 for a non-JSON body, 413 for a huge body", async () => {
    const admin = a.admin.user.id;
    const empty = await callRoute(createTeam, {
      method: "POST",
      userId: admin,
      body: { name: "" },
    });
    expect(empty.status).toBe(400);
    expect(empty.json.error?.message).toContain("name: Enter a team name.");

    const notJson = await callRoute(createTeam, {
      method: "POST",
      userId: admin,
      rawBody: "{nope",
    });
    expect(notJson.status).toBe(400);
    expect(notJson.json.error?.message).toBe("The request body is not valid JSON.");

    const form = await callRoute(createTeam, {
      method: "POST",
      userId: admin,
      rawBody: "name=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);

    const huge = await callRoute(createTeam, {
      method: "POST",
      userId: admin,
      body: { name: "x".repeat(100_000) },
    });
    expect(huge.status).toBe(413);

    const extra = await callRoute(createTeam, {
      method: "POST",
      userId: admin,
      body: { name: "Ok", orgId: "org_x" },
    });
    expect(extra.status).toBe(400);
  });

  it("answers 409 for a duplicate team name and writes nothing", async () => {
    const admin = a.admin.user.id;
    const dup = await callRoute(createTeam, {
      method: "POST",
      userId: admin,
      body: { name: "Alpha" },
    });
    expect(dup.status).toBe(409);
    expect(dup.json.error?.message).toBe('A team named "Alpha" already exists.');
    const teams = await callRoute(listTeams, { userId: admin });
    expect((teams.json.teams as unknown[]).length).toBe(2);
  });
});
