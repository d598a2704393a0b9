/**
 * The hardening suites (route inventory, tenant isolation, role matrix, bad input, headers,
 * secrets, accessibility, scale-out, backup) each write one small JSON report here; `npm test`
 * prints them together at the end (scripts/run-tests.ts), so a run shows how many routes, probes
 * and fuzzed cases ran and how many failed.
 */
import fs from "node:fs";
import path from "node:path";

export interface SuiteReport {
  /** Short, unique name, e.g. "tenant isolation". */
  suite: string;
  /** Routes (route handlers, pages, server actions) the suite covered. */
  routes?: number;
  /** Individual checks made (requests sent, pages scanned, headers checked…). */
  probes: number;
  /** Property-based cases generated (bad-input suite). */
  fuzzedCases?: number;
  /** Probes that failed. A suite with failures also fails its test. */
  failed: number;
  /** A line or two on anything a reader should know (first failures, skipped parts). */
  notes?: string[];
}

export function hardeningReportDir(): string {
  return process.env.HARDENING_REPORT_DIR ?? path.join(process.cwd(), "test-results", "hardening");
}

/** Writes (or replaces) this suite's report. Call it from afterAll, whatever the outcome. */
export function writeSuiteReport(report: SuiteReport): void {
  const dir = hardeningReportDir();
  fs.mkdirSync(dir, { recursive: true });
  const file = report.suite
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  fs.writeFileSync(
    path.join(dir, `${file}.json`),
    JSON.stringify({ ...report, writtenAt: new Date().toISOString() }, null, 2),
  );
}

/**
 * Collects probe outcomes inside a suite: `probe.check(label, ok, detail)`; at the end
 * `probe.report(...)` writes the report and `probe.failures` feeds one clear assertion.
 */
export class ProbeCounter {
  probes = 0;
  fuzzedCases = 0;
  readonly failures: string[] = [];
  /** Parts of the suite that did not run, with why: reported as notes, never counted as probes. */
  readonly skipped: string[] = [];
  readonly routes = new Set<string>();

  check(label: string, ok: boolean, detail?: string): boolean {
    this.probes += 1;
    if (!ok) this.failures.push(detail ? `${label}: ${detail}` : label);
    return ok;
  }

  /** A part that could not run here: not a probe (a skip is not a pass), a note in the report. */
  skip(label: string, reason: string): void {
    this.skipped.push(`skipped: ${label} (${reason})`);
  }

  route(id: string): void {
    this.routes.add(id);
  }

  report(suite: string, extra: Partial<SuiteReport> = {}): void {
    writeSuiteReport({
      suite,
      routes: this.routes.size || undefined,
      probes: this.probes,
      fuzzedCases: this.fuzzedCases || undefined,
      failed: this.failures.length,
      notes:
        this.failures.length || this.skipped.length
          ? [...this.failures.slice(0, 5), ...this.skipped]
          : undefined,
      ...extra,
    });
  }
}
