/**
 * My activity in pages: newest first in a stable order (ties on the date broken by id), every
 * share on exactly one page, the summary figures over all the shares (not the page), a pointed
 * share (?share=) showing its own page, and readable 400s for bad parameters (GET /api/shares).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listShares } from "@/app/api/shares/route";
import { getDb } from "@/lib/core/db/client";
import { getMyActivity } from "@/lib/domains/sharing/get-my-activity";
import { accessFor, createOrgFixture, type OrgFixture } from "../../support/factories";
import { createItem, createShare } from "../../support/analytics";
import { callRoute } from "../../support/http";

const DAY_MS = 86_400_000;
const now = new Date();
let f: OrgFixture;
let g: OrgFixture;
/** The employee's shares, newest first (the list's order). */
let expected: string[] = [];
let colleagueShare: string;
const authenticities: number[] = [];

beforeAll(async () => {
  f = await createOrgFixture();
  g = await createOrgFixture();
  const news = await createItem(f.org.id, { valueType: "INFORMATION" });
  const fun = await createItem(f.org.id, { valueType: "ENTERTAINMENT" });
  const made: { id: string; createdAt: Date }[] = [];
  for (let i = 0; i < 62; i++) {
    // Pairs share a timestamp: the id decides their order.
    const createdAt = new Date(now.getTime() - Math.floor(i / 2) * DAY_MS - 3_600_000);
    const status = i % 10 === 9 ? "FAILED" : "SHARED";
    const authenticity = (i % 7) / 10;
    const share = await createShare(f.org.id, i % 3 ? news.id : fun.id, f.employee, {
      createdAt,
      status,
      authenticity,
    });
    if (status === "SHARED") authenticities.push(authenticity);
    made.push({ id: share.id, createdAt });
  }
  expected = made
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((s) => s.id);
  colleagueShare = (await createShare(f.org.id, news.id, f.manager)).id;
  const theirs = await createItem(g.org.id);
  await createShare(g.org.id, theirs.id, g.employee);
});

describe("my activity in pages", () => {
  it("pages newest first, each share once, 25 a page; the figures count every share", async () => {
    const access = accessFor(f.org, f.employee);
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const result = await getMyActivity(access, { page }, now);
      expect(result).toMatchObject({ total: 62, page, pageSize: 25, pages: 3 });
      seen.push(...result.shares.map((s) => s.id));
    }
    expect(seen).toEqual(expected);
    const first = await getMyActivity(access, {}, now);
    expect(first.shares.map((s) => s.id)).toEqual(expected.slice(0, 25));
    // Over all 62 shares (56 that count), not the page of 25.
    expect(first.mix.total).toBe(authenticities.length);
    expect(first.mix.valueTypes.find((v) => v.key === "ENTERTAINMENT")!.count).toBeGreaterThan(0);
    const average = authenticities.reduce((a, b) => a + b, 0) / authenticities.length;
    expect(first.averageAuthenticity).toBe(Math.round(average * 100) / 100);
    expect(first.streakWeeks).toBeGreaterThanOrEqual(4); // a share every day for a month
    const beyond = await getMyActivity(access, { page: 9 }, now);
    expect(beyond.shares).toEqual([]);
  });

  it("a pointed share shows its page and is highlighted; someone else's is ignored", async () => {
    const access = accessFor(f.org, f.employee);
    const target = expected[40]!;
    const result = await getMyActivity(access, { share: target }, now);
    expect(result.page).toBe(2);
    expect(result.highlightId).toBe(target);
    expect(result.shares.map((s) => s.id)).toContain(target);
    const last = await getMyActivity(access, { share: expected[61]! }, now);
    expect([last.page, last.highlightId]).toEqual([3, expected[61]]);
    const other = await getMyActivity(access, { share: colleagueShare }, now);
    expect([other.page, other.highlightId]).toEqual([1, null]);
    // An explicit page wins; the share is highlighted only when on it.
    const asked = await getMyActivity(access, { page: 1, share: target }, now);
    expect([asked.page, asked.highlightId]).toEqual([1, null]);
  });

  it("GET /api/shares pages too; bad parameters are a 400 naming them; tenants stay apart", async () => {
    const res = await callRoute(listShares, {
      userId: f.employee.user.id,
      path: `/api/shares?pageSize=10&share=${expected[15]}`,
    });
    expect(res.status).toBe(200);
    const body = res.json as { shares: { id: string }[]; page: number; total: number };
    expect(body.page).toBe(2);
    expect(body.total).toBe(62);
    expect(body.shares.map((s) => s.id)).toEqual(expected.slice(10, 20));
    for (const [query, field] of [
      ["page=0", "page"],
      ["page=abc", "page"],
      ["pageSize=1000", "pageSize"],
      ["share=not%20an%20id!", "share"],
    ]) {
      const bad = await callRoute(listShares, {
        userId: f.employee.user.id,
        path: `/api/shares?${query}`,
      });
      expect(bad.status, query).toBe(400);
      expect(JSON.stringify(bad.json), query).toContain(field);
    }
    // Another organisation's employee sees only their own share, even pointing at ours.
    const theirs = await callRoute(listShares, {
      userId: g.employee.user.id,
      path: `/api/shares?share=${expected[0]}`,
    });
    expect(theirs.status).toBe(200);
    const other = theirs.json as { shares: { id: string }[]; total: number; highlightId: null };
    expect(other.total).toBe(1);
    expect(other.highlightId).toBeNull();
    expect(other.shares.some((s) => expected.includes(s.id))).toBe(false);
    expect(await getDb().share.count({ where: { membershipId: f.employee.membership.id } })).toBe(
      62,
    );
  });
});
