/**
 * `npm run db:backup [-- --out <file>]` and `npm run db:restore -- <file> [--yes] [--keep-previous]`
 * (scripts/db/backup.ts, scripts/db/restore.ts).
 *
 * Database: DATABASE_URL when set (also read from .env.local / .env, like scripts/start.ts): pg_dump /
 * pg_restore; otherwise the embedded PostgreSQL in EMBEDDED_DB_DIR (default .data/pglite).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { backupEmbedded, backupServer, defaultBackupPath, formatBytes } from "./backup";
import { DEFAULT_EMBEDDED_DATA_DIR, PROJECT_ROOT } from "./deploy";
import { DbToolError, redactUrl } from "./errors";
import { restoreEmbedded, restoreServer } from "./restore";

const USAGE = `Usage:
  npm run db:backup [-- --out <file>]
      Embedded database: a logical backup (.chorus-backup), also while the app runs.
      DATABASE_URL set: pg_dump --format=custom. Default folder: .data/backups/
  npm run db:restore -- <file> [--yes] [--keep-previous]
      --yes            replace a database that already holds data
      --keep-previous  keep the replaced embedded data as <dir>.before-restore-<time>
`;

function loadEnvFiles(): void {
  for (const file of [".env.local", ".env"]) {
    const full = path.join(PROJECT_ROOT, file);
    if (fs.existsSync(full)) process.loadEnvFile(full);
  }
}

function embeddedDir(): string {
  return process.env.EMBEDDED_DB_DIR
    ? path.resolve(PROJECT_ROOT, process.env.EMBEDDED_DB_DIR)
    : DEFAULT_EMBEDDED_DATA_DIR;
}

function rel(p: string): string {
  const r = path.relative(process.cwd(), p);
  return r && !r.startsWith("..") ? r : p;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: "string", short: "o" },
      yes: { type: "boolean", short: "y" },
      "keep-previous": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || (command !== "backup" && command !== "restore")) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  loadEnvFiles();
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const log = (line: string) => console.log(line);

  if (command === "backup") {
    if (rest.length > 0)
      throw new DbToolError(`Unexpected argument "${rest[0]}" (use --out <file>).`);
    const out = values.out
      ? path.resolve(values.out)
      : defaultBackupPath(databaseUrl ? "server" : "embedded");
    if (databaseUrl) {
      console.log(`Backing up ${redactUrl(databaseUrl)} with pg_dump…`);
      const result = backupServer(databaseUrl, out);
      console.log(`Backup written: ${rel(result.file)} (${formatBytes(result.bytes)})`);
      return 0;
    }
    const dir = embeddedDir();
    console.log(`Backing up the embedded database in ${rel(dir)}…`);
    const result = await backupEmbedded(dir, out);
    const rows = Object.values(result.tables).reduce((a, b) => a + b, 0);
    console.log(
      `Backup written: ${rel(result.file)} (${formatBytes(result.bytes)}; ${Object.keys(result.tables).length} tables, ${rows} rows, ${result.manifest.migrations.length} migrations)`,
    );
    return 0;
  }

  const file = rest[0];
  if (!file || rest.length > 1) throw new DbToolError(`Name one backup file.\n\n${USAGE}`);
  const abs = path.resolve(file);
  if (databaseUrl) {
    const result = await restoreServer(abs, databaseUrl, { yes: values.yes, log });
    for (const w of result.warnings) console.log(`Note: ${w}`);
    console.log(`Restored ${rel(abs)} into ${redactUrl(databaseUrl)}.`);
    return 0;
  }
  const dir = embeddedDir();
  const result = await restoreEmbedded(abs, dir, {
    yes: values.yes,
    keepPrevious: values["keep-previous"],
    log,
  });
  for (const w of result.warnings) console.log(`Note: ${w}`);
  const rows = Object.values(result.tables).reduce((a, b) => a + b, 0);
  console.log(
    `Restored ${rel(abs)} into ${rel(dir)}: ${Object.keys(result.tables).length} tables, ${rows} rows.` +
      (result.previousKeptAt ? ` The previous data is kept in ${rel(result.previousKeptAt)}.` : ""),
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof DbToolError) {
      console.error(err.message);
      process.exit(err.exitCode);
    }
    if (
      err instanceof Error &&
      (err as NodeJS.ErrnoException).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
    ) {
      console.error(`${err.message}\n\n${USAGE}`);
      process.exit(1);
    }
    console.error(err);
    process.exit(1);
  },
);
