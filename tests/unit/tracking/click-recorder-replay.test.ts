/**
 * The click recorder's replay loop against a stand-in database (a `query` that fails while
 * "down" and answers slowly when asked): a batch spooled while a replay is already under way must
 * be replayed too, not left on disk until the next periodic scan (30 s) or the next start.
 * (Found against a real PostgreSQL server: click-outage-server.test.ts.)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ClickRecorder } from "@/lib/domains/tracking/click-buffer";
import type { ClickEvent } from "@/lib/domains/tracking/click-event";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A stand-in for the pool: refuses while `down`, takes `delayMs` per statement, counts rows. */
function standInDatabase() {
  const db = {
    down: false,
    delayMs: 0,
    ids: new Set<string>(),
    async query(_sql: string, params: unknown[]) {
      if (db.down) throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
      await sleep(db.delayMs);
      const ids = String(params[0]).slice(1, -1).split(",");
      let inserted = 0;
      for (const id of ids) if (!db.ids.has(id) && db.ids.add(id)) inserted++;
      return { rows: [{ inserted: String(inserted) }] };
    },
  };
  return db;
}

let n = 0;
function click(): ClickEvent {
  return {
    id: `clk_${String(++n).padStart(20, "0")}`,
    shareId: "shr_1",
    at: Date.now(),
    isBot: false,
    visitorKey: "k",
    device: "desktop",
    browser: "Chrome",
    referrerHost: null,
  };
}

describe("replaying the spool", () => {
  it("replays a batch spooled while a replay is under way (nothing waits for the 30 s scan)", async () => {
    const spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-replay-race-"));
    dirs.push(spoolDir);
    const db = standInDatabase();
    const recorder = new ClickRecorder({
      pool: db as never,
      spoolDir,
      flushMs: 60_000, // flushed by hand below
      batchSize: 10,
      bufferMax: 1000,
      maxBackoffMs: 200,
      log: () => {},
    });
    // The database goes away: the first batch is spooled and a replay is scheduled (200 ms).
    db.down = true;
    for (let i = 0; i < 10; i++) recorder.push(click());
    await recorder.flush();
    expect(recorder.databaseUp).toBe(false);
    expect(await recorder.spool.pending()).toHaveLength(1);

    // It comes back, slow: the replay that starts at 200 ms takes 600 ms to write its file.
    db.down = false;
    db.delayMs = 600;
    await sleep(300);
    // Meanwhile the recorder still thinks the database is down: the next batch goes to the spool
    // too, after the replay under way has listed the files it will replay.
    for (let i = 0; i < 10; i++) recorder.push(click());
    await recorder.flush();
    expect(recorder.stats.spooledFiles).toBe(2);

    // Well within the 30 s scan: both files replayed, every click in the database.
    const deadline = Date.now() + 3000;
    while (recorder.stats.replayedFiles < 2 && Date.now() < deadline) await sleep(50);
    expect(recorder.stats.replayedFiles).toBe(2);
    expect(fs.readdirSync(spoolDir)).toEqual([]);
    expect(db.ids.size).toBe(20);
    expect(recorder.databaseUp).toBe(true);
    await recorder.close();
  }, 10_000);
});
