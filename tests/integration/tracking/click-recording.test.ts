/**
 * Lossless click recording: a stream of clicks while the database is stopped and started again
 * (an embedded PostgreSQL on a data directory and port of this test), then exactly every click in
 * the table; spooled batches replayed; replays idempotent.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/scripts/db/embedded-postgres";
import { createId } from "@/lib/core/db/create-id";
import { ClickRecorder } from "@/lib/domains/tracking/click-buffer";
import type { ClickEvent } from "@/lib/domains/tracking/click-event";
import { writeClicks } from "@/lib/domains/tracking/click-writer";
import { deployMigrations } from "../../../scripts/db/deploy";
import {
  freePort,
  insertShares,
  sleep,
  waitFor,
  type ShareFixture,
} from "../../support/click-fixture";

let dataDir: string;
let spoolDir: string;
let port: number;
let database: EmbeddedPostgres | null = null;
let pool: pg.Pool;
let shares: ShareFixture[];

beforeAll(async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-clicks-"));
  dataDir = path.join(tmp, "db");
  spoolDir = path.join(tmp, "spool");
  port = await freePort();
  database = await startEmbeddedPostgres({ dataDir, port });
  await deployMigrations(database.url, { log: () => {} });
  pool = new pg.Pool({ connectionString: database.url, max: 3, connectionTimeoutMillis: 1000 });
  pool.on("error", () => {});
  shares = await insertShares(pool, 3);
});

afterAll(async () => {
  await pool?.end().catch(() => {});
  await database?.stop();
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

function click(share: ShareFixture, at = Date.now()): ClickEvent {
  return {
    id: createId("clk"),
    shareId: share.shareId,
    at,
    isBot: false,
    visitorKey: "k".repeat(22),
    device: "desktop",
    browser: "Chrome",
    referrerHost: "www.linkedin.com",
  };
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(sql, params);
  return Number(rows[0]!.n);
}

describe("click recording", () => {
  it("loses nothing when the database stops and starts again mid-stream", async () => {
    const messages: string[] = [];
    const recorder = new ClickRecorder({
      pool,
      spoolDir,
      flushMs: 20,
      batchSize: 50,
      bufferMax: 100_000,
      maxBackoffMs: 300,
      log: (m) => messages.push(m),
      onWritten: (rows) => written.push(rows),
    });
    const written: number[] = [];
    recorder.start();
    const ids = new Set<string>();
    const rounds = 60;
    let stopping: Promise<void> | null = null;
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < 40; i++) {
        const event = click(shares[(round + i) % shares.length]!);
        ids.add(event.id);
        recorder.push(event);
      }
      if (round === 20) stopping = database!.stop(); // the database goes away mid-stream…
      if (round === 40) {
        await stopping;
        expect(recorder.databaseUp).toBe(false);
        database = await startEmbeddedPostgres({ dataDir, port }); // …and comes back
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

    expect(ids.size).toBe(rounds * 40);
    expect(await count(`SELECT count(*) AS n FROM "ClickEvent"`)).toBe(ids.size);
    const { rows } = await pool.query<{ id: string }>(`SELECT "id" FROM "ClickEvent"`);
    expect(new Set(rows.map((r) => r.id))).toEqual(ids);
    // Every row written was reported (batches and replayed spool files alike): the server asks
    // for a rollup on these reports.
    expect(written.reduce((a, b) => a + b, 0)).toBe(ids.size);
    expect(written.every((n) => n > 0)).toBe(true);
    // The outage really happened and was bridged by the spool.
    expect(recorder.stats.spooledFiles).toBeGreaterThan(0);
    expect(recorder.stats.replayedFiles).toBe(recorder.stats.spooledFiles);
    expect(recorder.stats.replayedEvents).toBe(recorder.stats.spooledEvents);
    expect(recorder.stats.dropped).toBe(0);
    expect(messages.some((m) => m.startsWith("database unavailable"))).toBe(true);
    expect(fs.readdirSync(spoolDir)).toEqual([]);
    // Every share-day with clicks is marked for the rollup (day in the org's time zone).
    expect(await count(`SELECT count(*) AS n FROM "RollupDirty"`)).toBeGreaterThanOrEqual(
      shares.length,
    );
    await pool.query(`DELETE FROM "ClickEvent"`);
  }, 90_000);

  it("replays are idempotent and clicks of deleted shares are dropped", async () => {
    const batch = [click(shares[0]!), click(shares[1]!), click(shares[2]!)];
    expect(await writeClicks(pool, batch)).toBe(3);
    expect(await writeClicks(pool, batch)).toBe(0);
    const gone = { ...shares[0]!, shareId: createId("shr") };
    expect(await writeClicks(pool, [click(gone), click(shares[1]!)])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM "ClickEvent"`)).toBe(4);
  });

  it("stores every value exactly, whatever characters a referrer host holds", async () => {
    const odd = [
      'a"b',
      "c,d",
      "{e}",
      "f\\g",
      "NULL",
      "null",
      " h ",
      "ü.example",
      "",
      "x".repeat(300),
    ];
    const batch: ClickEvent[] = odd.map((host) => ({ ...click(shares[0]!), referrerHost: host }));
    batch.push({ ...click(shares[0]!), referrerHost: null });
    expect(await writeClicks(pool, batch)).toBe(batch.length);
    const { rows } = await pool.query<{ id: string; referrerHost: string | null; at: Date }>(
      `SELECT "id", "referrerHost", "at" FROM "ClickEvent" WHERE "id" = ANY($1)`,
      [batch.map((e) => e.id)],
    );
    for (const e of batch) {
      const row = rows.find((r) => r.id === e.id)!;
      expect(row.referrerHost).toBe(e.referrerHost === null ? null : e.referrerHost.slice(0, 255));
      expect(row.at.getTime()).toBe(e.at);
    }
  });

  it("marks the share-day in the organisation's time zone", async () => {
    await pool.query(`DELETE FROM "RollupDirty"`);
    // 23:30 UTC on 1 March is already 2 March in Berlin.
    await writeClicks(pool, [click(shares[0]!, Date.parse("2026-03-01T23:30:00Z"))]);
    const { rows } = await pool.query<{ day: string }>(
      `SELECT to_char("day", 'YYYY-MM-DD') AS day FROM "RollupDirty" WHERE "shareId" = $1`,
      [shares[0]!.shareId],
    );
    expect(rows.map((r) => r.day)).toEqual(["2026-03-02"]);
  });

  it("replays spool files left by an earlier run and spools when the spool is all there is", async () => {
    const other = new ClickRecorder({
      pool,
      spoolDir,
      flushMs: 20,
      batchSize: 10,
      bufferMax: 1000,
    });
    const left = [click(shares[2]!), click(shares[2]!)];
    await other.spool.write(left); // as if a process had spooled them and died
    expect((await other.spool.pending()).length).toBe(1);
    expect(await other.replaySpool()).toBe(true);
    expect(other.stats.replayedEvents).toBe(2);
    const { rows } = await pool.query(`SELECT 1 FROM "ClickEvent" WHERE "id" = ANY($1)`, [
      left.map((e) => e.id),
    ]);
    expect(rows).toHaveLength(2);
    await other.close();
  });
});
