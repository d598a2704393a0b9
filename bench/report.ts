/** Benchmark results: a table for people and one JSON line for tools. */
export interface BenchResult {
  name: string;
  /** What the subject is compared against, measured in the same process and run. */
  baseline: { label: string; ms: number };
  subject: { label: string; ms: number };
  /** subject time ÷ baseline time (lower is better). */
  ratio: number;
  target?: string;
  pass?: boolean;
  details?: Record<string, number | string>;
}

export function printResults(results: BenchResult[]): void {
  const rows = results.map((r) => [
    r.name,
    `${r.baseline.label}: ${r.baseline.ms.toFixed(0)} ms`,
    `${r.subject.label}: ${r.subject.ms.toFixed(0)} ms`,
    r.ratio.toFixed(2),
    r.target ? `${r.target} ${r.pass ? "✓" : "✗"}` : "",
  ]);
  const header = ["benchmark", "baseline", "subject", "ratio", "target"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
  console.log(`BENCH_JSON ${JSON.stringify(results)}`);
}
