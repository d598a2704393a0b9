/**
 * The app server's tracked-link fast path (scripts/server.ts, run with --links-only so no Next
 * build is needed): buffered clicks written on SIGTERM; two instances behind a "load balancer"
 * with a database restart in the middle lose nothing.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/scripts/db/embedded-postgres";
import { deployMigrations } from "../../../scripts/db/deploy";
import { CHROME_UA, killAppServers, startAppServer } from "../../support/app-server";
import { freePort, insertShares, sleep, waitFor } from "../../support/click-fixture";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-click-server-"));

afterAll(() => {
  killAppServers();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    redirect: "manual",
    headers: { "user-agent": CHROME_UA, ...headers },
  });
  await res.arrayBuffer();
  return res;
}

async function count(pool: pg.Pool, sql: string, params: unknown[] = []) {
  const { rows } = await pool.query<{ n: string }>(sql, params);
  return Number(rows[0]!.n);
}

describe("app server", () => {
  it("writes buffered clicks on SIGTERM and keeps visitors from spoofing their address", async () => {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    const shares = await insertShares(pool, 3);
    const server = await startAppServer(process.env.DATABASE_URL!, {
      CLICK_FLUSH_MS: "10000", // nothing is written before the shutdown…
      CLICK_BATCH_SIZE: "10000",
      CLICK_SPOOL_DIR: path.join(tmp, "spool-shutdown"),
      TRUST_PROXY: "false",
    });
    let redirects = 0;
    for (let i = 0; i < 300; i++) {
      const share = shares[i % 3]!;
      const res = await get(`${server.url}/${share.code}?utm_source=x`, {
        "x-forwarded-for": `10.9.${i % 250}.${i % 7}`, // ignored without TRUST_PROXY
      });
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toMatch(
        /^https:\/\/fernhill\.example\/news\/solar\?ref=home&aid=clk_\w{20}#top$/,
      );
      redirects++;
    }
    // Unknown codes and other paths: the friendly 404 (Next is not loaded in --links-only).
    const unknown = await get(`${server.url}/ZZZZZZZZZZ`);
    expect(unknown.status).toBe(404);
    const ids = shares.map((s) => s.shareId);
    await sleep(300);
    expect(
      await count(pool, `SELECT count(*) AS n FROM "ClickEvent" WHERE "shareId" = ANY($1)`, [ids]),
    ).toBe(0);

    expect(await server.stop()).toBe(0); // …and everything is written on the way out
    expect(
      await count(pool, `SELECT count(*) AS n FROM "ClickEvent" WHERE "shareId" = ANY($1)`, [ids]),
    ).toBe(redirects);
    // One socket address + one user agent = one visitor, whatever X-Forwarded-For claimed.
    expect(
      await count(
        pool,
        `SELECT count(DISTINCT "visitorKey") AS n FROM "ClickEvent" WHERE "shareId" = ANY($1)`,
        [ids],
      ),
    ).toBe(1);
    expect(server.output()).toContain(`clicks: ${redirects} written, 0 spooled`);
    await pool.end();
  }, 60_000);

  it("hears link changes of other instances through NOTIFY", async () => {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    const [share] = await insertShares(pool, 1);
    const server = await startAppServer(process.env.DATABASE_URL!, {
      CLICK_SPOOL_DIR: path.join(tmp, "spool-notify"),
      LINK_CACHE_TTL_SECONDS: "3600",
    });
    const param = async () => {
      const res = await get(`${server.url}/${share!.code}`);
      return [...new URL(res.headers.get("location")!).searchParams.keys()].pop();
    };
    expect(await param()).toBe("aid"); // cached now, for an hour
    await pool.query(
      `INSERT INTO "OrgSettings" ("orgId", "clickIdParam", "updatedAt") VALUES ($1, 'ref_click', now())
       ON CONFLICT ("orgId") DO UPDATE SET "clickIdParam" = 'ref_click'`,
      [share!.orgId],
    );
    expect(await param()).toBe("aid");
    // What invalidateLinks() does in another instance:
    await pool.query(`SELECT pg_notify('chorus_link_changed', $1)`, [
      JSON.stringify({ kind: "org", orgId: share!.orgId }),
    ]);
    await waitFor(async () => (await param()) === "ref_click", 5000, "the change to arrive");
    expect(await server.stop()).toBe(0);
    await pool.end();
  }, 60_000);

  it("two instances, database restarted mid-load: every redirected click is counted once", async () => {
    const dataDir = path.join(tmp, "db");
    const port = await freePort();
    let database: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir, port });
    await deployMigrations(database.url, { log: () => {} });
    const setup = new pg.Pool({ connectionString: database.url, max: 1 });
    const shares = await insertShares(setup, 8);
    await setup.end();

    const env = {
      CLICK_FLUSH_MS: "50",
      CLICK_BATCH_SIZE: "200",
      CLICK_SPOOL_DIR: path.join(tmp, "spool-shared"), // both instances share it
      TRUST_PROXY: "true",
      LINK_CACHE_TTL_SECONDS: "120",
    };
    const servers = [
      await startAppServer(database.url, env),
      await startAppServer(database.url, env),
    ];
    let redirects = 0;
    let unavailable = 0;
    // Warm both caches (these clicks count too).
    for (const server of servers) {
      for (const share of shares) {
        expect((await get(`${server.url}/${share.code}`)).status).toBe(302);
        redirects++;
      }
    }

    let sent = 0;
    let running = true;
    const worker = async (w: number) => {
      while (running) {
        const server = servers[sent % 2]!;
        const share = shares[sent % shares.length]!;
        const n = sent++;
        const res = await get(`${server.url}/${share.code}`, {
          "x-forwarded-for": `10.${w}.${(n >> 8) & 255}.${n & 255}`,
        });
        if (res.status === 302) redirects++;
        else if (res.status === 503) unavailable++;
        else throw new Error(`unexpected ${res.status}`);
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
    await sleep(1500);
    const before = redirects;
    await database.stop(); // the database restarts in the middle of the load
    await sleep(1500);
    const during = redirects - before;
    database = await startEmbeddedPostgres({ dataDir, port });
    await sleep(1500);
    running = false;
    await load;

    for (const server of servers) expect(await server.stop()).toBe(0);
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    // Anything a stopping instance could not write is in the shared spool: the next instance
    // replays it. Both replayed theirs before stopping, so normally there is nothing left.
    const leftovers = fs.readdirSync(env.CLICK_SPOOL_DIR).filter((f) => f.includes(".ndjson"));
    expect(leftovers.filter((f) => f.endsWith(".dead"))).toEqual([]);
    if (leftovers.length) {
      const next = await startAppServer(database.url, env);
      await waitFor(async () => fs.readdirSync(env.CLICK_SPOOL_DIR).length === 0, 20_000, "replay");
      await next.stop();
    }
    const rows = await count(pool, `SELECT count(*) AS n FROM "ClickEvent"`);
    const distinct = await count(pool, `SELECT count(DISTINCT "id") AS n FROM "ClickEvent"`);
    await pool.end();
    await database.stop();

    expect(during).toBeGreaterThan(0); // redirects kept working while the database was down
    expect(unavailable).toBe(0); // warm caches: no visitor noticed the outage
    expect(rows).toBe(redirects);
    expect(distinct).toBe(rows);
    const outputs = servers.map((s) => s.output()).join("\n");
    expect(outputs).toContain("database unavailable");
  }, 120_000);
});
