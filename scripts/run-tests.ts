/**
 * `npm test`: lint/format/types, unit, integration (real PostgreSQL; the production build is made
 * meanwhile), end-to-end (Chromium), the quick
 * benchmarks (a ratio regression fails), then
 * the summary (tests/support/test-summary.ts): the wall time of each phase, the hardening suites
 * (how many routes, probes and fuzzed cases each ran and how many failed) and the e2e retries.
 * Stops at the first failing phase but always prints the summary of what ran. The run fails when a
 * phase fails, when a hardening report has failed probes (even if its runner exited 0), or when an
 * e2e test still failed after a retry; tests that passed on a retry are listed as flaky.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  flakyRepeatProblems,
  testsOfReport,
  updateFlakyHistory,
  type FlakyHistory,
} from "../tests/support/flaky-history";
import { hardeningReportDir } from "../tests/support/hardening-report";
import {
  formatDuration,
  formatE2eRetries,
  formatHardeningTable,
  formatPhaseTable,
  parseHardeningReport,
  runProblems,
  summarizePlaywrightReport,
  type E2eRetrySummary,
  type HardeningReportFile,
  type PhaseResult,
  type PlaywrightJsonReport,
} from "../tests/support/test-summary";
import { buildIsStale, nextBin } from "./build-state";

/** Where playwright.config.ts's JSON reporter writes. */
const E2E_REPORT = path.join(process.cwd(), "test-results", "e2e-report.json");
/**
 * Which e2e tests needed a retry the last time they ran (tests/support/flaky-history.ts): outside
 * the checkout, so it carries over between CI's fresh clones on the same machine.
 */
const FLAKY_HISTORY =
  process.env.E2E_FLAKY_HISTORY ?? path.join(os.homedir(), ".cache", "chorus", "e2e-flaky.json");

/** The background build (startBuild): declared before the phases run them. */
const BUILD_LOG = path.join(process.cwd(), "test-results", "next-build.log");
let building: Promise<boolean> | null = null;

const phases: Array<{ name: string; run: () => Promise<boolean> }> = [
  { name: "check", run: runCheck },
  { name: "unit", run: () => npm(["run", "test:unit"]) },
  {
    name: "integration",
    run: () => {
      // The production build the e2e app and the benchmarks start (when the sources are newer
      // than it) is made meanwhile: the integration tests wait on PostgreSQL more than on the CPU.
      startBuild();
      return npm(["run", "test:integration"]);
    },
  },
  // What is left of the build once the integration tests end (its own time in its log line).
  { name: "build", run: finishBuild },
  { name: "e2e", run: () => npm(["run", "test:e2e"]) },
  // The quick benchmarks (bench/run.ts --quick): ratios against same-run baselines, gated; after
  // e2e, which has built the app they start.
  { name: "bench", run: () => npm(["run", "bench", "--", "--quick"]) },
];

const dir = hardeningReportDir();
fs.rmSync(dir, { recursive: true, force: true });
fs.rmSync(E2E_REPORT, { force: true }); // never read an earlier run's report

const results: PhaseResult[] = phases.map((p) => ({ name: p.name, status: "not run", ms: null }));
for (const [index, phase] of phases.entries()) {
  const started = performance.now();
  const ok = await phase.run();
  results[index] = {
    name: phase.name,
    status: ok ? "passed" : "failed",
    ms: performance.now() - started,
  };
  if (!ok) break;
}

const hardening = readHardeningReports();
const e2eRan = results.find((p) => p.name === "e2e")!.status !== "not run";
const e2e = e2eRan ? readE2eReport() : null;
const flakyRepeats = e2eRan ? recordFlakyHistory() : [];

console.log("\n== Phases");
for (const line of formatPhaseTable(results)) console.log(line);
console.log("\n== Hardening summary");
for (const line of formatHardeningTable(
  hardening.flatMap((f) => ("report" in f ? [f.report] : [])),
)) {
  console.log(line);
}
if (e2eRan) {
  console.log("\n== E2E retries");
  if (e2e) for (const line of formatE2eRetries(e2e)) console.log(line);
  else console.log(`(no Playwright JSON report at ${path.relative(process.cwd(), E2E_REPORT)})`);
  for (const name of flakyRepeats) console.log(`  needed a retry in the previous run too: ${name}`);
}

const problems = [
  ...runProblems({ phases: results, hardening, e2e }),
  ...flakyRepeatProblems(flakyRepeats),
];
if (problems.length > 0) {
  console.error("\nnpm test failed:");
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log("\nnpm test passed.");

// ---------------------------------------------------------------------------------------------

function readHardeningReports(): HardeningReportFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => parseHardeningReport(file, fs.readFileSync(path.join(dir, file), "utf8")));
}

function readE2eReport(): E2eRetrySummary | null {
  if (!fs.existsSync(E2E_REPORT)) return null;
  try {
    const report = JSON.parse(fs.readFileSync(E2E_REPORT, "utf8")) as PlaywrightJsonReport;
    return summarizePlaywrightReport(report);
  } catch (err) {
    console.error(`Could not read ${E2E_REPORT}: ${err instanceof Error ? err.message : err}`);
    return null;
  }
}

/** Updates the flaky history with this run's report; returns the tests flaky twice in a row. */
function recordFlakyHistory(): string[] {
  if (!fs.existsSync(E2E_REPORT)) return [];
  try {
    const report = JSON.parse(fs.readFileSync(E2E_REPORT, "utf8")) as PlaywrightJsonReport;
    const previous: FlakyHistory = fs.existsSync(FLAKY_HISTORY)
      ? (JSON.parse(fs.readFileSync(FLAKY_HISTORY, "utf8")) as FlakyHistory)
      : {};
    const { repeated, next } = updateFlakyHistory(previous, testsOfReport(report));
    fs.mkdirSync(path.dirname(FLAKY_HISTORY), { recursive: true });
    fs.writeFileSync(FLAKY_HISTORY, JSON.stringify(next, null, 2));
    return repeated;
  } catch (err) {
    console.error(`Could not update ${FLAKY_HISTORY}: ${err instanceof Error ? err.message : err}`);
    return [];
  }
}

/** Starts `next build` in the background when the build is missing or older than the sources. */
function startBuild(): void {
  if (building || !buildIsStale(process.cwd())) return;
  fs.mkdirSync(path.dirname(BUILD_LOG), { recursive: true });
  const out = fs.openSync(BUILD_LOG, "w");
  const started = performance.now();
  console.log(`[test] building the app in the background (log: ${path.relative(".", BUILD_LOG)})`);
  building = new Promise<boolean>((resolve) => {
    const child = spawn(process.execPath, [nextBin(process.cwd()), "build"], {
      stdio: ["ignore", out, out],
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.once("error", () => resolve(false));
    child.once("exit", (code) => resolve(code === 0));
  }).then((ok) => {
    fs.closeSync(out);
    const took = formatDuration(performance.now() - started);
    console.log(`[test] the background build ${ok ? "finished" : "FAILED"} in ${took}`);
    return ok;
  });
}

/** Waits for the background build (none started: nothing to wait for); prints its log if it failed. */
async function finishBuild(): Promise<boolean> {
  if (!building) return true;
  const ok = await building;
  if (!ok) process.stdout.write(fs.readFileSync(BUILD_LOG, "utf8"));
  return ok;
}

function npm(args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn("npm", args, { stdio: "inherit" });
    child.once("error", () => resolve(false));
    child.once("exit", (code) => resolve(code === 0));
  });
}

/**
 * `npm run check`, its steps side by side: package.json's "check" is `npm run a && npm run b …`;
 * its steps (type-check, lint, dependency rules, format) read the code and write nothing the
 * others read, so they run two at a time (CHECK_CONCURRENCY), each one's output printed whole when
 * it ends. Every step runs; the phase fails when any fails. Any other form of the script runs as is.
 */
async function runCheck(): Promise<boolean> {
  const pkg = JSON.parse(fs.readFileSync("package.json", "utf8")) as {
    scripts?: Record<string, string>;
  };
  const steps = npmRunSteps(pkg.scripts?.check ?? "");
  if (!steps) return npm(["run", "check"]);
  const concurrency = Math.max(
    1,
    Number(process.env.CHECK_CONCURRENCY) || Math.min(2, os.availableParallelism()),
  );
  const queue = [...steps];
  const outcomes: boolean[] = [];
  const worker = async () => {
    for (let step = queue.shift(); step; step = queue.shift()) {
      const started = performance.now();
      const { ok, output } = await npmCaptured(["run", step]);
      const took = formatDuration(performance.now() - started);
      process.stdout.write(`\n> npm run ${step} (${ok ? "passed" : "FAILED"}, ${took})\n`);
      process.stdout.write(output);
      outcomes.push(ok);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes.length === steps.length && outcomes.every(Boolean);
}

/** ["typecheck", "lint"] for "npm run typecheck && npm run lint"; null for anything else. */
function npmRunSteps(script: string): string[] | null {
  const parts = script.split("&&").map((part) => part.trim());
  const names = parts.map((part) => /^npm run ([\w:.-]+)$/.exec(part)?.[1]);
  return names.length > 0 && names.every(Boolean) ? (names as string[]) : null;
}

function npmCaptured(args: string[]): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const child = spawn("npm", ["--silent", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (d: Buffer) => chunks.push(d));
    child.stderr.on("data", (d: Buffer) => chunks.push(d));
    child.once("error", (err) => resolve({ ok: false, output: `${err.message}\n` }));
    child.once("close", (code) =>
      resolve({ ok: code === 0, output: Buffer.concat(chunks).toString() }),
    );
  });
}
