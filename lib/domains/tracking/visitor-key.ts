import { createHmac, createSecretKey, randomBytes, type KeyObject } from "node:crypto";
import type pg from "pg";

/**
 * Visitor keys: HMAC-SHA256(salt of the UTC day, client address + "\n" + user agent), base64url,
 * 22 characters (132 bits). The same visitor gets the same key all day and a different one the
 * next day; no raw address is stored. Salts are random (32 bytes) per UTC day, kept in the
 * VisitorSalt table so every app instance uses the same one, and deleted two days later, after
 * which a key can no longer be recomputed from an address.
 */
export const VISITOR_KEY_LENGTH = 22;

export function utcDay(at: Date | number): string {
  return new Date(at).toISOString().slice(0, 10);
}

export function newSalt(): string {
  return randomBytes(32).toString("base64url");
}

export function computeVisitorKey(
  salt: string | KeyObject,
  clientAddress: string,
  userAgent: string,
): string {
  return createHmac("sha256", salt)
    .update(`${clientAddress}\n${userAgent}`)
    .digest("base64url")
    .slice(0, VISITOR_KEY_LENGTH);
}

const DAY_MS = 86_400_000;

/**
 * The day salts of this process: read from (or created in) the database ahead of time, so the hot
 * path never waits. If the database cannot be reached when a day starts without a known salt, a
 * local salt is used and reconciled with the database later (keys of that window may differ from
 * other instances' keys for the same visitor).
 */
export class VisitorSalts {
  private readonly salts = new Map<string, { salt: string; key: KeyObject; synced: boolean }>();
  private syncing: Promise<void> | null = null;
  /** The current day and its bounds, so the hot path does not format a date per request. */
  private today = { day: "", start: 0, end: 0, key: null as KeyObject | null };

  constructor(private readonly pool: pg.Pool) {}

  /** Key of one visitor at `at` (sync; never touches the database). */
  keyFor(at: number, clientAddress: string, userAgent: string): string {
    const today = this.today;
    if (today.key && at >= today.start && at < today.end) {
      return computeVisitorKey(today.key, clientAddress, userAgent);
    }
    const day = utcDay(at);
    const start = Date.parse(`${day}T00:00:00Z`);
    const key = this.entry(day).key;
    this.today = { day, start, end: start + DAY_MS, key };
    return computeVisitorKey(key, clientAddress, userAgent);
  }

  saltFor(day: string): string {
    return this.entry(day).salt;
  }

  private entry(day: string) {
    let entry = this.salts.get(day);
    if (!entry) {
      entry = this.set(day, newSalt(), false);
      void this.sync(Date.parse(`${day}T12:00:00Z`)).catch(() => {});
    }
    return entry;
  }

  private set(day: string, salt: string, synced: boolean) {
    const entry = { salt, key: createSecretKey(Buffer.from(salt)), synced };
    this.salts.set(day, entry);
    if (this.today.day === day) this.today = { ...this.today, key: entry.key };
    return entry;
  }

  /**
   * Makes sure the salts of yesterday…tomorrow around `now` are the database's (creating missing
   * ones), forgets older ones here and deletes salts older than two days there.
   */
  sync(now = Date.now()): Promise<void> {
    this.syncing ??= this.doSync(now).finally(() => (this.syncing = null));
    return this.syncing;
  }

  private async doSync(now: number): Promise<void> {
    const days = [utcDay(now - DAY_MS), utcDay(now), utcDay(now + DAY_MS)];
    const proposed = days.map((day) => this.salts.get(day)?.salt ?? newSalt());
    // Two statements: the SELECT sees whichever instance's salt won the INSERT race.
    await this.pool.query(
      `INSERT INTO "VisitorSalt" ("day", "salt") SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT ("day") DO NOTHING`,
      [days, proposed],
    );
    const { rows } = await this.pool.query<{ day: string; salt: string }>(
      `SELECT "day", "salt" FROM "VisitorSalt" WHERE "day" = ANY($1::text[])`,
      [days],
    );
    for (const row of rows) {
      if (this.salts.get(row.day)?.salt !== row.salt) this.set(row.day, row.salt, true);
    }
    for (const day of [...this.salts.keys()]) if (day < days[0]!) this.salts.delete(day);
    await this.pool.query(`DELETE FROM "VisitorSalt" WHERE "day" < $1`, [utcDay(now - 2 * DAY_MS)]);
  }
}
