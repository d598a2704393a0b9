/**
 * The click path's outages against a real PostgreSQL server (TEST_DATABASE_URL; CI sets it), on a
 * database of this file's own: the same losses-nothing checks as click-recording.test.ts and
 * click-server.test.ts (which stop and restart an embedded PGlite), with the server cut away the
 * ways a server goes away:
 *
 * - the network: a TCP proxy on loopback between the app and the server is stopped (open
 *   connections die, new ones are refused) and started again;
 * - the server kills the app's sessions: pg_terminate_backend of every backend of this database,
 *   again and again for a while;
 * - the server refuses the database: ALLOW_CONNECTIONS false and its backends terminated.
 *
 * Each time: the clicks are spooled, the spool drains once the database is back, and the table
 * holds exactly the clicks pushed (or redirected) — none lost, none twice.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createId } from "@/lib/core/db/create-id";
import { ClickRecorder } from "@/lib/domains/tracking/click-buffer";
import type { ClickEvent } from "@/lib/domains/tracking/click-event";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { insertShares, sleep, waitFor, type ShareFixture } from "../../support/click-fixture";
import {
  getLink,
  killAppServers,
  runLoad,
  startAppServer,
  type AppServer,
} from "../../support/app-server";
import { realServerUrl } from "../../support/real-database";
import { startTcpProxy, type TcpProxy } from "../../support/tcp-proxy";

const SKIP =
  "needs a real PostgreSQL server (set TEST_DATABASE_URL, as CI does): these outages cut a " +
  "server's connections; the embedded PGlite's restarts are covered by click-recording.test.ts " +
  "and click-server.test.ts";
const serverUrl = await realServerUrl();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-click-outage-"));

let database: TestDatabase | null = null;
let proxy: TcpProxy | null = null;
let admin: pg.Client | null = null;
let direct: pg.Pool;
let shares: ShareFixture[];
let databaseName: string;

beforeAll(async () => {
  if (!serverUrl) return;
  database = await createTestDatabase({ serverUrl });
  databaseName = decodeURIComponent(new URL(database.url).pathname.slice(1));
  const target = new URL(database.url);
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  // Connected to the server's own database, never to ours: it survives what we do to ours.
  admin = new pg.Client({ connectionString: serverUrl });
  admin.on("error", () => {});
  await admin.connect();
  direct = new pg.Pool({ connectionString: database.url, max: 2 });
  direct.on("error", () => {});
  shares = await insertShares(direct, 8);
});

afterAll(async () => {
  killAppServers();
  await proxy?.close();
  if (admin && database) {
    await admin
      .query(`ALTER DATABASE "${databaseName}" WITH ALLOW_CONNECTIONS true`)
      .catch(() => {});
  }
  await admin?.end().catch(() => {});
  await direct?.end().catch(() => {});
  await database?.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function click(share: ShareFixture): ClickEvent {
  return {
    id: createId("clk"),
    shareId: share.shareId,
    at: Date.now(),
    isBot: false,
    visitorKey: "k".repeat(22),
    device: "desktop",
    browser: "Chrome",
    referrerHost: "www.linkedin.com",
  };
}

/** Terminates every backend of our database, every 10 ms, until the returned function is called. */
function terminateBackendsContinuously(): () => Promise<number> {
  let going = true;
  let terminated = 0;
  const loop = (async () => {
    while (going) {
      const { rows } = await admin!.query<{ n: number }>(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
         WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [databaseName],
      );
      terminated += rows[0]!.n;
      await sleep(10);
    }
  })();
  return async () => {
    going = false;
    await loop;
    return terminated;
  };
}

/**
 * 60 rounds of 40 clicks pushed into a recorder on `pool`; `cut` is called at round 20 and
 * `restore` at round 40 (the recorder's state at that moment is returned as `upBeforeRestore`).
 * Returns once the spool is empty and the recorder closed.
 */
async function streamThroughOutage(
  pool: pg.Pool,
  spoolDir: string,
  cut: () => Promise<unknown>,
  restore: () => Promise<unknown>,
) {
  const messages: string[] = [];
  const recorder = new ClickRecorder({
    pool,
    spoolDir,
    flushMs: 20,
    batchSize: 50,
    bufferMax: 100_000,
    maxBackoffMs: 300,
    log: (m) => messages.push(m),
  });
  recorder.start();
  const ids = new Set<string>();
  let cutting: Promise<unknown> | null = null;
  let upBeforeRestore: boolean | null = null;
  for (let round = 0; round < 60; round++) {
    for (let i = 0; i < 40; i++) {
      const event = click(shares[(round + i) % shares.length]!);
      ids.add(event.id);
      recorder.push(event);
    }
    if (round === 20) cutting = cut();
    if (round === 40) {
      await cutting;
      upBeforeRestore = recorder.databaseUp;
      await restore();
    }
    await sleep(10);
  }
  await recorder.flush();
  await waitFor(
    async () => recorder.databaseUp && (await recorder.spool.pending()).length === 0,
    30_000,
    "the spool to be replayed",
  );
  await recorder.close();
  return { ids, stats: recorder.stats, messages, upBeforeRestore };
}

/** Exactly these clicks are in the table: none lost, none twice. */
async function expectExactly(ids: Set<string>) {
  const { rows } = await direct.query<{ n: number; distinct: number }>(
    `SELECT count(*)::int AS n, count(DISTINCT "id")::int AS distinct FROM "ClickEvent"`,
  );
  expect(rows[0]!.n).toBe(ids.size);
  expect(rows[0]!.distinct).toBe(ids.size);
  const { rows: found } = await direct.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "ClickEvent" WHERE "id" = ANY($1)`,
    [[...ids]],
  );
  expect(found[0]!.n).toBe(ids.size);
}

/** Spooled during the outage, every spooled file replayed, nothing set aside or dropped. */
function expectBridgedBySpool(stats: ClickRecorder["stats"], messages: string[], spoolDir: string) {
  expect(stats.spooledFiles).toBeGreaterThan(0);
  expect(stats.replayedFiles).toBe(stats.spooledFiles);
  expect(stats.replayedEvents).toBe(stats.spooledEvents);
  expect(stats.deadEvents).toBe(0);
  expect(stats.dropped).toBe(0);
  expect(messages.some((m) => m.startsWith("database unavailable"))).toBe(true);
  expect(listSpool(spoolDir)).toEqual([]);
}

/** The files in a spool directory (none when nothing was ever spooled). */
const listSpool = (spoolDir: string) => (fs.existsSync(spoolDir) ? fs.readdirSync(spoolDir) : []);

function appPool(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 3, connectionTimeoutMillis: 1000 });
  pool.on("error", () => {});
  return pool;
}

describe("click recording, real PostgreSQL server cut away", () => {
  it("the network goes (TCP proxy stopped, connections cut): spooled, then replayed exactly", async (ctx) => {
    ctx.skip(!serverUrl, SKIP);
    await direct.query(`DELETE FROM "ClickEvent"`);
    const pool = appPool(proxy!.urlFor(database!.url));
    const spoolDir = path.join(tmp, "spool-proxy");
    const run = await streamThroughOutage(
      pool,
      spoolDir,
      () => proxy!.stop(),
      () => proxy!.start(),
    );
    await pool.end();
    expect(run.upBeforeRestore).toBe(false); // the outage really happened
    await expectExactly(run.ids);
    expectBridgedBySpool(run.stats, run.messages, spoolDir);
  }, 60_000);

  it("the server terminates the app's backends again and again: spooled, then replayed exactly", async (ctx) => {
    ctx.skip(!serverUrl, SKIP);
    await direct.query(`DELETE FROM "ClickEvent"`);
    const pool = appPool(database!.url);
    const spoolDir = path.join(tmp, "spool-terminate");
    let stopTerminating: (() => Promise<number>) | null = null;
    let terminated = 0;
    const run = await streamThroughOutage(
      pool,
      spoolDir,
      async () => {
        stopTerminating = terminateBackendsContinuously();
      },
      async () => {
        terminated = await stopTerminating!();
      },
    );
    await pool.end();
    expect(terminated).toBeGreaterThan(0);
    await expectExactly(run.ids);
    expectBridgedBySpool(run.stats, run.messages, spoolDir);
  }, 60_000);

  it("the server refuses the database (no connections allowed, backends terminated): spooled, not set aside", async (ctx) => {
    ctx.skip(!serverUrl, SKIP);
    await direct.query(`DELETE FROM "ClickEvent"`);
    const pool = appPool(database!.url);
    const spoolDir = path.join(tmp, "spool-refused");
    let refusedAt = 0;
    const run = await streamThroughOutage(
      pool,
      spoolDir,
      async () => {
        refusedAt = Date.now();
        await admin!.query(`ALTER DATABASE "${databaseName}" WITH ALLOW_CONNECTIONS false`);
        await admin!.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [databaseName],
        );
      },
      async () => {
        // Refused for a second and a half: several writes and replays meet the refusal
        // (55000 "database … is not currently accepting connections").
        await sleep(Math.max(0, refusedAt + 1500 - Date.now()));
        await admin!.query(`ALTER DATABASE "${databaseName}" WITH ALLOW_CONNECTIONS true`);
      },
    );
    await pool.end();
    expect(run.stats.deadEvents, "clicks set aside for good instead of spooled").toBe(0);
    expect(run.upBeforeRestore).toBe(false);
    await expectExactly(run.ids);
    expectBridgedBySpool(run.stats, run.messages, spoolDir);
  }, 60_000);
});

describe("the app server, real PostgreSQL server cut away", () => {
  const serverEnv = (spoolDir: string) => ({
    CLICK_FLUSH_MS: "50",
    CLICK_BATCH_SIZE: "200",
    CLICK_SPOOL_DIR: spoolDir,
    TRUST_PROXY: "true",
    LINK_CACHE_TTL_SECONDS: "120",
  });

  /** Every code once on each server: warm link caches (these redirects count too). */
  async function warm(servers: AppServer[]): Promise<number> {
    const agent = new http.Agent({ keepAlive: false });
    let redirects = 0;
    for (const server of servers) {
      for (const share of shares) {
        const answer = await getLink(agent, `${server.url}/${share.code}`);
        expect(answer.status).toBe(302);
        redirects++;
      }
    }
    return redirects;
  }

  async function clickRows() {
    const { rows } = await direct.query<{ n: number; distinct: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT "id")::int AS distinct FROM "ClickEvent"`,
    );
    return rows[0]!;
  }

  it("two instances, the network to the database cut mid-load: every redirect counted once", async (ctx) => {
    ctx.skip(!serverUrl, SKIP);
    await direct.query(`DELETE FROM "ClickEvent"`);
    const spoolDir = path.join(tmp, "spool-two-instances"); // shared by both instances
    const viaProxy = proxy!.urlFor(database!.url);
    const servers = [
      await startAppServer(viaProxy, serverEnv(spoolDir)),
      await startAppServer(viaProxy, serverEnv(spoolDir)),
    ];
    let redirects = await warm(servers);
    let phase: "before" | "down" | "after" | "done" = "before";
    const loads = servers.map((server) =>
      runLoad({
        baseUrl: server.url,
        codes: shares.map((s) => s.code),
        connections: 4,
        going: () => phase !== "done",
      }),
    );
    await sleep(1200);
    await proxy!.stop(); // the database goes away in the middle of the load…
    phase = "down";
    await sleep(1200);
    await proxy!.start(); // …and comes back
    phase = "after";
    await sleep(1200);
    phase = "done";
    const results = await Promise.all(loads);
    for (const server of servers) expect(await server.stop()).toBe(0);

    const answers = results.flatMap((r) => r.answers);
    expect(results.map((r) => r.failures)).toEqual([0, 0]);
    expect(answers.filter((a) => a.status !== 302)).toEqual([]); // warm caches: nobody noticed
    redirects += answers.length;
    const outputs = servers.map((s) => s.output()).join("\n");
    expect(outputs).toContain("database unavailable");
    // What a stopping instance could not write yet (its replay still under way) waits in the
    // shared spool; the next instance replays it at start. Nothing is ever set aside.
    const spooled = () => listSpool(spoolDir).filter((f) => f.includes(".ndjson"));
    expect(spooled().filter((f) => f.endsWith(".dead"))).toEqual([]);
    if (spooled().length) {
      const next = await startAppServer(viaProxy, serverEnv(spoolDir));
      await waitFor(async () => spooled().length === 0, 20_000, "the replay");
      expect(await next.stop()).toBe(0);
    }
    expect(await clickRows()).toEqual({ n: redirects, distinct: redirects });
    const { rows } = await direct.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "ClickEvent" WHERE "id" = ANY($1)`,
      [answers.map((a) => a.clickId)],
    );
    expect(rows[0]!.n).toBe(answers.length); // the very click ids the visitors were sent
  }, 60_000);

  it("SIGTERM while the database is cut: the buffer goes to the spool, the next start replays it", async (ctx) => {
    ctx.skip(!serverUrl, SKIP);
    await direct.query(`DELETE FROM "ClickEvent"`);
    const spoolDir = path.join(tmp, "spool-sigterm");
    const viaProxy = proxy!.urlFor(database!.url);
    const env = { ...serverEnv(spoolDir), CLICK_FLUSH_MS: "10000", CLICK_BATCH_SIZE: "10000" };
    const server = await startAppServer(viaProxy, env);
    let redirects = await warm([server]);
    await proxy!.stop();
    let going = true;
    const load = runLoad({
      baseUrl: server.url,
      codes: shares.map((s) => s.code),
      connections: 4,
      going: () => going,
    });
    await sleep(800);
    going = false;
    const { answers, failures } = await load;
    expect(failures).toBe(0);
    redirects += answers.length;
    expect(await server.stop()).toBe(0);
    expect(server.output()).toMatch(
      new RegExp(`clicks: 0 written, ${redirects} spooled \\(database unreachable`),
    );
    expect((await clickRows()).n).toBe(0);
    expect(listSpool(spoolDir).filter((f) => f.endsWith(".ndjson")).length).toBeGreaterThan(0);

    await proxy!.start();
    const next = await startAppServer(viaProxy, env); // replays the spool at start
    await waitFor(async () => listSpool(spoolDir).length === 0, 20_000, "the replay");
    expect(await next.stop()).toBe(0);
    expect(await clickRows()).toEqual({ n: redirects, distinct: redirects });
  }, 60_000);
});
