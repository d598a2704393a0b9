/**
 * Prisma's schema engine (the same Rust code as the `schema-engine` binary, compiled to wasm and
 * published as `@prisma/schema-engine-wasm`) driven through `@prisma/adapter-pg`.
 *
 * The official CLI downloads a native binary, which air-gapped machines cannot do. This module
 * loads the wasm build instead and works around the sharp edges of doing so with adapter-pg 7.10:
 *  1. catalog queries return Postgres' internal `"char"` type (OID 18), which adapter-pg refuses
 *     ("Column type 'char' could not be deserialized"): the engine's pg client reports it as text;
 *  2. adapter-pg's `executeScript` splits the script on every `;` (breaking `$$` bodies and string
 *     literals): the engine's adapter sends a script as ONE simple query instead;
 *  3. adapter-pg's `connectToShadowDb` ignores the shadow database name when given a connection
 *     string (the real database becomes the shadow!): we make and drop our own temporary shadow
 *     database on a real server, and use an in-memory PGlite on an embedded one;
 *  4. the engine panics on Postgres 18 catalogs: refuse Postgres >= 18 with a clear message;
 *  5. the engine leaves a timer running: CLI entry points exit explicitly.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
import { DbToolError, describeConnectionError, redactUrl, withDatabase } from "./errors";

export type { SchemaEngine };

// ---------------------------------------------------------------------------------------------
// pg client used only by the tool
// ---------------------------------------------------------------------------------------------

const CHAR_OID = 18;
const TEXT_OID = 25;

type RowDescription = { fields: Array<{ dataTypeID: number }> };
type ClientInternals = { _handleRowDescription(msg: RowDescription): void };
const baseHandleRowDescription = (pg.Client.prototype as unknown as ClientInternals)
  ._handleRowDescription;

/** A pg Client that reports Postgres' internal "char" type (OID 18) as text (sharp edge 1). */
export class CharAsTextClient extends pg.Client {}
(CharAsTextClient.prototype as unknown as ClientInternals)._handleRowDescription = function (
  this: pg.Client,
  msg: RowDescription,
) {
  for (const field of msg.fields) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  baseHandleRowDescription.call(this, msg);
};

// ---------------------------------------------------------------------------------------------
// Server kind and shadow databases
// ---------------------------------------------------------------------------------------------

export interface ServerInfo {
  /** e.g. 150020 */
  versionNum: number;
  version: string;
  /** PGlite (served by scripts/db/embedded-postgres): one database per server, no CREATE DATABASE. */
  isPGlite: boolean;
}

export async function inspectServer(url: string): Promise<ServerInfo> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (err) {
    throw new DbToolError(describeConnectionError(url, err));
  }
  try {
    const { rows } = await client.query<{ version: string; num: string }>(
      "select version() as version, current_setting('server_version_num') as num",
    );
    const version = rows[0]!.version;
    return {
      version,
      versionNum: Number(rows[0]!.num),
      isPGlite: /emscripten|wasm/i.test(version),
    };
  } finally {
    await client.end().catch(() => {});
  }
}

export interface ShadowDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Temporary databases on the same server as `url` (CREATE DATABASE privilege needed). */
async function createServerShadow(url: string): Promise<ShadowDatabase> {
  const name = `prisma_shadow_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  admin.on("error", () => {});
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end().catch(() => {});
  }
  let dropped = false;
  return {
    url: withDatabase(url, name),
    async drop() {
      if (dropped) return;
      dropped = true;
      await dropDatabase(url, name);
    },
  };
}

/** Drops a database on the server of `url`, terminating its connections first. */
export async function dropDatabase(url: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  admin.on("error", () => {});
  await admin.connect();
  try {
    await admin.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [name],
    );
    await admin.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end().catch(() => {});
  }
}

/** SQL that empties a database: every non-system schema is dropped, `public` is recreated. */
export const RESET_DATABASE_SQL = `
DO $chorus_reset$
DECLARE s record;
BEGIN
  FOR s IN
    SELECT nspname FROM pg_namespace
    WHERE nspname <> 'information_schema' AND nspname !~ '^pg_'
  LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s.nspname);
  END LOOP;
  CREATE SCHEMA public;
  BEGIN
    -- Postgres >= 14 defaults: owned by pg_database_owner, usable by everyone.
    EXECUTE 'ALTER SCHEMA public OWNER TO pg_database_owner';
  EXCEPTION WHEN others THEN NULL;
  END;
  GRANT USAGE ON SCHEMA public TO PUBLIC;
END
$chorus_reset$;
`;

/**
 * Shadow databases on an embedded (PGlite) server: one in-memory PGlite, started on first use,
 * emptied and handed out again for each shadow the engine asks for (a fresh PGlite takes seconds).
 */
class PGliteShadowPool {
  private server: Promise<EmbeddedPostgres> | null = null;
  private busy = false;
  private extra: EmbeddedPostgres[] = [];

  async acquire(): Promise<ShadowDatabase> {
    if (this.busy) {
      // The engine normally uses one shadow at a time; a second one gets its own PGlite.
      const own = await startEmbeddedPostgres({ dataDir: "memory://" });
      this.extra.push(own);
      return { url: own.url, drop: () => own.stop() };
    }
    this.busy = true;
    this.server ??= startEmbeddedPostgres({ dataDir: "memory://" });
    const server = await this.server;
    return {
      url: server.url,
      drop: async () => {
        const client = new pg.Client({ connectionString: server.url });
        client.on("error", () => {});
        await client.connect();
        try {
          await client.query(RESET_DATABASE_SQL);
        } finally {
          await client.end().catch(() => {});
        }
        this.busy = false;
      },
    };
  }

  async close(): Promise<void> {
    const servers = [...this.extra];
    this.extra = [];
    if (this.server) servers.push(await this.server);
    this.server = null;
    await Promise.all(servers.map((s) => s.stop().catch(() => {})));
  }
}

// ---------------------------------------------------------------------------------------------
// Driver adapter for the engine
// ---------------------------------------------------------------------------------------------

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type PatchableAdapter = SqlDriverAdapter & {
  onError(err: unknown): never;
  dispose(): Promise<void>;
};

function pgConfig(url: string): pg.PoolConfig {
  return {
    connectionString: url,
    Client: CharAsTextClient,
    max: 2,
    connectionTimeoutMillis: 10_000,
  };
}

/** Sends a script as one simple query (sharp edge 2) and runs `onDispose` after the pool closes. */
function patchAdapter(adapter: PgAdapter, onDispose?: () => Promise<void>): SqlDriverAdapter {
  const a = adapter as unknown as PatchableAdapter;
  const pool = adapter.underlyingDriver() as pg.Pool;
  a.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (err) {
      a.onError(err);
    }
  };
  if (onDispose) {
    const dispose = a.dispose.bind(a);
    a.dispose = async () => {
      try {
        await dispose();
      } finally {
        await onDispose();
      }
    };
  }
  return adapter;
}

export interface EngineSession {
  engine: SchemaEngine;
  factory: ErrorCapturingSqlMigrationAwareDriverAdapterFactory;
  server: ServerInfo;
  /** Frees the engine, drops leftover shadow databases, stops the shadow PGlite. */
  close(): Promise<void>;
}

function makeAdapterFactory(url: string, server: ServerInfo, cleanups: Set<() => Promise<void>>) {
  const pglitePool = server.isPGlite ? new PGliteShadowPool() : null;
  if (pglitePool) cleanups.add(() => pglitePool.close());

  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      return patchAdapter(await new PrismaPg(pgConfig(url)).connect());
    },
    async connectToShadowDb() {
      let shadow: ShadowDatabase;
      if (pglitePool) {
        shadow = await pglitePool.acquire();
      } else {
        try {
          shadow = await createServerShadow(url);
        } catch (err) {
          throw new DbToolError(
            `Could not create a temporary shadow database on ${redactUrl(url)} ` +
              `(${err instanceof Error ? err.message : String(err)}). ` +
              `The migration tool needs the CREATE DATABASE privilege for drift checks and new migrations ` +
              `(\`npm run db:status -- --skip-drift\` checks the migration history only).`,
          );
        }
      }
      const drop = async () => {
        cleanups.delete(drop);
        await shadow.drop();
      };
      cleanups.add(drop);
      return patchAdapter(await new PrismaPg(pgConfig(shadow.url)).connect(), drop);
    },
  };
  return bindMigrationAwareSqlAdapterFactory(factory);
}

// ---------------------------------------------------------------------------------------------
// Loading the wasm engine
// ---------------------------------------------------------------------------------------------

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let bindingsPromise: Promise<Bindings> | null = null;
let lastPanicMessage: string | null = null;

function loadBindings(): Promise<Bindings> {
  bindingsPromise ??= (async () => {
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message(message: string) {
        lastPanicMessage = message;
      },
    };
    const bindings: Bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm")),
      "schema_engine_bg.wasm",
    );
    const bytes = await fs.promises.readFile(wasmPath);
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bindings;
  })();
  return bindingsPromise;
}

export interface OpenEngineOptions {
  /** Prisma schema files to give the engine at construction ([path, content]). */
  schemaFiles?: Array<[string, string]>;
  /** Receives the engine's tracing output (JSON lines); default: stderr when CHORUS_DB_DEBUG is set. */
  onLog?: (line: string) => void;
}

/** Opens the wasm schema engine against `url`. Call `close()` when done. */
export async function openEngine(
  url: string,
  options: OpenEngineOptions = {},
): Promise<EngineSession> {
  const server = await inspectServer(url);
  if (server.versionNum >= 180000) {
    throw new DbToolError(
      `${redactUrl(url)} runs PostgreSQL ${(server.versionNum / 10000) | 0}; the schema engine (${"@prisma/schema-engine-wasm"}) ` +
        `cannot read Postgres 18 catalogs yet. Use PostgreSQL 17 or older (or the embedded database).`,
    );
  }
  const bindings = await loadBindings();
  const cleanups = new Set<() => Promise<void>>();
  const factory = makeAdapterFactory(url, server, cleanups);
  const onLog =
    options.onLog ??
    (process.env.CHORUS_DB_DEBUG
      ? (line: string) => process.stderr.write(`[schema-engine] ${line}\n`)
      : () => {});
  let engine: SchemaEngine;
  try {
    engine = await bindings.SchemaEngine.new(
      {
        datamodels:
          options.schemaFiles && options.schemaFiles.length > 0 ? options.schemaFiles : undefined,
      },
      (line: string) => onLog(line),
      factory,
    );
  } catch (err) {
    for (const cleanup of [...cleanups]) await cleanup().catch(() => {});
    throw engineError(err, factory);
  }
  let closed = false;
  return {
    engine,
    factory,
    server,
    async close() {
      if (closed) return;
      closed = true;
      try {
        engine.free();
      } catch {
        // already freed after a panic
      }
      for (const cleanup of [...cleanups]) await cleanup().catch(() => {});
    },
  };
}

/** Turns whatever the engine rejected with into a DbToolError with a readable message. */
export function engineError(
  err: unknown,
  factory?: ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
): Error {
  if (err instanceof DbToolError) return err;
  // Errors thrown by JS adapter code reach the engine as { kind: "GenericJs", id } and come back as
  // an engine error saying "External error id#<id>": recover the original error from the registry.
  if (factory && err instanceof Error) {
    const id = /(?:External error id#|GenericJs\D*)(\d+)/.exec(err.message)?.[1];
    const record = id !== undefined ? factory.errorRegistry.consumeError(Number(id)) : undefined;
    if (record) {
      return record.error instanceof DbToolError ? record.error : toolErrorFromDriver(record.error);
    }
  }
  if (
    err instanceof Error &&
    /unreachable|RuntimeError/.test(`${err.name} ${err.message}`) &&
    lastPanicMessage
  ) {
    const message = lastPanicMessage;
    lastPanicMessage = null;
    return new DbToolError(`The schema engine crashed: ${message}`);
  }
  if (err && typeof err === "object") {
    const e = err as { code?: unknown; message?: unknown };
    if (typeof e.message === "string") {
      // Drop the engine's Rust span trace ("   0: schema_engine_wasm::...").
      const message = e.message.split(/\n\s+0: /)[0]!.trim();
      return new DbToolError(typeof e.code === "string" ? `${e.code}: ${message}` : message);
    }
  }
  return new DbToolError(String(err));
}

function toolErrorFromDriver(error: unknown): DbToolError {
  if (error && typeof error === "object") {
    const e = error as {
      kind?: string;
      message?: string;
      originalMessage?: string;
      cause?: unknown;
    };
    const detail =
      e.originalMessage ?? e.message ?? (e.cause instanceof Error ? e.cause.message : undefined);
    if (detail) return new DbToolError(`Database error: ${detail}`);
    if (e.kind) return new DbToolError(`Database error: ${e.kind} ${JSON.stringify(error)}`);
  }
  return new DbToolError(`Database error: ${String(error)}`);
}
