/**
 * The real app server (scripts/server.ts with --links-only: the tracked-link fast path, no Next
 * build needed) as a child process, and a load of tracked-link requests against it: for the
 * click-path tests that stop it gracefully, kill it, or cut its database away.
 */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { freePort, waitFor } from "./click-fixture";

const root = path.resolve(import.meta.dirname, "../..");
export const CHROME_UA =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

export interface AppServer {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, then the exit code (a graceful stop writes or spools every buffered click). */
  stop(): Promise<number | null>;
  /** SIGKILL: a hard crash. Resolves once the process is gone. */
  kill(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Kills every server still running (call from afterAll, also after a failure). */
export function killAppServers(): void {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
}

export async function startAppServer(
  databaseUrl: string,
  env: Record<string, string>,
): Promise<AppServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "scripts/server.ts"), "--links-only"],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        AUTH_SECRET: "click-server-test-secret-0123456789abcdef",
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        JOBS_ENABLED: "false",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  running.add(child);
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  await waitFor(
    async () => out.includes("listening on port") || child.exitCode !== null,
    30_000,
    "the server",
  );
  if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    stop: async () => {
      child.kill("SIGTERM");
      return exited;
    },
    kill: async () => {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

export interface Answer {
  /** When the client had the answer (Date.now()). */
  at: number;
  status: number;
  /** The click id of a redirect (its `aid` parameter). */
  clickId: string | null;
}

/** One GET of a tracked link on a keep-alive agent. */
export function getLink(
  agent: http.Agent,
  url: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      url,
      { agent, headers: { "user-agent": CHROME_UA, ...headers } },
      (res) => {
        res.resume();
        res.on("end", () => {
          const location = res.headers.location;
          resolve({
            at: Date.now(),
            status: res.statusCode ?? 0,
            clickId: location ? new URL(location).searchParams.get("aid") : null,
          });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
  });
}

/**
 * `connections` loops, each sending tracked-link requests one after another (codes in turn, a
 * different X-Forwarded-For each time so no visitor hits the per-visitor limit) while `going()`
 * holds. Answers are collected; a request that fails (the server is gone) ends its loop.
 */
export async function runLoad({
  baseUrl,
  codes,
  connections,
  going,
}: {
  baseUrl: string;
  codes: string[];
  connections: number;
  going: () => boolean;
}): Promise<{ answers: Answer[]; failures: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const answers: Answer[] = [];
  let sent = 0;
  let failures = 0;
  const loop = async (w: number) => {
    while (going()) {
      const n = sent++;
      try {
        answers.push(
          await getLink(agent, `${baseUrl}/${codes[n % codes.length]}`, {
            "x-forwarded-for": `10.${w}.${(n >> 8) & 255}.${n & 255}`,
          }),
        );
      } catch {
        failures++;
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, w) => loop(w)));
  agent.destroy();
  return { answers, failures };
}
