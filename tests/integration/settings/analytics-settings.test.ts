import { beforeAll, describe, expect, it } from "vitest";
import * as analyticsRoute from "@/app/api/settings/analytics/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { GET as snippet } from "@/app/chorus.js/route";
import { getDb } from "@/lib/core/db/client";
import { onLinkChange, type LinkChange } from "@/lib/domains/tracking/link-events";
import { createOrgFixture, type OrgFixture } from "../../support/factories";
import { callRoute } from "../../support/http";

let a: OrgFixture;

beforeAll(async () => {
  a = await createOrgFixture();
});

function patch(userId: string, body: unknown) {
  return callRoute(analyticsRoute.PATCH, {
    method: "PATCH",
    path: "/api/settings/analytics",
    userId,
    body,
  });
}

describe("analytics settings", () => {
  it("start at the defaults", async () => {
    const res = await callRoute(analyticsRoute.GET, { userId: a.admin.user.id });
    expect(res.status).toBe(200);
    expect(res.json.settings).toEqual({
      clickIdParam: "aid",
      attributionDays: 30,
      cpm: 10,
      cpc: 5,
      currency: "EUR",
      reachRate: 0.1,
      defaultNetworkSize: 400,
      pointsPerShare: 10,
      pointsPerVisit: 1,
      pointsPerConversion: 25,
      pointsOwnWords: 10,
      pointsVariety: 15,
      visitPointsCap: 20,
      leaderboardsEnabled: true,
    });
  });

  it("an admin saves them in one update (audit-logged); a new click-id parameter invalidates tracked links", async () => {
    const heard: LinkChange[] = [];
    const stop = onLinkChange((change) => heard.push(change));
    try {
      const body = {
        clickIdParam: "ref_id",
        attributionDays: 45,
        cpm: 12.5,
        cpc: 2.25,
        currency: "usd",
        reachRate: 0.085,
        defaultNetworkSize: 750,
        pointsPerShare: 5,
        pointsPerVisit: 2,
        pointsPerConversion: 50,
        pointsOwnWords: 8,
        pointsVariety: 12,
        visitPointsCap: 5,
        leaderboardsEnabled: false,
      };
      const res = await patch(a.admin.user.id, body);
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      expect(res.json.settings).toEqual({ ...body, currency: "USD" });
      const row = await getDb().orgSettings.findUniqueOrThrow({ where: { orgId: a.org.id } });
      expect(row.cpm.toString()).toBe("12.5");
      expect(row.clickIdParam).toBe("ref_id");
      expect(heard).toContainEqual({ kind: "org", orgId: a.org.id });
      const audit = await getDb().auditLog.findFirst({
        where: { orgId: a.org.id, action: "settings.analytics_update" },
      });
      expect(audit?.actorId).toBe(a.admin.user.id);

      heard.length = 0;
      const same = await patch(a.admin.user.id, { clickIdParam: "ref_id", cpm: 11 });
      expect(same.status).toBe(200);
      expect(heard).toEqual([]);
      // A partial update keeps the other values; guardrail settings are untouched.
      expect(same.json.settings).toMatchObject({ cpm: 11, attributionDays: 45 });
      expect(row.utmSource).toBe("linkedin");
    } finally {
      stop();
    }
  });

  it("refuses invalid values with the field named", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ clickIdParam: "a b" }, "clickIdParam"],
      [{ visitPointsCap: -1 }, "visitPointsCap"],
      [{ pointsOwnWords: 2.5 }, "pointsOwnWords"],
      [{ leaderboardsEnabled: "yes" }, "leaderboardsEnabled"],
      [{ clickIdParam: "" }, "clickIdParam"],
      [{ clickIdParam: "x".repeat(33) }, "clickIdParam"],
      [{ clickIdParam: "utm_id" }, "clickIdParam"],
      [{ attributionDays: 0 }, "attributionDays"],
      [{ attributionDays: 366 }, "attributionDays"],
      [{ attributionDays: 1.5 }, "attributionDays"],
      [{ cpm: -1 }, "cpm"],
      [{ cpc: 1.234 }, "cpc"],
      [{ cpc: "5" }, "cpc"],
      [{ currency: "EURO" }, "currency"],
      [{ currency: "ABC" }, "currency"],
      [{ reachRate: 1.5 }, "reachRate"],
      [{ reachRate: -0.1 }, "reachRate"],
      [{ defaultNetworkSize: -5 }, "defaultNetworkSize"],
      [{ pointsPerShare: 10_001 }, "pointsPerShare"],
      [{ pointsPerConversion: null }, "pointsPerConversion"],
    ];
    for (const [body, field] of cases) {
      const res = await patch(a.admin.user.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error).toMatchObject({ fields: { [field]: expect.any(String) } });
    }
    const unknown = await patch(a.admin.user.id, { clickParam: "x" });
    expect(unknown.status).toBe(400);
    const broken = await callRoute(analyticsRoute.PATCH, {
      method: "PATCH",
      userId: a.admin.user.id,
      rawBody: "{",
    });
    expect(broken.status).toBe(400);
    const row = await getDb().orgSettings.findUniqueOrThrow({ where: { orgId: a.org.id } });
    expect(row.attributionDays).toBe(45);
  });

  it("only admins change them", async () => {
    for (const member of [a.manager, a.employee]) {
      const res = await patch(member.user.id, { attributionDays: 7 });
      expect(res.status).toBe(403);
      expect((await callRoute(analyticsRoute.GET, { userId: member.user.id })).status).toBe(403);
    }
    expect((await callRoute(analyticsRoute.PATCH, { method: "PATCH", body: {} })).status).toBe(401);
    const row = await getDb().orgSettings.findUniqueOrThrow({ where: { orgId: a.org.id } });
    expect(row.attributionDays).toBe(45);
  });
});

describe("public documents served by the app", () => {
  it("serves the OpenAPI document with the conversions path", async () => {
    const res = await callRoute(openApi, { path: "/api/v1/openapi.json" });
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe("3.1.0");
    expect(res.json.servers).toEqual([{ url: "http://chorus.test" }]);
    const paths = res.json.paths as Record<string, { post?: unknown }>;
    expect(paths["/api/v1/conversions"]?.post).toBeDefined();
  });

  it("serves the snippet as cacheable JavaScript, with a 304 for a matching ETag", async () => {
    const res = await callRoute(snippet, { path: "/chorus.js" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
    expect(String(res.json)).toContain("data-chorus-outcome");
    const etag = res.headers.get("etag")!;
    const cached = await callRoute(snippet, {
      path: "/chorus.js",
      headers: { "if-none-match": etag },
    });
    expect(cached.status).toBe(304);
  });
});
