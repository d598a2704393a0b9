/**
 * `npm run db:restore -- <file> [--yes]`: brings back a backup made by `npm run db:backup`.
 *
 * Embedded (a `.chorus-backup` file, see scripts/db/backup.ts):
 *  1. reads the manifest; refuses a backup whose migrations this code does not know (made by a newer
 *     Chorus) before touching anything;
 *  2. refuses while a running app serves the data directory, and without --yes when it holds a
 *     database;
 *  3. builds the database in a fresh directory next to it (`<dir>.restore-<time>`): the backup's
 *     migrations, pg-boss's schema, then every row in one transaction, row counts checked against
 *     the file; then applies the migrations that are newer than the backup;
 *  4. only then swaps: the current directory becomes `<dir>.before-restore-<time>`, the new one takes
 *     its place, and the previous one is deleted once the swap succeeded (--keep-previous keeps it).
 *     Any failure before the swap deletes the new directory and leaves the current data as it was.
 *
 * Server (DATABASE_URL and a pg_dump custom-format file): checks the migrations inside the dump the
 * same way, asks for --yes when the database has tables, then
 * `pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error` (a failure rolls
 * everything back), then applies pending migrations.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import type pg from "pg";
import PgBoss from "pg-boss";
import {
  findRunningEmbedded,
  embeddedServerFilePath,
  startEmbeddedPostgres,
} from "./embedded-postgres";
import {
  BACKUP_FORMAT_VERSION,
  hasCommand,
  listTables,
  manifestSchema,
  qualified,
  quoteIdent,
  splitPassword,
  type BackupManifest,
} from "./backup";
import {
  connect,
  DEFAULT_MIGRATIONS_DIR,
  deployMigrations,
  LOCKFILE_NAME,
  readLocalMigrations,
  type Logger,
} from "./deploy";
import { DbToolError, redactUrl } from "./errors";

const INSERT_BATCH = 1000;

export interface RestoreOptions {
  /** Replace a database that holds data (the CLI's --yes). */
  yes?: boolean;
  migrationsDir?: string;
  log?: Logger;
}

export interface RestoreResult {
  /** Rows restored per table. */
  tables: Record<string, number>;
  /** Migrations newer than the backup, applied after restoring it. */
  appliedAfter: string[];
  /** Notes for the person running it (skipped job queue, checksum differences...). */
  warnings: string[];
}

// ---------------------------------------------------------------------------------------------
// Reading a backup file
// ---------------------------------------------------------------------------------------------

/** The lines of a gzip'd backup file, one at a time (errors of a corrupt file are thrown). */
async function* backupLines(file: string): AsyncGenerator<string> {
  const input = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  input.on("error", (err) => gunzip.destroy(err));
  input.pipe(gunzip);
  let rest = "";
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const text = rest + chunk.toString("utf8");
      const lines = text.split("\n");
      rest = lines.pop()!;
      for (const line of lines) yield line;
    }
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  if (rest) yield rest;
}

function notABackup(file: string, why: string): DbToolError {
  return new DbToolError(
    `${file} is not a readable Chorus backup (${why}). Embedded backups come from \`npm run db:backup\`; ` +
      `a pg_dump file is restored with DATABASE_URL set.`,
  );
}

/** The manifest at the head of a backup file (validated). */
export async function readBackupManifest(file: string): Promise<BackupManifest> {
  if (!fs.existsSync(file)) throw new DbToolError(`No such file: ${file}`);
  let first: string | undefined;
  try {
    for await (const line of backupLines(file)) {
      first = line;
      break;
    }
  } catch (err) {
    throw notABackup(file, err instanceof Error ? err.message : String(err));
  }
  if (first === undefined) throw notABackup(file, "it is empty");
  let json: unknown;
  try {
    json = JSON.parse(first);
  } catch {
    throw notABackup(file, "its first line is not a manifest");
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw notABackup(file, "its manifest is not valid");
  if (parsed.data.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new DbToolError(
      `${file} uses backup format ${parsed.data.formatVersion}, newer than this Chorus understands (${BACKUP_FORMAT_VERSION}). Restore it with the Chorus version that made it (${parsed.data.appVersion}) or newer.`,
    );
  }
  return parsed.data;
}

/**
 * Reads the whole file once before anything is changed: every line must parse, tables must open and
 * close in order with the row counts they announce, and the end marker must be there. A file that
 * was cut short or damaged is refused here, in seconds, instead of halfway through a restore.
 */
export async function verifyBackupFile(file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let lineNo = 0;
  let current: string | null = null;
  let rows = 0;
  let ended = false;
  try {
    for await (const line of backupLines(file)) {
      lineNo += 1;
      if (lineNo === 1 || line === "") continue;
      if (ended) throw new Error("data after the end marker");
      const value = JSON.parse(line) as unknown;
      if (typeof value === "string") {
        if (current === null) throw new Error(`a row outside a table (line ${lineNo})`);
        rows += 1;
        continue;
      }
      const m = (value ?? {}) as {
        table?: string;
        endTable?: string;
        rows?: number;
        end?: boolean;
      };
      if (m.table && current === null) {
        current = m.table;
        rows = 0;
      } else if (m.endTable && m.endTable === current) {
        if (m.rows !== rows)
          throw new Error(`table ${current} announces ${m.rows} rows, has ${rows}`);
        counts[current] = rows;
        current = null;
      } else if (m.end && current === null) {
        ended = true;
      } else {
        throw new Error(`unexpected line ${lineNo}`);
      }
    }
  } catch (err) {
    throw notABackup(file, `damaged: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!ended) {
    throw notABackup(
      file,
      "incomplete: it ends before its end marker, so it was cut short while being written or copied",
    );
  }
  return counts;
}

/**
 * Compares the backup's migrations with this code's. Throws when the backup has a migration this
 * code does not know (restoring it would give a schema the code cannot use); returns warnings for
 * migrations whose file changed since.
 */
export function checkBackupMigrations(
  backupMigrations: Array<{ name: string; checksum: string | null }>,
  appVersion: string,
  migrationsDir = DEFAULT_MIGRATIONS_DIR,
): { pending: string[]; warnings: string[] } {
  const local = readLocalMigrations(migrationsDir);
  const byName = new Map(local.migrations.map((m) => [m.name, m]));
  const unknown = backupMigrations.filter((m) => !byName.has(m.name)).map((m) => m.name);
  if (unknown.length > 0) {
    throw new DbToolError(
      `This backup comes from a newer Chorus (${appVersion}): its database has ${unknown.length} migration(s) this code does not know:\n` +
        unknown.map((n) => `  - ${n}`).join("\n") +
        `\nUpdate Chorus to a version that has them, then restore again. Nothing was changed.`,
    );
  }
  const warnings = backupMigrations
    .filter((m) => m.checksum && byName.get(m.name)!.checksum !== m.checksum)
    .map((m) => `Migration ${m.name} was edited since the backup was made (checksum differs).`);
  const inBackup = new Set(backupMigrations.map((m) => m.name));
  const pending = local.migrations.filter((m) => !inBackup.has(m.name)).map((m) => m.name);
  return { pending, warnings };
}

/** A migrations folder holding only `names` (copies of this code's migration folders). */
function migrationsSubset(names: string[], migrationsDir: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-restore-migrations-"));
  const lock = path.join(migrationsDir, LOCKFILE_NAME);
  if (fs.existsSync(lock)) fs.copyFileSync(lock, path.join(dir, LOCKFILE_NAME));
  for (const name of names) {
    fs.cpSync(path.join(migrationsDir, name), path.join(dir, name), { recursive: true });
  }
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Embedded
// ---------------------------------------------------------------------------------------------

function stamp(now = new Date()): string {
  return now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-");
}

function installedPgBossVersion(): number {
  const match = /version\(version\) VALUES \('(\d+)'\)/.exec(PgBoss.getConstructionPlans("pgboss"));
  return match ? Number(match[1]) : -1;
}

async function refuseIfServed(dataDir: string): Promise<void> {
  const running = await findRunningEmbedded(dataDir);
  if (running) {
    throw new DbToolError(
      `The embedded database ${dataDir} is in use by process ${running.pid} (a running \`npm start\` or \`npm run dev\`). ` +
        `Stop the app, then run the restore again. Nothing was changed.`,
    );
  }
  if (fs.existsSync(embeddedServerFilePath(dataDir))) {
    // a server file whose process is gone: a crashed app; safe to take over
    fs.rmSync(embeddedServerFilePath(dataDir), { force: true });
  }
}

/** Loads the rows of `file` into the database of `client` (schema already created). */
async function loadRows(
  client: pg.Client,
  file: string,
  restoreJobs: boolean,
): Promise<Record<string, number>> {
  const targetTables = new Map((await listTables(client)).map((t) => [t.key, t]));
  const counts: Record<string, number> = {};
  await client.query("BEGIN");
  // Foreign keys and triggers are not checked while loading (the rows were consistent when read).
  await client.query("SET LOCAL session_replication_role = replica");
  await client.query('DELETE FROM public."_prisma_migrations"');
  if (restoreJobs) await client.query("DELETE FROM pgboss.version");

  let current: { key: string; schema: string; name: string; columns: string[] } | null = null;
  let skip = false;
  let batch: string[] = [];
  let loaded = 0;
  let ended = false;
  let lineNo = 0;

  const flush = async () => {
    if (!current || batch.length === 0) return;
    const type = qualified(current.schema, current.name);
    if (current.key === "pgboss.queue") {
      // A queue owns a partition of pgboss.job: create_queue makes it, then the row is put back.
      await client.query(
        `SELECT pgboss.create_queue(q.name, '{}'::json) FROM (SELECT (x::${type}).name FROM unnest($1::text[]) x) q`,
        [batch],
      );
      const cols = current.columns.map(quoteIdent);
      await client.query(
        `UPDATE ${type} t SET (${cols.join(", ")}) = (${cols.map((c) => `r.${c}`).join(", ")})
           FROM (SELECT (x::${type}).* FROM unnest($1::text[]) x) r WHERE t.name = r.name`,
        [batch],
      );
    } else {
      await client.query(`INSERT INTO ${type} SELECT (x::${type}).* FROM unnest($1::text[]) x`, [
        batch,
      ]);
    }
    loaded += batch.length;
    batch = [];
  };

  for await (const line of backupLines(file)) {
    lineNo += 1;
    if (lineNo === 1 || line === "") continue; // the manifest
    if (ended) throw new DbToolError("The backup file has data after its end marker.");
    const value = JSON.parse(line) as unknown;
    if (typeof value === "string") {
      if (!current)
        throw new DbToolError(`The backup file has a row outside a table (line ${lineNo}).`);
      if (skip) continue;
      batch.push(value);
      if (batch.length >= INSERT_BATCH) await flush();
      continue;
    }
    const marker = value as {
      table?: string;
      columns?: string[];
      endTable?: string;
      rows?: number;
      end?: boolean;
      tables?: Record<string, number>;
    };
    if (marker.table) {
      const [schema, ...rest] = marker.table.split(".");
      current = {
        key: marker.table,
        schema: schema!,
        name: rest.join("."),
        columns: marker.columns ?? [],
      };
      skip = schema === "pgboss" && !restoreJobs;
      loaded = 0;
      if (!skip) {
        const target = targetTables.get(marker.table);
        if (!target) {
          throw new DbToolError(
            `Table ${marker.table} of the backup does not exist after applying its migrations: the migrations were edited since.`,
          );
        }
        if (target.columns.join(",") !== current.columns.join(",")) {
          throw new DbToolError(
            `Table ${marker.table} has other columns than in the backup (backup: ${current.columns.join(", ")}; now: ${target.columns.join(", ")}): the migrations were edited since.`,
          );
        }
      }
    } else if (marker.endTable) {
      if (!current || marker.endTable !== current.key)
        throw new DbToolError("The backup file is damaged (table markers out of order).");
      await flush();
      if (!skip) {
        if (loaded !== marker.rows) {
          throw new DbToolError(
            `Table ${current.key}: the backup lists ${marker.rows} rows, ${loaded} were read.`,
          );
        }
        counts[current.key] = loaded;
      }
      current = null;
    } else if (marker.end) {
      ended = true;
    } else {
      throw new DbToolError(`The backup file is damaged (unexpected line ${lineNo}).`);
    }
  }
  if (!ended) {
    throw new DbToolError(
      "The backup file is incomplete (it ends before its end marker): it was cut short while being written or copied.",
    );
  }
  await client.query("COMMIT");
  return counts;
}

/** Restores a `.chorus-backup` file into the embedded data directory `dataDir`. */
export async function restoreEmbedded(
  file: string,
  dataDir: string,
  options: RestoreOptions & { keepPrevious?: boolean } = {},
): Promise<RestoreResult & { previousKeptAt: string | null }> {
  const log = options.log ?? (() => {});
  const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const target = path.resolve(dataDir);
  const manifest = await readBackupManifest(file);
  const { pending, warnings } = checkBackupMigrations(
    manifest.migrations,
    manifest.appVersion,
    migrationsDir,
  );
  await verifyBackupFile(file);
  await refuseIfServed(target);
  const hasData = fs.existsSync(target) && fs.readdirSync(target).length > 0;
  if (hasData && !options.yes) {
    throw new DbToolError(
      `${target} already holds a database. Restoring replaces it with the backup of ${manifest.createdAt}: ` +
        `pass --yes to go ahead (npm run db:restore -- ${file} --yes). Nothing was changed.`,
      2,
    );
  }

  const when = stamp();
  const staging = `${target}.restore-${when}`;
  const restoreJobs =
    manifest.pgBossVersion !== null && manifest.pgBossVersion === installedPgBossVersion();
  if (manifest.pgBossVersion !== null && !restoreJobs) {
    warnings.push(
      `The job queue was not restored: the backup has pg-boss schema ${manifest.pgBossVersion}, this Chorus uses ${installedPgBossVersion()}. ` +
        `Scheduled LinkedIn posts of the backup must be scheduled again.`,
    );
  }
  let tables: Record<string, number>;
  let appliedAfter: string[];
  const subset = migrationsSubset(
    manifest.migrations.map((m) => m.name),
    migrationsDir,
  );
  try {
    const server = await startEmbeddedPostgres({ dataDir: staging, port: 0 });
    try {
      log(`Restoring into ${staging}…`);
      await deployMigrations(server.url, { migrationsDir: subset });
      const client = await connect(server.url);
      try {
        if (restoreJobs) await client.query(PgBoss.getConstructionPlans("pgboss"));
        tables = await loadRows(client, file, restoreJobs);
      } finally {
        await client.end().catch(() => {});
      }
      appliedAfter = await deployMigrations(server.url, { migrationsDir });
    } finally {
      await server.stop();
    }
    await refuseIfServed(target); // the app may have been started meanwhile
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(embeddedServerFilePath(staging), { force: true });
    if (err instanceof DbToolError) {
      throw new DbToolError(
        `${err.message}\nThe restore was abandoned; ${target} is unchanged.`,
        err.exitCode,
      );
    }
    throw new DbToolError(
      `The restore failed: ${err instanceof Error ? err.message : String(err)}\nThe restore was abandoned; ${target} is unchanged.`,
    );
  } finally {
    fs.rmSync(subset, { recursive: true, force: true });
  }

  // The swap: two renames in the same folder.
  const previous = `${target}.before-restore-${when}`;
  const hadPrevious = fs.existsSync(target);
  if (hadPrevious) fs.renameSync(target, previous);
  try {
    fs.renameSync(staging, target);
  } catch (err) {
    if (hadPrevious) fs.renameSync(previous, target);
    fs.rmSync(staging, { recursive: true, force: true });
    throw new DbToolError(
      `Could not move the restored database into place (${err instanceof Error ? err.message : String(err)}); ${target} is unchanged.`,
    );
  }
  let previousKeptAt: string | null = null;
  if (hadPrevious) {
    if (options.keepPrevious) previousKeptAt = previous;
    else fs.rmSync(previous, { recursive: true, force: true });
  }
  if (appliedAfter.length > 0) {
    log(`Applied ${appliedAfter.length} migration(s) newer than the backup.`);
  }
  if (pending.length !== appliedAfter.length) {
    warnings.push("Run `npm run db:deploy` to apply pending migrations.");
  }
  return { tables, appliedAfter, warnings, previousKeptAt };
}

// ---------------------------------------------------------------------------------------------
// Server: pg_restore
// ---------------------------------------------------------------------------------------------

/**
 * The partitions (and their indexes) a dump attaches to partitioned tables (ClickEvent's months):
 * `pg_restore --clean` would drop their constraints and indexes one by one, which PostgreSQL
 * refuses for inherited ones ("cannot drop inherited constraint"); dropping the parent table drops
 * them anyway.
 */
function attachedPartitionObjects(file: string): Set<string> {
  const list = spawnSync("pg_restore", ["--list", file], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const names = new Set<string>();
  for (const line of (list.stdout ?? "").split("\n")) {
    const m = /^\d+; \d+ \d+ (?:TABLE|INDEX) ATTACH \S+ (\S+) /.exec(line);
    if (m) names.add(m[1]!);
  }
  return names;
}

/**
 * `pg_restore --clean` as an SQL script through psql in one transaction, without the drops of
 * attached partitions' constraints and indexes (see attachedPartitionObjects): the script's
 * DROP TABLE of the parent removes them. On any error nothing is changed.
 */
async function restoreWithPartitions(
  file: string,
  bareUrl: string,
  env: NodeJS.ProcessEnv,
  attached: Set<string>,
): Promise<void> {
  const restore = spawn("pg_restore", ["--clean", "--if-exists", "--no-owner", "--file=-", file], {
    stdio: ["ignore", "pipe", "pipe"],
    env,
  });
  const psql = spawn(
    "psql",
    [
      "--no-psqlrc",
      "--quiet",
      "--single-transaction",
      "-v",
      "ON_ERROR_STOP=1",
      `--dbname=${bareUrl}`,
    ],
    { stdio: ["pipe", "ignore", "pipe"], env },
  );
  let restoreErr = "";
  let psqlErr = "";
  restore.stderr.on("data", (d: Buffer) => (restoreErr += d.toString()));
  psql.stderr.on("data", (d: Buffer) => (psqlErr += d.toString()));
  const isAttachedDrop = (line: string) => {
    const m =
      /^ALTER TABLE IF EXISTS ONLY \S+\."([^"]+)" DROP CONSTRAINT IF EXISTS "([^"]+)";$/.exec(
        line,
      ) ?? /^DROP INDEX IF EXISTS \S+\."([^"]+)";$/.exec(line);
    return m !== null && (attached.has(m[1]!) || (m[2] !== undefined && attached.has(m[2])));
  };
  // The drops come first, before any data: lines are filtered until the first COPY.
  let inData = false;
  let rest = "";
  const filter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (inData) return done(null, chunk);
      const text = rest + chunk.toString("utf8");
      const lines = text.split("\n");
      rest = lines.pop() ?? "";
      const out: string[] = [];
      for (const line of lines) {
        if (!inData && line.startsWith("COPY ")) inData = true;
        if (inData || !isAttachedDrop(line)) out.push(line);
      }
      let emitted = out.length ? `${out.join("\n")}\n` : "";
      if (inData) {
        emitted += rest;
        rest = "";
      }
      done(null, emitted);
    },
    flush(done) {
      done(null, rest);
    },
  });
  const exited = (proc: ReturnType<typeof spawn>) =>
    new Promise<number | null>((resolve) => {
      proc.once("error", () => resolve(-1));
      proc.once("close", (code) => resolve(code));
    });
  const [piped, restoreCode, psqlCode] = await Promise.all([
    pipeline(restore.stdout, filter, psql.stdin).then(
      () => null,
      (error: unknown) => error,
    ),
    exited(restore),
    exited(psql),
  ]);
  if (restoreCode !== 0 || psqlCode !== 0 || piped) {
    const why = (psqlErr || restoreErr).trim() || `exit codes ${restoreCode}, ${psqlCode}`;
    throw new DbToolError(
      `pg_restore failed (${why}). It ran in one transaction: the database is unchanged.`,
    );
  }
}

export function pgRestoreCommand(url: string, file: string): string {
  return `PGPASSWORD=… pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error --dbname=${JSON.stringify(splitPassword(url).url)} ${JSON.stringify(file)}`;
}

/** Migration names (and checksums) recorded in a pg_dump custom-format file. */
export function dumpMigrations(file: string): Array<{ name: string; checksum: string | null }> {
  const list = spawnSync("pg_restore", ["--list", file], { encoding: "utf8" });
  if (list.status !== 0) {
    throw new DbToolError(
      `${file} is not a pg_dump custom-format file (${(list.stderr ?? "").trim()}). Make one with \`npm run db:backup\` (DATABASE_URL set) or pg_dump --format=custom.`,
    );
  }
  const res = spawnSync(
    "pg_restore",
    ["--data-only", "--table=_prisma_migrations", "--file=-", file],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (res.status !== 0) throw new DbToolError(`Cannot read ${file}: ${(res.stderr ?? "").trim()}`);
  const lines = res.stdout.split("\n");
  const start = lines.findIndex((l) => /^COPY \S*_prisma_migrations/.test(l));
  if (start < 0) return [];
  const header = /\(([^)]*)\)/.exec(lines[start]!)?.[1] ?? "";
  const cols = header.split(",").map((c) => c.trim().replace(/"/g, ""));
  const iName = cols.indexOf("migration_name");
  const iSum = cols.indexOf("checksum");
  const iFinished = cols.indexOf("finished_at");
  const iRolledBack = cols.indexOf("rolled_back_at");
  const out: Array<{ name: string; checksum: string | null }> = [];
  for (const line of lines.slice(start + 1)) {
    if (line === "\\." || line === "") break;
    const f = line.split("\t");
    if (f[iFinished] === "\\N" || (iRolledBack >= 0 && f[iRolledBack] !== "\\N")) continue;
    out.push({ name: f[iName]!, checksum: iSum >= 0 ? f[iSum]! : null });
  }
  return out;
}

async function serverHasTables(url: string): Promise<boolean> {
  const client = await connect(url);
  try {
    const { rows } = await client.query<{ any: boolean }>(
      `select exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname in ('public', 'pgboss') and c.relkind in ('r', 'p')) as any`,
    );
    return rows[0]!.any;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Restores a pg_dump custom-format file into the server database at `url`. */
export async function restoreServer(
  file: string,
  url: string,
  options: RestoreOptions = {},
): Promise<Omit<RestoreResult, "tables">> {
  const log = options.log ?? (() => {});
  const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  if (!fs.existsSync(file)) throw new DbToolError(`No such file: ${file}`);
  if (!hasCommand("pg_restore")) {
    throw new DbToolError(
      `pg_restore is not installed (PostgreSQL client tools, e.g. \`apt-get install postgresql-client\`). Then run:\n  ${pgRestoreCommand(url, file)}\nand \`npm run db:deploy\`.`,
    );
  }
  const { pending, warnings } = checkBackupMigrations(
    dumpMigrations(file),
    "its dump",
    migrationsDir,
  );
  if ((await serverHasTables(url)) && !options.yes) {
    throw new DbToolError(
      `The database ${redactUrl(url)} already has tables. Restoring drops and replaces what the dump contains: ` +
        `pass --yes to go ahead. Nothing was changed.`,
      2,
    );
  }
  const { url: bare, password } = splitPassword(url);
  log(`Restoring ${file} into ${redactUrl(url)}…`);
  const env = { ...process.env, ...(password !== null ? { PGPASSWORD: password } : {}) };
  const attached = attachedPartitionObjects(file);
  if (attached.size === 0) {
    const res = spawnSync(
      "pg_restore",
      [
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",
        "--exit-on-error",
        `--dbname=${bare}`,
        file,
      ],
      { stdio: ["ignore", "inherit", "pipe"], env, encoding: "utf8" },
    );
    if (res.status !== 0) {
      throw new DbToolError(
        `pg_restore failed (${(res.stderr ?? "").trim() || `exit code ${res.status}`}). It ran in one transaction: the database is unchanged.`,
      );
    }
  } else {
    await restoreWithPartitions(file, bare, env, attached);
  }
  const appliedAfter = await deployMigrations(url, { migrationsDir });
  if (appliedAfter.length > 0)
    log(`Applied ${appliedAfter.length} migration(s) newer than the backup.`);
  if (pending.length !== appliedAfter.length)
    warnings.push("Run `npm run db:deploy` to apply pending migrations.");
  return { appliedAfter, warnings };
}
