/**
 * The members list in pages (GET /api/members and the admin page's listMembers): a stable order
 * (name, then id, so people with the same name never swap or repeat between pages), search by name
 * or email, filters with paging, another organisation's members never listed, bad parameters a
 * 400 naming them, and the page's URLs carrying filters and page.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listMembersRoute } from "@/app/api/members/route";
import { getDb } from "@/lib/core/db/client";
import { createId, randomString } from "@/lib/core/db/create-id";
import { listMembers } from "@/lib/domains/members/list-members";
import { membersHref, readMemberFilters } from "@/lib/domains/members/member-filters";
import { createLocation, createOrgFixture, type OrgFixture } from "../../support/factories";
import { callRoute } from "../../support/http";

let a: OrgFixture;
let b: OrgFixture;
let siteId: string;
const suffix = randomString(8).toLowerCase();

/** `n` members named "Robin Same" (ties on the name), every third deactivated, at `locationId`. */
async function addNamesakes(orgId: string, n: number, tag: string, locationId: string | null) {
  const db = getDb();
  for (let i = 0; i < n; i++) {
    const userId = createId("usr");
    // Two statements, as the app writes them (the membership's trigger reads the user's name).
    await db.$executeRaw`
      INSERT INTO "User" ("id", "email", "name", "updatedAt")
      VALUES (${userId}, ${`robin${i}.${tag}-${suffix}@paging.test`}, 'Robin Same', now())`;
    await db.$executeRaw`
      INSERT INTO "Membership" ("id", "orgId", "userId", "role", "status", "handle", "locationId", "updatedAt")
      VALUES (${createId("mem")}, ${orgId}, ${userId},
              ${i % 10 === 0 ? "MANAGER" : "EMPLOYEE"}::"Role",
              ${i % 3 === 2 ? "DEACTIVATED" : "ACTIVE"}::"MembershipStatus",
              ${`p${i}-${tag}-${suffix}`}, ${i % 2 ? locationId : null}, now())`;
  }
}

beforeAll(async () => {
  a = await createOrgFixture();
  b = await createOrgFixture();
  siteId = (await createLocation(a.org.id, "Harbour")).id;
  await addNamesakes(a.org.id, 57, "a", siteId);
  await addNamesakes(b.org.id, 20, "b", null);
});

async function get(path: string, userId = a.admin.user.id) {
  return callRoute(listMembersRoute, { userId, path });
}

type Page = { total: number; page: number; pageSize: number; members: { id: string }[] };

describe("the members list in pages", () => {
  it("pages through everyone once, in a stable order, without another organisation", async () => {
    const all = await getDb().membership.findMany({
      where: { orgId: a.org.id },
      select: { id: true, user: { select: { name: true } } },
    });
    const expected = all
      .sort((x, y) =>
        x.user.name === y.user.name ? (x.id < y.id ? -1 : 1) : x.user.name < y.user.name ? -1 : 1,
      )
      .map((m) => m.id);
    expect(expected.length).toBe(61);
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const res = await get(`/api/members?pageSize=25&page=${page}`);
      expect(res.status).toBe(200);
      const body = res.json as Page;
      expect(body).toMatchObject({ total: 61, page, pageSize: 25 });
      seen.push(...body.members.map((m) => m.id));
    }
    expect(seen).toEqual(expected);
    const beyond = (await get(`/api/members?pageSize=25&page=4`)).json as Page;
    expect([beyond.total, beyond.members.length]).toEqual([61, 0]);
  });

  it("a renamed person moves to their new place in the list (the sort name follows the user)", async () => {
    const target = await getDb().membership.findFirstOrThrow({
      where: { orgId: a.org.id, user: { name: "Robin Same" } },
      select: { id: true, userId: true, sortName: true },
    });
    expect(target.sortName).toBe("Robin Same");
    await getDb().user.update({ where: { id: target.userId }, data: { name: "Aaron First" } });
    try {
      const first = (await get(`/api/members?pageSize=1`)).json as Page;
      expect(first.members.map((m) => m.id)).toEqual([target.id]);
    } finally {
      await getDb().user.update({ where: { id: target.userId }, data: { name: "Robin Same" } });
    }
    const back = await getDb().membership.findUniqueOrThrow({ where: { id: target.id } });
    expect(back.sortName).toBe("Robin Same");
  });

  it("searches name or email, any case, with filters and pages; only this organisation", async () => {
    const byName = await listMembers(a.org.id, { q: "ROBIN same", page: 2, pageSize: 10 });
    expect(byName.total).toBe(57);
    expect(byName.members).toHaveLength(10);
    // robin4 and robin40…robin49 of this organisation; b has robin4 and robin10…19, not listed.
    const byEmail = (await get(`/api/members?q=robin4`)).json as Page;
    expect(byEmail.total).toBe(11);
    const otherOrg = (await get(`/api/members?q=.b-${suffix}`)).json as Page;
    expect(otherOrg.total).toBe(0);
    const filtered = await listMembers(a.org.id, {
      q: "robin",
      role: "EMPLOYEE",
      status: "ACTIVE",
      locationId: siteId,
      page: 1,
      pageSize: 5,
    });
    // Odd i (location), i % 3 != 2 (active), i % 10 != 0 (employee): counted by hand below.
    const want = Array.from({ length: 57 }, (_, i) => i).filter(
      (i) => i % 2 === 1 && i % 3 !== 2 && i % 10 !== 0,
    ).length;
    expect(filtered.total).toBe(want);
    expect(filtered.members).toHaveLength(5);
    const rows = await getDb().membership.findMany({
      where: { id: { in: filtered.members.map((m) => m.id) } },
      select: { orgId: true, role: true, status: true, locationId: true },
    });
    expect(
      rows.every(
        (r) =>
          r.orgId === a.org.id &&
          r.role === "EMPLOYEE" &&
          r.status === "ACTIVE" &&
          r.locationId === siteId,
      ),
    ).toBe(true);
  });

  it("bad parameters are a 400 naming the parameter; another organisation's admin sees theirs", async () => {
    for (const [query, field] of [
      ["page=0", "page"],
      ["page=x", "page"],
      ["pageSize=500", "pageSize"],
      ["role=KING", "role"],
      ["status=GONE", "status"],
      [`q=${"x".repeat(101)}`, "q"],
    ]) {
      const res = await get(`/api/members?${query}`);
      expect(res.status, query).toBe(400);
      expect(JSON.stringify(res.json), query).toContain(field);
    }
    const theirs = (await get(`/api/members?pageSize=200`, b.admin.user.id)).json as Page;
    expect(theirs.total).toBe(24);
    const ours = new Set(
      (await getDb().membership.findMany({ where: { orgId: a.org.id }, select: { id: true } })).map(
        (m) => m.id,
      ),
    );
    expect(theirs.members.some((m) => ours.has(m.id))).toBe(false);
  });

  it("the page's URL carries search, filters and page, and reads them back", () => {
    const filters = readMemberFilters({
      q: " robin ",
      role: "manager",
      status: "ACTIVE",
      locationId: siteId,
      page: "3",
    });
    expect(filters).toMatchObject({ q: "robin", role: "MANAGER", page: 3 });
    const href = membersHref(filters, { page: 4 });
    expect(href).toBe(
      `/admin/members?q=robin&role=MANAGER&status=ACTIVE&locationId=${siteId}&page=4`,
    );
    const back = readMemberFilters(Object.fromEntries(new URL(href, "http://x").searchParams));
    expect(back).toEqual({ ...filters, page: 4 });
    // A filter change goes back to page 1.
    expect(membersHref(filters, { role: "EMPLOYEE" })).not.toContain("page=");
    expect(readMemberFilters({ page: "-2", role: "KING" })).toMatchObject({
      page: 1,
      role: undefined,
    });
  });
});
