/**
 * SCIM 2.0 provisioning (RFC 7643/7644) as Okta and Microsoft Entra ID drive it: the request
 * sequences of their provisioning guides replayed against the real route handlers and PostgreSQL.
 * Users are memberships of the token's organisation; groups are its teams.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as usersRoute from "@/app/scim/v2/Users/route";
import * as userRoute from "@/app/scim/v2/Users/[id]/route";
import * as groupsRoute from "@/app/scim/v2/Groups/route";
import * as groupRoute from "@/app/scim/v2/Groups/[id]/route";
import { GET as serviceProviderConfig } from "@/app/scim/v2/ServiceProviderConfig/route";
import { GET as resourceTypes } from "@/app/scim/v2/ResourceTypes/route";
import { GET as schemas } from "@/app/scim/v2/Schemas/route";
import { getDb } from "@/lib/core/db/client";
import { randomString } from "@/lib/core/db/create-id";
import { resolveAccess } from "@/lib/domains/access/resolve-access";
import { createScimToken, MAX_ACTIVE_SCIM_TOKENS } from "@/lib/domains/scim/create-scim-token";
import { revokeScimToken } from "@/lib/domains/scim/revoke-scim-token";
import { accessFor, addMember, createOrgFixture, type OrgFixture } from "../../support/factories";
import { SCIM_JSON, scimCall } from "../../support/scim";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

let a: OrgFixture;
let b: OrgFixture;
let tokenA: string;
let tokenB: string;

beforeAll(async () => {
  a = await createOrgFixture();
  b = await createOrgFixture();
  tokenA = (await createScimToken(accessFor(a.org, a.admin), { name: "Okta" })).token;
  tokenB = (await createScimToken(accessFor(b.org, b.admin), { name: "Entra" })).token;
});

const email = (who: string) => `${who}-${randomString(8).toLowerCase()}@scim.example`;
type Json = Record<string, unknown>;

function expectScimError(res: { status: number; json: unknown; headers: Headers }, status: number) {
  expect(res.status, JSON.stringify(res.json)).toBe(status);
  expect(res.headers.get("content-type")).toBe(SCIM_JSON);
  const body = res.json as Json;
  expect(body.schemas).toEqual([ERROR]);
  expect(body.status).toBe(String(status));
  expect(typeof body.detail).toBe("string");
  return body;
}

async function auditActions(orgId: string, targetId: string): Promise<string[]> {
  const rows = await getDb().auditLog.findMany({
    where: { orgId, targetId },
    orderBy: { createdAt: "asc" },
    select: { action: true },
  });
  return rows.map((r) => r.action);
}

describe("Okta: user lifecycle", () => {
  it("checks for the user, creates, reads, updates, deactivates and reactivates them", async () => {
    const address = email("okta");
    const lookup = await scimCall(tokenA, usersRoute.GET, {
      path: `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${address}"`)}&startIndex=1&count=100`,
    });
    expect(lookup.status).toBe(200);
    expect(lookup.headers.get("content-type")).toBe(SCIM_JSON);
    expect(lookup.json).toMatchObject({ totalResults: 0, Resources: [] });

    const created = await scimCall(tokenA, usersRoute.POST, {
      method: "POST",
      path: "/scim/v2/Users",
      body: {
        schemas: [USER],
        userName: address,
        name: { givenName: "Ada", familyName: "Lovelace" },
        emails: [{ primary: true, value: address, type: "work" }],
        displayName: "Ada Lovelace",
        locale: "en-US",
        externalId: "00u1okta",
        groups: [],
        password: "ignored-Passw0rd",
        active: true,
      },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const id = created.json.id as string;
    expect(created.headers.get("location")).toContain(`/scim/v2/Users/${id}`);
    expect(created.json).toMatchObject({ userName: address, active: true, externalId: "00u1okta" });
    const membership = await getDb().membership.findUniqueOrThrow({
      where: { id },
      include: { user: true },
    });
    expect(membership).toMatchObject({ orgId: a.org.id, role: "EMPLOYEE", status: "ACTIVE" });
    expect(membership.user.name).toBe("Ada Lovelace");

    const found = await scimCall(tokenA, usersRoute.GET, {
      path: `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${address.toUpperCase()}"`)}`,
    });
    expect(found.json).toMatchObject({ totalResults: 1, Resources: [{ id }] });

    const read = await scimCall(tokenA, userRoute.GET, {
      path: `/scim/v2/Users/${id}`,
      params: { id },
    });
    expect(read.json).toMatchObject({ id, name: { givenName: "Ada", familyName: "Lovelace" } });

    const replaced = await scimCall(tokenA, userRoute.PUT, {
      method: "PUT",
      path: `/scim/v2/Users/${id}`,
      params: { id },
      body: {
        schemas: [USER],
        id,
        userName: address,
        name: { givenName: "Ada", familyName: "King" },
        emails: [{ primary: true, value: address, type: "work" }],
        active: true,
      },
    });
    expect(replaced.status, JSON.stringify(replaced.json)).toBe(200);
    expect(replaced.json).toMatchObject({ displayName: "Ada King" });

    expect((await resolveAccess(membership.userId)).kind).toBe("member");
    const off = await scimCall(tokenA, userRoute.PATCH, {
      method: "PATCH",
      path: `/scim/v2/Users/${id}`,
      params: { id },
      body: { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: false } }] },
    });
    expect(off.status, JSON.stringify(off.json)).toBe(200);
    expect(off.json.active).toBe(false);
    // Access is resolved from the membership on every request: the next one is refused.
    expect((await resolveAccess(membership.userId)).kind).toBe("deactivated");

    const on = await scimCall(tokenA, userRoute.PATCH, {
      method: "PATCH",
      path: `/scim/v2/Users/${id}`,
      params: { id },
      body: { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: true } }] },
    });
    expect(on.json.active).toBe(true);
    expect((await resolveAccess(membership.userId)).kind).toBe("member");
    expect(await auditActions(a.org.id, id)).toEqual([
      "member.provision",
      "member.provision_update",
      "member.provision_deactivate",
      "member.provision_reactivate",
    ]);
  });
});

describe("Microsoft Entra ID: user lifecycle", () => {
  it("creates with the enterprise schema, patches with capitalised ops and string booleans, deletes", async () => {
    const address = email("entra");
    const none = await scimCall(tokenB, usersRoute.GET, {
      path: `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${address}"`)}`,
    });
    expect(none.json).toMatchObject({ totalResults: 0 });
    const created = await scimCall(tokenB, usersRoute.POST, {
      method: "POST",
      path: "/scim/v2/Users",
      body: {
        schemas: [USER, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
        externalId: "entra-object-1",
        userName: address,
        active: true,
        displayName: "Grace Hopper",
        emails: [{ primary: true, type: "work", value: address }],
        meta: { resourceType: "User" },
        name: { formatted: "Grace Hopper", familyName: "Hopper", givenName: "Grace" },
        roles: [],
      },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const id = created.json.id as string;

    const byExternal = await scimCall(tokenB, usersRoute.GET, {
      path: `/scim/v2/Users?filter=${encodeURIComponent('externalId eq "entra-object-1"')}`,
    });
    expect(byExternal.json).toMatchObject({ totalResults: 1, Resources: [{ id }] });

    const renamed = email("entra-renamed");
    const patched = await scimCall(tokenB, userRoute.PATCH, {
      method: "PATCH",
      path: `/scim/v2/Users/${id}`,
      params: { id },
      body: {
        schemas: [PATCH_OP],
        Operations: [
          { op: "Replace", path: "displayName", value: "Grace B. Hopper" },
          { op: "Add", path: "name.givenName", value: "Amazing Grace" },
          { op: "Replace", path: 'emails[type eq "work"].value', value: renamed },
          {
            op: "Add",
            path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
            value: "Navy",
          },
        ],
      },
    });
    expect(patched.status, JSON.stringify(patched.json)).toBe(200);
    expect(patched.json).toMatchObject({
      userName: renamed,
      name: { givenName: "Amazing", familyName: "Grace Hopper" },
      displayName: "Amazing Grace Hopper",
    });

    const off = await scimCall(tokenB, userRoute.PATCH, {
      method: "PATCH",
      path: `/scim/v2/Users/${id}`,
      params: { id },
      body: {
        schemas: [PATCH_OP],
        Operations: [{ op: "Replace", path: "active", value: "False" }],
      },
    });
    expect(off.json.active).toBe(false);
    const on = await scimCall(tokenB, userRoute.PATCH, {
      method: "PATCH",
      path: `/scim/v2/Users/${id}`,
      params: { id },
      body: { schemas: [PATCH_OP], Operations: [{ op: "Replace", path: "active", value: "True" }] },
    });
    expect(on.json.active).toBe(true);

    const deleted = await scimCall(tokenB, userRoute.DELETE, {
      method: "DELETE",
      path: `/scim/v2/Users/${id}`,
      params: { id },
    });
    expect(deleted.status).toBe(204);
    expectScimError(
      await scimCall(tokenB, userRoute.GET, { path: `/scim/v2/Users/${id}`, params: { id } }),
      404,
    );
    // History kept: the membership is still there, deactivated.
    const row = await getDb().membership.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("DEACTIVATED");

    // Provisioned again: the same membership comes back.
    const back = await scimCall(tokenB, usersRoute.POST, {
      method: "POST",
      path: "/scim/v2/Users",
      body: { schemas: [USER], userName: renamed, active: true, externalId: "entra-object-1" },
    });
    expect(back.status, JSON.stringify(back.json)).toBe(201);
    expect(back.json).toMatchObject({ id, active: true });
  });
});

describe("people who already have an account", () => {
  it("join the token's organisation and keep their account, name and other memberships", async () => {
    const elsewhere = await addMember(b.org.id, "MANAGER");
    const res = await scimCall(tokenA, usersRoute.POST, {
      method: "POST",
      path: "/scim/v2/Users",
      body: { schemas: [USER], userName: elsewhere.user.email, displayName: "Renamed By Okta" },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    const id = res.json.id as string;
    const membership = await getDb().membership.findUniqueOrThrow({ where: { id } });
    expect(membership).toMatchObject({
      userId: elsewhere.user.id,
      orgId: a.org.id,
      role: "EMPLOYEE",
    });
    const user = await getDb().user.findUniqueOrThrow({ where: { id: elsewhere.user.id } });
    expect(user.name).toBe(elsewhere.user.name);

    // Deactivating them in A ends A only: they still reach B.
    await getDb().user.update({ where: { id: user.id }, data: { lastActiveOrgId: a.org.id } });
    await scimCall(tokenA, userRoute.PATCH, {
      method: "PATCH",
      path: `/scim/v2/Users/${id}`,
      params: { id },
      body: { Operations: [{ op: "replace", path: "active", value: false }] },
    });
    const access = await resolveAccess(user.id);
    expect(access.kind === "member" && access.access.orgId).toBe(b.org.id);

    const twice = await scimCall(tokenA, usersRoute.POST, {
      method: "POST",
      path: "/scim/v2/Users",
      body: { schemas: [USER], userName: elsewhere.user.email },
    });
    expect(expectScimError(twice, 409).scimType).toBe("uniqueness");
  });

  it("the last active admin cannot be deactivated by the identity provider", async () => {
    const solo = await createOrgFixture();
    const { token } = await createScimToken(accessFor(solo.org, solo.admin), { name: "Okta" });
    const id = solo.admin.membership.id;
    const res = await scimCall(token, userRoute.PATCH, {
      method: "PATCH",
      path: `/scim/v2/Users/${id}`,
      params: { id },
      body: { Operations: [{ op: "replace", value: { active: false } }] },
    });
    expectScimError(res, 400);
    const row = await getDb().membership.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("ACTIVE");
  });
});

describe("group push (teams)", () => {
  it("Okta: creates a group, renames it, adds and removes members, deletes it", async () => {
    const name = `Okta group ${randomString(6)}`;
    const created = await scimCall(tokenA, groupsRoute.POST, {
      method: "POST",
      path: "/scim/v2/Groups",
      body: { schemas: [GROUP], displayName: name, members: [] },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const id = created.json.id as string;
    const team = await getDb().team.findUniqueOrThrow({ where: { id } });
    expect(team).toMatchObject({ orgId: a.org.id, name });

    const renamed = await scimCall(tokenA, groupRoute.PATCH, {
      method: "PATCH",
      path: `/scim/v2/Groups/${id}`,
      params: { id },
      body: {
        schemas: [PATCH_OP],
        Operations: [{ op: "replace", value: { id, displayName: `${name} renamed` } }],
      },
    });
    expect(renamed.status, JSON.stringify(renamed.json)).toBe(200);
    expect(renamed.json.displayName).toBe(`${name} renamed`);

    const m1 = a.employee.membership.id;
    const m2 = a.manager.membership.id;
    const added = await scimCall(tokenA, groupRoute.PATCH, {
      method: "PATCH",
      path: `/scim/v2/Groups/${id}`,
      params: { id },
      body: {
        schemas: [PATCH_OP],
        Operations: [
          { op: "add", path: "members", value: [{ value: m1, display: "x" }, { value: m2 }] },
        ],
      },
    });
    expect((added.json.members as { value: string }[]).map((m) => m.value).sort()).toEqual(
      [m1, m2].sort(),
    );
    const removed = await scimCall(tokenA, groupRoute.PATCH, {
      method: "PATCH",
      path: `/scim/v2/Groups/${id}`,
      params: { id },
      body: {
        schemas: [PATCH_OP],
        Operations: [{ op: "remove", path: `members[value eq "${m1}"]` }],
      },
    });
    expect((removed.json.members as { value: string }[]).map((m) => m.value)).toEqual([m2]);

    const gone = await scimCall(tokenA, groupRoute.DELETE, {
      method: "DELETE",
      path: `/scim/v2/Groups/${id}`,
      params: { id },
    });
    expect(gone.status).toBe(204);
    expect(await getDb().team.findUnique({ where: { id } })).toBeNull();
    expect(await getDb().membership.findUnique({ where: { id: m1 } })).not.toBeNull();
    expect(await auditActions(a.org.id, id)).toEqual([
      "team.provision",
      "team.provision_update",
      "team.provision_update",
      "team.provision_update",
      "team.provision_delete",
    ]);
  });

  it("Entra: looks the group up without members, creates, adds and removes members by value list", async () => {
    const name = `Entra group ${randomString(6)}`;
    const lookup = await scimCall(tokenB, groupsRoute.GET, {
      path: `/scim/v2/Groups?excludedAttributes=members&filter=${encodeURIComponent(`displayName eq "${name}"`)}`,
    });
    expect(lookup.json).toMatchObject({ totalResults: 0 });
    const created = await scimCall(tokenB, groupsRoute.POST, {
      method: "POST",
      path: "/scim/v2/Groups",
      body: { schemas: [GROUP], externalId: "entra-group-1", displayName: name, members: [] },
    });
    const id = created.json.id as string;
    const m = b.employee.membership.id;
    await scimCall(tokenB, groupRoute.PATCH, {
      method: "PATCH",
      path: `/scim/v2/Groups/${id}`,
      params: { id },
      body: {
        schemas: [PATCH_OP],
        Operations: [{ op: "Add", path: "members", value: [{ value: m }] }],
      },
    });
    const listed = await scimCall(tokenB, groupsRoute.GET, {
      path: `/scim/v2/Groups?excludedAttributes=members&filter=${encodeURIComponent(`displayName eq "${name}"`)}`,
    });
    expect(listed.json).toMatchObject({ totalResults: 1, Resources: [{ id, displayName: name }] });
    expect((listed.json.Resources as Json[])[0]!.members).toBeUndefined();
    const withMember = await scimCall(tokenB, groupRoute.GET, {
      path: `/scim/v2/Groups/${id}`,
      params: { id },
    });
    expect(withMember.json.members).toMatchObject([{ value: m }]);
    const removed = await scimCall(tokenB, groupRoute.PATCH, {
      method: "PATCH",
      path: `/scim/v2/Groups/${id}`,
      params: { id },
      body: {
        schemas: [PATCH_OP],
        Operations: [
          { op: "Remove", path: "members", value: [{ value: m }] },
          { op: "Replace", path: "displayName", value: `${name} 2` },
        ],
      },
    });
    expect(removed.json).toMatchObject({ displayName: `${name} 2`, members: [] });
  });
});

describe("tenant isolation", () => {
  it("another organisation's users and groups answer 404 and never appear in lists", async () => {
    const theirs = a.employee.membership.id;
    for (const [handler, method] of [
      [userRoute.GET, "GET"],
      [userRoute.PUT, "PUT"],
      [userRoute.PATCH, "PATCH"],
      [userRoute.DELETE, "DELETE"],
    ] as const) {
      const res = await scimCall(tokenB, handler, {
        method,
        path: `/scim/v2/Users/${theirs}`,
        params: { id: theirs },
        body:
          method === "PUT"
            ? { schemas: [USER], userName: email("x") }
            : method === "PATCH"
              ? { Operations: [{ op: "replace", value: { active: false } }] }
              : undefined,
      });
      expectScimError(res, 404);
    }
    expect((await getDb().membership.findUniqueOrThrow({ where: { id: theirs } })).status).toBe(
      "ACTIVE",
    );
    const theirEmail = a.employee.user.email;
    const list = await scimCall(tokenB, usersRoute.GET, {
      path: `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${theirEmail}"`)}`,
    });
    expect(list.json).toMatchObject({ totalResults: 0 });
    const all = await scimCall(tokenB, usersRoute.GET, { path: "/scim/v2/Users?count=200" });
    const ids = (all.json.Resources as Json[]).map((r) => r.id);
    expect(ids).not.toContain(theirs);
    expect(ids).toContain(b.employee.membership.id);

    const team = a.teamA.id;
    expectScimError(
      await scimCall(tokenB, groupRoute.GET, {
        path: `/scim/v2/Groups/${team}`,
        params: { id: team },
      }),
      404,
    );
    expectScimError(
      await scimCall(tokenB, groupRoute.DELETE, {
        method: "DELETE",
        path: `/scim/v2/Groups/${team}`,
        params: { id: team },
      }),
      404,
    );
    // Adding another organisation's person to one's own group is refused.
    const own = b.teamA.id;
    const foreign = await scimCall(tokenB, groupRoute.PATCH, {
      method: "PATCH",
      path: `/scim/v2/Groups/${own}`,
      params: { id: own },
      body: { Operations: [{ op: "add", path: "members", value: [{ value: theirs }] }] },
    });
    expectScimError(foreign, 400);
  });
});

describe("pagination", () => {
  it("pages with startIndex and count and reports totalResults", async () => {
    const org = await createOrgFixture();
    const { token } = await createScimToken(accessFor(org.org, org.admin), { name: "Okta" });
    const page1 = await scimCall(token, usersRoute.GET, {
      path: "/scim/v2/Users?startIndex=1&count=2",
    });
    const page2 = await scimCall(token, usersRoute.GET, {
      path: "/scim/v2/Users?startIndex=3&count=2",
    });
    expect(page1.json).toMatchObject({ totalResults: 4, startIndex: 1, itemsPerPage: 2 });
    expect(page2.json).toMatchObject({ totalResults: 4, startIndex: 3, itemsPerPage: 2 });
    const ids = [...(page1.json.Resources as Json[]), ...(page2.json.Resources as Json[])].map(
      (r) => r.id,
    );
    expect(new Set(ids).size).toBe(4);
    const zero = await scimCall(token, usersRoute.GET, { path: "/scim/v2/Users?count=0" });
    expect(zero.json).toMatchObject({ totalResults: 4, Resources: [] });
  });
});

describe("authentication", () => {
  it("no token, a wrong token, a revoked token or a session cookie alone → 401 SCIM error", async () => {
    expectScimError(await scimCall(null, usersRoute.GET, { path: "/scim/v2/Users" }), 401);
    expectScimError(
      await scimCall(`chorus_scim_${"x".repeat(40)}`, usersRoute.GET, { path: "/scim/v2/Users" }),
      401,
    );
    const session = await scimCall(null, usersRoute.GET, {
      path: "/scim/v2/Users",
      headers: {},
    });
    expectScimError(session, 401);
    const { callRoute } = await import("../../support/http");
    const cookieOnly = await callRoute(usersRoute.GET, {
      path: "/scim/v2/Users",
      userId: a.admin.user.id,
    });
    expect(cookieOnly.status).toBe(401);
    expect((cookieOnly.json as Json).schemas).toEqual([ERROR]);

    const access = accessFor(a.org, a.admin);
    const { token, scimToken } = await createScimToken(access, { name: "Short-lived" });
    expect((await scimCall(token, usersRoute.GET, { path: "/scim/v2/Users" })).status).toBe(200);
    await revokeScimToken(access, scimToken.id);
    expectScimError(await scimCall(token, usersRoute.GET, { path: "/scim/v2/Users" }), 401);
  });

  it("stores only the hash and caps active tokens per organisation", async () => {
    const org = await createOrgFixture();
    const access = accessFor(org.org, org.admin);
    const made = [];
    for (let i = 0; i < MAX_ACTIVE_SCIM_TOKENS; i++) {
      made.push(await createScimToken(access, { name: `T${i}` }));
    }
    await expect(createScimToken(access, { name: "one too many" })).rejects.toThrow(/active SCIM/);
    const rows = await getDb().scimToken.findMany({ where: { orgId: org.org.id } });
    for (const row of rows) {
      expect(made.some((m) => m.token === row.hash || row.hash.includes(m.token))).toBe(false);
    }
    await revokeScimToken(access, made[0]!.scimToken.id);
    await expect(createScimToken(access, { name: "replacement" })).resolves.toBeDefined();
  });
});

describe("bad requests → 400 SCIM errors, never 500", () => {
  const cases: { what: string; body?: unknown; rawBody?: string; scimType: string }[] = [
    { what: "empty object", body: {}, scimType: "invalidValue" },
    { what: "not JSON", rawBody: "{not json", scimType: "invalidSyntax" },
    { what: "an array", body: [1, 2], scimType: "invalidSyntax" },
    { what: "userName not an email", body: { userName: "not-an-email" }, scimType: "invalidValue" },
    { what: "userName a number", body: { userName: 42 }, scimType: "invalidValue" },
    {
      what: "active not a boolean",
      body: { userName: email("bad"), active: "maybe" },
      scimType: "invalidValue",
    },
    {
      what: "a very long name",
      body: { userName: email("bad"), displayName: "x".repeat(500) },
      scimType: "invalidValue",
    },
    {
      what: "a NUL character",
      body: { userName: email("bad"), displayName: "a\u0000b" },
      scimType: "invalidValue",
    },
  ];
  it.each(cases)("POST /Users with $what", async ({ body, rawBody, scimType }) => {
    const res = await scimCall(tokenA, usersRoute.POST, {
      method: "POST",
      path: "/scim/v2/Users",
      body,
      rawBody,
    });
    expect(expectScimError(res, 400).scimType).toBe(scimType);
  });

  const patches: { what: string; body: unknown }[] = [
    { what: "no Operations", body: {} },
    { what: "Operations not a list", body: { Operations: "replace" } },
    { what: "an unknown op", body: { Operations: [{ op: "move", path: "active", value: true }] } },
    { what: "remove without a path", body: { Operations: [{ op: "remove" }] } },
    { what: "replace without value", body: { Operations: [{ op: "replace", path: "active" }] } },
    {
      what: "active 'yes'",
      body: { Operations: [{ op: "replace", path: "active", value: "yes" }] },
    },
    {
      what: "a broken path",
      body: { Operations: [{ op: "replace", path: 'emails[type eq "work"', value: "x" }] },
    },
    {
      what: "a bad email",
      body: { Operations: [{ op: "replace", path: "userName", value: "nope" }] },
    },
  ];
  it.each(patches)("PATCH /Users/{id} with $what", async ({ body }) => {
    const id = a.employee.membership.id;
    const res = await scimCall(tokenA, userRoute.PATCH, {
      method: "PATCH",
      path: `/scim/v2/Users/${id}`,
      params: { id },
      body,
    });
    expectScimError(res, 400);
  });

  it.each([
    'name co "ada"',
    'userName sw "a"',
    'emails.value eq "a@b.c"',
    'userName eq "a" and active eq true',
    "userName eq",
  ])("filter %s → 400 invalidFilter", async (filter) => {
    const res = await scimCall(tokenA, usersRoute.GET, {
      path: `/scim/v2/Users?filter=${encodeURIComponent(filter)}`,
    });
    expect(expectScimError(res, 400).scimType).toBe("invalidFilter");
  });

  it("bad group bodies", async () => {
    for (const body of [
      {},
      { displayName: "" },
      { displayName: "x".repeat(61) },
      { displayName: "ok", members: [{ nope: 1 }] },
    ]) {
      const res = await scimCall(tokenA, groupsRoute.POST, {
        method: "POST",
        path: "/scim/v2/Groups",
        body,
      });
      expectScimError(res, 400);
    }
    const id = a.teamB.id;
    for (const body of [
      { Operations: [{ op: "replace", path: "owner", value: "x" }] },
      { Operations: [{ op: "add", path: `members[value eq "x"]`, value: [] }] },
      { Operations: [{ op: "remove", path: "displayName" }] },
    ]) {
      const res = await scimCall(tokenA, groupRoute.PATCH, {
        method: "PATCH",
        path: `/scim/v2/Groups/${id}`,
        params: { id },
        body,
      });
      expectScimError(res, 400);
    }
    const taken = await scimCall(tokenA, groupsRoute.POST, {
      method: "POST",
      path: "/scim/v2/Groups",
      body: { displayName: a.teamA.name },
    });
    expect(expectScimError(taken, 409).scimType).toBe("uniqueness");
  });
});

describe("discovery", () => {
  it("serves ServiceProviderConfig, ResourceTypes and Schemas to a token holder", async () => {
    const config = await scimCall(tokenA, serviceProviderConfig, {
      path: "/scim/v2/ServiceProviderConfig",
    });
    expect(config.json).toMatchObject({ patch: { supported: true }, filter: { supported: true } });
    const types = await scimCall(tokenA, resourceTypes, { path: "/scim/v2/ResourceTypes" });
    expect((types.json.Resources as Json[]).map((r) => r.id)).toEqual(["User", "Group"]);
    const schemaList = await scimCall(tokenA, schemas, { path: "/scim/v2/Schemas" });
    expect((schemaList.json.Resources as Json[]).map((r) => r.id)).toEqual([USER, GROUP]);
    expectScimError(await scimCall(null, schemas, { path: "/scim/v2/Schemas" }), 401);
  });
});
