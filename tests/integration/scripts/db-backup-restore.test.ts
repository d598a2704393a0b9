/**
 * `npm run db:backup` / `db:restore` (scripts/db/backup.ts, scripts/db/restore.ts): round trips of the
 * embedded database (a PGlite data directory in a temp folder, seeded with the demo organisation and
 * a scheduled pg-boss job) and of a server database (pg_dump/pg_restore against the test server),
 * compared table by table with a checksum of every row; refusals (newer migrations, a running app,
 * data without --yes) and failed restores that must leave the data as it was.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/scripts/db/embedded-postgres";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { backupEmbedded, backupServer, listTables, qualified } from "@/scripts/db/backup";
import { DEFAULT_MIGRATIONS_DIR, deployMigrations, readLocalMigrations } from "@/scripts/db/deploy";
import { DbToolError } from "@/scripts/db/errors";
import { restoreEmbedded, restoreServer } from "@/scripts/db/restore";
import { ProbeCounter } from "@/tests/support/hardening-report";
import { createTestDatabase } from "@/tests/helpers/test-database";

const probe = new ProbeCounter();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-backup-test-"));
const servers: EmbeddedPostgres[] = [];

afterAll(async () => {
  for (const s of servers) await s.stop().catch(() => {});
  fs.rmSync(work, { recursive: true, force: true });
  probe.report("backup and restore");
});

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** md5 of every row (in a fixed order) of every table of the backup schemas, by table. */
async function checksums(url: string): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    const out: Record<string, string> = {};
    for (const t of await listTables(c)) {
      const { rows } = await c.query<{ sum: string; n: number }>(
        `select md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as sum, count(*)::int as n
           from ${qualified(t.schema, t.name)} t`,
      );
      out[t.key] = `${rows[0]!.n}:${rows[0]!.sum}`;
    }
    return out;
  });
}

async function start(dataDir: string): Promise<EmbeddedPostgres> {
  const s = await startEmbeddedPostgres({ dataDir, port: 0 });
  servers.push(s);
  return s;
}

async function stop(s: EmbeddedPostgres): Promise<void> {
  await s.stop();
  servers.splice(servers.indexOf(s), 1);
}

async function seed(url: string): Promise<void> {
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 2 }),
    // PGlite runs one transaction at a time; on a busy machine the seed's take longer than 5 s.
    transactionOptions: { timeout: 120_000, maxWait: 120_000 },
  });
  try {
    await seedDemo(db, { log: () => {} });
  } finally {
    await db.$disconnect();
  }
}

/** The same backup file with its manifest changed. */
function rewriteManifest(file: string, out: string, change: (m: Record<string, unknown>) => void) {
  const lines = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8").split("\n");
  const manifest = JSON.parse(lines[0]!) as Record<string, unknown>;
  change(manifest);
  lines[0] = JSON.stringify(manifest);
  fs.writeFileSync(out, zlib.gzipSync(lines.join("\n")));
}

async function rejection(promise: Promise<unknown>): Promise<DbToolError | null> {
  try {
    await promise;
    return null;
  } catch (err) {
    if (err instanceof DbToolError) return err;
    throw err;
  }
}

function leftovers(dataDir: string): string[] {
  const base = path.basename(dataDir);
  return fs
    .readdirSync(path.dirname(dataDir))
    .filter((f) => f.startsWith(`${base}.restore-`) || f.startsWith(`${base}.before-restore-`));
}

describe("embedded database", () => {
  const dataDir = path.join(work, "pglite");
  const backupFile = path.join(work, "backups", "round-trip.chorus-backup");
  let before: Record<string, string>;

  it("backs up live, restores after changes, and every table is as it was", async () => {
    const server = await start(dataDir);
    await deployMigrations(server.url);
    await seed(server.url);
    // a scheduled job in pg-boss's queue (scheduled LinkedIn posts live there)
    const boss = new PgBoss({ connectionString: server.url, schema: "pgboss", max: 1 });
    boss.on("error", () => {});
    await boss.start();
    await boss.createQueue("backup-test");
    const jobId = await boss.send(
      "backup-test",
      { shareId: "s1" },
      { startAfter: new Date(Date.now() + 86_400_000) },
    );
    await boss.stop({ graceful: false, wait: true });
    before = await checksums(server.url);
    probe.check(
      "seeded data to back up",
      (before["public.ContentItem"] ?? "0:").startsWith("0:") === false,
    );

    // live: the data directory is served (here by this process), the backup goes through it
    const result = await backupEmbedded(dataDir, backupFile);
    probe.check("backup file written", fs.existsSync(backupFile) && result.bytes > 0);
    probe.check(
      "manifest lists the applied migrations",
      result.manifest.migrations.length === readLocalMigrations().migrations.length,
    );
    probe.check("manifest has the pg-boss version", result.manifest.pgBossVersion !== null);
    probe.check("no .partial file left", !fs.existsSync(`${backupFile}.partial`));

    // change and delete rows after the backup
    await withClient(server.url, async (c) => {
      await c.query(`update "Organization" set name = 'Changed after backup'`);
      await c.query(`delete from "AuditLog"`);
      await c.query(`delete from pgboss.job where id = $1`, [jobId]);
    });
    const changed = await checksums(server.url);
    probe.check(
      "the changes differ from the backup",
      JSON.stringify(changed) !== JSON.stringify(before),
    );

    // refused while the app serves the directory
    const served = await rejection(restoreEmbedded(backupFile, dataDir, { yes: true }));
    probe.check(
      "refused while served",
      /in use by process/.test(served?.message ?? ""),
      served?.message,
    );
    await stop(server);

    // refused without --yes when the directory holds data
    const noYes = await rejection(restoreEmbedded(backupFile, dataDir));
    probe.check(
      "refused without --yes",
      noYes?.exitCode === 2 && /--yes/.test(noYes.message),
      noYes?.message,
    );

    const restored = await restoreEmbedded(backupFile, dataDir, { yes: true });
    probe.check("restore reports the tables", restored.tables["public.Organization"]! > 0);
    probe.check(
      "no staging or previous directory left",
      leftovers(dataDir).length === 0,
      leftovers(dataDir).join(","),
    );
    const after = await start(dataDir);
    const got = await checksums(after.url);
    await stop(after);
    const diff = Object.keys({ ...before, ...got }).filter((k) => before[k] !== got[k]);
    probe.check("every table equal to before the backup", diff.length === 0, diff.join(", "));
    expect(diff).toEqual([]);
  }, 240_000);

  it("refuses a backup from newer migrations and changes nothing", async () => {
    const newer = path.join(work, "newer.chorus-backup");
    rewriteManifest(backupFile, newer, (m) => {
      (m.migrations as Array<{ name: string; checksum: string }>).push({
        name: "29991231000000_from_the_future",
        checksum: "0".repeat(64),
      });
      m.appVersion = "9.9.9";
    });
    const err = await rejection(restoreEmbedded(newer, dataDir, { yes: true }));
    probe.check(
      "newer backup refused with a clear message",
      /newer Chorus \(9\.9\.9\)/.test(err?.message ?? "") &&
        /29991231000000_from_the_future/.test(err?.message ?? ""),
      err?.message,
    );
    const s = await start(dataDir);
    const got = await checksums(s.url);
    await stop(s);
    probe.check("data unchanged after the refusal", JSON.stringify(got) === JSON.stringify(before));
    expect(err).not.toBeNull();
  }, 120_000);

  it("a failed restore (corrupt or cut-short file) leaves the original intact", async () => {
    const bytes = fs.readFileSync(backupFile);
    const truncated = path.join(work, "truncated.chorus-backup");
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const lines = zlib.gunzipSync(bytes).toString("utf8").split("\n");
    const noEnd = path.join(work, "no-end.chorus-backup");
    fs.writeFileSync(noEnd, zlib.gzipSync(lines.slice(0, -3).join("\n")));
    const badRow = path.join(work, "bad-row.chorus-backup");
    const firstRow = lines.findIndex((l) => l.startsWith('"'));
    const broken = [...lines];
    broken[firstRow] = JSON.stringify("(not,a,valid,row");
    fs.writeFileSync(badRow, zlib.gzipSync(broken.join("\n")));
    const garbage = path.join(work, "garbage.chorus-backup");
    fs.writeFileSync(garbage, "this is not a backup\n");

    for (const [label, file] of [
      ["truncated gzip", truncated],
      ["missing end marker", noEnd],
      ["unparseable row", badRow],
      ["not a backup", garbage],
    ] as const) {
      const err = await rejection(restoreEmbedded(file, dataDir, { yes: true }));
      probe.check(`${label}: refused`, err !== null, "restore succeeded");
      probe.check(
        `${label}: says the data is unchanged or the file is unreadable`,
        /unchanged|not a readable Chorus backup/.test(err?.message ?? ""),
        err?.message,
      );
      probe.check(
        `${label}: no staging directory left`,
        leftovers(dataDir).length === 0,
        leftovers(dataDir).join(","),
      );
    }
    const s = await start(dataDir);
    const got = await checksums(s.url);
    await stop(s);
    const same = JSON.stringify(got) === JSON.stringify(before);
    probe.check("original intact after failed restores", same);
    expect(same).toBe(true);
  }, 240_000);

  it("an older backup gets the newer migrations applied after restoring", async () => {
    const local = readLocalMigrations();
    const olderDir = path.join(work, "older-migrations");
    fs.cpSync(DEFAULT_MIGRATIONS_DIR, olderDir, { recursive: true });
    const last = local.migrations.at(-1)!.name;
    fs.rmSync(path.join(olderDir, last), { recursive: true });
    const oldData = path.join(work, "old-pglite");
    const s = await start(oldData);
    await deployMigrations(s.url, { migrationsDir: olderDir });
    await withClient(s.url, (c) =>
      c.query(
        `insert into "Organization" (id, name, slug, "updatedAt") values ('org_old_backup', 'Old backup org', 'old-backup-org', now())`,
      ),
    );
    const file = path.join(work, "older.chorus-backup");
    await backupEmbedded(oldData, file);
    await stop(s);

    const target = path.join(work, "fresh-pglite");
    const result = await restoreEmbedded(file, target); // empty target: no --yes needed
    probe.check(
      "pending migration applied",
      result.appliedAfter.join() === last,
      result.appliedAfter.join(),
    );
    const t = await start(target);
    const rows = await withClient(t.url, async (c) => ({
      org: (await c.query(`select name from "Organization" where id = 'org_old_backup'`)).rows,
      migrations: (
        await c.query(
          `select count(*)::int as n from _prisma_migrations where finished_at is not null`,
        )
      ).rows[0].n as number,
    }));
    await stop(t);
    probe.check("old rows restored", rows.org[0]?.name === "Old backup org");
    probe.check("all migrations recorded", rows.migrations === local.migrations.length);
    expect(result.appliedAfter).toEqual([last]);
  }, 240_000);
});

const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "";
const havePgDump =
  spawnSync("pg_dump", ["--version"]).status === 0 &&
  spawnSync("pg_restore", ["--version"]).status === 0;

describe("server database (pg_dump / pg_restore)", () => {
  it("round trip into the same and into a fresh database", async (ctx) => {
    // A part that cannot run here is skipped, and says so: it records no probe (a skip is no pass).
    const skip = (reason: string): never => {
      probe.skip("server round trip", reason);
      return ctx.skip(reason);
    };
    if (!havePgDump) skip("pg_dump/pg_restore are not on the PATH");
    if (!serverUrl) skip("no PostgreSQL server for this run (TEST_DATABASE_URL is not set)");
    const source = await createTestDatabase({ serverUrl });
    if (source.kind !== "server") {
      await source.drop();
      skip("TEST_DATABASE_URL is the embedded PGlite, not a PostgreSQL server");
    }
    const fresh = await createTestDatabase({ serverUrl, migrate: false });
    try {
      await seed(source.url);
      const beforeServer = await checksums(source.url);
      const dump = path.join(work, "server.dump");
      const out = backupServer(source.url, dump);
      probe.check("pg_dump file written", out.bytes > 0);

      await withClient(source.url, (c) =>
        c.query(`delete from "AuditLog"; update "User" set name = 'x'`),
      );
      const noYes = await rejection(restoreServer(dump, source.url));
      probe.check("server restore refused without --yes", noYes?.exitCode === 2, noYes?.message);
      await restoreServer(dump, source.url, { yes: true });
      const same = await checksums(source.url);
      const diffSame = Object.keys({ ...beforeServer, ...same }).filter(
        (k) => beforeServer[k] !== same[k],
      );
      probe.check("same database restored exactly", diffSame.length === 0, diffSame.join(", "));

      await restoreServer(dump, fresh.url); // no tables yet: no --yes needed
      const other = await checksums(fresh.url);
      const diffFresh = Object.keys({ ...beforeServer, ...other }).filter(
        (k) => beforeServer[k] !== other[k],
      );
      probe.check("fresh database restored exactly", diffFresh.length === 0, diffFresh.join(", "));

      // a corrupt dump: refused before anything is changed
      const corrupt = path.join(work, "corrupt.dump");
      fs.writeFileSync(corrupt, fs.readFileSync(dump).subarray(0, 2000));
      const err = await rejection(restoreServer(corrupt, fresh.url, { yes: true }));
      probe.check("corrupt dump refused", err !== null);
      const still = await checksums(fresh.url);
      probe.check(
        "fresh database unchanged by the corrupt dump",
        JSON.stringify(still) === JSON.stringify(other),
      );
      expect([...diffSame, ...diffFresh]).toEqual([]);
    } finally {
      await fresh.drop();
      await source.drop();
    }
  }, 240_000);
});

describe("summary", () => {
  it("every probe passed", () => {
    expect(probe.failures).toEqual([]);
  });
});
