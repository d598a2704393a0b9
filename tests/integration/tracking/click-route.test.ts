/**
 * The tracked-link route (app/[code]/route.ts) — the same click path as the custom server's fast
 * path, used under plain `next start` / `next dev` and for unknown codes.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as trackedLink } from "@/app/[code]/route";
import { getDb } from "@/lib/core/db/client";
import { getClickPath } from "@/lib/domains/tracking/click-path";
import { invalidateLinks } from "@/lib/domains/tracking/invalidate-link";
import { utcDay, VisitorSalts } from "@/lib/domains/tracking/visitor-key";
import { callRoute } from "../../support/http";
import { insertShares, type ShareFixture } from "../../support/click-fixture";

const CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
let share: ShareFixture;
let pool: pg.Pool;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  share = (await insertShares(pool, 1))[0]!;
});

afterAll(async () => {
  await getClickPath().close();
  await pool.end();
});

async function open(code: string, headers: Record<string, string> = {}, method = "GET") {
  return callRoute(trackedLink, {
    method,
    path: `/${code}`,
    params: { code },
    headers: { "user-agent": CHROME, "x-forwarded-for": "198.51.100.7", ...headers },
  });
}

describe("GET /{code}", () => {
  it("redirects to the stored destination with the click id and records the click", async () => {
    const res = await open(share.code, { referer: "https://www.LinkedIn.com/feed/" });
    expect(res.status).toBe(302);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("referrer-policy")).toBe("unsafe-url");
    const location = new URL(res.headers.get("location")!);
    const clickId = location.searchParams.get("aid")!;
    expect(clickId).toMatch(/^clk_[0-9A-Za-z]{20}$/);
    location.searchParams.delete("aid");
    expect(location.toString()).toBe(share.destinationUrl);
    expect(res.headers.get("location")).toMatch(/\?ref=home&aid=clk_[0-9A-Za-z]{20}#top$/);

    await getClickPath().recorder.flush();
    const row = await getDb().clickEvent.findFirstOrThrow({ where: { id: clickId } });
    expect(row).toMatchObject({
      orgId: share.orgId,
      shareId: share.shareId,
      isBot: false,
      device: "desktop",
      browser: "Chrome",
      referrerHost: "www.linkedin.com",
    });
    expect(row.visitorKey).toHaveLength(22);
    expect(row.visitorKey).not.toContain("198.51");
    expect(Math.abs(row.at.getTime() - Date.now())).toBeLessThan(10_000);
    const marks = await getDb().rollupDirty.count({ where: { shareId: share.shareId } });
    expect(marks).toBe(1);
  });

  it("gives one visitor the same key all day, another visitor another key", async () => {
    const ids: string[] = [];
    for (const ip of ["198.51.100.8", "198.51.100.8", "198.51.100.9"]) {
      const res = await open(share.code, { "x-forwarded-for": ip });
      ids.push(new URL(res.headers.get("location")!).searchParams.get("aid")!);
    }
    await getClickPath().recorder.flush();
    const rows = await getDb().clickEvent.findMany({ where: { id: { in: ids } } });
    const keyOf = (id: string) => rows.find((r) => r.id === id)!.visitorKey;
    expect(keyOf(ids[0]!)).toBe(keyOf(ids[1]!));
    expect(keyOf(ids[2]!)).not.toBe(keyOf(ids[0]!));
  });

  it("records bots and HEAD requests (link unfurlers) as bot clicks", async () => {
    const bot = await open(share.code, {
      "user-agent": "LinkedInBot/1.0 (compatible; Mozilla/5.0)",
    });
    const head = await open(share.code, {}, "HEAD");
    const ids = [bot, head].map((r) =>
      new URL(r.headers.get("location")!).searchParams.get("aid")!,
    );
    await getClickPath().recorder.flush();
    const rows = await getDb().clickEvent.findMany({ where: { id: { in: ids } } });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.isBot && r.device === "bot")).toBe(true);
  });

  it("answers unknown and malformed codes with the friendly 404 page", async () => {
    for (const code of ["ZZZZZZZZZZ", "short", "../../etc"]) {
      const res = await open(code);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(String(res.json)).toContain("This link doesn't lead anywhere");
      expect(res.headers.get("location")).toBeNull();
    }
  });

  it("uses the organisation's click-id parameter; a change applies at once", async () => {
    await getDb().orgSettings.upsert({
      where: { orgId: share.orgId },
      create: { orgId: share.orgId, clickIdParam: "chorus_click" },
      update: { clickIdParam: "chorus_click" },
    });
    // Still cached with the old parameter until the change is announced…
    expect(new URL((await open(share.code)).headers.get("location")!).searchParams.has("aid")).toBe(
      true,
    );
    await invalidateLinks({ kind: "org", orgId: share.orgId });
    const location = new URL((await open(share.code)).headers.get("location")!);
    expect(location.searchParams.get("chorus_click")).toMatch(/^clk_/);
    expect(location.searchParams.has("aid")).toBe(false);
  });

  it("limits one visitor on one link per minute with a 429 that is not recorded", async () => {
    const [limited] = await insertShares(pool, 1);
    const limit = 120; // CLICK_RATE_LIMIT_PER_MINUTE default
    const headers = { "x-forwarded-for": "203.0.113.200" };
    for (let i = 0; i < limit; i++) expect((await open(limited!.code, headers)).status).toBe(302);
    const refused = await open(limited!.code, headers);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(String(refused.json)).toContain("many times");
    // Another visitor is not affected.
    expect((await open(limited!.code, { "x-forwarded-for": "203.0.113.201" })).status).toBe(302);
    await getClickPath().recorder.flush();
    expect(await getDb().clickEvent.count({ where: { shareId: limited!.shareId } })).toBe(
      limit + 1,
    );
  });
});

describe("visitor salts", () => {
  it("are shared by all instances through the database and expire after two days", async () => {
    const otherPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    const now = Date.parse("2031-06-10T12:00:00Z");
    const a = new VisitorSalts(pool);
    const b = new VisitorSalts(otherPool);
    await Promise.all([a.sync(now), b.sync(now)]);
    expect(a.saltFor(utcDay(now))).toBe(b.saltFor(utcDay(now)));
    expect(a.keyFor(now, "192.0.2.1", CHROME)).toBe(b.keyFor(now, "192.0.2.1", CHROME));
    const tomorrow = now + 86_400_000;
    expect(a.saltFor(utcDay(tomorrow))).toBe(b.saltFor(utcDay(tomorrow)));
    expect(a.keyFor(tomorrow, "192.0.2.1", CHROME)).not.toBe(a.keyFor(now, "192.0.2.1", CHROME));
    // Four days later, the salt of the 9th (and the 10th) is gone from the database.
    await a.sync(now + 4 * 86_400_000);
    const { rows } = await pool.query<{ day: string }>(
      `SELECT "day" FROM "VisitorSalt" WHERE "day" <= '2031-06-11' AND "day" >= '2031-06-01'`,
    );
    expect(rows).toEqual([]);
    await otherPool.end();
  });
});
