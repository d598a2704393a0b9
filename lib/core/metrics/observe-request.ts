import type http from "node:http";
import { env } from "@/lib/core/env";
import { metricsState } from "@/lib/core/metrics/registry";

export type RouteKind = "page" | "api" | "redirect" | "static";

/** A share code (10 base62 characters), with or without a query string: scripts/server.ts. */
const CODE_PATH = /^\/[0-9A-Za-z]{10}(?:\?|$)/;
/** A last path segment with a file extension (public/ files, the service worker, chorus.js). */
const FILE_PATH = /\/[^/?]*\.[A-Za-z0-9]{1,12}(?:\?|$)/;

/** What a request target is, by its shape alone (the label of the request metrics). */
export function routeKind(url: string): RouteKind {
  if (url.startsWith("/api/")) return "api";
  if (url.startsWith("/_next/") || FILE_PATH.test(url)) return "static";
  if (CODE_PATH.test(url)) return "redirect";
  return "page";
}

/** "2xx" … "5xx"; "aborted" when the client went away before the response was complete. */
export function statusClass(status: number, finished: boolean): string {
  if (!finished) return "aborted";
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : "other";
}

let enabled: boolean | undefined;

/**
 * Records one request of the app server (scripts/server.ts calls it first for every request):
 * its duration and outcome when the response is done. Nothing is recorded while metrics are not
 * exposed (no METRICS_TOKEN).
 */
export function observeRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
  enabled ??= Boolean(env().METRICS_TOKEN);
  if (!enabled) return;
  const started = process.hrtime.bigint();
  const kind = routeKind(req.url ?? "/");
  res.once("close", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    metricsState()
      .httpDuration.labels(kind, statusClass(res.statusCode, res.writableFinished))
      .observe(seconds);
  });
}
