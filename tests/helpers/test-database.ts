/**
 * A throw-away database with all migrations applied, for integration and end-to-end tests.
 *
 * - TEST_DATABASE_URL (or DATABASE_URL) set: a new database `chorus_test_<random>` on that server;
 *   drop() terminates its connections and drops it.
 * - otherwise (or when that URL is itself an embedded PGlite server, which has one database only):
 *   an in-memory embedded PostgreSQL on a free port; drop() stops it.
 */
import crypto from "node:crypto";
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
