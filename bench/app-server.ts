/**
 * The app as `npm start` runs it, for the benchmarks that go through HTTP: a fresh database of its
 * own on the bench's server, then the real start script (scripts/start.ts: validate the
 * configuration, apply migrations, seed the demo organisation into the empty database, build when
 * the build is missing or older than the sources, spawn scripts/server.ts with NODE_ENV=production).
 *
 * Production defaults: every variable of the app's environment schema inherited from the shell is
 * dropped, so background jobs run (JOBS_ENABLED defaults to true), the link cache, click flush and
 * rate limits are the defaults. What is set, and why:
 * - DATABASE_URL (the fresh database), PORT (a free port);
 * - TRUST_PROXY=true: the server otherwise overwrites X-Forwarded-For with the socket address, and
 *   every benchmark request comes from 127.0.0.1 — one visitor, rate-limited after 120 clicks a
 *   minute. With it, each request's own X-Forwarded-For makes it a new visitor (bench/load.ts);
 * - AUTH_SECRET and TOKEN_ENCRYPTION_KEYS (start.ts would otherwise write them under .data/ in the
 *   working tree), UPLOADS_DIR and CLICK_SPOOL_DIR in a temporary folder removed afterwards.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { envSchema } from "@/lib/core/env";
import { createTestDatabase, type TestDatabase } from "../tests/helpers/test-database";
import { freePort, waitFor } from "../tests/support/click-fixture";
import { childPids } from "./cpu";
import { benchClient } from "./pg-client";

const root = path.resolve(import.meta.dirname, "..");
export const BENCH_AUTH_SECRET = "bench-only-secret-0123456789abcdefghijklmnop";
export const DEMO_ADMIN = { email: "admin@fernhill.example", password: "chorus-demo-2026" };

export interface AppServer {
  url: string;
  databaseUrl: string;
  /** Seconds from spawning start.ts to "listening" (seed and Next's start included). */
  startSeconds: number;
  /** The processes of the app: start.ts and its children (scripts/server.ts). */
  pids(): number[];
  /** Graceful stop (SIGTERM: open requests finish, buffered clicks are written); the exit code. */
  stop(): Promise<number | null>;
  output(): string;
}

/** The inherited environment without any variable the app reads: the app's defaults apply. */
export function productionDefaultsEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(envSchema.shape)) delete env[key];
  return { ...env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", ...overrides };
}

/**
 * A child process, in a process group of its own, that is ready once its output contains `ready`.
 * stop(): SIGTERM to the child (a graceful stop), then — once it has exited, or after
 * `graceMs` — SIGKILL to whatever is left of its group (start.ts's server child, should start.ts
 * not have waited for it), so a benchmark never leaves a server running.
 */
export async function startProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: string,
  { timeoutMs = 240_000, graceMs = 30_000 } = {},
): Promise<{ child: ChildProcess; stop: () => Promise<number | null>; output: () => string }> {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let out = "";
  const t0 = performance.now();
  // Each chunk of output prefixed with the seconds since the spawn: where a slow start went.
  const append = (d: Buffer) =>
    (out += `[+${((performance.now() - t0) / 1000).toFixed(1)}s] ${String(d)}`);
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? (signal ? -1 : null))),
  );
  const group = child.pid!;
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-group, signal);
    } catch {
      // the group is gone
    }
  };
  let stopping: Promise<number | null> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([
        exited,
        new Promise<"timeout">((r) => (timer = setTimeout(() => r("timeout"), graceMs))),
      ]);
      clearTimeout(timer);
      killGroup("SIGKILL");
      if (code === "timeout") {
        out += `[bench] no exit ${graceMs / 1000} s after SIGTERM: killed\n`;
        await exited;
        return -1;
      }
      return code;
    })());
  try {
    await waitFor(
      async () => out.includes(ready) || child.exitCode !== null,
      timeoutMs,
      args.join(" "),
    );
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${out}`);
  }
  if (child.exitCode !== null) {
    await stop();
    throw new Error(`process exited early (${child.exitCode}):\n${out}`);
  }
  return { child, stop, output: () => out };
}

export async function startAppServer(): Promise<AppServer> {
  const database: TestDatabase = await createTestDatabase();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-bench-app-"));
  const port = await freePort();
  const started = performance.now();
  let proc: Awaited<ReturnType<typeof startProcess>>;
  try {
    proc = await startProcess(
      // `npm start` is `tsx scripts/start.ts`; the same loader without the CLI's relay process.
      ["--import", "tsx", path.join(root, "scripts/start.ts")],
      productionDefaultsEnv({
        DATABASE_URL: database.url,
        PORT: String(port),
        TRUST_PROXY: "true",
        AUTH_SECRET: BENCH_AUTH_SECRET,
        TOKEN_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString("base64")}`,
        UPLOADS_DIR: path.join(tmp, "uploads"),
        CLICK_SPOOL_DIR: path.join(tmp, "click-spool"),
      }),
      "listening on port",
      // A build first when the sources are newer than it: minutes on a loaded 2-core machine.
      { timeoutMs: 900_000 },
    );
  } catch (error) {
    await database.drop().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  const startSeconds = (performance.now() - started) / 1000;
  let stopped: Promise<number | null> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    databaseUrl: database.url,
    startSeconds,
    output: proc.output,
    pids: () => [proc.child.pid!, ...childPids(proc.child.pid!)],
    stop() {
      stopped ??= (async () => {
        const code = await proc.stop();
        await database.drop().catch((e) => console.error("[bench] dropping the app database:", e));
        fs.rmSync(tmp, { recursive: true, force: true });
        return code;
      })();
      return stopped;
    },
  };
}

/** One of the demo organisation's shared links: the hot link of the spike scenario. */
export async function demoHotLink(
  databaseUrl: string,
): Promise<{ code: string; shareId: string; orgId: string }> {
  const client = benchClient(databaseUrl);
  await client.connect();
  try {
    const { rows } = await client.query<{ code: string; shareId: string; orgId: string }>(
      `SELECT s."code", s."id" AS "shareId", s."orgId" FROM "Share" s
       JOIN "Organization" o ON o."id" = s."orgId"
       WHERE s."status" IN ('SHARED', 'POSTED')
       ORDER BY (SELECT COUNT(*) FROM "ClickEvent" c WHERE c."shareId" = s."id") DESC, s."id"
       LIMIT 1`,
    );
    if (!rows[0]) throw new Error("the demo database has no shared link");
    return rows[0];
  } finally {
    await client.end();
  }
}

/** Signs in through Auth.js's credentials endpoints, as a browser does; returns the Cookie header. */
export async function signIn(
  baseUrl: string,
  { email, password }: { email: string; password: string },
): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: header(),
      origin: baseUrl,
    },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
  });
  keep(res);
  await res.arrayBuffer();
  if (![...jar.keys()].some((k) => k.endsWith("authjs.session-token"))) {
    throw new Error(`sign-in as ${email} failed (${res.status} ${res.headers.get("location")})`);
  }
  return header();
}
