import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  flakyRepeatProblems,
  testsOfReport,
  updateFlakyHistory,
} from "@/tests/support/flaky-history";
import type { PlaywrightJsonReport } from "@/tests/support/test-summary";

const fixture = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, "fixtures", "playwright-report.json"), "utf8"),
) as PlaywrightJsonReport;

const LOCKOUT = "sign-in.spec.ts › lock-out › five wrong passwords lock the account [chromium]";
const ADMIN = "sign-in.spec.ts › an admin signs in with a password [chromium]";

describe("flaky history: a retry twice in a row fails the run", () => {
  it("names every test that ran, with whether it needed a retry", () => {
    const tests = testsOfReport(fixture);
    expect(tests).toContainEqual({ name: ADMIN, retried: false });
    expect(tests).toContainEqual({ name: LOCKOUT, retried: true });
  });

  it("a first flaky run is recorded but does not fail", () => {
    const { repeated, next } = updateFlakyHistory({}, testsOfReport(fixture));
    expect(repeated).toEqual([]);
    expect(next[LOCKOUT]).toBe(true);
    expect(next[ADMIN]).toBeUndefined();
  });

  it("the same test needing a retry in the next run fails it, with a readable reason", () => {
    const first = updateFlakyHistory({}, testsOfReport(fixture));
    const second = updateFlakyHistory(first.next, testsOfReport(fixture));
    expect(second.repeated).toContain(LOCKOUT);
    expect(flakyRepeatProblems(second.repeated)).toContain(
      `e2e test needed a retry in this run and the previous one: ${LOCKOUT}`,
    );
  });

  it("a clean pass clears the mark; a run without the test keeps it", () => {
    const marked = { [LOCKOUT]: true };
    const clean = updateFlakyHistory(marked, [{ name: LOCKOUT, retried: false }]);
    expect(clean.next[LOCKOUT]).toBeUndefined();
    const absent = updateFlakyHistory(marked, [{ name: ADMIN, retried: false }]);
    expect(absent.next[LOCKOUT]).toBe(true);
    expect(updateFlakyHistory(clean.next, [{ name: LOCKOUT, retried: true }]).repeated).toEqual([]);
  });
});
