/**
 * The migration click_event_partitions: ClickEvent becomes a table partitioned by month on "at",
 * keeping every existing row, with a DEFAULT partition so that an insert into any month works, and
 * `db:status` still reports no drift (the schema engine does not describe partitions).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_MIGRATIONS_DIR, deployMigrations, migrationStatus } from "@/scripts/db/migrations";
import { createTestDatabase } from "@/tests/helpers/test-database";

const MIGRATION = "20261207200000_click_event_partitions";
const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** prisma/migrations up to (without) the partitioning migration. */
function migrationsBefore(): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "chorus-partitions-")), "migrations");
  cleanups.push(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));
  fs.cpSync(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  for (const name of fs.readdirSync(dir)) {
    if (name >= MIGRATION && name !== "migration_lock.toml")
      fs.rmSync(path.join(dir, name), { recursive: true });
  }
  return dir;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const utcMonth = (d: Date) =>
  `${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
const addMonths = (d: Date, n: number) =>
  new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));

async function partitions(c: pg.Client): Promise<string[]> {
  const { rows } = await c.query<{ name: string }>(
    `SELECT child.relname AS name FROM pg_inherits i
       JOIN pg_class child ON child.oid = i.inhrelid JOIN pg_class parent ON parent.oid = i.inhparent
      WHERE parent.relname = 'ClickEvent' ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

const INSERT = `INSERT INTO "ClickEvent" ("id", "orgId", "shareId", "at", "isBot", "visitorKey", "device", "browser", "referrerHost")
  VALUES ($1, 'org', $2, $3, false, 'vk', 'desktop', 'Chrome', $4)`;

describe("migration click_event_partitions", () => {
  it("keeps every row, creates a partition per month with rows plus the current month and three ahead, and a default", async () => {
    const db = await createTestDatabase({ migrate: false });
    cleanups.push(() => db.drop());
    await deployMigrations(db.url, { migrationsDir: migrationsBefore() });

    const now = new Date();
    const old = [
      {
        id: "c-2025-03-a",
        share: "s1",
        at: new Date("2025-03-01T00:00:00.000Z"),
        ref: "a.example",
      },
      { id: "c-2025-03-b", share: "s1", at: new Date("2025-03-31T23:59:59.999Z"), ref: null },
      { id: "c-2025-11", share: "s2", at: new Date("2025-11-15T12:00:00.000Z"), ref: null },
      { id: "c-now", share: "s2", at: now, ref: "b.example" },
    ];
    await withClient(db.url, async (c) => {
      for (const r of old) await c.query(INSERT, [r.id, r.share, r.at, r.ref]);
    });

    await deployMigrations(db.url);

    await withClient(db.url, async (c) => {
      const { rows } = await c.query<{
        id: string;
        shareId: string;
        at: Date;
        referrerHost: string | null;
        part: string;
      }>(
        `SELECT "id", "shareId", "at", "referrerHost", tableoid::regclass::text AS part FROM "ClickEvent" ORDER BY "at"`,
      );
      expect(rows.map((r) => [r.id, r.shareId, r.at.toISOString(), r.referrerHost])).toEqual(
        old.map((r) => [r.id, r.share, r.at.toISOString(), r.ref]),
      );
      // Each row sits in its own month's partition (month boundaries in UTC).
      expect(rows.map((r) => r.part)).toEqual([
        `"ClickEvent_p2025_03"`,
        `"ClickEvent_p2025_03"`,
        `"ClickEvent_p2025_11"`,
        `"ClickEvent_p${utcMonth(now)}"`,
      ]);

      const expected = [
        "ClickEvent_default",
        "ClickEvent_p2025_03",
        "ClickEvent_p2025_11",
        ...[0, 1, 2, 3].map((n) => `ClickEvent_p${utcMonth(addMonths(now, n))}`),
      ].sort();
      // Months between without rows (2025-04 … 2025-10) get none.
      expect(await partitions(c)).toEqual(expected);

      const { rows: keys } = await c.query<{ def: string }>(
        `SELECT pg_get_indexdef(indexrelid) AS def FROM pg_index WHERE indrelid = '"ClickEvent"'::regclass ORDER BY 1`,
      );
      expect(keys.map((k) => k.def)).toEqual([
        `CREATE INDEX "ClickEvent_shareId_at_idx" ON ONLY public."ClickEvent" USING btree ("shareId", at)`,
        `CREATE UNIQUE INDEX "ClickEvent_pkey" ON ONLY public."ClickEvent" USING btree (id, at)`,
      ]);

      // Inserts into any month work: a partitioned month, a month with no partition (default), far
      // past and far future.
      const anyMonth = [
        new Date("2025-03-10T00:00:00Z"),
        new Date("2025-06-10T00:00:00Z"),
        new Date("2019-01-01T00:00:00Z"),
        new Date("2040-12-31T23:59:59Z"),
        addMonths(now, 2),
      ];
      for (const [i, at] of anyMonth.entries()) await c.query(INSERT, [`new-${i}`, "s3", at, null]);
      const { rows: placed } = await c.query<{ id: string; part: string }>(
        `SELECT "id", tableoid::regclass::text AS part FROM "ClickEvent" WHERE "shareId" = 's3' ORDER BY "id"`,
      );
      expect(placed.map((p) => p.part)).toEqual([
        `"ClickEvent_p2025_03"`,
        `"ClickEvent_default"`,
        `"ClickEvent_default"`,
        `"ClickEvent_default"`,
        `"ClickEvent_p${utcMonth(addMonths(now, 2))}"`,
      ]);

      // The same click (id, at) twice is refused by the primary key, as the click writer relies on.
      await expect(c.query(INSERT, ["c-now", "s2", now, null])).rejects.toThrow(
        /ClickEvent_.*pkey|duplicate key/,
      );
    });

    const status = await migrationStatus(db.url);
    expect(status.problems).toEqual([]);
    expect(status.inSync).toBe(true);
  });

  it("reports no drift for partitions the daily job adds or drops later (the schema engine ignores partitions)", async () => {
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    expect((await migrationStatus(db.url)).inSync).toBe(true);
    await withClient(db.url, async (c) => {
      await c.query(
        `CREATE TABLE "ClickEvent_p2001_01" PARTITION OF "ClickEvent" FOR VALUES FROM ('2001-01-01 00:00+00') TO ('2001-02-01 00:00+00')`,
      );
      const [current] = (await partitions(c)).filter(
        (p) => p !== "ClickEvent_default" && p !== "ClickEvent_p2001_01",
      );
      await c.query(`DROP TABLE "${current}"`);
    });
    const status = await migrationStatus(db.url);
    expect(status.problems).toEqual([]);
    expect(status.inSync).toBe(true);

    // …while a real difference in the partitioned table is still drift.
    await withClient(db.url, (c) => c.query(`DROP INDEX "ClickEvent_shareId_at_idx"`));
    const drifted = await migrationStatus(db.url);
    expect(drifted.inSync).toBe(false);
    expect(drifted.databaseDrift).toContain("ClickEvent");
  });
});
