import { describe, expect, it } from "vitest";
import {
  exitCodeFor,
  formatTable,
  judge,
  measureConfirmed,
  median,
  percentile,
  ratioWithinGate,
  type BenchResult,
  type Gate,
} from "@/bench/gate";

const throughputGate: Gate = { kind: "min", threshold: 0.28, why: "test" };
const costGate: Gate = { kind: "max", threshold: 6, why: "test" };

function result(ratio: number, gate: Gate, overrides: Partial<BenchResult> = {}): BenchResult {
  return {
    name: "scenario",
    baseline: { label: "baseline", value: 100, unit: "req/s" },
    subject: { label: "subject", value: 100 * ratio, unit: "req/s" },
    ratio,
    gate,
    checks: [{ label: "lost = 0", ok: true, detail: "0" }],
    ...overrides,
  };
}

describe("bench gate", () => {
  it("passes a typical throughput ratio and fails a regressed one (half the throughput)", () => {
    const typical = 0.45;
    expect(judge(result(typical, throughputGate)).pass).toBe(true);
    const regressed = judge(result(typical / 2, throughputGate));
    expect(regressed.pass).toBe(false);
    expect(regressed.reasons).toEqual(["ratio 0.23 not ≥ 0.28×"]);
  });

  it("passes a typical cost ratio and fails a regressed one (twice the time)", () => {
    const typical = 4;
    expect(judge(result(typical, costGate)).pass).toBe(true);
    const regressed = judge(result(typical * 2, costGate));
    expect(regressed.pass).toBe(false);
    expect(regressed.reasons).toEqual(["ratio 8.00 not ≤ 6×"]);
  });

  it("treats the threshold itself as within the gate", () => {
    expect(ratioWithinGate(0.28, throughputGate)).toBe(true);
    expect(ratioWithinGate(6, costGate)).toBe(true);
  });

  it("never passes a ratio that is not a number (a baseline of 0, a failed measurement)", () => {
    for (const ratio of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(judge(result(ratio, throughputGate)).pass).toBe(false);
      expect(judge(result(ratio, costGate)).pass).toBe(false);
    }
  });

  it("fails on a failed check whatever the ratio", () => {
    const verdict = judge(
      result(0.9, throughputGate, {
        checks: [
          { label: "lost = 0", ok: false, detail: "3" },
          { label: "socket errors and timeouts = 0", ok: false, detail: "12" },
        ],
      }),
    );
    expect(verdict.pass).toBe(false);
    expect(verdict.reasons).toEqual(["lost = 0 (3)", "socket errors and timeouts = 0 (12)"]);
  });

  it("exit code: 0 all pass, 1 a gate or check failed, 2 incomplete", () => {
    const ok = result(0.5, throughputGate);
    const regressed = result(0.1, throughputGate);
    expect(exitCodeFor([ok, ok], { crashed: false })).toBe(0);
    expect(exitCodeFor([ok, regressed], { crashed: false })).toBe(1);
    expect(exitCodeFor([ok, regressed], { crashed: true })).toBe(1);
    expect(exitCodeFor([ok], { crashed: true })).toBe(2);
    expect(exitCodeFor([], { crashed: false })).toBe(2);
  });

  it("re-measures a missed gate once and fails when the second measurement misses it too", async () => {
    const regressed = [0.2, 0.22];
    const seen: number[] = [];
    const { best, ratios } = await measureConfirmed(throughputGate, async (attempt) => {
      seen.push(attempt);
      return { ratio: regressed[attempt - 1]! };
    });
    expect(seen).toEqual([1, 2]);
    expect(ratios).toEqual([0.2, 0.22]);
    expect(best.ratio).toBe(0.22);
    expect(judge(result(best.ratio, throughputGate)).pass).toBe(false);
  });

  it("keeps a passing re-measurement after one disturbed measurement", async () => {
    const { best, ratios } = await measureConfirmed(costGate, async (attempt) => ({
      ratio: attempt === 1 ? 9 : 4.2,
    }));
    expect(ratios).toEqual([9, 4.2]);
    expect(judge(result(best.ratio, costGate)).pass).toBe(true);
  });

  it("does not re-measure a ratio within its gate", async () => {
    let calls = 0;
    await measureConfirmed(costGate, async () => ({ ratio: (calls++, 3) }));
    expect(calls).toBe(1);
  });

  it("prints every scenario with measured, baseline, ratio, target and pass/fail", () => {
    const lines = formatTable([
      result(0.5, throughputGate, { name: "redirect spike", goal: { text: "≥ 0.6×", met: false } }),
      result(8, costGate, { name: "dashboard overview" }),
    ]);
    expect(lines[0]).toMatch(/^scenario\s+measured\s+baseline\s+ratio\s+target\s+result\s+goal$/);
    expect(lines[2]).toMatch(/^redirect spike .*0\.50×\s+≥ 0\.28×\s+pass\s+≥ 0\.6× ✗$/);
    expect(lines[3]).toMatch(/^dashboard overview .*8\.00×\s+≤ 6×\s+FAIL: ratio 8\.00 not ≤ 6×$/);
  });

  it("median and percentile (nearest rank)", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(Number.isNaN(median([]))).toBe(true);
  });
});
