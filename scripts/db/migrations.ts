/**
 * Chorus database migrations: the programmatic API behind `npm run db:*`, the app's start script
 * and the tests.
 *
 * Layout and bookkeeping are Prisma Migrate's own (prisma/migrations/<timestamp>_<name>/migration.sql,
 * migration_lock.toml, table `_prisma_migrations` with sha256 checksums), so the official
 * `prisma migrate` CLI, where it can be installed, sees the same history.
 *
 *  - deployMigrations: plain `pg`, no schema engine (fast; used at every app start). Mirrors the
 *    engine's applyMigrations: advisory lock 72707369, refuse when a migration is in a failed state,
 *    apply each unapplied migration.sql as ONE simple query (one implicit transaction), record it.
 *  - migrationStatus / createMigration: the wasm schema engine (scripts/db/engine.ts) for history
 *    diagnosis, drift detection and SQL generation.
 */
import fs from "node:fs";
import path from "node:path";
import type { MigrationList, SchemaFilter } from "@prisma/schema-engine-wasm";
import { connectOrStartEmbedded, type EmbeddedConnection } from "./embedded-postgres";
import { engineError, openEngine, RESET_DATABASE_SQL, type EngineSession } from "./engine";
import {
  assertUsable,
  connect,
  DEFAULT_EMBEDDED_DATA_DIR,
  DEFAULT_MIGRATIONS_DIR,
  DEFAULT_SCHEMA_PATH,
  deployMigrations,
  LOCKFILE_CONTENT,
  LOCKFILE_NAME,
  MIGRATIONS_TABLE,
  PROJECT_ROOT,
  readLocalMigrations,
  readMigrationRows,
  type DeployOptions,
  type LocalMigrations,
  type Logger,
  type MigrationRow,
} from "./deploy";
import { DbToolError, redactUrl } from "./errors";

export { DbToolError } from "./errors";
export {
  DEFAULT_EMBEDDED_DATA_DIR,
  DEFAULT_MIGRATIONS_DIR,
  DEFAULT_SCHEMA_PATH,
  deployMigrations,
  PROJECT_ROOT,
  readLocalMigrations,
  type DeployOptions,
  type LocalMigration,
  type LocalMigrations,
  type Logger,
} from "./deploy";

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };
const silent: Logger = () => {};

/** The migrations in the engine's input format, optionally restricted to some names. */
function engineMigrationList(local: LocalMigrations, only?: Set<string>): MigrationList {
  return {
    baseDir: local.dir,
    // The engine needs the provider even before the first migration exists.
    lockfile: { path: LOCKFILE_NAME, content: local.lockfile ?? LOCKFILE_CONTENT },
    shadowDbInitScript: "",
    migrationDirectories: local.migrations
      .filter((m) => !only || only.has(m.name))
      .map((m) => ({
        path: m.name,
        migrationFile: {
          path: "migration.sql",
          content:
            m.script !== null
              ? { tag: "ok" as const, value: m.script }
              : { tag: "error" as const, value: m.readError ?? "unreadable" },
        },
      })),
  };
}

/** Prisma schema files as [path, content]: a .prisma file, or every .prisma file under a folder. */
export function readSchemaFiles(schemaPath: string = DEFAULT_SCHEMA_PATH): Array<[string, string]> {
  const abs = path.resolve(schemaPath);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    throw new DbToolError(`Prisma schema not found at ${abs}.`);
  }
  if (stat.isFile()) return [[abs, fs.readFileSync(abs, "utf8")]];
  const files: Array<[string, string]> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "migrations" && entry.name !== "node_modules") walk(p);
      } else if (entry.name.endsWith(".prisma")) {
        files.push([p, fs.readFileSync(p, "utf8")]);
      }
    }
  };
  walk(abs);
  if (files.length === 0) throw new DbToolError(`No .prisma files under ${abs}.`);
  return files.sort((a, b) => a[0].localeCompare(b[0]));
}

function schemasContainer(files: Array<[string, string]>) {
  return { files: files.map(([p, content]) => ({ path: p, content })) };
}

// ---------------------------------------------------------------------------------------------
// Database access
// ---------------------------------------------------------------------------------------------

export interface DatabaseTarget {
  url: string;
  /** Where the URL came from. */
  source: "DATABASE_URL" | "embedded" | "argument";
  embedded: EmbeddedConnection | null;
  /** A line for humans: which database this is (no password). */
  description: string;
  /** Stops the embedded server if this call started it. */
  release(): Promise<void>;
}

/**
 * The database the tools work on: `DATABASE_URL` when set, otherwise the embedded PGlite in
 * EMBEDDED_DB_DIR (default `.data/pglite`): the server of a running `npm start` for that directory
 * is reused, else one is started in this process on a free port (stop it with `release()`).
 */
export async function resolveDatabase(
  options: { databaseUrl?: string; dataDir?: string } = {},
): Promise<DatabaseTarget> {
  const url = options.databaseUrl ?? (process.env.DATABASE_URL || undefined);
  if (url) {
    try {
      new URL(url);
    } catch {
      throw new DbToolError(
        "DATABASE_URL is not a valid URL (expected postgresql://user:password@host:port/database).",
      );
    }
    const source = options.databaseUrl ? "argument" : "DATABASE_URL";
    return {
      url,
      source,
      embedded: null,
      description: `${redactUrl(url)}${source === "DATABASE_URL" ? " (DATABASE_URL)" : ""}`,
      release: async () => {},
    };
  }
  const dataDir =
    options.dataDir ??
    (process.env.EMBEDDED_DB_DIR
      ? path.resolve(PROJECT_ROOT, process.env.EMBEDDED_DB_DIR)
      : DEFAULT_EMBEDDED_DATA_DIR);
  let embedded: EmbeddedConnection;
  try {
    embedded = await connectOrStartEmbedded(dataDir);
  } catch (err) {
    throw new DbToolError(
      `Could not open the embedded database in ${dataDir}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const rel = path.relative(process.cwd(), embedded.dataDir) || embedded.dataDir;
  return {
    url: embedded.url,
    source: "embedded",
    embedded,
    description:
      `embedded PostgreSQL (PGlite) in ${rel} on port ${embedded.port}` +
      (embedded.owned ? "" : ` (served by process ${embedded.pid})`),
    release: () => embedded.stop(),
  };
}

// ---------------------------------------------------------------------------------------------
// status
// ---------------------------------------------------------------------------------------------

export interface StatusOptions {
  migrationsDir?: string;
  schemaPath?: string;
  /** Compare the database with the migrations and the schema with the migrations (default true;
   * needs a shadow database). */
  checkDrift?: boolean;
}

export interface MigrationStatus {
  /** True when nothing below is reported. */
  inSync: boolean;
  hasMigrationsTable: boolean;
  /** Migration folders on disk. */
  local: string[];
  /** Applied in the database (finished, not rolled back). */
  applied: string[];
  /** On disk, not applied. */
  unapplied: string[];
  /** Applied in the database, but missing from the migrations directory. */
  missingLocally: string[];
  /** Started and never finished nor rolled back. */
  failed: string[];
  /** Applied, but migration.sql changed since (checksum mismatch). */
  edited: string[];
  /** Summary of the difference between the applied migrations and the actual database, or null. */
  databaseDrift: string | null;
  /** Summary of what schema.prisma has that the migrations do not create (a migration to create), or null. */
  schemaDrift: string | null;
  /** Human-readable problems, one per entry. */
  problems: string[];
}

export async function migrationStatus(
  url: string,
  options: StatusOptions = {},
): Promise<MigrationStatus> {
  const local = readLocalMigrations(options.migrationsDir);
  assertUsable(local);
  const schemaFiles = readSchemaFiles(options.schemaPath);
  const checkDrift = options.checkDrift ?? true;

  const client = await connect(url);
  let rows: MigrationRow[] | null;
  try {
    rows = await readMigrationRows(client);
  } finally {
    await client.end().catch(() => {});
  }

  const session = await openEngine(url, { schemaFiles });
  try {
    const run = async <T>(fn: () => Promise<T>): Promise<T> => {
      try {
        return await fn();
      } catch (err) {
        throw engineError(err, session.factory);
      }
    };
    const diagnosis = await run(() =>
      session.engine.diagnoseMigrationHistory({
        migrationsList: engineMigrationList(local),
        optInToShadowDatabase: false,
        filters: NO_FILTER,
      }),
    );
    const history = diagnosis.history;
    const unapplied =
      history && history.diagnostic !== "migrationsDirectoryIsBehind"
        ? history.unappliedMigrationNames
        : [];
    const missingLocally =
      history && history.diagnostic !== "databaseIsBehind" ? history.unpersistedMigrationNames : [];

    const appliedSet = new Set(
      (rows ?? [])
        .filter((r) => r.finished_at !== null && r.rolled_back_at === null)
        .map((r) => r.migration_name),
    );
    const status: MigrationStatus = {
      inSync: false,
      hasMigrationsTable: diagnosis.hasMigrationsTable,
      local: local.migrations.map((m) => m.name),
      applied: [...appliedSet],
      unapplied,
      missingLocally,
      failed: diagnosis.failedMigrationNames,
      edited: diagnosis.editedMigrationNames,
      databaseDrift: null,
      schemaDrift: null,
      problems: [],
    };

    if (checkDrift) {
      if (status.failed.length === 0) {
        const appliedLocal = new Set(
          local.migrations.filter((m) => appliedSet.has(m.name)).map((m) => m.name),
        );
        const dbDiff = await run(() =>
          session.engine.diff({
            from: { tag: "migrations", ...engineMigrationList(local, appliedLocal) },
            to: {
              tag: "schemaDatasource",
              ...schemasContainer(schemaFiles),
              configDir: PROJECT_ROOT,
            },
            script: false,
            exitCode: true,
            filters: NO_FILTER,
          }),
        );
        if (dbDiff.exitCode !== 0)
          status.databaseDrift = (dbDiff.stdout ?? "").trim() || "(differences found)";
      }
      const schemaDiff = await run(() =>
        session.engine.diff({
          from: { tag: "migrations", ...engineMigrationList(local) },
          to: { tag: "schemaDatamodel", ...schemasContainer(schemaFiles) },
          script: false,
          exitCode: true,
          filters: NO_FILTER,
        }),
      );
      if (schemaDiff.exitCode !== 0)
        status.schemaDrift = (schemaDiff.stdout ?? "").trim() || "(differences found)";
    }

    const p = status.problems;
    if (!status.hasMigrationsTable && local.migrations.length > 0) {
      p.push(`The database has no migration history yet (no ${MIGRATIONS_TABLE} table).`);
    }
    if (status.unapplied.length > 0) {
      p.push(
        `${status.unapplied.length} migration(s) not yet applied:\n${list(status.unapplied)}\n  Run \`npm run db:deploy\`.`,
      );
    }
    if (status.failed.length > 0) {
      p.push(`Failed migration(s) in the database:\n${list(status.failed)}`);
    }
    if (status.missingLocally.length > 0) {
      p.push(
        `Migration(s) applied to the database but missing from ${path.relative(process.cwd(), local.dir) || local.dir}:\n${list(status.missingLocally)}`,
      );
    }
    if (status.edited.length > 0) {
      p.push(`Migration(s) modified after they were applied:\n${list(status.edited)}`);
    }
    if (status.databaseDrift) {
      p.push(
        `Drift: the database schema differs from what its applied migrations create:\n${indent(status.databaseDrift)}`,
      );
    }
    if (status.schemaDrift) {
      p.push(
        `schema.prisma has changes that no migration contains yet (run \`npm run db:migrate -- --name <name>\`):\n${indent(status.schemaDrift)}`,
      );
    }
    status.inSync = p.length === 0;
    return status;
  } finally {
    await session.close();
  }
}

function list(names: string[]): string {
  return names.map((n) => `  - ${n}`).join("\n");
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => (l ? `    ${l}` : l))
    .join("\n");
}

// ---------------------------------------------------------------------------------------------
// migrate (create a migration)
// ---------------------------------------------------------------------------------------------

export interface CreateMigrationOptions {
  /** Migration name (required when a migration is created). */
  name?: string;
  schemaPath?: string;
  migrationsDir?: string;
  /** Write the migration without applying it. */
  createOnly?: boolean;
  /** Create a migration even when the schema has no changes (for hand-written SQL). */
  allowEmpty?: boolean;
  /** Go ahead despite data-loss warnings (dropped columns, new unique constraints...). */
  acceptDataLoss?: boolean;
  log?: Logger;
}

export interface CreateMigrationResult {
  /** Pending migrations applied before generating. */
  appliedBefore: string[];
  /** The new migration folder name, or null when the schema already matches the migrations. */
  created: string | null;
  /** Absolute path of the new migration.sql, or null. */
  migrationPath: string | null;
  /** Whether the new migration was applied to the database. */
  appliedNew: boolean;
  /** Data-loss warnings accepted with acceptDataLoss. */
  warnings: string[];
}

/** Prisma-style migration folder suffix: lower-case words joined by "_". */
export function slugifyMigrationName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

/** Prisma CLI rewrites an implicit m-n table's "add primary key + drop unique index" into one
 * statement that reuses the index (same transformation as prisma/migrate's createMigration). */
function transformMnPrimaryKeyUpgrade(script: string): string {
  const pattern =
    /ALTER TABLE "([^"]+)" ADD CONSTRAINT "([^"]+)_pkey" PRIMARY KEY \([^)]+\);\s*\n(?:\s*--[^\n]*\n)?\s*DROP INDEX (?:IF EXISTS )?((?:"[^"]+"\.)?"[^"]+_unique");/g;
  return script.replace(
    pattern,
    (_m, table: string, base: string, index: string) =>
      `ALTER TABLE "${table}" ADD CONSTRAINT "${base}_pkey" PRIMARY KEY USING INDEX ${index};`,
  );
}

/**
 * `prisma migrate dev` without the prompts: applies pending migrations, generates the SQL that
 * takes the migrations to schema.prisma, writes prisma/migrations/<timestamp>_<name>/migration.sql
 * and applies it (unless createOnly). Creates nothing when there is no change.
 */
export async function createMigration(
  url: string,
  options: CreateMigrationOptions = {},
): Promise<CreateMigrationResult> {
  const log = options.log ?? silent;
  const migrationsDir = path.resolve(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const schemaFiles = readSchemaFiles(options.schemaPath);
  const slug = options.name !== undefined ? slugifyMigrationName(options.name) : "";
  if (options.name !== undefined && !slug) {
    throw new DbToolError(
      `"${options.name}" is not a usable migration name (use letters, digits, "_").`,
    );
  }
  let local = readLocalMigrations(migrationsDir);
  assertUsable(local);

  const result: CreateMigrationResult = {
    appliedBefore: [],
    created: null,
    migrationPath: null,
    appliedNew: false,
    warnings: [],
  };

  // Pending committed migrations first (plain pg, like db:deploy and every `npm start`), then
  // the engine. The other order — the engine's diagnostic on a database that lacks migrations,
  // then the deploy — left the wasm engine unable to get a shadow database for the steps that
  // follow ("PostgreSQL shadow DB must be provided through an external factory"), even in a new
  // engine session: a newcomer's first `db:migrate` after pulling failed that way.
  result.appliedBefore = await deployMigrations(url, { migrationsDir, log });
  local = readLocalMigrations(migrationsDir);

  const session: EngineSession = await openEngine(url, { schemaFiles });
  try {
    const run = async <T>(fn: () => Promise<T>): Promise<T> => {
      try {
        return await fn();
      } catch (err) {
        throw engineError(err, session.factory);
      }
    };
    // What `migrate dev` checks first: drift, failed/edited migrations, diverging history.
    const diagnostic = await run(() =>
      session.engine.devDiagnostic({
        migrationsList: engineMigrationList(local),
        filters: NO_FILTER,
      }),
    );
    if (diagnostic.action.tag === "reset") {
      throw new DbToolError(
        `${diagnostic.action.reason.trim()}\n\nThe development database must be reset before a new migration can be created. ` +
          `Run \`npm run db:reset\` (all data in it is lost), then run this command again.`,
      );
    }

    const evaluation = await run(() =>
      session.engine.evaluateDataLoss({
        migrationsList: engineMigrationList(local),
        schema: schemasContainer(schemaFiles),
        filters: NO_FILTER,
      }),
    );
    if (evaluation.unexecutableSteps.length > 0 && !options.createOnly) {
      throw new DbToolError(
        `The migration cannot be applied as generated:\n${evaluation.unexecutableSteps.map((s) => `  - ${s.message}`).join("\n")}\n` +
          `Use --create-only, edit the generated migration.sql, then run db:migrate again.`,
      );
    }
    if (evaluation.migrationSteps === 0 && !options.allowEmpty) {
      return result; // already in sync
    }
    if (evaluation.warnings.length > 0) {
      const warnings = evaluation.warnings.map((w) => w.message);
      if (!options.acceptDataLoss) {
        throw new DbToolError(
          `The migration may lose data:\n${warnings.map((w) => `  - ${w}`).join("\n")}\n` +
            `Re-run with --accept-data-loss to create it anyway (or --create-only to review the SQL first).`,
        );
      }
      result.warnings = warnings;
    }
    if (!slug) {
      throw new DbToolError(
        "The schema has changes: give the migration a name with --name <name>.",
      );
    }

    const created = await run(() =>
      session.engine.createMigration({
        draft: options.allowEmpty ?? false,
        migrationName: slug,
        migrationsList: engineMigrationList(local),
        schema: schemasContainer(schemaFiles),
        filters: NO_FILTER,
      }),
    );
    if (created.migrationScript === null) return result;

    const dir = path.join(migrationsDir, created.generatedMigrationName);
    if (fs.existsSync(dir)) throw new DbToolError(`The migration directory already exists: ${dir}`);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `migration.${created.extension}`);
    fs.writeFileSync(file, transformMnPrimaryKeyUpgrade(created.migrationScript), "utf8");
    fs.writeFileSync(path.join(migrationsDir, LOCKFILE_NAME), LOCKFILE_CONTENT, "utf8");
    result.created = created.generatedMigrationName;
    result.migrationPath = file;
    log(`Created ${path.relative(process.cwd(), file) || file}`);
  } finally {
    await session.close();
  }

  if (!options.createOnly) {
    const after = await deployMigrations(url, { migrationsDir, log });
    result.appliedNew = result.created !== null && after.includes(result.created);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// reset
// ---------------------------------------------------------------------------------------------

export interface ResetOptions extends DeployOptions {
  /** Allow resetting when NODE_ENV=production. */
  force?: boolean;
}

/** Drops every schema of the database (all tables, types, data), then applies all migrations. */
export async function resetDatabase(url: string, options: ResetOptions = {}): Promise<string[]> {
  if (process.env.NODE_ENV === "production" && !options.force) {
    throw new DbToolError(
      "Refusing to reset a database with NODE_ENV=production. Pass --force if you really mean it.",
    );
  }
  const local = readLocalMigrations(options.migrationsDir);
  assertUsable(local);
  const client = await connect(url);
  try {
    await client.query(RESET_DATABASE_SQL);
  } catch (err) {
    throw new DbToolError(
      `Could not reset ${redactUrl(url)}: ${err instanceof Error ? err.message : String(err)}`,
    );
  } finally {
    await client.end().catch(() => {});
  }
  (options.log ?? silent)(`Dropped all schemas of ${redactUrl(url)}`);
  return deployMigrations(url, options);
}
