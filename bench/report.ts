/** Benchmark results: a table for people and one JSON line for tools. */
export interface BenchMeasure {
  label: string;
  value: number;
  /** "ms", "req/s", … */
  unit: string;
}

export interface BenchResult {
  name: string;
  /** What the subject is compared against, measured in the same process and run. */
  baseline: BenchMeasure;
  subject: BenchMeasure;
  /** subject ÷ baseline (for times lower is better, for throughput higher is better). */
  ratio: number;
  target?: string;
  pass?: boolean;
  details?: Record<string, number | string>;
}

export function printResults(results: BenchResult[]): void {
  const rows = results.map((r) => [
    r.name,
    `${r.baseline.label}: ${formatMeasure(r.baseline)}`,
    `${r.subject.label}: ${formatMeasure(r.subject)}`,
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

function formatMeasure(m: BenchMeasure): string {
  const digits = m.value >= 100 ? 0 : m.value >= 10 ? 1 : 2;
  return `${m.value.toFixed(digits)} ${m.unit}`;
}
