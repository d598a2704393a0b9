/**
 * Tracked-link redirect benchmark (`npm run bench -- redirect`).
 *
 * Subject: the production app server (scripts/server.ts, NODE_ENV=production, a real Next build)
 * answering `GET /{code}` with a warm link cache. Baseline: a bare Node `http` server that answers
 * a fixed 302, on the same machine in the same run. Each is loaded by autocannon (64 connections,
 * 10 s) running in a process of its own, so client and server get one core each (2 cores here).
 * The baseline runs before and after the subject; its figures are the mean of both runs.
 * Requests spread X-Forwarded-For over many addresses (TRUST_PROXY=true; otherwise the per-visitor
 * limit would answer 429) and 10 % carry a bot user agent. Every request has its own Referer host,
 * so after a graceful stop each redirect answered can be found among the recorded clicks:
 * lost = answered but not recorded (must be 0); extra = recorded but the client stopped before
 * reading the answer (requests in flight when autocannon's 10 s ended).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, insertShares, waitFor } from "../tests/support/click-fixture";
import type { BenchResult } from "./report";

const root = path.resolve(import.meta.dirname, "..");
const CONNECTIONS = 64;
const DURATION_S = 10;
const WARMUP_S = 2;
const CODES = 10;
const BENCH_SECRET = "bench-only-secret-0123456789abcdefghijklmnop";
const BOT_UA =
  "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)";
const HUMAN_UAS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
  "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36",
];

interface LoadConfig {
  url: string;
  codes: string[];
  connections: number;
  duration: number;
  /** Distinguishes the Referer hosts of this run. */
  run: string;
  /** Where to write "<referrer host> <bot 0|1>" of every 302 answered. */
  tagsFile: string;
}

interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  redirects: number;
  botRedirects: number;
  other: number;
  errors: number;
  timeouts: number;
}

/** Runs in the autocannon child process. */
async function loadWorker(config: LoadConfig): Promise<void> {
  const { default: autocannon } = await import("autocannon");
  let seq = 0;
  const tags: string[] = [];
  let redirects = 0;
  let botRedirects = 0;
  let other = 0;
  type Ctx = { tag?: string; bot?: boolean };
  const result = await autocannon({
    url: config.url,
    connections: config.connections,
    duration: config.duration,
    requests: [
      {
        setupRequest: (req, context) => {
          const n = seq++;
          const ctx = context as Ctx;
          ctx.bot = n % 10 === 0;
          ctx.tag = `${config.run}-${n}.bench.example`;
          return {
            ...req,
            method: "GET",
            path: `/${config.codes[n % config.codes.length]}`,
            headers: {
              "user-agent": ctx.bot ? BOT_UA : HUMAN_UAS[n % HUMAN_UAS.length]!,
              "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
              referer: `https://${ctx.tag}/post`,
            },
          };
        },
        onResponse: (status, _body, context) => {
          const ctx = context as Ctx;
          if (status === 302) {
            redirects++;
            if (ctx.bot) botRedirects++;
            tags.push(`${ctx.tag} ${ctx.bot ? 1 : 0}`);
          } else {
            other++;
          }
        },
      },
    ],
  });
  fs.writeFileSync(config.tagsFile, tags.join("\n"));
  const out: LoadResult = {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    redirects,
    botRedirects,
    other,
    errors: result.errors,
    timeouts: result.timeouts,
  };
  process.stdout.write(`LOAD_RESULT ${JSON.stringify(out)}\n`);
}

function runLoad(config: LoadConfig): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(root, "bench/redirect.ts"), "--load", JSON.stringify(config)],
      { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("LOAD_RESULT "));
      if (code !== 0 || !line) reject(new Error(`load generator failed (${code}): ${out}`));
      else resolve(JSON.parse(line.slice("LOAD_RESULT ".length)) as LoadResult);
    });
  });
}

/** The baseline: a bare Node http server answering a fixed 302, in a process of its own. */
const BASELINE_SERVER = `
const http = require("node:http");
const server = http.createServer((req, res) => {
  res.writeHead(302, { location: "https://fernhill.example/news/solar?ref=home&aid=clk_00000000000000000000#top",
    "cache-control": "private, no-store", "referrer-policy": "unsafe-url", "content-length": 0 });
  res.end();
});
server.listen(Number(process.argv[1]), "127.0.0.1", () => console.log("listening"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
`;

function startProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: string,
): Promise<{ stop: () => Promise<number | null>; output: () => string }> {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return waitFor(
    async () => out.includes(ready) || child.exitCode !== null,
    120_000,
    args.join(" "),
  ).then(() => {
    if (child.exitCode !== null) throw new Error(`process exited early:\n${out}`);
    return {
      output: () => out,
      stop: async () => {
        child.kill("SIGTERM");
        return exited;
      },
    };
  });
}

function ensureBuild() {
  if (fs.existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  console.log("[bench] no production build (.next/BUILD_ID): running `next build` first…");
  const result = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "build"],
    {
      cwd: root,
      stdio: "inherit",
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        AUTH_SECRET: process.env.AUTH_SECRET ?? BENCH_SECRET,
      },
    },
  );
  if (result.status !== 0) throw new Error("next build failed");
}

function readTags(file: string): Map<string, boolean> {
  const tags = new Map<string, boolean>();
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (!line) continue;
    const [tag, bot] = line.split(" ");
    tags.set(tag!, bot === "1");
  }
  return tags;
}

export async function benchRedirect(databaseUrl: string): Promise<BenchResult[]> {
  ensureBuild();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-bench-redirect-"));
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const shares = await insertShares(pool, CODES);
    const codes = shares.map((s) => s.code);

    // Baseline, subject, baseline again: this machine is shared, and the baseline is taken as the
    // mean of the runs before and after the subject's so drift in between does not skew the ratio.
    const basePort = await freePort();
    const base = await startProcess(
      ["-e", BASELINE_SERVER, String(basePort)],
      process.env,
      "listening",
    );
    const baseUrl = `http://127.0.0.1:${basePort}`;
    const load = (url: string, run: string, duration: number) =>
      runLoad({
        url,
        codes,
        connections: CONNECTIONS,
        duration,
        run,
        tagsFile: path.join(tmp, `${run}.tags`),
      });
    await load(baseUrl, "bw", WARMUP_S);
    const baselineBefore = await load(baseUrl, "b1", DURATION_S);

    // Subject: the production app server.
    const port = await freePort();
    const server = await startProcess(
      ["--import", "tsx", path.join(root, "scripts/server.ts")],
      {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        AUTH_SECRET: process.env.AUTH_SECRET ?? BENCH_SECRET,
        TRUST_PROXY: "true",
        JOBS_ENABLED: "false",
        CLICK_SPOOL_DIR: path.join(tmp, "spool"),
      },
      "listening on port",
    );
    const url = `http://127.0.0.1:${port}`;
    // Warm: the link cache (first request per code) and the JIT.
    const warm = await load(url, "sw", WARMUP_S);
    const subject = await load(url, "s", DURATION_S);
    const stopCode = await server.stop(); // graceful: writes every buffered click
    const baselineAfter = await load(baseUrl, "b2", DURATION_S);
    await base.stop();
    const baseline = {
      requestsPerSecond: (baselineBefore.requestsPerSecond + baselineAfter.requestsPerSecond) / 2,
      p50: (baselineBefore.p50 + baselineAfter.p50) / 2,
      p99: (baselineBefore.p99 + baselineAfter.p99) / 2,
    };

    // Every answered redirect must be a recorded click, with the right bot flag.
    const sent = new Map([
      ...readTags(path.join(tmp, "sw.tags")),
      ...readTags(path.join(tmp, "s.tags")),
    ]);
    const { rows } = await pool.query<{ referrerHost: string; isBot: boolean }>(
      `SELECT "referrerHost", "isBot" FROM "ClickEvent" WHERE "shareId" = ANY($1)`,
      [shares.map((s) => s.shareId)],
    );
    const recorded = new Map(rows.map((r) => [r.referrerHost, r.isBot]));
    let lost = 0;
    let wrongFlag = 0;
    for (const [tag, bot] of sent) {
      if (!recorded.has(tag)) lost++;
      else if (recorded.get(tag) !== bot) wrongFlag++;
    }
    const extra = [...recorded.keys()].filter((tag) => !sent.has(tag)).length;
    const sentHuman = [...sent.values()].filter((bot) => !bot).length;
    const recordedHuman = rows.filter((r) => !r.isBot && sent.has(r.referrerHost)).length;
    const duplicates = rows.length - recorded.size;

    const ratio = subject.requestsPerSecond / baseline.requestsPerSecond;
    const pass =
      ratio >= 0.6 &&
      subject.p99 <= 20 &&
      lost === 0 &&
      wrongFlag === 0 &&
      duplicates === 0 &&
      stopCode === 0 &&
      subject.other === 0 &&
      recordedHuman === sentHuman;
    return [
      {
        name: "tracked-link redirect",
        baseline: { label: "bare http 302", value: baseline.requestsPerSecond, unit: "req/s" },
        subject: { label: "GET /{code}", value: subject.requestsPerSecond, unit: "req/s" },
        ratio,
        target: "≥ 0.6, p99 ≤ 20 ms, 0 lost",
        pass,
        details: {
          connections: CONNECTIONS,
          seconds: DURATION_S,
          baselineReqPerSec: Math.round(baseline.requestsPerSecond),
          baselineBeforeReqPerSec: Math.round(baselineBefore.requestsPerSecond),
          baselineAfterReqPerSec: Math.round(baselineAfter.requestsPerSecond),
          baselineP50Ms: baseline.p50,
          baselineP99Ms: baseline.p99,
          subjectReqPerSec: Math.round(subject.requestsPerSecond),
          subjectP50Ms: subject.p50,
          subjectP99Ms: subject.p99,
          subjectNon302: subject.other,
          subjectErrors: subject.errors + subject.timeouts,
          redirectsAnswered: sent.size,
          humanRedirectsAnswered: sentHuman,
          botRedirectsAnswered: sent.size - sentHuman,
          clicksRecorded: rows.length,
          humanClicksRecorded: recordedHuman,
          lost,
          wrongBotFlag: wrongFlag,
          duplicates,
          extraInFlightAtStop: extra,
          warmupRedirects: warm.redirects,
        },
      },
    ];
  } finally {
    await pool.end();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const loadArg = process.argv.indexOf("--load");
if (loadArg >= 0) {
  loadWorker(JSON.parse(process.argv[loadArg + 1]!) as LoadConfig).then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
