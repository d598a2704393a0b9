/**
 * Throw-away databases with all migrations applied, for integration and end-to-end tests.
 *
 * createTestDatabase(): one database.
 * - TEST_DATABASE_URL (or DATABASE_URL) set: a new database `chorus_test_<random>` on that server;
 *   drop() terminates its connections and drops it.
 * - otherwise (or when that URL is itself an embedded PGlite server, which has one database only):
 *   an in-memory embedded PostgreSQL on a free port; drop() stops it.
 *
 * createTestDatabases(n): n identical databases, one per parallel test worker (integration suite).
 * - server: the migrations run once, into a template database `chorus_test_<random>`; each worker's
 *   database `chorus_test_<random>_w<i>` is `CREATE DATABASE … TEMPLATE` of it (a copy, well under a
 *   second, instead of running every migration again). drop() drops them and the template.
 * - embedded: n in-memory PGlite servers (one database per server), each migrated, each in a child
 *   process of its own when n > 1.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../scripts/db/embedded-postgres";
import { deployMigrations } from "../../scripts/db/deploy";
import { dropDatabase, inspectServer } from "../../scripts/db/engine";
import { redactUrl, withDatabase } from "../../scripts/db/errors";

export interface TestDatabase {
  url: string;
  /** "server": a database on TEST_DATABASE_URL/DATABASE_URL's server; "embedded": in-memory PGlite. */
  kind: "server" | "embedded";
  /** Migrations applied when it was created. */
  applied: string[];
  drop(): Promise<void>;
}

export interface CreateTestDatabaseOptions {
  /** Server to create the database on; default TEST_DATABASE_URL, then DATABASE_URL; null forces embedded. */
  serverUrl?: string | null;
  /** Apply the migrations (default true). */
  migrate?: boolean;
  /** Migrations directory (default prisma/migrations). */
  migrationsDir?: string;
}

export async function createTestDatabase(
  options: CreateTestDatabaseOptions = {},
): Promise<TestDatabase> {
  const serverUrl =
    options.serverUrl === undefined
      ? process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || null
      : options.serverUrl;
  const migrate = options.migrate ?? true;

  if (serverUrl && !(await inspectServer(serverUrl)).isPGlite) {
    const name = `chorus_test_${crypto.randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    admin.on("error", () => {});
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
    } catch (err) {
      throw new Error(
        `Could not create test database ${name} on ${redactUrl(serverUrl)}: ${err instanceof Error ? err.message : String(err)}`,
      );
    } finally {
      await admin.end().catch(() => {});
    }
    const url = withDatabase(serverUrl, name);
    let dropped = false;
    const drop = async () => {
      if (dropped) return;
      dropped = true;
      await dropDatabase(serverUrl, name);
    };
    try {
      const applied = migrate
        ? await deployMigrations(url, { migrationsDir: options.migrationsDir })
        : [];
      return { url, kind: "server", applied, drop };
    } catch (err) {
      await drop().catch(() => {});
      throw err;
    }
  }

  const server = await startEmbeddedPostgres({ dataDir: "memory://" });
  try {
    const applied = migrate
      ? await deployMigrations(server.url, { migrationsDir: options.migrationsDir })
      : [];
    return { url: server.url, kind: "embedded", applied, drop: () => server.stop() };
  } catch (err) {
    await server.stop().catch(() => {});
    throw err;
  }
}

export interface TestDatabaseSet {
  kind: "server" | "embedded";
  /** One URL per worker: urls[i] belongs to worker i + 1 (VITEST_POOL_ID). */
  urls: string[];
  /** Migrations applied to each. */
  applied: string[];
  drop(): Promise<void>;
}

/** `count` migrated databases that share nothing, for `count` test workers running side by side. */
export async function createTestDatabases(
  count: number,
  options: Pick<CreateTestDatabaseOptions, "serverUrl"> = {},
): Promise<TestDatabaseSet> {
  if (!Number.isInteger(count) || count < 1) throw new Error(`createTestDatabases: count ${count}`);
  const serverUrl =
    options.serverUrl === undefined
      ? process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || null
      : options.serverUrl;

  if (serverUrl && !(await inspectServer(serverUrl)).isPGlite) {
    const template = await createTestDatabase({ serverUrl });
    const templateName = databaseNameOf(template.url);
    const names: string[] = [];
    const drop = async () => {
      const results = await Promise.allSettled([
        ...names.map((name) => dropDatabase(serverUrl, name)),
        template.drop(),
      ]);
      const failed = results.find((r) => r.status === "rejected");
      if (failed) throw (failed as PromiseRejectedResult).reason;
    };
    try {
      for (let i = 1; i <= count; i++) {
        const name = `${templateName}_w${i}`;
        await cloneDatabase(serverUrl, templateName, name);
        names.push(name);
      }
    } catch (err) {
      await drop().catch(() => {});
      throw err;
    }
    return {
      kind: "server",
      urls: names.map((name) => withDatabase(serverUrl, name)),
      applied: template.applied,
      drop,
    };
  }

  // PGlite serves one database per server: one server each. Several start in child processes,
  // side by side (PGlite works on its process's main thread: its start-up, a few seconds of wasm,
  // and later the workers' queries then use every core instead of queueing on this process's).
  if (count === 1) {
    const db = await createTestDatabase({ serverUrl: null });
    return { kind: "embedded", urls: [db.url], applied: db.applied, drop: db.drop };
  }
  const settled = await Promise.allSettled(
    Array.from({ length: count }, () => startEmbeddedTestDatabaseProcess()),
  );
  const started = settled.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const drop = async () => {
    await Promise.all(started.map((db) => db.drop()));
  };
  const failed = settled.find((r) => r.status === "rejected");
  if (failed) {
    await drop().catch(() => {});
    throw (failed as PromiseRejectedResult).reason;
  }
  return {
    kind: "embedded",
    urls: started.map((db) => db.url),
    applied: started[0]!.applied,
    drop,
  };
}

/**
 * An in-memory embedded database served by a child process (tests/setup/embedded-database-process.ts).
 * drop() stops it; the child also stops when this process goes away (its stdin closes).
 */
async function startEmbeddedTestDatabaseProcess(): Promise<TestDatabase> {
  const root = path.resolve(import.meta.dirname, "../..");
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "tests/setup/embedded-database-process.ts")],
    { cwd: root, stdio: ["pipe", "pipe", "inherit"] },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = await new Promise<{ url: string; applied: string[] }>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = /^READY (.+)$/m.exec(out)?.[1];
      if (line) resolve(JSON.parse(line) as { url: string; applied: string[] });
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      reject(new Error(`The embedded test database process exited (${code}): ${out.trim()}`)),
    );
  });
  let dropped = false;
  return {
    url: ready.url,
    kind: "embedded",
    applied: ready.applied,
    async drop() {
      if (dropped) return;
      dropped = true;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}

/**
 * `CREATE DATABASE target TEMPLATE source`. PostgreSQL refuses while anything is connected to the
 * source (a pool that has just closed may still be disconnecting): retried for a few seconds.
 */
async function cloneDatabase(serverUrl: string, source: string, target: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  admin.on("error", () => {});
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${target}" TEMPLATE "${source}"`);
        return;
      } catch (err) {
        const busy = (err as { code?: string }).code === "55006"; // object_in_use
        if (!busy || attempt >= 50) {
          throw new Error(
            `Could not create test database ${target} from ${source} on ${redactUrl(serverUrl)}: ${err instanceof Error ? err.message : String(err)}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    await admin.end().catch(() => {});
  }
}
