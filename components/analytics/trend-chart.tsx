import type { ReactNode } from "react";
import type { TrendPoint } from "@/lib/domains/analytics/types";
import { formatCount, formatDay } from "@/components/analytics/format";

type Metric = Exclude<keyof TrendPoint, "day">;

export type MarkerShape = "circle" | "square" | "diamond" | "triangle";

export interface TrendSeries {
  metric: Metric;
  label: string;
  /**
   * Tailwind text colour classes (lines and markers use currentColor). Series of one chart need
   * clearly different hues in light and dark, and never rely on colour alone: each also has its
   * own dash pattern and marker shape, shown in the legend.
   */
  tone: string;
  dash?: string;
  marker: MarkerShape;
}

/** A marker of `shape` centred on (x, y), about `r` in radius. */
function Marker({
  shape,
  x,
  y,
  r,
  ...rest
}: {
  shape: MarkerShape;
  x: number;
  y: number;
  r: number;
  children?: ReactNode;
  "data-point"?: number;
}) {
  const common = { fill: "currentColor", "data-marker": shape, ...rest };
  if (shape === "square") {
    const s = r * 1.7;
    return <rect x={x - s / 2} y={y - s / 2} width={s} height={s} {...common} />;
  }
  if (shape === "diamond") {
    const d = r * 1.5;
    return (
      <polygon points={`${x},${y - d} ${x + d},${y} ${x},${y + d} ${x - d},${y}`} {...common} />
    );
  }
  if (shape === "triangle") {
    const t = r * 1.6;
    return (
      <polygon
        points={`${x},${y - t} ${x + t},${y + t * 0.8} ${x - t},${y + t * 0.8}`}
        {...common}
      />
    );
  }
  return <circle cx={x} cy={y} r={r} {...common} />;
}

const WIDTH = 720;
const HEIGHT = 240;
const PAD = { top: 16, right: 16, bottom: 32, left: 48 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

/** A round axis maximum (1, 2, 5 × 10ⁿ) at or above `max`, and its tick step. */
export function niceScale(max: number, ticks = 4): { top: number; step: number } {
  if (max <= 0) return { top: ticks, step: 1 };
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const rounded = Math.max(1, step);
  return { top: Math.ceil(max / rounded) * rounded, step: rounded };
}

/**
 * A daily line chart drawn on the server as SVG (no chart library, no script): axes with labels,
 * one line and a marker per day for each series (each series its own colour, dash and marker). It is one image for assistive technology, with a
 * summary as its label; the exact numbers are in the table that follows it.
 */
export function TrendChart({
  title,
  points,
  series,
  locale,
}: {
  title: string;
  points: TrendPoint[];
  series: TrendSeries[];
  /** The person's locale, for the day labels. */
  locale: string;
}) {
  const max = Math.max(0, ...points.flatMap((p) => series.map((s) => p[s.metric])));
  const { top, step } = niceScale(max);
  const n = points.length;
  const x = (i: number) => PAD.left + (n <= 1 ? PLOT_W / 2 : (i / (n - 1)) * PLOT_W);
  const y = (v: number) => PAD.top + PLOT_H - (v / top) * PLOT_H;
  const yTicks: number[] = [];
  for (let v = 0; v <= top + 1e-9; v += step) yTicks.push(v);
  const labelEvery = Math.max(1, Math.ceil(n / 7));
  // About seven day labels; the last day always gets one (the one before it gives way if close).
  const xTicks: number[] = [];
  for (let i = 0; i < n; i += labelEvery) xTicks.push(i);
  if (n > 1 && xTicks.at(-1) !== n - 1) {
    if (n - 1 - xTicks.at(-1)! < labelEvery / 2 && xTicks.length > 1) xTicks.pop();
    xTicks.push(n - 1);
  }

  const totals = series.map(
    (s) => `${s.label}: ${formatCount(points.reduce((sum, p) => sum + p[s.metric], 0))}`,
  );
  const peak = series[0]
    ? points.reduce<TrendPoint | null>(
        (best, p) => (best === null || p[series[0]!.metric] > best[series[0]!.metric] ? p : best),
        null,
      )
    : null;
  const summary =
    n === 0
      ? `${title}: no days in the period.`
      : `${title}, ${formatDay(points[0]!.day, true, locale)} to ${formatDay(points[n - 1]!.day, true, locale)}. Totals — ${totals.join("; ")}.` +
        (peak && series[0] && peak[series[0].metric] > 0
          ? ` Busiest day for ${series[0].label.toLowerCase()}: ${formatDay(peak.day, false, locale)} with ${formatCount(peak[series[0].metric])}.`
          : "");

  return (
    <figure className="space-y-2">
      <figcaption className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-sm font-semibold">{title}</span>
        <span
          className="flex flex-wrap gap-3 text-xs text-slate-700 dark:text-slate-300"
          aria-hidden="true"
        >
          {series.map((s) => (
            <span
              key={s.metric}
              className="inline-flex items-center gap-1.5"
              data-legend={s.metric}
            >
              <svg width="28" height="12" className={s.tone}>
                <line
                  x1="0"
                  y1="6"
                  x2="28"
                  y2="6"
                  stroke="currentColor"
                  strokeWidth="2"
                  strokeDasharray={s.dash}
                />
                <Marker shape={s.marker} x={14} y={6} r={3.5} />
              </svg>
              {s.label}
            </span>
          ))}
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={summary}
        data-chart="trend"
        className="h-auto w-full overflow-visible text-slate-500 dark:text-slate-400"
      >
        <g aria-hidden="true">
          {yTicks.map((v) => (
            <g key={v}>
              <line
                x1={PAD.left}
                x2={WIDTH - PAD.right}
                y1={y(v)}
                y2={y(v)}
                stroke="currentColor"
                strokeOpacity={v === 0 ? 0.6 : 0.2}
              />
              <text
                x={PAD.left - 8}
                y={y(v)}
                dy="0.32em"
                textAnchor="end"
                fontSize="11"
                fill="currentColor"
              >
                {formatCount(v)}
              </text>
            </g>
          ))}
          {xTicks.map((i) => (
            <text
              key={i}
              x={x(i)}
              y={HEIGHT - 10}
              textAnchor={n > 1 && i === n - 1 ? "end" : i === 0 && n > 1 ? "start" : "middle"}
              fontSize="11"
              fill="currentColor"
            >
              {formatDay(points[i]!.day, false, locale)}
            </text>
          ))}
          {series.map((s) => (
            <g key={s.metric} className={s.tone} data-series={s.metric}>
              {n > 1 ? (
                <polyline
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2"
                  strokeLinejoin="round"
                  strokeDasharray={s.dash}
                  points={points.map((p, i) => `${x(i)},${y(p[s.metric])}`).join(" ")}
                />
              ) : null}
              {points.map((p, i) => (
                <Marker
                  key={p.day}
                  shape={s.marker}
                  data-point={p[s.metric]}
                  x={x(i)}
                  y={y(p[s.metric])}
                  r={n > 60 ? 1.5 : 2.5}
                >
                  <title>{`${formatDay(p.day, true, locale)} — ${s.label}: ${formatCount(p[s.metric])}`}</title>
                </Marker>
              ))}
            </g>
          ))}
        </g>
      </svg>
    </figure>
  );
}
