/**
 * `npm start` / `npm run dev`: validate the configuration, start the embedded PostgreSQL when no
 * DATABASE_URL is set, apply migrations, seed the demo organisation into an empty database, build
 * when needed, then serve the app on PORT (scripts/server.ts: tracked links, then Next.js). With
 * DATABASE_URL set, the same against that server.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { EnvError, parseEnv } from "@/lib/core/env";
import { connectOrStartEmbedded } from "@/scripts/db/embedded-postgres";
import { deployMigrations } from "./db/deploy";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const forceBuild = process.argv.includes("--build");
const log = (line: string) => console.log(`[chorus] ${line}`);

function loadDotEnv() {
  for (const file of [".env.local", ".env"]) {
    const full = path.join(root, file);
    if (fs.existsSync(full)) process.loadEnvFile(full);
  }
}

/** A development secret kept under .data so sessions survive restarts; production must set one. */
function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  const file = path.join(root, ".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    log("generated a local AUTH_SECRET in .data/auth-secret (set AUTH_SECRET in production)");
  }
  process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

/**
 * A development key for stored LinkedIn tokens (lib/core/crypto/token-cipher.ts), kept under .data like
 * the auth secret; production sets TOKEN_ENCRYPTION_KEYS (docs/linkedin.md: storage and rotation).
 */
function ensureTokenKeys() {
  if (process.env.TOKEN_ENCRYPTION_KEYS?.trim()) return;
  const file = path.join(root, ".data", "token-keys");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `local:${randomBytes(32).toString("base64")}`, { mode: 0o600 });
    log(
      "generated a local TOKEN_ENCRYPTION_KEYS in .data/token-keys (set TOKEN_ENCRYPTION_KEYS in production)",
    );
  }
  process.env.TOKEN_ENCRYPTION_KEYS = fs.readFileSync(file, "utf8").trim();
}

const SOURCE_DIRS = ["app", "components", "lib", "prisma", "public"];
const SOURCE_FILES = [
  "next.config.ts",
  "proxy.ts",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      if (p.endsWith(`${path.sep}generated`)) return;
      for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const entry of [...SOURCE_DIRS, ...SOURCE_FILES]) visit(path.join(root, entry));
  return newest;
}

/** Builds when there is no production build yet, or when a source file is newer than it. */
function buildIfNeeded() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const stale = !fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < newestSourceMtime();
  if (!stale && !forceBuild) return;
  log("building the app (first start or changed sources; ~1 minute)…");
  const result = spawnSync(process.execPath, [nextBin(), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    console.error("[chorus] the build failed; see the messages above.");
    process.exit(result.status ?? 1);
  }
}

function nextBin(): string {
  return path.join(root, "node_modules", "next", "dist", "bin", "next");
}

async function main() {
  loadDotEnv();
  ensureAuthSecret();
  ensureTokenKeys();
  let env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  let stopDatabase = async () => {};
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const embedded = await connectOrStartEmbedded(path.resolve(root, env.EMBEDDED_DB_DIR), {
      port: env.EMBEDDED_DB_PORT,
    });
    databaseUrl = embedded.url;
    stopDatabase = () => embedded.stop();
    log(`embedded PostgreSQL (${env.EMBEDDED_DB_DIR}) on port ${embedded.port}`);
  }
  process.env.DATABASE_URL = databaseUrl;

  const applied = await deployMigrations(databaseUrl, { log: () => {} });
  log(applied.length ? `applied ${applied.length} migration(s)` : "database schema is up to date");

  if (env.SEED_DEMO) {
    const { getDb, disconnectDb } = await import("@/lib/core/db/client");
    const { isDatabaseEmpty, seedDemo } = await import("../prisma/seed/seed-demo");
    if (await isDatabaseEmpty(getDb())) {
      log("empty database: seeding the demo organisation…");
      await seedDemo(getDb(), { log });
    }
    await disconnectDb();
  }

  if (!dev) buildIfNeeded();

  const port = String(env.PORT);
  // The app server: tracked links on a fast path, everything else through Next (scripts/server.ts).
  const serverArgs = ["--import", "tsx", path.join(root, "scripts", "server.ts")];
  const child = spawn(process.execPath, dev ? [...serverArgs, "--dev"] : serverArgs, {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      PORT: port,
      NODE_ENV: dev ? "development" : "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const url = env.APP_URL ?? `http://localhost:${port}`;
  printBanner(url, env.SEED_DEMO);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  child.on("exit", async (code) => {
    await stopDatabase();
    process.exit(code ?? 0);
  });
}

function printBanner(url: string, demo: boolean) {
  import("@/lib/domains/demo/demo-accounts").then(({ DEMO_ACCOUNTS, DEMO_PASSWORD }) => {
    const lines = [`Chorus is starting on ${url}`];
    if (demo) {
      lines.push("Demo accounts (password: " + DEMO_PASSWORD + "):");
      for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.role.toLowerCase().padEnd(9)} ${a.email}`);
    }
    log(lines.join("\n[chorus] "));
  });
}

main().catch((error) => {
  console.error("[chorus] could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
