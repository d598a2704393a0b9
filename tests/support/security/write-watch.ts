/**
 * "Did this request write to the organisation?" — cheaply, for suites that send thousands of
 * requests (bad input). Two parts:
 *
 *  - a watch on every statement this process sends to PostgreSQL (pg's Client#query, which Prisma's
 *    pg adapter and pg-boss both use): `writesSoFar()` counts the statements that may write
 *    (anything but a plain SELECT, SHOW, SET or transaction control). A request during which the
 *    count did not move wrote nothing at all;
 *  - when it did move, a fingerprint of the organisation (`OrgFingerprint`): md5 over every row of
 *    every table with an `orgId` column, the organisation's own row, its members' user rows and
 *    their rows that name no organisation (as role-fixture's checksumOrg; a prepared statement on a
 *    client of its own: ~10 ms), minus the bookkeeping columns a request may touch by design.
 *
 *   const watch = new OrgFingerprint(orgId, { ApiKey: ["lastUsedAt"] });
 *   const before = await watch.current();      // recomputed only if something wrote since
 *   await send(...);
 *   const changed = await watch.changedSince(before);   // [] when nothing of the org changed
 */
import pg from "pg";

const READ_ONLY =
  /^\s*(?:SELECT|SHOW|SET|RESET|BEGIN|START TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|DEALLOCATE|DISCARD)\b/i;
const WRITE_WORDS = /\b(?:INSERT|UPDATE|DELETE|MERGE|TRUNCATE|COPY|CALL|NEXTVAL|SETVAL)\b/i;

let writes = 0;
let installed = false;

/** A statement that may change data: not a plain read or transaction control. */
export function mayWrite(sql: string): boolean {
  return !READ_ONLY.test(sql) || WRITE_WORDS.test(sql);
}

/** Starts watching every statement of this process (idempotent). */
export function watchWrites(): void {
  if (installed) return;
  installed = true;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function watchedQuery(this: unknown, ...args: unknown[]) {
    const config = args[0] as string | { text?: string } | undefined;
    const text = typeof config === "string" ? config : config?.text;
    if (typeof text === "string" && mayWrite(text)) writes += 1;
    return original.apply(this, args);
  };
}

/** How many statements that may write were sent so far (see `watchWrites`). */
export function writesSoFar(): number {
  return writes;
}

export interface Fingerprint {
  /** `writesSoFar()` when it was taken. */
  writes: number;
  tables: Record<string, string>;
}

/** The organisation's rows, fingerprinted; recomputed only when something may have written. */
export class OrgFingerprint {
  private client: pg.Client | null = null;
  private sql: string | null = null;
  private last: Fingerprint | null = null;

  constructor(
    private readonly orgId: string,
    /** Columns left out, by table, each a bookkeeping write requests make by design. */
    private readonly ignore: Record<string, string[]> = {},
  ) {
    watchWrites();
  }

  private async query(): Promise<Record<string, string>> {
    if (!this.client) {
      this.client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await this.client.connect();
      const { rows } = await this.client.query<{ table_name: string; column_name: string }>(
        `SELECT table_name::text AS table_name, column_name::text AS column_name
           FROM information_schema.columns
          WHERE table_schema = current_schema() AND column_name IN ('orgId', 'userId')
            AND table_name NOT IN (SELECT relname FROM pg_class WHERE relispartition)
          ORDER BY 1`,
      );
      const withOrg = new Set(
        rows.filter((r) => r.column_name === "orgId").map((r) => r.table_name),
      );
      const userOnly = rows
        .filter((r) => r.column_name === "userId" && !withOrg.has(r.table_name))
        .map((r) => r.table_name);
      const row = (table: string) =>
        this.ignore[table]?.length
          ? `(to_jsonb(x) - ${this.ignore[table]!.map((c) => `'${c}'`).join(" - ")})::text`
          : "x::text";
      const digest = (table: string, where: string) =>
        `SELECT '${table}' AS t, md5(coalesce(string_agg(${row(table)}, '|' ORDER BY ${row(table)}), '')) AS h
           FROM "${table}" x WHERE ${where}`;
      const members = `SELECT "userId" FROM "Membership" WHERE "orgId" = $1`;
      this.sql = [
        digest("Organization", `x."id" = $1`),
        ...[...withOrg].map((table) => digest(table, `x."orgId" = $1`)),
        // The members' user rows, and their rows that name no organisation (accounts, reset links).
        digest("User", `x."id" IN (${members})`),
        ...userOnly.map((table) => digest(table, `x."userId" IN (${members})`)),
      ].join("\nUNION ALL\n");
    }
    const result = await this.client.query<{ t: string; h: string }>({
      name: "org-fingerprint",
      text: this.sql!,
      values: [this.orgId],
    });
    return Object.fromEntries(result.rows.map((r) => [r.t, r.h]));
  }

  /** The fingerprint now (the last one, if nothing may have written since). */
  async current(): Promise<Fingerprint> {
    if (!this.last || this.last.writes !== writesSoFar()) {
      const at = writesSoFar();
      this.last = { writes: at, tables: await this.query() };
    }
    return this.last;
  }

  /** The tables whose rows of the organisation differ from `before` ([] when none). */
  async changedSince(before: Fingerprint): Promise<string[]> {
    if (writesSoFar() === before.writes) return [];
    const now = await this.current();
    return Object.keys(now.tables).filter((t) => now.tables[t] !== before.tables[t]);
  }

  async close(): Promise<void> {
    await this.client?.end();
    this.client = null;
  }
}
