/**
 * `npm run db:migrate | db:deploy | db:status | db:reset` (see scripts/db/migrations.ts).
 *
 * Database: DATABASE_URL when set (also read from .env.local / .env, like scripts/start.ts),
 * otherwise the embedded PostgreSQL in EMBEDDED_DB_DIR (default .data/pglite), reusing the server
 * of a running `npm start` / `npm run dev` for it.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  createMigration,
  DbToolError,
  deployMigrations,
  migrationStatus,
  PROJECT_ROOT,
  resetDatabase,
  resolveDatabase,
  type DatabaseTarget,
} from "./migrations";

const USAGE = `Usage: tsx scripts/db/cli.ts <command> [options]

Commands:
  migrate   Create a migration from schema changes and apply it (like prisma migrate dev)
              --name <name>        migration name (required when there are changes)
              --create-only        write the migration without applying it
              --allow-empty        create an (empty) migration even without schema changes
              --accept-data-loss   go ahead despite data-loss warnings
              --skip-generate      do not run prisma generate afterwards
  deploy    Apply pending migrations (like prisma migrate deploy)
  status    Exit 0 when the database and schema.prisma match the migrations, 1 otherwise
              --skip-drift         only compare the migration history (no shadow database)
  reset     Drop everything in the database and re-apply all migrations
              --force              allow it with NODE_ENV=production
              --seed               run \`npm run db:seed\` afterwards (when it exists)

Common options:
  --schema <path>       Prisma schema (default prisma/schema.prisma)
  --migrations <path>   migrations directory (default prisma/migrations)
`;

/** Same .env files as scripts/start.ts (real environment variables win). */
function loadEnvFiles(): void {
  for (const file of [".env.local", ".env"]) {
    const full = path.join(PROJECT_ROOT, file);
    if (fs.existsSync(full)) process.loadEnvFile(full);
  }
}

function runPrismaGenerate(): boolean {
  const bin = path.join(
    PROJECT_ROOT,
    "node_modules",
    ".bin",
    process.platform === "win32" ? "prisma.cmd" : "prisma",
  );
  const res = spawnSync(bin, ["generate"], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    env: process.env,
  });
  return res.status === 0;
}

/** `npm run db:seed` against `databaseUrl`. Asynchronous on purpose: when this process serves the
 * embedded database, it must keep answering the seed process. */
async function runSeed(databaseUrl: string): Promise<void> {
  const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  if (!pkg.scripts?.["db:seed"]) {
    console.log("No db:seed script in package.json; skipping seeding.");
    return;
  }
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const child = spawn(npm, ["run", "db:seed"], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (status) => resolve(status));
  });
  if (code !== 0) throw new DbToolError(`npm run db:seed failed (exit code ${code}).`);
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: "string", short: "n" },
      "create-only": { type: "boolean" },
      "allow-empty": { type: "boolean" },
      "accept-data-loss": { type: "boolean" },
      "skip-generate": { type: "boolean" },
      "skip-drift": { type: "boolean" },
      force: { type: "boolean" },
      seed: { type: "boolean" },
      schema: { type: "string" },
      migrations: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 1;
  }
  if (!["migrate", "deploy", "status", "reset"].includes(command)) {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 1;
  }
  if (positionals.length > 1) {
    throw new DbToolError(
      `Unexpected argument "${positionals[1]}" (did you mean --name ${positionals[1]}?).`,
    );
  }

  loadEnvFiles();
  const migrationsDir = values.migrations ? path.resolve(values.migrations) : undefined;
  const schemaPath = values.schema ? path.resolve(values.schema) : undefined;
  const log = (message: string) => console.log(message);

  if (command === "reset" && process.env.NODE_ENV === "production" && !values.force) {
    throw new DbToolError(
      "Refusing to reset a database with NODE_ENV=production. Pass --force if you really mean it.",
    );
  }

  const target: DatabaseTarget = await resolveDatabase();
  console.log(`Database: ${target.description}`);
  try {
    switch (command) {
      case "deploy": {
        const applied = await deployMigrations(target.url, { migrationsDir, log });
        console.log(
          applied.length === 0
            ? "No pending migrations."
            : `${applied.length} migration(s) applied.`,
        );
        return 0;
      }
      case "status": {
        const status = await migrationStatus(target.url, {
          migrationsDir,
          schemaPath,
          checkDrift: !values["skip-drift"],
        });
        if (status.inSync) {
          console.log(
            `Database schema is in sync: ${status.applied.length} migration(s) applied` +
              (values["skip-drift"]
                ? " (drift not checked)."
                : ", no drift, schema.prisma matches the migrations."),
          );
          return 0;
        }
        console.error(
          `Database schema is NOT in sync:\n\n${status.problems.map((p) => `- ${p}`).join("\n\n")}`,
        );
        return 1;
      }
      case "migrate": {
        const result = await createMigration(target.url, {
          name: values.name,
          schemaPath,
          migrationsDir,
          createOnly: values["create-only"],
          allowEmpty: values["allow-empty"],
          acceptDataLoss: values["accept-data-loss"],
          log,
        });
        if (result.created === null) {
          console.log(
            result.appliedBefore.length > 0
              ? "Pending migrations applied; schema.prisma has no further changes, no migration created."
              : "Already in sync: schema.prisma has no changes since the last migration, no migration created.",
          );
          return 0;
        }
        for (const w of result.warnings) console.log(`Warning (accepted): ${w}`);
        if (values["create-only"]) {
          console.log(
            `Migration ${result.created} created, not applied. Review it, then run \`npm run db:migrate\`.`,
          );
          return 0;
        }
        console.log(
          `Migration ${result.created} created and applied. The database is in sync with schema.prisma.`,
        );
        if (!values["skip-generate"] && !runPrismaGenerate()) {
          console.error("Warning: prisma generate failed; run `npm run db:generate`.");
        }
        return 0;
      }
      case "reset": {
        const applied = await resetDatabase(target.url, {
          migrationsDir,
          log,
          force: values.force,
        });
        console.log(`Database reset; ${applied.length} migration(s) applied.`);
        if (values.seed) await runSeed(target.url);
        return 0;
      }
    }
    return 1;
  } finally {
    await target.release();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code), // explicit exit: the wasm engine leaves a timer running
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
