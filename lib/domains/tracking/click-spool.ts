import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomString } from "@/lib/core/db/create-id";
import type { ClickEvent } from "@/lib/domains/tracking/click-event";

const READY = ".ndjson";
const CLAIMED = ".claimed";
const TMP_PREFIX = ".tmp-";
const DEAD = ".dead";

export interface SpoolSize {
  /** Batches waiting for a replay (or being replayed). */
  files: number;
  bytes: number;
  /** Batches set aside because they can never be written (for a person to look at). */
  dead: number;
}

/**
 * Clicks that could not be written to the database, on disk until they are: one NDJSON file per
 * batch, written to a temporary name, fsynced, then renamed into place (a file is either complete
 * or absent) and the directory fsynced.
 *
 * Several instances may share the directory: a file is claimed by renaming it to a name of the
 * claiming instance (atomic; the loser gets ENOENT). A claim left by a crashed instance is taken
 * over after `staleClaimMs`. Replays are idempotent anyway (ON CONFLICT on the click id).
 */
export class ClickSpool {
  readonly instanceId: string;
  private seq = 0;

  constructor(
    readonly dir: string,
    private readonly staleClaimMs = 60_000,
  ) {
    this.instanceId = `${os.hostname().replace(/[^0-9A-Za-z-]/g, "")}-${process.pid}-${randomString(4)}`;
  }

  async write(events: ClickEvent[]): Promise<string> {
    await fs.mkdir(this.dir, { recursive: true });
    const name = `clicks-${Date.now()}-${this.instanceId}-${++this.seq}${READY}`;
    const tmp = path.join(this.dir, `${TMP_PREFIX}${name}`);
    const file = path.join(this.dir, name);
    const handle = await fs.open(tmp, "w", 0o600);
    try {
      let text = "";
      for (const e of events) text += JSON.stringify(e) + "\n";
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
    await this.syncDir();
    return file;
  }

  private async syncDir(): Promise<void> {
    try {
      const dir = await fs.open(this.dir, "r");
      try {
        await dir.sync();
      } finally {
        await dir.close();
      }
    } catch {
      // Some platforms cannot fsync a directory; the rename is still atomic.
    }
  }

  /** Files waiting for a replay (oldest first), including stale claims of dead instances. */
  async pending(now = Date.now()): Promise<string[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw err;
    }
    const out: string[] = [];
    for (const name of names.sort()) {
      if (name.endsWith(READY) && !name.startsWith(TMP_PREFIX)) {
        out.push(name);
      } else if (name.includes(`${READY}${CLAIMED}-`)) {
        const stat = await fs.stat(path.join(this.dir, name)).catch(() => null);
        if (stat && now - stat.ctimeMs > this.staleClaimMs) out.push(name);
      } else if (name.startsWith(TMP_PREFIX)) {
        // A crash in the middle of writing: those events were still in memory, hence lost with
        // the process (the documented window). Tidy up after a while.
        const stat = await fs.stat(path.join(this.dir, name)).catch(() => null);
        if (stat && now - stat.mtimeMs > 3_600_000)
          await fs.rm(path.join(this.dir, name), { force: true });
      }
    }
    return out;
  }

  /**
   * What the directory holds (for monitoring; reads nothing but names and sizes): files waiting
   * for a replay or being replayed, their bytes, and files set aside as unwritable.
   */
  async size(): Promise<SpoolSize> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return { files: 0, bytes: 0, dead: 0 };
      throw err;
    }
    const size: SpoolSize = { files: 0, bytes: 0, dead: 0 };
    for (const name of names) {
      if (name.startsWith(TMP_PREFIX) || !name.includes(READY)) continue;
      if (name.endsWith(DEAD)) {
        size.dead++;
        continue;
      }
      const stat = await fs.stat(path.join(this.dir, name)).catch(() => null);
      if (!stat) continue; // replayed (or claimed) meanwhile
      size.files++;
      size.bytes += stat.size;
    }
    return size;
  }

  /** Claims a pending file for this instance; null when another instance was faster. */
  async claim(name: string): Promise<string | null> {
    const base = name.slice(0, name.indexOf(READY) + READY.length);
    const claimed = `${base}${CLAIMED}-${this.instanceId}`;
    try {
      await fs.rename(path.join(this.dir, name), path.join(this.dir, claimed));
      return claimed;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
  }

  async read(claimed: string): Promise<ClickEvent[]> {
    const text = await fs.readFile(path.join(this.dir, claimed), "utf8");
    const events: ClickEvent[] = [];
    for (const line of text.split("\n")) {
      if (!line) continue;
      try {
        events.push(JSON.parse(line) as ClickEvent);
      } catch {
        // never written partially (temporary file + rename); ignore a damaged line
      }
    }
    return events;
  }

  /** The claimed file's events are in the database. */
  async done(claimed: string): Promise<void> {
    await fs.rm(path.join(this.dir, claimed), { force: true });
  }

  /** Gives a claimed file back (the database went away again). */
  async release(claimed: string): Promise<void> {
    const base = claimed.slice(0, claimed.indexOf(READY) + READY.length);
    await fs.rename(path.join(this.dir, claimed), path.join(this.dir, base)).catch(() => {});
  }

  /** Sets aside a file that can never be written (kept for a person to look at). */
  async deadLetter(claimed: string): Promise<void> {
    const base = claimed.slice(0, claimed.indexOf(READY) + READY.length);
    await fs
      .rename(path.join(this.dir, claimed), path.join(this.dir, `${base}${DEAD}`))
      .catch(() => {});
  }

  async writeDead(events: ClickEvent[]): Promise<void> {
    const file = await this.write(events);
    await fs.rename(file, `${file}${DEAD}`);
  }
}
