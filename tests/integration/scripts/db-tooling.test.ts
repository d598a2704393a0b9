/**
 * The migration tooling (scripts/db) and the embedded PostgreSQL (scripts/db/embedded-postgres), against
 * fresh databases of the kind this run uses: TEST_DATABASE_URL/DATABASE_URL's server, or embedded.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import {
  connectOrStartEmbedded,
  embeddedServerFilePath,
  startEmbeddedPostgres,
} from "@/scripts/db/embedded-postgres";
import {
  createMigration,
  DbToolError,
  DEFAULT_MIGRATIONS_DIR,
  DEFAULT_SCHEMA_PATH,
  deployMigrations,
  migrationStatus,
  readLocalMigrations,
} from "@/scripts/db/migrations";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

const root = path.resolve(import.meta.dirname, "../../..");
const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function freshDatabase(migrate: boolean): Promise<TestDatabase> {
  const db = await createTestDatabase({ migrate });
  cleanups.push(() => db.drop());
  return db;
}

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `chorus-${prefix}-`));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A copy of prisma/migrations in a temp folder, plus optional extra migrations. */
function migrationsCopy(extra: Record<string, string> = {}): string {
  const dir = path.join(tempDir("migrations"), "migrations");
  fs.cpSync(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const localMigrationNames = () => readLocalMigrations().migrations.map((m) => m.name);

describe("deploy and status", () => {
  it("deploys every migration once, records them like Prisma, and then reports in sync", async () => {
    const db = await freshDatabase(false);
    expect(localMigrationNames().length).toBeGreaterThan(0);

    const before = await migrationStatus(db.url);
    expect(before.inSync).toBe(false);
    expect(before.hasMigrationsTable).toBe(false);
    expect(before.unapplied).toEqual(localMigrationNames());

    const applied = await deployMigrations(db.url);
    expect(applied).toEqual(localMigrationNames());
    expect(await deployMigrations(db.url)).toEqual([]);

    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
      logs: string | null;
    }>(db.url, "select * from _prisma_migrations order by migration_name");
    expect(rows.map((r) => r.migration_name)).toEqual(localMigrationNames());
    for (const row of rows) {
      const file = fs.readFileSync(
        path.join(DEFAULT_MIGRATIONS_DIR, row.migration_name, "migration.sql"),
      );
      expect(row.checksum).toBe(crypto.createHash("sha256").update(file).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
    }

    // The engine's own history diagnosis (what `prisma migrate status` runs) accepts our records,
    // and the database and schema.prisma both match the migrations.
    const after = await migrationStatus(db.url);
    expect(after.problems).toEqual([]);
    expect(after).toMatchObject({
      inSync: true,
      unapplied: [],
      failed: [],
      edited: [],
      missingLocally: [],
      databaseDrift: null,
      schemaDrift: null,
    });
  });

  it("applies each migration once when two deploys run at the same time", async () => {
    const db = await freshDatabase(false);
    const results = await Promise.all([deployMigrations(db.url), deployMigrations(db.url)]);
    expect(results.map((r) => r.length).sort()).toEqual([0, localMigrationNames().length]);
    const rows = await query<{ migration_name: string; finished_at: Date | null }>(
      db.url,
      "select migration_name, finished_at from _prisma_migrations",
    );
    expect(rows.map((r) => r.migration_name).sort()).toEqual(localMigrationNames());
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("reports an unapplied migration, applies it (with a $$ function body), then reports schema.prisma behind", async () => {
    const db = await freshDatabase(true);
    const extraName = "29991231000000_tooling_extra";
    const migrationsDir = migrationsCopy({
      [extraName]: `-- CreateTable
CREATE TABLE "ToolingExtra" ("id" INTEGER NOT NULL, CONSTRAINT "ToolingExtra_pkey" PRIMARY KEY ("id"));

-- A function body with semicolons: must reach the server as one statement.
CREATE FUNCTION tooling_extra_double(x integer) RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
  x := x * 2;
  RETURN x;
END;
$$;
`,
    });

    const pending = await migrationStatus(db.url, { migrationsDir });
    expect(pending.inSync).toBe(false);
    expect(pending.unapplied).toEqual([extraName]);
    expect(pending.problems.join("\n")).toContain(extraName);
    expect(pending.databaseDrift).toBeNull();

    expect(await deployMigrations(db.url, { migrationsDir })).toEqual([extraName]);
    expect(await query(db.url, "select tooling_extra_double(21) as v")).toEqual([{ v: 42 }]);

    // History and database now agree, but schema.prisma has no ToolingExtra model: the migrations
    // create a table the schema would drop.
    const after = await migrationStatus(db.url, { migrationsDir });
    expect(after.unapplied).toEqual([]);
    expect(after.databaseDrift).toBeNull();
    expect(after.schemaDrift).toContain("ToolingExtra");
    expect(after.inSync).toBe(false);

    // Against the real migrations folder, the extra migration is applied but unknown.
    const unknown = await migrationStatus(db.url, { checkDrift: false });
    expect(unknown.missingLocally).toEqual([extraName]);
    expect(unknown.inSync).toBe(false);
  });

  it("records a failing migration as failed, reports it, and refuses to deploy past it", async () => {
    const db = await freshDatabase(true);
    const brokenName = "29991231000000_tooling_broken";
    const migrationsDir = migrationsCopy({
      [brokenName]: `CREATE TABLE "ToolingBroken" ("id" INTEGER);\nSELECT 1 / 0;\n`,
    });

    await expect(deployMigrations(db.url, { migrationsDir })).rejects.toThrow(
      /tooling_broken failed: division by zero/,
    );
    // One implicit transaction: the table of the failed script does not exist.
    expect(await query(db.url, `select to_regclass('"ToolingBroken"') as t`)).toEqual([
      { t: null },
    ]);
    const [row] = await query<{ finished_at: Date | null; logs: string | null }>(
      db.url,
      "select finished_at, logs from _prisma_migrations where migration_name = $1",
      [brokenName],
    );
    expect(row!.finished_at).toBeNull();
    expect(row!.logs).toContain("division by zero");

    const status = await migrationStatus(db.url, { migrationsDir, checkDrift: false });
    expect(status.failed).toEqual([brokenName]);
    expect(status.inSync).toBe(false);

    const again = deployMigrations(db.url, { migrationsDir });
    await expect(again).rejects.toBeInstanceOf(DbToolError);
    await expect(again).rejects.toThrow(/failed migration/);
  });

  it("reports drift when the database has an extra table, then when it lacks a column", async () => {
    const db = await freshDatabase(true);
    expect((await migrationStatus(db.url)).inSync).toBe(true);

    await query(db.url, `CREATE TABLE tooling_drift_extra (id integer)`);
    const extraTable = await migrationStatus(db.url);
    expect(extraTable.inSync).toBe(false);
    expect(extraTable.databaseDrift).toContain("tooling_drift_extra");
    expect(extraTable.schemaDrift).toBeNull();
    await query(db.url, `DROP TABLE tooling_drift_extra`);
    expect((await migrationStatus(db.url)).inSync).toBe(true);

    // Any column outside a primary key, whatever the current schema is.
    const [victim] = await query<{ table_name: string; column_name: string }>(
      db.url,
      `select c.table_name, c.column_name
         from information_schema.columns c
        where c.table_schema = 'public' and c.table_name <> '_prisma_migrations'
          and not exists (
            select 1 from information_schema.key_column_usage k
              join information_schema.table_constraints t
                on t.constraint_name = k.constraint_name and t.table_schema = k.table_schema
             where t.constraint_type in ('PRIMARY KEY', 'FOREIGN KEY') and k.table_schema = c.table_schema
               and k.table_name = c.table_name and k.column_name = c.column_name)
        order by c.table_name, c.ordinal_position
        limit 1`,
    );
    expect(victim).toBeDefined();
    await query(db.url, `ALTER TABLE "${victim!.table_name}" DROP COLUMN "${victim!.column_name}"`);
    const missingColumn = await migrationStatus(db.url);
    expect(missingColumn.inSync).toBe(false);
    expect(missingColumn.databaseDrift).toContain(victim!.column_name);
    expect(missingColumn.problems.join("\n")).toMatch(/Drift/);
  });
});

describe("migrate", () => {
  it("--create-only writes a CREATE TABLE migration for a new model without applying it", async () => {
    const db = await freshDatabase(true);
    const work = tempDir("schema");
    const schemaPath = path.join(work, "schema.prisma");
    fs.writeFileSync(
      schemaPath,
      fs.readFileSync(DEFAULT_SCHEMA_PATH, "utf8") +
        `\nmodel ToolingProbe {\n  id    String  @id\n  note  String?\n  count Int     @default(0)\n}\n`,
    );
    const migrationsDir = migrationsCopy();
    const originalMigrations = localMigrationNames();

    const result = await createMigration(db.url, {
      name: "Add tooling probe",
      schemaPath,
      migrationsDir,
      createOnly: true,
    });
    expect(result.created).toMatch(/^\d{14}_add_tooling_probe$/);
    expect(result.appliedNew).toBe(false);
    const sql = fs.readFileSync(result.migrationPath!, "utf8");
    expect(sql).toContain(`CREATE TABLE "ToolingProbe"`);
    expect(sql).toContain(`"count" INTEGER NOT NULL DEFAULT 0`);
    expect(fs.readFileSync(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toContain(
      `provider = "postgresql"`,
    );
    expect(await query(db.url, `select to_regclass('"ToolingProbe"') as t`)).toEqual([{ t: null }]);
    expect(localMigrationNames()).toEqual(originalMigrations); // the real folder is untouched

    // Applying it makes everything agree; a second migrate finds nothing to do and creates nothing.
    expect(await deployMigrations(db.url, { migrationsDir })).toEqual([result.created]);
    const status = await migrationStatus(db.url, { migrationsDir, schemaPath });
    expect(status.problems).toEqual([]);
    const before = fs.readdirSync(migrationsDir).sort();
    const again = await createMigration(db.url, { name: "nothing", schemaPath, migrationsDir });
    expect(again.created).toBeNull();
    expect(fs.readdirSync(migrationsDir).sort()).toEqual(before);
  });

  it("applies pending migrations first, then creates the new one, in one run (a fresh database)", async () => {
    // What a newcomer does after pulling a change and editing the schema: the database lacks the
    // committed migrations and schema.prisma has a new model. Before the fix the run applied the
    // pending migrations, then died with "PostgreSQL shadow DB must be provided through an
    // external factory" (the deploy's engine session had replaced the first session's adapter).
    const db = await freshDatabase(false);
    const work = tempDir("schema-pending");
    const schemaPath = path.join(work, "schema.prisma");
    fs.writeFileSync(
      schemaPath,
      fs.readFileSync(DEFAULT_SCHEMA_PATH, "utf8") + `\nmodel PendingProbe {\n  id String @id\n}\n`,
    );
    const migrationsDir = migrationsCopy();
    const result = await createMigration(db.url, {
      name: "pending probe",
      schemaPath,
      migrationsDir,
    });
    expect(result.appliedBefore).toEqual(localMigrationNames());
    expect(result.created).toMatch(/^\d{14}_pending_probe$/);
    expect(result.appliedNew).toBe(true);
    expect(await query(db.url, `select to_regclass('"PendingProbe"')::text as t`)).toEqual([
      { t: `"PendingProbe"` },
    ]);
  });

  it("creates nothing when schema.prisma matches the migrations", async () => {
    const db = await freshDatabase(true);
    const migrationsDir = migrationsCopy();
    const before = fs.readdirSync(migrationsDir).sort();
    const result = await createMigration(db.url, { name: "noop", migrationsDir });
    expect(result).toMatchObject({ created: null, migrationPath: null, appliedBefore: [] });
    expect(fs.readdirSync(migrationsDir).sort()).toEqual(before);
  });
});

describe("embedded PostgreSQL", () => {
  it("answers 50 concurrent queries through a pool of 10 correctly, transactions included", async () => {
    const server = await startEmbeddedPostgres({ dataDir: "memory://" });
    cleanups.push(() => server.stop());
    expect(server.url).toMatch(/^postgresql:\/\/postgres:postgres@127\.0\.0\.1:\d+\/postgres$/);
    const pool = new pg.Pool({ connectionString: server.url, max: 10 });
    cleanups.push(() => pool.end());
    await pool.query("CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)");
    await pool.query("INSERT INTO counter VALUES (1, 0)");

    const big = "x".repeat(150_000); // spans several TCP packets
    const results = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        if (i % 5 === 0) {
          // read-modify-write in a transaction: lost updates would show if sessions interleaved
          const client = await pool.connect();
          try {
            await client.query("BEGIN");
            const { rows } = await client.query<{ n: number }>(
              "SELECT n FROM counter WHERE id = 1",
            );
            await client.query("UPDATE counter SET n = $1 WHERE id = 1", [rows[0]!.n + 1]);
            await client.query("COMMIT");
            return true;
          } finally {
            client.release();
          }
        }
        const text = i % 2 === 0 ? `${big}${i}` : `s${i}`;
        // a different statement per query: interleaved Parse/Bind would mix them up
        const { rows } = await pool.query<{ v: number; t: string; k: number }>(
          `SELECT $1::int AS v, $2::text AS t, ${i} AS k`,
          [i, text],
        );
        return rows[0]!.v === i && rows[0]!.t === text && rows[0]!.k === i;
      }),
    );
    expect(results.every(Boolean)).toBe(true);
    expect((await pool.query("SELECT n FROM counter")).rows).toEqual([{ n: 10 }]);
    await expect(pool.query("SELECT 1/0")).rejects.toThrow(/division by zero/);
    expect((await pool.query("SELECT 2 AS two")).rows).toEqual([{ two: 2 }]);
  });

  it("keeps data across stop and start of an on-disk data directory", async () => {
    const dataDir = path.join(tempDir("pglite"), "db");
    const first = await startEmbeddedPostgres({ dataDir });
    expect(JSON.parse(fs.readFileSync(embeddedServerFilePath(dataDir), "utf8"))).toMatchObject({
      pid: process.pid,
      port: first.port,
      status: "ready",
    });
    await query(first.url, "CREATE TABLE kept (v text)");
    await query(first.url, "INSERT INTO kept VALUES ('still here')");
    await first.stop();
    expect(fs.existsSync(embeddedServerFilePath(dataDir))).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir });
    cleanups.push(() => second.stop());
    expect(await query(second.url, "SELECT v FROM kept")).toEqual([{ v: "still here" }]);
    // A second start in this process is refused; connectOrStartEmbedded shares the running one.
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/already served/);
    const shared = await connectOrStartEmbedded(dataDir);
    expect(shared).toMatchObject({ url: second.url, owned: false, pid: process.pid });
  });

  it("connectOrStartEmbedded reuses the server another process runs for the same data directory", async () => {
    const dataDir = path.join(tempDir("pglite-shared"), "db");
    const script = path.join(path.dirname(dataDir), "serve.ts");
    fs.writeFileSync(
      script,
      `import { startEmbeddedPostgres } from ${JSON.stringify(path.join(root, "scripts/db/embedded-postgres.ts"))};
const server = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} });
console.log("READY " + server.url);
process.on("SIGTERM", () => { void server.stop().then(() => process.exit(0)); });
setInterval(() => {}, 1 << 30);
`,
    );
    fs.writeFileSync(path.join(path.dirname(dataDir), "package.json"), `{"type":"module"}`);
    const child: ChildProcess = spawn(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), script],
      {
        cwd: root,
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const exited = new Promise((resolve) => child.once("exit", resolve));
    cleanups.push(async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /READY (\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once("exit", (code) => reject(new Error(`server process exited with ${code}: ${out}`)));
    });

    const shared = await connectOrStartEmbedded(dataDir);
    expect(shared.owned).toBe(false);
    expect(shared.url).toBe(url);
    expect(shared.pid).not.toBe(process.pid);
    await query(shared.url, "CREATE TABLE from_other_process (v int)");
    await shared.stop(); // not ours: a no-op
    expect(await query(url, "SELECT count(*)::int AS n FROM from_other_process")).toEqual([
      { n: 0 },
    ]);

    child.kill("SIGTERM");
    await exited;
    expect(fs.existsSync(embeddedServerFilePath(dataDir))).toBe(false);
  });
});

afterAll(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});
