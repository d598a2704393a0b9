import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { SuiteReport } from "@/tests/support/hardening-report";
import {
  formatE2eRetries,
  formatHardeningTable,
  formatPhaseTable,
  hardeningProblems,
  parseHardeningReport,
  runProblems,
  summarizePlaywrightReport,
  type PhaseResult,
  type PlaywrightJsonReport,
} from "@/tests/support/test-summary";

const fixture = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, "fixtures", "playwright-report.json"), "utf8"),
) as PlaywrightJsonReport;

const passedPhases: PhaseResult[] = [
  { name: "check", status: "passed", ms: 41_200 },
  { name: "unit", status: "passed", ms: 18_000 },
  { name: "integration", status: "passed", ms: 312_400 },
  { name: "e2e", status: "passed", ms: 1_000_000 },
];

const report = (fields: Partial<SuiteReport>): SuiteReport => ({
  suite: "tenant isolation",
  routes: 40,
  probes: 120,
  failed: 0,
  ...fields,
});
const file = (r: SuiteReport) => parseHardeningReport(`${r.suite}.json`, JSON.stringify(r));

describe("hardening reports", () => {
  it("a report with failed: 1 fails the run although every phase passed", () => {
    const hardening = [
      file(report({})),
      file(report({ suite: "bad input", failed: 1, notes: ["POST /api/content: 500"] })),
    ];
    expect(hardeningProblems(hardening)).toEqual([
      'hardening suite "bad input" has 1 failed probe(s)',
    ]);
    expect(runProblems({ phases: passedPhases, hardening, e2e: null })).toEqual([
      'hardening suite "bad input" has 1 failed probe(s)',
    ]);
  });

  it("reports without failures pass, and the table totals them", () => {
    const hardening = [file(report({})), file(report({ suite: "csrf", routes: undefined }))];
    expect(runProblems({ phases: passedPhases, hardening, e2e: null })).toEqual([]);
    const lines = formatHardeningTable(hardening.flatMap((f) => ("report" in f ? [f.report] : [])));
    expect(lines[0]).toMatch(/^suite\s+routes\s+probes\s+fuzzed cases\s+failed$/);
    expect(lines.at(-1)).toMatch(/^total\s+240\s+0\s+0$/);
    expect(lines.some((l) => /^csrf\s+–\s+120\s+–\s+0$/.test(l))).toBe(true);
  });

  it("an unreadable or malformed report fails the run", () => {
    const broken = parseHardeningReport("cut.json", '{"suite": "role matr');
    const shapeless = parseHardeningReport("odd.json", '{"suite": "odd"}');
    expect("error" in broken && "error" in shapeless).toBe(true);
    expect(hardeningProblems([broken, shapeless])).toHaveLength(2);
  });
});

describe("phases", () => {
  it("a failed phase fails the run; the table shows every phase's wall time", () => {
    const phases: PhaseResult[] = [
      passedPhases[0]!,
      { name: "unit", status: "failed", ms: 9_000 },
      { name: "integration", status: "not run", ms: null },
      { name: "e2e", status: "not run", ms: null },
    ];
    expect(runProblems({ phases, hardening: [], e2e: null })).toEqual(['the "unit" phase failed']);
    const lines = formatPhaseTable(phases);
    expect(lines[0]).toMatch(/^phase\s+wall time\s+result$/);
    expect(lines).toContainEqual(expect.stringMatching(/^check\s+41\.2 s\s+passed$/));
    expect(lines).toContainEqual(expect.stringMatching(/^integration\s+–\s+not run$/));
    expect(lines.at(-1)).toMatch(/^total\s+50\.2 s$/);
    expect(formatPhaseTable(passedPhases)).toContainEqual(
      expect.stringMatching(/^e2e\s+16 min 40 s\s+passed$/),
    );
  });
});

describe("Playwright retries", () => {
  const summary = summarizePlaywrightReport(fixture);

  it("counts the retries used and tells flaky tests from tests that failed after a retry", () => {
    expect(summary.retriesUsed).toBe(2);
    expect(summary.flaky).toEqual([
      {
        name: "sign-in.spec.ts › lock-out › five wrong passwords lock the account [chromium]",
        retries: 1,
        finalStatus: "passed",
      },
    ]);
    expect(summary.failedAfterRetry).toEqual([
      {
        name: "sharing.spec.ts › an employee shares a post and its link redirects [chromium]",
        retries: 1,
        finalStatus: "failed",
      },
    ]);
  });

  it("fails the run for the test still failing after its retry, not for the flaky one", () => {
    expect(runProblems({ phases: passedPhases, hardening: [], e2e: summary })).toEqual([
      "e2e test failed after 1 retry: sharing.spec.ts › an employee shares a post and its link redirects [chromium]",
    ]);
    const flakyOnly = { ...summary, failedAfterRetry: [] };
    expect(runProblems({ phases: passedPhases, hardening: [], e2e: flakyOnly })).toEqual([]);
  });

  it("prints the retries used and lists every retried spec", () => {
    expect(formatE2eRetries(summary)).toEqual([
      "e2e retries used: 2",
      "  flaky, passed after 1 retry: sign-in.spec.ts › lock-out › five wrong passwords lock the account [chromium]",
      "  FAILED after 1 retry (last attempt failed): sharing.spec.ts › an employee shares a post and its link redirects [chromium]",
    ]);
  });

  it("a run without retries reports 0 and passes", () => {
    const clean = summarizePlaywrightReport({
      suites: [
        {
          title: "a.spec.ts",
          specs: [
            {
              title: "works",
              tests: [{ expectedStatus: "passed", results: [{ retry: 0, status: "passed" }] }],
            },
          ],
        },
      ],
    });
    expect(clean).toEqual({ retriesUsed: 0, flaky: [], failedAfterRetry: [] });
    expect(formatE2eRetries(clean)).toEqual(["e2e retries used: 0"]);
    expect(summarizePlaywrightReport({})).toEqual(clean);
  });
});
