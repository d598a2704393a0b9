import type pg from "pg";
import type { ClickEvent } from "@/lib/domains/tracking/click-event";
import { ClickSpool } from "@/lib/domains/tracking/click-spool";
import { isRetryableWriteError, writeClicks } from "@/lib/domains/tracking/click-writer";

export interface ClickRecorderOptions {
  pool: Pick<pg.Pool, "query">;
  spoolDir: string;
  /** Flush interval (ms). */
  flushMs: number;
  /** Events per INSERT; reaching it flushes at once. */
  batchSize: number;
  /** Events held in memory at most; beyond it they go to the spool. */
  bufferMax: number;
  log?: (message: string) => void;
  /** Longest pause between replay attempts while the database is unreachable (default 2 s). */
  maxBackoffMs?: number;
  /** Told after each write that inserted rows (a batch or a replayed spool file), e.g. to ask
   * for a rollup soon instead of at the next minute. Must not throw. */
  onWritten?: (rows: number) => void;
}

export interface ClickRecorderStats {
  pushed: number;
  /** Rows inserted (replays of rows already present are not counted). */
  written: number;
  spooledEvents: number;
  spooledFiles: number;
  replayedFiles: number;
  replayedEvents: number;
  deadEvents: number;
  /** Events lost because neither the database nor the spool directory could take them. */
  dropped: number;
}

/**
 * Lossless click recording. Clicks are pushed in memory (O(1), after the response is sent) and
 * written in batches: every `flushMs`, or at once when `batchSize` are waiting. A batch that cannot
 * be written goes to the spool directory (fsynced) and the database is considered down: later
 * batches go straight to the spool while a replay loop retries with backoff (200 ms doubling up to
 * `maxBackoffMs`); once a replay succeeds, batches go to the database again. Spool files left by
 * an earlier run (or another instance sharing the directory) are replayed too.
 *
 * What a hard crash (kill -9, power loss) can lose: the events still in memory, i.e. at most about
 * `flushMs` of clicks (plus a batch being written or spooled at that instant). A graceful stop
 * (`close`) loses nothing: it writes or spools everything.
 */
export class ClickRecorder {
  readonly spool: ClickSpool;
  readonly stats: ClickRecorderStats = {
    pushed: 0,
    written: 0,
    spooledEvents: 0,
    spooledFiles: 0,
    replayedFiles: 0,
    replayedEvents: 0,
    deadEvents: 0,
    dropped: 0,
  };
  private buffer: ClickEvent[] = [];
  private lane: Promise<void> = Promise.resolve();
  private flushQueued = false;
  private timer: NodeJS.Timeout | null = null;
  private replayTimer: NodeJS.Timeout | null = null;
  private scanTimer: NodeJS.Timeout | null = null;
  private replaying: Promise<boolean> | null = null;
  private replayAgain = false;
  private backoffMs = 200;
  private closed = false;
  /** False after a failed write, until a replay succeeds. */
  databaseUp = true;

  constructor(private readonly options: ClickRecorderOptions) {
    this.spool = new ClickSpool(options.spoolDir);
  }

  private log(message: string) {
    (this.options.log ?? ((m: string) => console.error(`[clicks] ${m}`)))(message);
  }

  /** Starts the flush timer and replays what an earlier run left in the spool. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.requestFlush(), this.options.flushMs);
    this.timer.unref();
    // Spool files of other instances (shared directory) or of a crash: look now and then.
    this.scanTimer = setInterval(() => void this.replaySpool(), 30_000);
    this.scanTimer.unref();
    void this.replaySpool();
  }

  get buffered(): number {
    return this.buffer.length;
  }

  push(event: ClickEvent): void {
    this.stats.pushed++;
    this.buffer.push(event);
    if (this.buffer.length >= this.options.bufferMax) {
      void this.spill();
    } else if (this.buffer.length >= this.options.batchSize) {
      this.requestFlush();
    }
  }

  private wrote(rows: number): void {
    this.stats.written += rows;
    if (rows > 0) this.options.onWritten?.(rows);
  }

  private requestFlush(): void {
    if (this.flushQueued || this.buffer.length === 0) return;
    this.flushQueued = true;
    this.lane = this.lane.then(() => {
      this.flushQueued = false;
      return this.flushBuffer();
    });
  }

  /** Writes (or spools) everything buffered so far; resolves when done. */
  flush(): Promise<void> {
    this.requestFlush();
    return this.lane;
  }

  private async flushBuffer(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.options.batchSize);
      if (!this.databaseUp) {
        if (!(await this.toSpool(batch))) return;
        continue;
      }
      try {
        this.wrote(await writeClicks(this.options.pool, batch));
      } catch (error) {
        if (isRetryableWriteError(error)) {
          this.markDown(error);
          if (!(await this.toSpool(batch))) return;
        } else {
          this.log(
            `a batch of ${batch.length} clicks cannot be written (${describe(error)}); set aside in ${this.options.spoolDir}`,
          );
          await this.spool.writeDead(batch).catch(() => {});
          this.stats.deadEvents += batch.length;
        }
      }
    }
  }

  /** Buffer over its bound (database slow or down): everything in memory goes to the spool. */
  private async spill(): Promise<void> {
    const batch = this.buffer.splice(0);
    if (batch.length) await this.toSpool(batch);
  }

  /** False when even the spool failed (the events are put back in memory, within the bound). */
  private async toSpool(batch: ClickEvent[]): Promise<boolean> {
    try {
      await this.spool.write(batch);
      this.stats.spooledEvents += batch.length;
      this.stats.spooledFiles++;
      this.scheduleReplay();
      return true;
    } catch (error) {
      const room = Math.max(this.options.bufferMax - this.buffer.length, 0);
      const kept = batch.slice(0, room);
      this.buffer.unshift(...kept);
      const lost = batch.length - kept.length;
      this.stats.dropped += lost;
      this.log(
        `cannot write the click spool ${this.options.spoolDir} (${describe(error)}); ` +
          (lost ? `${lost} clicks lost` : `${kept.length} clicks kept in memory`),
      );
      return false;
    }
  }

  private markDown(error: unknown): void {
    if (this.databaseUp)
      this.log(
        `database unavailable (${describe(error)}); spooling clicks to ${this.options.spoolDir}`,
      );
    this.databaseUp = false;
    this.scheduleReplay();
  }

  private scheduleReplay(): void {
    if (this.replayTimer || this.closed) return;
    this.replayTimer = setTimeout(() => {
      this.replayTimer = null;
      void this.replaySpool().then((ok) => {
        if (ok) {
          this.backoffMs = 200;
        } else {
          this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs ?? 2000);
          this.scheduleReplay();
        }
      });
    }, this.backoffMs);
    this.replayTimer.unref();
  }

  /**
   * Replays every pending spool file; true when the spool is empty (or only claimed by others)
   * and the database took everything. Asked while a replay is under way (a batch was spooled
   * after it listed the files), that replay makes one more pass before it ends, so no file waits
   * for the next periodic scan.
   */
  replaySpool(): Promise<boolean> {
    this.replayAgain = true;
    this.replaying ??= this.replayPasses().finally(() => (this.replaying = null));
    return this.replaying;
  }

  private async replayPasses(): Promise<boolean> {
    while (this.replayAgain) {
      this.replayAgain = false;
      if (!(await this.replayAll())) return false;
    }
    return true;
  }

  private async replayAll(): Promise<boolean> {
    let files: string[];
    try {
      files = await this.spool.pending();
    } catch (error) {
      this.log(`cannot read the click spool (${describe(error)})`);
      return false;
    }
    for (const name of files) {
      const claimed = await this.spool.claim(name).catch(() => null);
      if (!claimed) continue;
      const events = await this.spool.read(claimed);
      try {
        for (let i = 0; i < events.length; i += this.options.batchSize) {
          this.wrote(
            await writeClicks(this.options.pool, events.slice(i, i + this.options.batchSize)),
          );
        }
        await this.spool.done(claimed);
        this.stats.replayedFiles++;
        this.stats.replayedEvents += events.length;
      } catch (error) {
        if (isRetryableWriteError(error)) {
          await this.spool.release(claimed);
          this.markDown(error);
          return false;
        }
        this.log(`spool file ${claimed} cannot be written (${describe(error)}); set aside`);
        await this.spool.deadLetter(claimed);
        this.stats.deadEvents += events.length;
      }
    }
    if (!this.databaseUp) {
      this.databaseUp = true;
      this.log("database reachable again; spooled clicks replayed");
    }
    return true;
  }

  /**
   * Graceful stop: no more timers; everything in memory is written, or spooled when the database
   * is unreachable. Nothing is lost. Spool files left are replayed by the next start (or another
   * instance sharing the directory).
   */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of [this.timer, this.replayTimer, this.scanTimer]) if (t) clearInterval(t);
    this.timer = this.replayTimer = this.scanTimer = null;
    await this.flush();
    if (this.replaying) await this.replaying;
    // A write failing on the way out (database just went away) leaves nothing in memory either.
    if (this.buffer.length) await this.spill();
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return code ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
