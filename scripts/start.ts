/**
 * `npm start` / `npm run dev`: validate the configuration, start the embedded PostgreSQL when no
 * DATABASE_URL is set, apply migrations, seed the demo organisation into an empty database, build
 * when needed, then serve the app on PORT (scripts/server.ts: tracked links, then Next.js) with the
 * background jobs in a worker process beside it (scripts/worker.ts, when JOBS_ENABLED). With
 * DATABASE_URL set, the same against that server.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import webpush from "web-push";
import { EnvError, parseEnv } from "@/lib/core/env";
import { connectOrStartEmbedded } from "@/scripts/db/embedded-postgres";
import { deployMigrations } from "./db/deploy";
import { buildIsStale, nextBin } from "./build-state";
import { superviseProcess } from "./supervise-process";

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

/**
 * Web Push's VAPID key pair (lib/integrations/push), kept under .data like the auth secret so
 * browsers' subscriptions survive restarts; production sets VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY.
 */
function ensureVapidKeys() {
  if (process.env.VAPID_PUBLIC_KEY?.trim() || process.env.VAPID_PRIVATE_KEY?.trim()) return;
  const file = path.join(root, ".data", "vapid-keys");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(webpush.generateVAPIDKeys()), { mode: 0o600 });
    log("generated a local Web Push key pair in .data/vapid-keys (set VAPID_* in production)");
  }
  const keys = JSON.parse(fs.readFileSync(file, "utf8")) as {
    publicKey: string;
    privateKey: string;
  };
  process.env.VAPID_PUBLIC_KEY = keys.publicKey;
  process.env.VAPID_PRIVATE_KEY = keys.privateKey;
}

/** Builds when there is no production build yet, or when a source file is newer than it. */
function buildIfNeeded() {
  if (!buildIsStale(root) && !forceBuild) return;
  log("building the app (first start or changed sources; ~1 minute)…");
  const result = spawnSync(process.execPath, [nextBin(root), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    console.error("[chorus] the build failed; see the messages above.");
    process.exit(result.status ?? 1);
  }
}

async function main() {
  loadDotEnv();
  ensureAuthSecret();
  ensureTokenKeys();
  ensureVapidKeys();
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
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: port,
    NODE_ENV: dev ? ("development" as const) : ("production" as const),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // The app server: tracked links on a fast path, everything else through Next (scripts/server.ts).
  // Background jobs run beside it in a worker process of their own (scripts/worker.ts), so a rollup
  // or an email batch never competes with the redirect for its event loop.
  const serverArgs = ["--import", "tsx", path.join(root, "scripts", "server.ts")];
  if (dev) serverArgs.push("--dev");
  if (env.JOBS_ENABLED) serverArgs.push("--no-jobs");
  const child = spawn(process.execPath, serverArgs, { cwd: root, stdio: "inherit", env: childEnv });
  const worker = env.JOBS_ENABLED
    ? superviseProcess({
        args: ["--import", "tsx", path.join(root, "scripts", "worker.ts")],
        cwd: root,
        env: childEnv,
        name: "the job worker",
        log,
      })
    : null;
  const url = env.APP_URL ?? `http://localhost:${port}`;
  printBanner(url, env.SEED_DEMO);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
    worker?.stop(signal);
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  child.on("exit", async (code) => {
    stopping = true;
    await worker?.stop("SIGTERM");
    await stopDatabase();
    // Killed by a signal (out of memory…): a failure, so restart policies start it again.
    process.exit(code ?? 1);
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
