/**
 * "Flaky twice in a row fails": Playwright retries a failed test once in CI, so a test that fails
 * now and then still passes the run. `npm test` lists those (flaky), and keeps a small history
 * between runs on the machine (a file outside the checkout, as CI runs in a fresh clone each time):
 * a test that needed a retry in this run and in the previous run that ran it fails the run.
 * A run in which the test passed at the first attempt clears its mark; tests a run did not include
 * keep theirs.
 */
import type { PlaywrightJsonReport, PlaywrightJsonSuite } from "./test-summary";

/** Test name → it needed a retry the last time it ran. */
export type FlakyHistory = Record<string, boolean>;

export interface TestAttempts {
  name: string;
  /** It needed at least one retry. */
  retried: boolean;
}

/** Every test the report ran (skipped ones left out), named as in the retry summary. */
export function testsOfReport(report: PlaywrightJsonReport): TestAttempts[] {
  const out: TestAttempts[] = [];
  const visit = (suite: PlaywrightJsonSuite, path: string[]) => {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const results = test.results ?? [];
        if (results.length === 0 || results.every((r) => r.status === "skipped")) continue;
        const project = test.projectName ? ` [${test.projectName}]` : "";
        out.push({
          name: `${[...here, spec.title].join(" › ")}${project}`,
          retried: results.some((r) => r.retry > 0),
        });
      }
    }
    for (const child of suite.suites ?? []) visit(child, here);
  };
  for (const suite of report.suites ?? []) visit(suite, []);
  return out;
}

/** The tests that needed a retry now and the previous time too, and the history to keep. */
export function updateFlakyHistory(
  previous: FlakyHistory,
  tests: TestAttempts[],
): { repeated: string[]; next: FlakyHistory } {
  const next: FlakyHistory = { ...previous };
  const repeated: string[] = [];
  for (const test of tests) {
    if (test.retried && previous[test.name]) repeated.push(test.name);
    if (test.retried) next[test.name] = true;
    else delete next[test.name];
  }
  return { repeated, next };
}

export function flakyRepeatProblems(repeated: string[]): string[] {
  return repeated.map(
    (name) => `e2e test needed a retry in this run and the previous one: ${name}`,
  );
}
