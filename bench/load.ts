/**
 * HTTP load for the benchmarks: autocannon in a child process of its own (started once per run and
 * reused, so client and server get a core each on a 2-core machine and no load run pays for a
 * process start), driven over IPC by `startLoadGenerator()`.
 *
 * Every request is a new visitor: its own X-Forwarded-For address (an IPv6 address from the
 * documentation prefix 2001:db8::/32, unique per request across the whole run; the server must run
 * with TRUST_PROXY=true to read it — otherwise it overwrites the header with the socket address and
 * all requests would be one visitor) and its own Referer host (`<run>-<n>.bench.example`), which the
 * click path stores as the click's referrer host, so every answered redirect can be found among
 * the recorded clicks afterwards. One request in ten carries a bot user agent.
 */
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface LoadConfig {
  url: string;
  /** Paths requested in turn (request n gets paths[n % length]). */
  paths: string[];
  connections: number;
  /** Seconds. */
  duration: number;
  /** A label unique within the run: part of every Referer host and of the address prefix. */
  run: string;
  /** A number unique within the run (the third group of every X-Forwarded-For address). */
  runIndex: number;
  /** When set, "<referrer host> <bot 0|1>" of every 302 answered is written there. */
  tagsFile?: string;
}

export interface LoadResult {
  /** Completed requests ÷ elapsed seconds. */
  requestsPerSecond: number;
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  redirects: number;
  botRedirects: number;
  /** Answers other than 302 (429, 404, 5xx…). */
  other: number;
  /** Socket errors (refused, reset…). */
  errors: number;
  timeouts: number;
}

export const BOT_UA =
  "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)";
export const HUMAN_UAS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
  "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36",
];

/** The visitor address of request n of a run: unique per (runIndex, n). */
export function visitorAddress(runIndex: number, n: number): string {
  return `2001:db8:${(runIndex & 0xffff).toString(16)}:${((n >>> 16) & 0xffff).toString(16)}::${(n & 0xffff).toString(16)}`;
}

export interface LoadGenerator {
  run(config: LoadConfig): Promise<LoadResult>;
  stop(): Promise<void>;
}

export async function startLoadGenerator(): Promise<LoadGenerator> {
  const child: ChildProcess = fork(path.join(import.meta.dirname, "load-worker.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`load generator exited (${code})`)));
  });
  let busy: Promise<unknown> = Promise.resolve();
  return {
    run(config) {
      const next = busy.then(
        () =>
          new Promise<LoadResult>((resolve, reject) => {
            const onExit = (code: number | null) =>
              reject(new Error(`load generator exited (${code})`));
            child.once("exit", onExit);
            child.once("message", (message) => {
              child.off("exit", onExit);
              const m = message as { result?: LoadResult; error?: string };
              if (m.result) resolve(m.result);
              else reject(new Error(`load generator failed: ${m.error}`));
            });
            child.send(config);
          }),
      );
      busy = next.catch(() => {});
      return next;
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Reads a tags file: referrer host → bot flag. */
export function readTags(file: string): Map<string, boolean> {
  const tags = new Map<string, boolean>();
  if (!fs.existsSync(file)) return tags;
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (!line) continue;
    const [tag, bot] = line.split(" ");
    tags.set(tag!, bot === "1");
  }
  return tags;
}
