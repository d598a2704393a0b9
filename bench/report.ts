/** Benchmark results: a table for people and one JSON line for tools. */
import { formatTable, judge, type BenchMode, type BenchResult } from "./gate";

export type { BenchCheck, BenchMeasure, BenchMode, BenchResult, Gate } from "./gate";

export function printResults(
  results: BenchResult[],
  { mode, seconds, load }: { mode: BenchMode; seconds: number; load: string },
): void {
  console.log("");
  for (const line of formatTable(results)) console.log(line);
  console.log(
    `\n${mode} mode, ${seconds.toFixed(1)} s in all (database set-up included), load average ${load}. ` +
      "Ratios against a baseline measured in the same run; gates fail the run, goals are reported.",
  );
  console.log(
    `BENCH_JSON ${JSON.stringify({
      mode,
      seconds: Number(seconds.toFixed(1)),
      load,
      results: results.map((r) => ({ ...r, verdict: judge(r) })),
    })}`,
  );
}
