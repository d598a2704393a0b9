import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * The Prometheus registry of this process, kept on globalThis: the custom server
 * (scripts/server.ts) records requests into it and Next's route module (app/api/metrics) renders
 * it; both load their own copy of this module but must share one registry. Node's default process
 * metrics (CPU, memory, event loop lag, GC) are collected into it once.
 */
interface MetricsState {
  registry: Registry;
  httpDuration: Histogram<"kind" | "status_class">;
  scraped: Map<string, Gauge | Counter>;
}

const KEY = Symbol.for("chorus.metrics");

/** Seconds: the tracked-link fast path answers in well under a millisecond, pages in tens. */
const HTTP_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function metricsState(): MetricsState {
  const holder = globalThis as unknown as Record<symbol, MetricsState | undefined>;
  holder[KEY] ??= createState();
  return holder[KEY];
}

function createState(): MetricsState {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: "chorus_http_request_duration_seconds",
    help: "HTTP requests answered by this instance (its _count is the request rate), by route kind (page, api, redirect, static) and status class",
    labelNames: ["kind", "status_class"] as const,
    buckets: HTTP_BUCKETS,
    registers: [registry],
  });
  return { registry, httpDuration, scraped: new Map() };
}

/** A gauge set at scrape time (created in the shared registry on first use). */
export function scrapeGauge<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[] = [],
): Gauge<L> {
  return scraped(name, () => new Gauge({ name, help, labelNames, registers: [] })) as Gauge<L>;
}

/** A counter advanced at scrape time (created in the shared registry on first use). */
export function scrapeCounter<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[] = [],
): Counter<L> {
  return scraped(name, () => new Counter({ name, help, labelNames, registers: [] })) as Counter<L>;
}

function scraped(name: string, create: () => Gauge | Counter): Gauge | Counter {
  const state = metricsState();
  let metric = state.scraped.get(name);
  if (!metric) {
    metric = create();
    state.registry.registerMetric(metric);
    state.scraped.set(name, metric);
  }
  return metric;
}
