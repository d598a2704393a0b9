/**
 * The end of `npm test` (scripts/run-tests.ts): how long each phase took, the hardening suites'
 * counts, the Playwright retries, and whether the run as a whole passed. Pure functions over plain
 * data (the reports are read by the caller), so tests/unit/test-summary.test.ts checks the rules:
 *
 * - a phase whose runner failed fails the run;
 * - a hardening report with `failed > 0` fails the run even when its runner exited 0 (and so does a
 *   report that cannot be read);
 * - an e2e test that still failed after its retries fails the run; one that passed on a retry
 *   is reported as flaky.
 */
import type { SuiteReport } from "./hardening-report";

// ---------------------------------------------------------------------------------------------
// Phases
// ---------------------------------------------------------------------------------------------

export type PhaseStatus = "passed" | "failed" | "not run";

export interface PhaseResult {
  name: string;
  status: PhaseStatus;
  /** Wall time in milliseconds (null when the phase did not run). */
  ms: number | null;
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(seconds % 60).padStart(2, "0")} s`;
}

export function formatPhaseTable(phases: PhaseResult[]): string[] {
  const ran = phases.filter((p) => p.ms !== null);
  const total = ran.reduce((n, p) => n + (p.ms ?? 0), 0);
  const rows = phases.map((p) => [p.name, p.ms === null ? "–" : formatDuration(p.ms), p.status]);
  return table(["phase", "wall time", "result"], rows, ["total", formatDuration(total), ""]);
}

// ---------------------------------------------------------------------------------------------
// Hardening reports
// ---------------------------------------------------------------------------------------------

/** A report file as read: its parsed content, or why it could not be used. */
export type HardeningReportFile =
  { file: string; report: SuiteReport } | { file: string; error: string };

/** Parses one report file's text; a report without the numeric fields is unreadable too. */
export function parseHardeningReport(file: string, text: string): HardeningReportFile {
  try {
    const report = JSON.parse(text) as SuiteReport;
    if (
      typeof report?.suite !== "string" ||
      typeof report.probes !== "number" ||
      typeof report.failed !== "number"
    ) {
      return { file, error: "not a hardening report (suite, probes, failed)" };
    }
    return { file, report };
  } catch (err) {
    return { file, error: err instanceof Error ? err.message : String(err) };
  }
}

export function formatHardeningTable(reports: SuiteReport[]): string[] {
  if (reports.length === 0) return ["(no hardening suite ran)"];
  const sorted = [...reports].sort((a, b) => a.suite.localeCompare(b.suite));
  const rows = sorted.map((r) => [
    r.suite,
    r.routes === undefined ? "–" : String(r.routes),
    String(r.probes),
    r.fuzzedCases === undefined ? "–" : String(r.fuzzedCases),
    String(r.failed),
  ]);
  const total = [
    "total",
    "",
    String(sorted.reduce((n, r) => n + r.probes, 0)),
    String(sorted.reduce((n, r) => n + (r.fuzzedCases ?? 0), 0)),
    String(sorted.reduce((n, r) => n + r.failed, 0)),
  ];
  const lines = table(["suite", "routes", "probes", "fuzzed cases", "failed"], rows, total);
  for (const report of sorted) {
    for (const note of report.notes ?? []) lines.push(`  ${report.suite}: ${note}`);
  }
  return lines;
}

/** Why the hardening reports fail the run (empty: they do not). */
export function hardeningProblems(files: HardeningReportFile[]): string[] {
  const problems: string[] = [];
  for (const f of files) {
    if ("error" in f) problems.push(`hardening report ${f.file} is unreadable: ${f.error}`);
    else if (f.report.failed > 0)
      problems.push(`hardening suite "${f.report.suite}" has ${f.report.failed} failed probe(s)`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Playwright JSON report (reporter "json": suites → specs → tests → results)
// ---------------------------------------------------------------------------------------------

export type PlaywrightResultStatus = "passed" | "failed" | "timedOut" | "skipped" | "interrupted";

export interface PlaywrightJsonResult {
  retry: number;
  status: PlaywrightResultStatus;
  duration?: number;
}

export interface PlaywrightJsonTest {
  projectName?: string;
  expectedStatus?: PlaywrightResultStatus;
  /** Playwright's verdict: expected, unexpected, flaky or skipped. */
  status?: "expected" | "unexpected" | "flaky" | "skipped";
  results: PlaywrightJsonResult[];
}

export interface PlaywrightJsonSpec {
  title: string;
  file?: string;
  line?: number;
  tests: PlaywrightJsonTest[];
}

export interface PlaywrightJsonSuite {
  title: string;
  file?: string;
  specs?: PlaywrightJsonSpec[];
  suites?: PlaywrightJsonSuite[];
}

export interface PlaywrightJsonReport {
  suites?: PlaywrightJsonSuite[];
  errors?: Array<{ message?: string }>;
}

export interface RetriedTest {
  /** "file › describe › title [project]" */
  name: string;
  /** Retries this test used (results beyond the first). */
  retries: number;
  /** Status of its last attempt. */
  finalStatus: PlaywrightResultStatus;
}

export interface E2eRetrySummary {
  /** Retries used over all tests. */
  retriesUsed: number;
  /** Tests that needed a retry and then passed (flaky). */
  flaky: RetriedTest[];
  /** Tests that needed a retry and still did not pass. */
  failedAfterRetry: RetriedTest[];
}

export function summarizePlaywrightReport(report: PlaywrightJsonReport): E2eRetrySummary {
  const summary: E2eRetrySummary = { retriesUsed: 0, flaky: [], failedAfterRetry: [] };
  const visit = (suite: PlaywrightJsonSuite, path: string[]) => {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const results = [...(test.results ?? [])].sort((a, b) => a.retry - b.retry);
        const last = results.at(-1);
        if (!last) continue;
        const retries = results.filter((r) => r.retry > 0).length;
        if (retries === 0) continue;
        summary.retriesUsed += retries;
        const expected = test.expectedStatus ?? "passed";
        const project = test.projectName ? ` [${test.projectName}]` : "";
        const entry: RetriedTest = {
          name: `${[...here, spec.title].join(" › ")}${project}`,
          retries,
          finalStatus: last.status,
        };
        const passed = last.status === expected && test.status !== "unexpected";
        (passed ? summary.flaky : summary.failedAfterRetry).push(entry);
      }
    }
    for (const child of suite.suites ?? []) visit(child, here);
  };
  for (const suite of report.suites ?? []) visit(suite, []);
  return summary;
}

export function formatE2eRetries(summary: E2eRetrySummary): string[] {
  const lines = [`e2e retries used: ${summary.retriesUsed}`];
  for (const t of summary.flaky) {
    lines.push(`  flaky, passed after ${retries(t.retries)}: ${t.name}`);
  }
  for (const t of summary.failedAfterRetry) {
    lines.push(`  FAILED after ${retries(t.retries)} (last attempt ${t.finalStatus}): ${t.name}`);
  }
  return lines;
}

export function e2eRetryProblems(summary: E2eRetrySummary): string[] {
  return summary.failedAfterRetry.map(
    (t) => `e2e test failed after ${retries(t.retries)}: ${t.name}`,
  );
}

const retries = (n: number) => `${n} ${n === 1 ? "retry" : "retries"}`;

// ---------------------------------------------------------------------------------------------
// The verdict
// ---------------------------------------------------------------------------------------------

export interface RunOutcome {
  phases: PhaseResult[];
  hardening: HardeningReportFile[];
  /** The e2e JSON report's summary, when the e2e phase ran and wrote one. */
  e2e: E2eRetrySummary | null;
}

/** Why the run fails (empty: it passes). */
export function runProblems(outcome: RunOutcome): string[] {
  return [
    ...outcome.phases
      .filter((p) => p.status === "failed")
      .map((p) => `the "${p.name}" phase failed`),
    ...hardeningProblems(outcome.hardening),
    ...(outcome.e2e ? e2eRetryProblems(outcome.e2e) : []),
  ];
}

// ---------------------------------------------------------------------------------------------

/** Left-aligned first column, right-aligned others, rules under the header and above the total. */
function table(header: string[], rows: string[][], total: string[]): string[] {
  const all = [header, ...rows, total];
  const widths = header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line), rule, line(total)];
}
