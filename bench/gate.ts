/**
 * The benchmark gate: what makes `npm run bench` pass or fail, kept free of I/O so a unit test
 * (tests/unit/bench/gate.test.ts) can prove that a regressed ratio fails.
 *
 * Every scenario is judged on a ratio against a baseline measured in the same run (never on an
 * absolute time: a loaded machine slows both sides) plus correctness checks (a redirect lost or
 * recorded twice, a socket error, a wrong row count), each of which fails the scenario whatever
 * the ratio. The threshold of a ratio is written, with its reasoning, next to the scenario in its
 * bench file, per mode: quick mode (`--quick`, small data, a few seconds per scenario; run by
 * `npm test`) and full mode (the figures in the notes).
 *
 * A scenario may also carry a goal (the scale issue's target, say "ratio ≥ 0.6"): it is printed
 * with ✓/✗ but never fails the run — a gate catches regressions, a goal is reported.
 */

export type BenchMode = "quick" | "full";

export interface Gate {
  /** "min": the ratio must be ≥ threshold (throughput); "max": ≤ threshold (time, cost). */
  kind: "min" | "max";
  threshold: number;
  /** Why this threshold: typical value measured here, noise seen, what regression it catches. */
  why: string;
}

export interface BenchMeasure {
  label: string;
  value: number;
  /** "ms", "req/s", … */
  unit: string;
}

export interface BenchCheck {
  label: string;
  ok: boolean;
  detail?: string;
}

export interface BenchResult {
  name: string;
  /** What the subject is compared against, measured in the same process and run. */
  baseline: BenchMeasure;
  subject: BenchMeasure;
  /** subject ÷ baseline (for times lower is better, for throughput higher is better). */
  ratio: number;
  /** The regression gate of this scenario in the mode it ran in. */
  gate: Gate;
  /** Correctness: every check must hold (lost = 0, doubled = 0, errors = 0…). */
  checks: BenchCheck[];
  /** A reported target that does not fail the run. */
  goal?: { text: string; met: boolean };
  /** One line of the figures that matter besides the ratio (p99, lost, doubled…). */
  summary?: string;
  details?: Record<string, number | string>;
}

export interface Verdict {
  pass: boolean;
  /** Why it failed (empty when it passed). */
  reasons: string[];
}

/** Whether a ratio is within its gate. A ratio that is not a finite number never passes. */
export function ratioWithinGate(ratio: number, gate: Gate): boolean {
  if (!Number.isFinite(ratio) || !Number.isFinite(gate.threshold)) return false;
  return gate.kind === "min" ? ratio >= gate.threshold : ratio <= gate.threshold;
}

export function formatGate(gate: Gate): string {
  return `${gate.kind === "min" ? "≥" : "≤"} ${gate.threshold}×`;
}

export function judge(result: BenchResult): Verdict {
  const reasons: string[] = [];
  if (!ratioWithinGate(result.ratio, result.gate)) {
    reasons.push(
      `ratio ${Number.isFinite(result.ratio) ? result.ratio.toFixed(2) : String(result.ratio)} ` +
        `not ${formatGate(result.gate)}`,
    );
  }
  for (const check of result.checks) {
    if (!check.ok) reasons.push(check.detail ? `${check.label} (${check.detail})` : check.label);
  }
  return { pass: reasons.length === 0, reasons };
}

/**
 * The exit code of `npm run bench`:
 * 0 — every scenario ran and passed its gate and its checks;
 * 1 — a scenario was measured and failed its gate (a regression) or a check (lost, doubled,
 *     errors…), whatever else happened;
 * 2 — nothing failed a gate, but the run is incomplete: bad arguments, a benchmark that could not
 *     set up or crashed, or no result at all.
 */
export function exitCodeFor(results: BenchResult[], { crashed }: { crashed: boolean }): 0 | 1 | 2 {
  if (results.some((r) => !judge(r).pass)) return 1;
  if (crashed || results.length === 0) return 2;
  return 0;
}

/**
 * Measures, and measures once more when the ratio misses its gate, keeping the better attempt: on
 * a shared machine one disturbed measurement should not fail the run, while a real regression
 * misses the gate both times. Correctness checks are never retried (they are judged by the caller
 * on everything that ran).
 */
export async function measureConfirmed<T extends { ratio: number }>(
  gate: Gate,
  measure: (attempt: number) => Promise<T>,
  { attempts = 2 }: { attempts?: number } = {},
): Promise<{ best: T; ratios: number[] }> {
  const ratios: number[] = [];
  let best: T | null = null;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const m = await measure(attempt);
    ratios.push(m.ratio);
    if (best === null || better(gate, m.ratio, best.ratio)) best = m;
    if (ratioWithinGate(m.ratio, gate)) break;
  }
  return { best: best!, ratios };
}

function better(gate: Gate, a: number, b: number): boolean {
  if (!Number.isFinite(a)) return false;
  if (!Number.isFinite(b)) return true;
  return gate.kind === "min" ? a > b : a < b;
}

/** The table: scenario, measured, baseline, ratio, target (the gate), pass/fail, goal. */
export function formatTable(results: BenchResult[]): string[] {
  const header = ["scenario", "measured", "baseline", "ratio", "target", "result", "goal"];
  const rows = results.map((r) => {
    const verdict = judge(r);
    return [
      r.name,
      `${formatMeasure(r.subject)} (${r.subject.label})`,
      `${formatMeasure(r.baseline)} (${r.baseline.label})`,
      `${Number.isFinite(r.ratio) ? r.ratio.toFixed(2) : String(r.ratio)}×`,
      formatGate(r.gate),
      verdict.pass ? "pass" : `FAIL: ${verdict.reasons.join("; ")}`,
      r.goal ? `${r.goal.text} ${r.goal.met ? "✓" : "✗"}` : "",
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  const notes = results.flatMap((r) => (r.summary ? [`  ${r.name}: ${r.summary}`] : []));
  return [
    line(header),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.map(line),
    ...(notes.length ? ["", ...notes] : []),
  ];
}

export function formatMeasure(m: BenchMeasure): string {
  const digits = m.value >= 100 ? 0 : m.value >= 10 ? 1 : 2;
  return `${m.value.toFixed(digits)} ${m.unit}`;
}

/** The p-th percentile (nearest rank) of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}
