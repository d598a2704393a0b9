/**
 * `npm run db:backup`: one file that `npm run db:restore` can bring back.
 *
 * Embedded database (PGlite): a LOGICAL backup, not a copy of the data directory. A data directory
 * (or PGlite's `dumpDataDir()` tarball) is only readable by the same Postgres major version and
 * PGlite build that wrote it, and copying it while `npm start` has it open is not consistent. The
 * logical format survives PGlite upgrades: the schema is re-created from this code's migrations
 * (the manifest names the migrations the database had, with their checksums) and the pg-boss job
 * schema from pg-boss itself; the rows travel as Postgres' own text form of each row
 * (`select t::text from t`), which the same table type parses back exactly (timestamps to the
 * microsecond, json, arrays, bytea).
 *
 * It is taken through the PostgreSQL protocol, so it works live: when `npm start` serves the data
 * directory, the backup connects to that server (see scripts/db/embedded-postgres.ts) and reads every
 * table inside one REPEATABLE READ transaction (a consistent snapshot). PGlite has one backend
 * session, so the app's own queries wait the seconds the dump takes (tracked-link redirects do
 * not: they are answered from memory and their clicks buffered). With no server running, one is
 * started in this process for the dump and stopped afterwards.
 *
 * File layout (`.chorus-backup`, gzip-compressed lines of JSON):
 *   1. the manifest: {"format":"chorus-backup","formatVersion":1,createdAt,appVersion,…,migrations}
 *   2. per table: {"table":"public.User","columns":[…]} then one JSON string per row,
 *      then {"endTable":"public.User","rows":N}
 *   3. {"end":true,"tables":{"public.User":N,…}}: a file without it is incomplete.
 *
 * Server PostgreSQL (DATABASE_URL): `pg_dump --format=custom` (restored with pg_restore).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import zlib from "node:zlib";
import type pg from "pg";
import { z } from "zod";
import { connectOrStartEmbedded } from "./embedded-postgres";
import { connect, PROJECT_ROOT } from "./deploy";
import { DbToolError, redactUrl } from "./errors";

export const BACKUP_FORMAT = "chorus-backup";
export const BACKUP_FORMAT_VERSION = 1;
/** Schemas a backup holds: the app's tables and pg-boss's job queue (scheduled posts live there). */
export const BACKUP_SCHEMAS = ["public", "pgboss"] as const;
export const DEFAULT_BACKUP_DIR = path.join(PROJECT_ROOT, ".data", "backups");
const FETCH_ROWS = 2000;

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  createdAt: z.string(),
  appVersion: z.string(),
  source: z.literal("embedded"),
  postgresVersion: z.string(),
  /** Applied migrations (finished, not rolled back), in order. */
  migrations: z.array(z.object({ name: z.string().min(1), checksum: z.string() })),
  /** pg-boss schema version (pgboss.version), or null when the database had no job queue yet. */
  pgBossVersion: z.number().int().nullable(),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export interface BackupResult {
  file: string;
  bytes: number;
  /** Rows per table (schema-qualified). */
  tables: Record<string, number>;
  manifest: BackupManifest;
}

export function appVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as {
      version?: string;
    };
    return pkg.version ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** `chorus-2026-11-26T02-10-00Z.chorus-backup` (or `.dump` for pg_dump) in .data/backups. */
export function defaultBackupPath(kind: "embedded" | "server", now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-");
  return path.join(
    DEFAULT_BACKUP_DIR,
    `chorus-${stamp}.${kind === "server" ? "dump" : "chorus-backup"}`,
  );
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function qualified(schema: string, table: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(table)}`;
}

export interface TableInfo {
  schema: string;
  name: string;
  /** "schema.name" */
  key: string;
  /** Column names in table order (dropped columns excluded). */
  columns: string[];
}

/** Ordinary and partitioned tables of the backup schemas (not partitions: their parent holds the
 * rows), sorted by schema then name, pg-boss's queue table first (it owns the job partitions). */
export async function listTables(client: pg.Client): Promise<TableInfo[]> {
  const { rows } = await client.query<{ schema: string; name: string; columns: string[] }>(
    `select n.nspname as schema, c.relname as name,
            array(select a.attname::text from pg_attribute a
                  where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                  order by a.attnum) as columns
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1::text[]) and c.relkind in ('r', 'p') and not c.relispartition
      order by n.nspname, (n.nspname = 'pgboss' and c.relname = 'queue') desc, c.relname`,
    [BACKUP_SCHEMAS],
  );
  return rows.map((r) => ({ ...r, key: `${r.schema}.${r.name}` }));
}

async function readManifestFacts(client: pg.Client): Promise<Omit<BackupManifest, "createdAt">> {
  const { rows: v } = await client.query<{ version: string }>("select version()");
  const { rows: hasMigrations } = await client.query<{ ok: boolean }>(
    "select to_regclass('public._prisma_migrations') is not null as ok",
  );
  if (!hasMigrations[0]?.ok) {
    throw new DbToolError(
      "This database has no migration history (_prisma_migrations): nothing to back up yet. Start the app once (npm start) or run `npm run db:deploy`.",
    );
  }
  const { rows: migrations } = await client.query<{ name: string; checksum: string }>(
    `select migration_name as name, checksum from public._prisma_migrations
      where finished_at is not null and rolled_back_at is null order by started_at, migration_name`,
  );
  const { rows: hasBoss } = await client.query<{ ok: boolean }>(
    "select to_regclass('pgboss.version') is not null as ok",
  );
  const boss = hasBoss[0]?.ok
    ? (
        await client.query<{ version: number | null }>(
          "select max(version) as version from pgboss.version",
        )
      ).rows
    : [];
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: appVersion(),
    source: "embedded",
    postgresVersion: v[0]?.version ?? "unknown",
    migrations,
    pgBossVersion: boss[0]?.version ?? null,
  };
}

/** Writes the logical backup of the database at `url` (any PostgreSQL; used for the embedded one). */
export async function writeLogicalBackup(url: string, outFile: string): Promise<BackupResult> {
  const out = path.resolve(outFile);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  const client = await connect(url);
  const gzip = zlib.createGzip();
  const file = fs.createWriteStream(partial);
  const piped = new Promise<void>((resolve, reject) => {
    gzip.on("error", reject);
    file.on("error", reject);
    file.on("finish", resolve);
  });
  gzip.pipe(file);
  const write = async (value: unknown) => {
    if (!gzip.write(JSON.stringify(value) + "\n")) await once(gzip, "drain");
  };
  const tables: Record<string, number> = {};
  try {
    // One snapshot for every table; read-only so it can never change anything.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const manifest: BackupManifest = {
      ...(await readManifestFacts(client)),
      createdAt: new Date().toISOString(),
    };
    await write(manifest);
    for (const table of await listTables(client)) {
      await write({ table: table.key, columns: table.columns });
      // Partitioned parents (pg-boss's job table) return the rows of all their partitions.
      await client.query(
        `DECLARE chorus_backup NO SCROLL CURSOR FOR SELECT t::text AS r FROM ${qualified(table.schema, table.name)} t`,
      );
      let count = 0;
      for (;;) {
        const { rows } = await client.query<{ r: string }>(
          `FETCH ${FETCH_ROWS} FROM chorus_backup`,
        );
        for (const row of rows) await write(row.r);
        count += rows.length;
        if (rows.length < FETCH_ROWS) break;
      }
      await client.query("CLOSE chorus_backup");
      await write({ endTable: table.key, rows: count });
      tables[table.key] = count;
    }
    await client.query("COMMIT");
    await write({ end: true, tables });
    gzip.end();
    await piped;
    fs.renameSync(partial, out);
    return { file: out, bytes: fs.statSync(out).size, tables, manifest };
  } catch (err) {
    gzip.destroy();
    file.destroy();
    fs.rmSync(partial, { force: true });
    if (err instanceof DbToolError) throw err;
    throw new DbToolError(
      `The backup failed: ${err instanceof Error ? err.message : String(err)}. Nothing was written.`,
    );
  } finally {
    await client.query("ROLLBACK").catch(() => {});
    await client.end().catch(() => {});
  }
}

/** Backs up the embedded database in `dataDir`, through the running app's server when there is one. */
export async function backupEmbedded(dataDir: string, outFile: string): Promise<BackupResult> {
  if (!fs.existsSync(dataDir) || fs.readdirSync(dataDir).length === 0) {
    throw new DbToolError(`There is no embedded database in ${dataDir} to back up.`);
  }
  const embedded = await connectOrStartEmbedded(dataDir);
  try {
    return await writeLogicalBackup(embedded.url, outFile);
  } finally {
    await embedded.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// Server PostgreSQL: pg_dump / pg_restore
// ---------------------------------------------------------------------------------------------

/** The URL without its password, and the password for PGPASSWORD (never on a command line). */
export function splitPassword(url: string): { url: string; password: string | null } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : null;
  u.password = "";
  return { url: u.toString(), password };
}

export function hasCommand(command: string): boolean {
  const res = spawnSync(command, ["--version"], { stdio: "ignore" });
  return res.status === 0;
}

/** The documented pg_dump command for `url` (password left to PGPASSWORD or ~/.pgpass). */
export function pgDumpCommand(url: string, outFile: string): string {
  return `PGPASSWORD=… pg_dump --format=custom --no-owner --file=${JSON.stringify(outFile)} ${JSON.stringify(splitPassword(url).url)}`;
}

export function backupServer(url: string, outFile: string): { file: string; bytes: number } {
  const out = path.resolve(outFile);
  if (!hasCommand("pg_dump")) {
    throw new DbToolError(
      `pg_dump is not installed (it comes with the PostgreSQL client tools, e.g. \`apt-get install postgresql-client\`, same major version as the server or newer). Then run:\n  ${pgDumpCommand(url, out)}`,
    );
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const { url: bare, password } = splitPassword(url);
  const partial = `${out}.partial`;
  const res = spawnSync(
    "pg_dump",
    ["--format=custom", "--no-owner", `--file=${partial}`, `--dbname=${bare}`],
    {
      stdio: ["ignore", "inherit", "pipe"],
      env: { ...process.env, ...(password !== null ? { PGPASSWORD: password } : {}) },
      encoding: "utf8",
    },
  );
  if (res.status !== 0) {
    fs.rmSync(partial, { force: true });
    throw new DbToolError(
      `pg_dump of ${redactUrl(url)} failed: ${(res.stderr ?? "").trim() || `exit code ${res.status}`}`,
    );
  }
  fs.renameSync(partial, out);
  return { file: out, bytes: fs.statSync(out).size };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
