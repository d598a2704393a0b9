import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as items from "@/app/api/v1/items/route";
import * as shares from "@/app/api/v1/shares/route";
import * as members from "@/app/api/v1/members/route";
import * as teams from "@/app/api/v1/teams/route";
import * as daily from "@/app/api/v1/stats/daily/route";
import * as conversions from "@/app/api/v1/conversions/route";
import * as campaigns from "@/app/api/v1/campaigns/route";
import { getDb } from "@/lib/core/db/client";
import { createId, randomString } from "@/lib/core/db/create-id";
import { createApiKey } from "@/lib/domains/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/domains/api-keys/revoke-api-key";
import { newShareCode } from "@/lib/domains/tracking/share-code";
import * as apiKeysRoute from "@/app/api/api-keys/route";
import { accessFor, createOrgFixture, type OrgFixture } from "../../support/factories";
import { callRoute, type Handler } from "../../support/http";
import { openApiValidator } from "../../support/openapi-validator";

// A low per-key limit keeps the 429 test quick (each other test uses a key of its own).
const RATE_LIMIT = 30;
const previousLimit = process.env.API_RATE_LIMIT_PER_MINUTE;
process.env.API_RATE_LIMIT_PER_MINUTE = String(RATE_LIMIT);
afterAll(() => {
  if (previousLimit === undefined) delete process.env.API_RATE_LIMIT_PER_MINUTE;
  else process.env.API_RATE_LIMIT_PER_MINUTE = previousLimit;
});

const ROUTES: Record<string, Handler> = {
  "/api/v1/items": items.GET,
  "/api/v1/shares": shares.GET,
  "/api/v1/members": members.GET,
  "/api/v1/teams": teams.GET,
  "/api/v1/stats/daily": daily.GET,
  "/api/v1/conversions": conversions.GET,
  "/api/v1/campaigns": campaigns.GET,
};

const { problems } = openApiValidator();
let a: OrgFixture;
let b: OrgFixture;
const seeded = {
  itemIds: [] as string[],
  shareIds: [] as string[],
  conversionId: "",
  campaignId: "",
};
let foreignItemId = "";

async function newKey(org: OrgFixture, access?: ("read" | "write")[]) {
  const { key, apiKey } = await createApiKey(accessFor(org.org, org.admin), {
    name: `key ${randomString(4)}`,
    kind: "secret",
    ...(access ? { access } : {}),
  });
  return { key, id: apiKey.id, scopes: apiKey.scopes };
}

async function seedItem(org: OrgFixture, createdAt: Date) {
  const item = await getDb().contentItem.create({
    data: {
      id: createId("cnt"),
      orgId: org.org.id,
      slug: `item-${randomString(8).toLowerCase()}`,
      title: `Item ${randomString(4)}`,
      body: "Body",
      valueType: "INFORMATION",
      goals: ["MARKETING"],
      status: "PUBLISHED",
      publishedAt: createdAt,
      createdAt,
    },
  });
  return item.id;
}

async function seedShare(org: OrgFixture, itemId: string, member: OrgFixture["employee"]) {
  const share = await getDb().share.create({
    data: {
      id: createId("shr"),
      orgId: org.org.id,
      itemId,
      membershipId: member.membership.id,
      userId: member.user.id,
      code: newShareCode(),
      channel: "COPY",
      text: "Proud of this one.",
      language: "en",
      authenticity: 1,
      destinationUrl: "https://fernhill.example/news",
    },
  });
  return share;
}

beforeAll(async () => {
  a = await createOrgFixture();
  b = await createOrgFixture();
  const db = getDb();
  // Three items at distinct times, one with the same timestamp as another (the cursor's id tie-break).
  const t0 = new Date("2026-10-01T10:00:00Z");
  seeded.itemIds.push(await seedItem(a, t0));
  seeded.itemIds.push(await seedItem(a, t0));
  seeded.itemIds.push(await seedItem(a, new Date("2026-10-05T10:00:00Z")));
  seeded.itemIds.push(await seedItem(a, new Date("2026-11-05T10:00:00Z")));
  foreignItemId = await seedItem(b, t0);
  const s1 = await seedShare(a, seeded.itemIds[0]!, a.employee); // team Beta
  const s2 = await seedShare(a, seeded.itemIds[1]!, a.manager); // team Alpha
  seeded.shareIds.push(s1.id, s2.id);
  const conversion = await db.conversion.create({
    data: {
      id: createId("cnv"),
      orgId: a.org.id,
      shareId: s1.id,
      outcome: "DEAL",
      value: 1200,
      currency: "EUR",
      occurredAt: new Date("2026-10-02T12:00:00Z"),
    },
  });
  seeded.conversionId = conversion.id;
  const base = { orgId: a.org.id, network: "LINKEDIN" as const };
  await db.shareDailyStats.createMany({
    data: [
      {
        ...base,
        shareId: s1.id,
        itemId: s1.itemId,
        membershipId: s1.membershipId,
        day: new Date("2026-10-02"),
        clicks: 5,
        humanClicks: 4,
        uniqueVisits: 3,
        conversions: 1,
        deals: 1,
        conversionValue: 1200,
      },
      {
        ...base,
        shareId: s2.id,
        itemId: s2.itemId,
        membershipId: s2.membershipId,
        day: new Date("2026-10-02"),
        clicks: 2,
        humanClicks: 2,
        uniqueVisits: 2,
      },
      {
        ...base,
        shareId: s1.id,
        itemId: s1.itemId,
        membershipId: s1.membershipId,
        day: new Date("2026-10-03"),
        clicks: 1,
        humanClicks: 1,
        uniqueVisits: 1,
      },
    ],
  });
  const campaign = await db.campaign.create({
    data: {
      id: createId("cmp"),
      orgId: a.org.id,
      name: `Campaign ${randomString(4)}`,
      startsAt: new Date("2026-10-01T00:00:00Z"),
      endsAt: new Date("2026-10-31T00:00:00Z"),
      goal: "SHARES",
      goalTarget: 10,
      items: { create: [{ orgId: a.org.id, itemId: seeded.itemIds[0]! }] },
      teams: { create: [{ orgId: a.org.id, teamId: a.teamA.id }] },
    },
  });
  seeded.campaignId = campaign.id;
});

async function get(path: string, key: string | null, query = "") {
  const handler = ROUTES[path]!;
  return callRoute(handler, {
    path: `${path}${query}`,
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
}

function expectDocumented(path: string, res: { status: number; json: unknown }) {
  expect(problems("GET", path, res.status, res.json), JSON.stringify(res.json)).toEqual([]);
}

/** Every row of a list, page by page. */
async function all(path: string, key: string, limit: number, extra = "") {
  const rows: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const q: string = `?limit=${limit}${extra}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const res = await get(path, key, q);
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expectDocumented(path, res);
    const page = res.json as unknown as {
      data: Record<string, unknown>[];
      next_cursor: string | null;
    };
    expect(page.data.length).toBeLessThanOrEqual(limit);
    rows.push(...page.data);
    cursor = page.next_cursor;
    if (!cursor) return rows;
  }
  throw new Error("pagination did not end");
}

describe("read API", () => {
  it("a read key gets every list, each response valid against the OpenAPI document", async () => {
    const { key } = await newKey(a, ["read"]);
    for (const path of Object.keys(ROUTES)) {
      const res = await get(path, key);
      expect(res.status, `${path}: ${JSON.stringify(res.json)}`).toBe(200);
      expectDocumented(path, res);
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
    const itemIds = (await all("/api/v1/items", key, 200)).map((r) => r.id);
    expect(itemIds.sort()).toEqual([...seeded.itemIds].sort());
    const shareIds = (await all("/api/v1/shares", key, 200)).map((r) => r.id);
    expect(shareIds.sort()).toEqual([...seeded.shareIds].sort());
    const conv = await all("/api/v1/conversions", key, 200);
    expect(conv).toMatchObject([
      { id: seeded.conversionId, outcome: "deal", value: 1200, currency: "EUR" },
    ]);
    const camp = await all("/api/v1/campaigns", key, 200);
    expect(camp).toMatchObject([
      { id: seeded.campaignId, itemIds: [seeded.itemIds[0]], teamIds: [a.teamA.id] },
    ]);
    const teamRows = await all("/api/v1/teams", key, 200);
    expect(teamRows.map((t) => t.name).sort()).toEqual(["Alpha", "Beta"]);
    expect(teamRows.find((t) => t.name === "Alpha")?.memberCount).toBe(2);
  });

  it("never shows another organisation's rows, whatever the parameters", async () => {
    const { key } = await newKey(b, ["read"]);
    const rows = await all("/api/v1/items", key, 200);
    expect(rows.map((r) => r.id)).toEqual([foreignItemId]);
    for (const path of [
      "/api/v1/shares",
      "/api/v1/conversions",
      "/api/v1/campaigns",
      "/api/v1/stats/daily",
    ]) {
      const res = await get(path, key, `?orgId=${a.org.id}&org=${a.org.id}`);
      expect(res.status).toBe(200);
      expect((res.json as unknown as { data: unknown[] }).data).toEqual([]);
    }
  });

  it("pages with an opaque cursor: every row once, in order, the last page without a cursor", async () => {
    const { key } = await newKey(a, ["read"]);
    const paged = await all("/api/v1/items", key, 1);
    const whole = (await get("/api/v1/items", key, "?limit=200")).json as unknown as {
      data: { id: string }[];
    };
    expect(paged.map((r) => r.id)).toEqual(whole.data.map((r) => r.id));
    expect(new Set(paged.map((r) => r.id)).size).toBe(seeded.itemIds.length);
    const members = await all("/api/v1/members", key, 2);
    expect(members).toHaveLength(4);
  });

  it("filters by from (inclusive) and to (exclusive)", async () => {
    const { key } = await newKey(a, ["read"]);
    const oct = await all("/api/v1/items", key, 200, "&from=2026-10-01&to=2026-10-05T10:00:00Z");
    expect(oct.map((r) => r.id).sort()).toEqual(seeded.itemIds.slice(0, 2).sort());
    const later = await all("/api/v1/items", key, 200, "&from=2026-10-05T10:00:00Z");
    expect(later.map((r) => r.id).sort()).toEqual(seeded.itemIds.slice(2).sort());
    const none = await all("/api/v1/conversions", key, 200, "&from=2026-10-03");
    expect(none).toEqual([]);
    const nov = await all("/api/v1/campaigns", key, 200, "&from=2026-11-01");
    expect(nov).toEqual([]);
  });

  it("sums the daily rollups per day, per item and per team", async () => {
    const { key } = await newKey(a, ["read"]);
    const days = await all("/api/v1/stats/daily", key, 200);
    expect(days).toEqual([
      {
        day: "2026-10-02",
        shares: 2,
        clicks: 7,
        humanClicks: 6,
        uniqueVisits: 5,
        conversions: 1,
        conversionValue: 1200,
      },
      {
        day: "2026-10-03",
        shares: 1,
        clicks: 1,
        humanClicks: 1,
        uniqueVisits: 1,
        conversions: 0,
        conversionValue: 0,
      },
    ]);
    const byItem = await all(
      "/api/v1/stats/daily",
      key,
      1,
      "&group_by=item&from=2026-10-02&to=2026-10-03",
    );
    expect(byItem).toHaveLength(2);
    expect(byItem.map((r) => r.itemId).sort()).toEqual(seeded.itemIds.slice(0, 2).sort());
    const byTeam = await all("/api/v1/stats/daily", key, 200, "&group_by=team&to=2026-10-03");
    const clicksOf = (teamId: string) => byTeam.find((r) => r.teamId === teamId)?.clicks;
    expect(clicksOf(a.teamB.id)).toBe(5);
    expect(clicksOf(a.teamA.id)).toBe(2);
  });

  it("shows members without e-mail addresses", async () => {
    const { key } = await newKey(a, ["read"]);
    const res = await get("/api/v1/members", key, "?limit=200");
    expectDocumented("/api/v1/members", res);
    const text = JSON.stringify(res.json);
    for (const member of [a.admin, a.manager, a.employee, a.deactivated]) {
      expect(text).toContain(member.membership.id);
      expect(text).not.toContain(member.user.email);
    }
    expect(text).not.toMatch(/"email"/);
    const employee = (
      res.json as unknown as { data: { id: string; teams: { id: string }[]; role: string }[] }
    ).data.find((m) => m.id === a.employee.membership.id);
    expect(employee).toMatchObject({ role: "EMPLOYEE", teams: [{ id: a.teamB.id, name: "Beta" }] });
  });

  it("refuses bad parameters with a documented 400", async () => {
    const { key } = await newKey(a, ["read"]);
    const cases = [
      "?limit=201",
      "?limit=0",
      "?limit=ten",
      "?cursor=not-a-cursor",
      `?cursor=${Buffer.from("[1,2]").toString("base64url")}`,
      "?from=2026-13-45",
      "?from=yesterday",
      "?from=2026-10-05&to=2026-10-01",
    ];
    for (const query of cases) {
      const res = await get("/api/v1/items", key, query);
      expect(res.status, query).toBe(400);
      expectDocumented("/api/v1/items", res);
    }
    const group = await get("/api/v1/stats/daily", key, "?group_by=person");
    expect(group.status).toBe(400);
    const dayCursor = await get(
      "/api/v1/stats/daily",
      key,
      `?cursor=${Buffer.from('["x","y"]').toString("base64url")}`,
    );
    expect(dayCursor.status).toBe(400);
  });

  it("needs a key with the read scope: 401 without or revoked, 403 for write-only and publishable keys", async () => {
    const none = await get("/api/v1/items", null);
    expect(none.status).toBe(401);
    expectDocumented("/api/v1/items", none);
    const writeOnly = await newKey(a);
    expect(writeOnly.scopes).toEqual(["conversions:write"]);
    const forbidden = await get("/api/v1/items", writeOnly.key);
    expect(forbidden.status).toBe(403);
    expectDocumented("/api/v1/items", forbidden);
    const { key: publishable } = await createApiKey(accessFor(a.org, a.admin), {
      name: "pk",
      kind: "publishable",
    });
    expect((await get("/api/v1/items", publishable)).status).toBe(403);
    const both = await newKey(a, ["read", "write"]);
    expect(both.scopes.sort()).toEqual(["conversions:write", "read"]);
    expect((await get("/api/v1/items", both.key)).status).toBe(200);
    await revokeApiKey(accessFor(a.org, a.admin), both.id);
    expect((await get("/api/v1/items", both.key)).status).toBe(401);
  });

  it("key creation: an admin picks read and/or write for a secret key; publishable keys never read", async () => {
    const create = (body: unknown) =>
      callRoute(apiKeysRoute.POST, { method: "POST", userId: a.admin.user.id, body });
    const read = await create({ name: "Warehouse", kind: "secret", access: ["read"] });
    expect(read.status).toBe(201);
    expect((read.json.apiKey as { scopes: string[] }).scopes).toEqual(["read"]);
    expect(String(read.json.key)).toMatch(/^chorus_sk_/);
    const refused = await create({ name: "pk", kind: "publishable", access: ["read"] });
    expect(refused.status).toBe(400);
    expect(refused.json.error?.message).toMatch(/secret key/);
    expect((await create({ name: "none", kind: "secret", access: [] })).status).toBe(400);
    expect((await create({ name: "odd", kind: "secret", access: ["admin"] })).status).toBe(400);
  });

  it("rate-limits per key (shared store) with a documented 429 and Retry-After", async () => {
    const { key, id } = await newKey(a, ["read"]);
    const other = await newKey(a, ["read"]);
    let limited: Awaited<ReturnType<typeof get>> | null = null;
    for (let i = 0; i < RATE_LIMIT + 1; i++) {
      const res = await get("/api/v1/teams", key);
      if (res.status === 429) {
        limited = res;
        break;
      }
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThan(0);
    expectDocumented("/api/v1/teams", limited!);
    // Counted in the database table every instance shares, per key: another key is unaffected.
    const row = await getDb().rateLimit.findUnique({ where: { key: `api:key:${id}` } });
    expect(row?.count).toBeGreaterThan(RATE_LIMIT);
    expect((await get("/api/v1/teams", other.key)).status).toBe(200);
  });
});
