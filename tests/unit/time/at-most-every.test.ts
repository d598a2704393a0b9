import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { atMostEvery } from "@/lib/core/time/at-most-every";

describe("atMostEvery", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runs the first call at once and a burst's calls once more at the interval's end", () => {
    const runs: number[] = [];
    const call = atMostEvery(5000, () => runs.push(Date.now()));
    const start = Date.now();
    call();
    expect(runs).toEqual([start]);
    vi.advanceTimersByTime(1000);
    call();
    call();
    vi.advanceTimersByTime(1000);
    call();
    expect(runs).toHaveLength(1);
    vi.advanceTimersByTime(2999);
    expect(runs).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual([start, start + 5000]);
    // Quiet afterwards: nothing more runs.
    vi.advanceTimersByTime(60_000);
    expect(runs).toHaveLength(2);
  });

  it("runs at once again when the last run is older than the interval", () => {
    let runs = 0;
    const call = atMostEvery(5000, () => runs++);
    call();
    vi.advanceTimersByTime(7000);
    call();
    expect(runs).toBe(2);
    call(); // right after a run: waits the whole interval
    vi.advanceTimersByTime(4999);
    expect(runs).toBe(2);
    vi.advanceTimersByTime(1);
    expect(runs).toBe(3);
  });
});
