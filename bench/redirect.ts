/**
 * Tracked-link redirect benchmark (`npm run bench -- redirect`).
 *
 * Baseline: a bare Node `http` server answering a fixed 302, in a process of its own, loaded by
 * the same autocannon process (bench/load.ts) with the same 64 connections and the same requests.
 *
 * Subjects (each answers `GET /{code}` on the fast path of scripts/server.ts):
 * - **spike** (quick and full mode): the app as `npm start` runs it (bench/app-server.ts: the seeded
 *   demo database, background jobs ON, NODE_ENV=production through scripts/start.ts and
 *   scripts/server.ts, production defaults otherwise) with ONE hot link — the demo's most clicked
 *   share — and every request a new visitor: its own X-Forwarded-For address (TRUST_PROXY=true, the
 *   only non-default setting that matters here: without it the server replaces X-Forwarded-For with
 *   the socket address and every request would be the same visitor from 127.0.0.1), so every
 *   request computes a new visitor key, adds a rate-limiter entry and records a click.
 * - **10 links, jobs off** (full mode): the scenario measured since the click path was built —
 *   scripts/server.ts on the run's database with 10 tracked links and JOBS_ENABLED=false, requests
 *   spread over the 10 links, also a new visitor each.
 *
 * Method: every target is warmed (link cache, JIT), then each subject is loaded in alternating rounds
 * with the baseline (baseline then subject, subject then baseline, …) so each round's ratio compares
 * runs a second or ten apart on a shared machine; the ratio is the median of the rounds' req/s
 * ratios, p50/p99 the medians of the rounds'. Afterwards every answered
 * redirect is looked up among the recorded clicks by its Referer host (unique per request):
 * lost = answered but not recorded once the click buffer has flushed, doubled = recorded more than
 * once, and the bot flag must match. Socket errors, timeouts and any answer other than 302 fail the
 * scenario (a bench with errors fails), whatever its ratio.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, insertShares, sleep } from "../tests/support/click-fixture";
import { productionDefaultsEnv, startProcess, BENCH_AUTH_SECRET, demoHotLink } from "./app-server";
import type { BenchContext } from "./context";
import { measureConfirmed, median, type BenchMode, type BenchResult, type Gate } from "./gate";
import { readTags, type LoadConfig, type LoadResult } from "./load";
import { benchClient } from "./pg-client";

const root = path.resolve(import.meta.dirname, "..");
const CONNECTIONS = 64;

const SETTINGS: Record<BenchMode, { warmS: number; runS: number; rounds: number }> = {
  // Quick: 12 s of load in all. Five short rounds rather than fewer long ones: a round disturbed
  // by another process taking a core for a second does not decide the median.
  quick: { warmS: 1, runS: 1, rounds: 5 },
  full: { warmS: 2, runS: 10, rounds: 3 },
};

/**
 * Gates (ratio = req/s of the subject ÷ req/s of the bare 302 server, the median of the rounds).
 *
 * spike, quick: ≥ 0.33×. Measured in quick mode on this 2-core machine with other engineers' test
 * runs going: 0.49–0.72 (typically 0.58) at load average 3–9, down to 0.36 at load 12–14 with an
 * e2e run (Chromium) beside it. A server with twice the CPU per redirect (bench experiment: 100 µs
 * of busy work per response, half its throughput) measured 0.17–0.26 at load 4–13, so 0.33 fails
 * it every time while the usual figures keep 50 % of headroom; a miss is measured once more before
 * it fails (bench/gate.ts, measureConfirmed). The target ≥ 0.6× with p99 ≤ 20 ms is the scale
 * issue's goal: reported in the goal column, never gated.
 *
 * full mode (10 s rounds): ≥ 0.35× for both scenarios, by the same reasoning.
 */
const GATES: Record<"spike" | "links", Record<BenchMode, Gate>> = {
  spike: {
    quick: {
      kind: "min",
      threshold: 0.33,
      why: "typical 0.58 (0.36–0.72 at load 3–14); half the throughput ≈ 0.17–0.26",
    },
    full: { kind: "min", threshold: 0.35, why: "typical 0.5–0.65; half as fast ≈ 0.28" },
  },
  links: {
    quick: { kind: "min", threshold: 0.33, why: "as the spike (run in full mode only)" },
    full: { kind: "min", threshold: 0.35, why: "typical 0.55–0.70; half as fast ≈ 0.3" },
  },
};
const GOAL = { ratio: 0.6, p99Ms: 20 };

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

interface Target {
  key: string;
  url: string;
  paths: string[];
  /** Tags files of this target's runs (subjects only). */
  tagFiles: string[];
  runs: LoadResult[];
  warm?: LoadResult;
}

/**
 * Waits until every answered redirect is recorded, or until the count has not grown for
 * `quietMs` (then the missing ones are lost), and compares.
 */
async function verifyClicks(
  databaseUrl: string,
  shareIds: string[],
  sent: Map<string, boolean>,
  { quietMs = 3000, maxMs = 30_000 } = {},
) {
  const client = benchClient(databaseUrl);
  await client.connect();
  try {
    const count = async () =>
      (
        await client.query<{ n: number }>(
          `SELECT COUNT(*)::int AS n FROM "ClickEvent"
           WHERE "shareId" = ANY($1) AND "referrerHost" LIKE '%.bench.example'`,
          [shareIds],
        )
      ).rows[0]!.n;
    const started = Date.now();
    let last = -1;
    let lastChange = Date.now();
    for (;;) {
      const n = await count();
      if (n !== last) {
        last = n;
        lastChange = Date.now();
      }
      if (n >= sent.size || Date.now() - lastChange > quietMs || Date.now() - started > maxMs)
        break;
      await sleep(200);
    }
    const { rows } = await client.query<{ referrerHost: string; isBot: boolean }>(
      `SELECT "referrerHost", "isBot" FROM "ClickEvent"
       WHERE "shareId" = ANY($1) AND "referrerHost" LIKE '%.bench.example'`,
      [shareIds],
    );
    const recorded = new Map<string, { bot: boolean; times: number }>();
    for (const r of rows) {
      const seen = recorded.get(r.referrerHost);
      if (seen) seen.times++;
      else recorded.set(r.referrerHost, { bot: r.isBot, times: 1 });
    }
    let lost = 0;
    let wrongFlag = 0;
    for (const [tag, bot] of sent) {
      const r = recorded.get(tag);
      if (!r) lost++;
      else if (r.bot !== bot) wrongFlag++;
    }
    let doubled = 0;
    for (const r of recorded.values()) if (r.times > 1) doubled++;
    const extra = [...recorded.keys()].filter((tag) => !sent.has(tag)).length;
    return { lost, doubled, wrongFlag, extra, recordedRows: rows.length };
  } finally {
    await client.end();
  }
}

/** One measurement of a subject: alternating rounds with the baseline. */
interface Measured {
  /** Median of the rounds' ratios. */
  ratio: number;
  ratios: number[];
  subjectRuns: LoadResult[];
  baselineRuns: LoadResult[];
}

function sum(runs: LoadResult[], key: keyof LoadResult): number {
  return runs.reduce((s, r) => s + r[key], 0);
}

export async function benchRedirect(ctx: BenchContext): Promise<BenchResult[]> {
  const { mode } = ctx;
  const settings = SETTINGS[mode];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-bench-redirect-"));
  const stops: Array<() => Promise<unknown>> = [];
  try {
    const load = await ctx.loadGenerator();
    const app = await ctx.appServer();
    const hot = await demoHotLink(app.databaseUrl);

    const basePort = await freePort();
    const base = await startProcess(
      ["-e", BASELINE_SERVER, String(basePort)],
      process.env,
      "listening",
    );
    stops.push(base.stop);

    const baseline: Target = {
      key: "baseline",
      url: `http://127.0.0.1:${basePort}`,
      paths: [`/${hot.code}`],
      tagFiles: [],
      runs: [],
    };
    const spike: Target = {
      key: "spike",
      url: app.url,
      paths: [`/${hot.code}`],
      tagFiles: [],
      runs: [],
    };
    const subjects = [spike];

    // The scenario measured since the click path was built: 10 links, jobs off, run's database.
    let links: (Target & { shareIds: string[]; stop: () => Promise<number | null> }) | null = null;
    if (mode === "full") {
      const pool = new pg.Pool({ connectionString: ctx.databaseUrl, max: 2 });
      const shares = await insertShares(pool, 10);
      await pool.end();
      const port = await freePort();
      const server = await startProcess(
        ["--import", "tsx", path.join(root, "scripts/server.ts")],
        productionDefaultsEnv({
          NODE_ENV: "production",
          DATABASE_URL: ctx.databaseUrl,
          PORT: String(port),
          AUTH_SECRET: BENCH_AUTH_SECRET,
          TRUST_PROXY: "true",
          JOBS_ENABLED: "false",
          CLICK_SPOOL_DIR: path.join(tmp, "spool"),
        }),
        "listening on port",
      );
      stops.push(server.stop);
      links = {
        key: "links",
        url: `http://127.0.0.1:${port}`,
        paths: shares.map((s) => `/${s.code}`),
        tagFiles: [],
        runs: [],
        shareIds: shares.map((s) => s.shareId),
        stop: server.stop,
      };
      subjects.push(links);
    }

    let runIndex = 0;
    const runOn = (target: Target, seconds: number) => {
      const run = `${target.key}${++runIndex}`;
      const tagsFile = target === baseline ? undefined : path.join(tmp, `${run}.tags`);
      if (tagsFile) target.tagFiles.push(tagsFile);
      const config: LoadConfig = {
        url: target.url,
        paths: target.paths,
        connections: CONNECTIONS,
        duration: seconds,
        run,
        runIndex,
        tagsFile,
      };
      return load.run(config);
    };

    // Warm-up: link cache (first request per code), JIT, connection pools.
    for (const target of [baseline, ...subjects]) target.warm = await runOn(target, settings.warmS);

    /** Alternating rounds of the baseline and one subject; the median of the rounds' ratios. */
    const measure = async (subject: Target): Promise<Measured> => {
      const ratios: number[] = [];
      const subjectRuns: LoadResult[] = [];
      const baselineRuns: LoadResult[] = [];
      for (let round = 0; round < settings.rounds; round++) {
        const pair = round % 2 === 0 ? [baseline, subject] : [subject, baseline];
        const got = new Map<Target, LoadResult>();
        for (const target of pair) {
          const result = await runOn(target, settings.runS);
          target.runs.push(result);
          got.set(target, result);
        }
        subjectRuns.push(got.get(subject)!);
        baselineRuns.push(got.get(baseline)!);
        ratios.push(got.get(subject)!.requestsPerSecond / got.get(baseline)!.requestsPerSecond);
      }
      return { ratio: median(ratios), ratios, subjectRuns, baselineRuns };
    };
    const measured = new Map<Target, { best: Measured; ratios: number[] }>();
    for (const subject of subjects) {
      ctx.log(
        `redirect: ${subject.key}, ${settings.rounds} rounds of ${settings.runS} s (and the baseline)`,
      );
      const gate = GATES[subject === spike ? "spike" : "links"][mode];
      measured.set(subject, await measureConfirmed(gate, () => measure(subject)));
    }

    const verifyFrom = performance.now();
    await base.stop();
    const linksStopCode = links ? await links.stop() : 0;
    const baselineErrors = [baseline.warm!, ...baseline.runs].reduce(
      (s, r) => s + r.errors + r.timeouts + r.other,
      0,
    );

    const results: BenchResult[] = [];
    for (const subject of subjects) {
      // Errors and click accounting over every run of the subject, warm-up and retries included.
      const all = [subject.warm!, ...subject.runs];
      const sent = new Map<string, boolean>();
      for (const file of subject.tagFiles) for (const [t, b] of readTags(file)) sent.set(t, b);
      const shareIds = subject === spike ? [hot.shareId] : links!.shareIds;
      const dbUrl = subject === spike ? app.databaseUrl : ctx.databaseUrl;
      const clicks = await verifyClicks(dbUrl, shareIds, sent);
      const { best, ratios: attempts } = measured.get(subject)!;
      const ratio = best.ratio;
      const rps = sum(best.subjectRuns, "requests") / sum(best.subjectRuns, "seconds");
      const baseRps = sum(best.baselineRuns, "requests") / sum(best.baselineRuns, "seconds");
      const p50 = median(best.subjectRuns.map((r) => r.p50));
      const p99 = median(best.subjectRuns.map((r) => r.p99));
      const baseP50 = median(best.baselineRuns.map((r) => r.p50));
      const baseP99 = median(best.baselineRuns.map((r) => r.p99));
      const errors = sum(all, "errors") + sum(all, "timeouts");
      const other = sum(all, "other");
      const isSpike = subject === spike;
      const checks = [
        { label: "socket errors and timeouts = 0", ok: errors === 0, detail: String(errors) },
        { label: "every answer a 302", ok: other === 0, detail: `${other} other answers` },
        { label: "lost = 0", ok: clicks.lost === 0, detail: String(clicks.lost) },
        { label: "doubled = 0", ok: clicks.doubled === 0, detail: String(clicks.doubled) },
        { label: "bot flags right", ok: clicks.wrongFlag === 0, detail: String(clicks.wrongFlag) },
        {
          label: "baseline without errors",
          ok: baselineErrors === 0,
          detail: `${baselineErrors} errors or non-302`,
        },
      ];
      if (!isSpike)
        checks.push({
          label: "graceful stop",
          ok: linksStopCode === 0,
          detail: `exit ${linksStopCode}`,
        });
      results.push({
        name: isSpike
          ? "redirect spike: 1 hot link, new visitor per request, jobs on, demo db"
          : "redirect: 10 links, jobs off",
        baseline: { label: "bare http 302", value: baseRps, unit: "req/s" },
        subject: { label: "GET /{code}", value: rps, unit: "req/s" },
        ratio,
        gate: GATES[isSpike ? "spike" : "links"][mode],
        checks,
        goal: {
          text: `≥ ${GOAL.ratio}×, p99 ≤ ${GOAL.p99Ms} ms`,
          met: ratio >= GOAL.ratio && p99 <= GOAL.p99Ms,
        },
        summary:
          `p99 ${p99} ms (bare ${baseP99} ms), answered ${sent.size}, lost ${clicks.lost}, ` +
          `doubled ${clicks.doubled}, errors ${errors}` +
          (attempts.length > 1
            ? `; re-measured: ${attempts.map((r) => r.toFixed(2)).join(" → ")}`
            : ""),
        details: {
          connections: CONNECTIONS,
          rounds: settings.rounds,
          secondsPerRun: settings.runS,
          attempts: attempts.map((r) => r.toFixed(2)).join(" "),
          roundRatios: best.ratios.map((r) => r.toFixed(2)).join(" "),
          baselineReqPerSec: Math.round(baseRps),
          baselineP50Ms: baseP50,
          baselineP99Ms: baseP99,
          subjectReqPerSec: Math.round(rps),
          subjectP50Ms: p50,
          subjectP99Ms: p99,
          subjectNon302: other,
          subjectErrorsAndTimeouts: errors,
          redirectsAnswered: sent.size,
          botRedirectsAnswered: [...sent.values()].filter(Boolean).length,
          clicksRecorded: clicks.recordedRows,
          lost: clicks.lost,
          doubled: clicks.doubled,
          wrongBotFlag: clicks.wrongFlag,
          extraInFlightAtEnd: clicks.extra,
          ...(isSpike ? { appStartSeconds: Number(app.startSeconds.toFixed(1)) } : {}),
        },
      });
    }
    ctx.log(
      `redirect: clicks verified in ${((performance.now() - verifyFrom) / 1000).toFixed(1)} s`,
    );
    return results;
  } finally {
    for (const stop of stops) await stop().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
