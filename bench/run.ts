/**
 * `npm run bench [-- --quick] [-- name…]`: the benchmarks, each reported as a ratio against a
 * baseline measured in the same run and judged by a gate (bench/gate.ts; thresholds and their
 * reasoning in each bench file). Names: dashboard, leaderboard, impact, members, digest, scale,
 * redirect, mail, import-invitations (all when none).
 *
 * --quick: small data and short runs (≤ 60 s in all on a 2-core machine, database set-up
 *          included; a missing or stale production build is built first, as `npm start` does).
 *          Meant for `npm test`.
 * (default) full mode: the sizes and durations of the figures in the notes.
 *
 * Exit code: 0 every gate and check passed · 1 a scenario failed its gate or a check ·
 * 2 the run could not complete (bad arguments, set-up error, a benchmark crashed, time limit).
 *
 * Everything runs on fresh databases (TEST_DATABASE_URL / DATABASE_URL server, else embedded):
 * the run's database for the dashboard and the 10-link redirect scenario, and one seeded with the
 * demo for the app as `npm start` runs it (bench/app-server.ts), which the spike redirect and the
 * import share: started in the background at once, while the dashboard builds its data.
 */
import os from "node:os";
import { createTestDatabase, type TestDatabase } from "../tests/helpers/test-database";
import { startAppServer, type AppServer } from "./app-server";
import type { BenchContext } from "./context";
import { exitCodeFor, type BenchMode, type BenchResult } from "./gate";
import { startLoadGenerator, type LoadGenerator } from "./load";
import { printResults } from "./report";

type Bench = (ctx: BenchContext) => Promise<BenchResult[]>;

/** In the order they run: the dashboard's data is built while the app server starts. */
const BENCHES: Record<
  string,
  { load: () => Promise<Bench>; usesApp: boolean; fullOnly?: boolean }
> = {
  dashboard: {
    load: async () => (await import("./dashboard")).benchDashboard,
    usesApp: false,
  },
  // Full mode only (quick mode runs it when named): building 10,000 members and their ledger
  // takes ~20 s and the timing ~25 s on the 2-core machine, past quick mode's 10-second budget.
  leaderboard: {
    load: async () => (await import("./leaderboard")).benchLeaderboard,
    usesApp: false,
    fullOnly: true,
  },
  // Full mode only, unless named: its data set-up (two organisations, rollups) costs more than
  // the ten seconds quick mode (npm test) may spend on it on a loaded 2-core machine.
  impact: {
    load: async () => (await import("./impact")).benchImpact,
    usesApp: false,
    fullOnly: true,
  },
  // Full mode only, unless named (quick mode runs a small organisation when named).
  members: {
    load: async () => (await import("./members")).benchMembers,
    usesApp: false,
    fullOnly: true,
  },
  digest: {
    load: async () => (await import("./digest")).benchDigest,
    usesApp: false,
    fullOnly: true,
  },
  // Full mode only, unless named (CI time): 2,000 members and 200,000 clicks in quick mode (~30 s
  // with its fixture); full: 50,000 members and 10 M clicks over 13 months (the fixture: minutes).
  scale: {
    load: async () => (await import("./scale")).benchScale,
    usesApp: false,
    fullOnly: true,
  },
  redirect: { load: async () => (await import("./redirect")).benchRedirect, usesApp: true },
  // Email throughput: its own SMTP sink and an email worker in a child process on the run's database.
  mail: { load: async () => (await import("./mail")).benchMail, usesApp: false },
  "import-invitations": {
    load: async () => (await import("./import-invitations")).benchImportInvitations,
    usesApp: true,
  },
};
const FLAGS = new Set(["--quick", "--full"]);
/**
 * Quick mode must end well inside this, counted from the moment the app server is up (a build
 * the app needed first — `npm start` builds when the sources are newer than the build — and the
 * demo seed are not the benchmarks' time); past it the run is stopped (exit 2).
 */
const QUICK_LIMIT_MS = 240_000;
/** The app server's start (build included, on a loaded machine) must end inside this. */
const START_LIMIT_MS = 900_000;

const args = process.argv.slice(2);
const badFlags = args.filter((a) => a.startsWith("-") && !FLAGS.has(a));
const wanted = args.filter((a) => !a.startsWith("-"));
const unknown = wanted.filter((name) => !(name in BENCHES));
if (badFlags.length || unknown.length) {
  if (badFlags.length) console.error(`Unknown option: ${badFlags.join(", ")} (known: --quick)`);
  if (unknown.length)
    console.error(
      `Unknown benchmark: ${unknown.join(", ")}. Known: ${Object.keys(BENCHES).join(", ")}`,
    );
  process.exit(2);
}
const mode: BenchMode = args.includes("--quick") ? "quick" : "full";
const names = Object.keys(BENCHES).filter((name) =>
  wanted.length ? wanted.includes(name) : mode === "full" || !BENCHES[name]!.fullOnly,
);
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
const log = (line: string) => console.log(`[bench] ${line}`);

const started = performance.now();
const loadAtStart = loadAverage();
log(`${mode} mode: ${names.join(", ")} (load average ${loadAtStart}, ${os.cpus().length} cores)`);

let database: TestDatabase | null = null;
let app: Promise<AppServer> | null = null;
let loadGen: Promise<LoadGenerator> | null = null;
let appExit: number | null = null;

/** Everything this run started, stopped side by side: the load generator, the app, the database. */
async function cleanUp() {
  const t = performance.now();
  await Promise.all([
    (async () => {
      if (loadGen) await (await loadGen.catch(() => null))?.stop();
    })(),
    (async () => {
      const server = await app?.catch(() => null);
      if (!server) return;
      appExit = await server.stop();
      if (appExit !== 0)
        console.error(
          `[bench] the app server exited with ${appExit}; its output ends:\n` +
            server.output().split("\n").slice(-40).join("\n"),
        );
    })(),
    (async () => {
      const { disconnectDb } = await import("@/lib/core/db/client");
      await disconnectDb().catch(() => {});
      await database?.drop().catch((e) => console.error("[bench] dropping the database:", e));
    })(),
  ]);
  log(`stopped and dropped everything (${((performance.now() - t) / 1000).toFixed(1)} s)`);
}

let cleaning: Promise<void> | null = null;
const abort = (why: string) => {
  console.error(`[bench] ${why}: stopping`);
  cleaning ??= cleanUp();
  void cleaning.finally(() => process.exit(2));
};
process.once("SIGINT", () => abort("interrupted"));
process.once("SIGTERM", () => abort("terminated"));
let watchdog: NodeJS.Timeout | null = null;
const watch = (ms: number, why: string) => {
  if (mode !== "quick") return;
  if (watchdog) clearTimeout(watchdog);
  watchdog = setTimeout(() => abort(why), ms);
};
watch(START_LIMIT_MS, `the app server not up after ${START_LIMIT_MS / 1000} s`);

const results: BenchResult[] = [];
let crashed = false;
try {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  log(`database ready (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  if (names.some((name) => BENCHES[name]!.usesApp)) {
    app = startAppServer();
    if (names.includes("redirect")) {
      loadGen = startLoadGenerator();
      loadGen.catch(() => {}); // reported by the redirect benchmark when it asks for it
    }
    app.then(
      (a) => {
        log(`app server ready (${a.startSeconds.toFixed(1)} s to start, demo seeded)`);
        watch(
          QUICK_LIMIT_MS,
          `quick mode still running ${QUICK_LIMIT_MS / 1000} s after the app started`,
        );
      },
      () => {},
    );
  } else {
    watch(QUICK_LIMIT_MS, `quick mode still running after ${QUICK_LIMIT_MS / 1000} s`);
  }
  const ctx: BenchContext = {
    mode,
    databaseUrl: database.url,
    appServer: () => (app ??= startAppServer()),
    loadGenerator: () => (loadGen ??= startLoadGenerator()),
    settle: async () => {
      await app?.catch(() => {});
    },
    log,
  };
  for (const name of names) {
    const t = performance.now();
    try {
      const bench = await BENCHES[name]!.load();
      results.push(...(await bench(ctx)));
      log(`${name} done (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    } catch (error) {
      crashed = true;
      console.error(`[bench] ${name} could not run:`, error);
    }
  }
} catch (error) {
  crashed = true;
  console.error("[bench] set-up failed:", error);
} finally {
  cleaning ??= cleanUp();
  await cleaning;
}
if (watchdog) clearTimeout(watchdog);
if (appExit !== null && appExit !== 0) crashed = true;
printResults(results, {
  mode,
  seconds: (performance.now() - started) / 1000,
  load: `${loadAtStart} → ${loadAverage()}`,
});
const code = exitCodeFor(results, { crashed });
log(
  code === 0
    ? "every gate passed"
    : code === 1
      ? "FAILED: a scenario failed its gate or a check"
      : "INCOMPLETE: a benchmark could not run",
);
process.exit(code);
