/**
 * The request hook of the app server (scripts/server.ts calls observeRequest first for every
 * request): a real HTTP server on loopback, real requests, the shared registry read back.
 */
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { observeRequest, routeKind, statusClass } from "@/lib/core/metrics/observe-request";
import { metricsState } from "@/lib/core/metrics/registry";

describe("routeKind and statusClass", () => {
  it("tells the route kind from the request target", () => {
    expect(routeKind("/api/shares")).toBe("api");
    expect(routeKind("/api/files/logos/a.png")).toBe("api");
    expect(routeKind("/Ab3dE5gH9k")).toBe("redirect");
    expect(routeKind("/Ab3dE5gH9k?utm_source=x")).toBe("redirect");
    expect(routeKind("/_next/static/chunks/app.js")).toBe("static");
    expect(routeKind("/icons/icon-192.png")).toBe("static");
    expect(routeKind("/serwist/sw.js")).toBe("static");
    expect(routeKind("/feed")).toBe("page");
    expect(routeKind("/")).toBe("page");
    expect(routeKind("/Ab3dE5gH9")).toBe("page"); // 9 characters: no share code
    expect(routeKind("/people/Ab3dE5gH9k")).toBe("page");
  });

  it("groups statuses by class, and aborted responses apart", () => {
    expect(statusClass(200, true)).toBe("2xx");
    expect(statusClass(302, true)).toBe("3xx");
    expect(statusClass(404, true)).toBe("4xx");
    expect(statusClass(503, true)).toBe("5xx");
    expect(statusClass(200, false)).toBe("aborted");
  });
});

describe("observeRequest", () => {
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    vi.stubEnv("METRICS_TOKEN", "unit-test-metrics-token-0123456789abcdef");
    server = http.createServer((req, res) => {
      observeRequest(req, res);
      const url = req.url ?? "/";
      if (url.startsWith("/slow")) return; // never answered: the client gives up
      if (url === "/Ab3dE5gH9k") {
        res.writeHead(302, { location: "https://example.com" }).end();
      } else if (url.startsWith("/api/")) {
        setTimeout(() => res.writeHead(500).end("{}"), 30);
      } else {
        res.writeHead(200).end("<p>page</p>");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    vi.unstubAllEnvs();
  });

  /** count and sum of the histogram series with these labels. */
  async function series(kind: string, status: string) {
    const { values } = await metricsState().httpDuration.get();
    const labelled = (name: string) =>
      values.find(
        (v) => v.metricName === name && v.labels.kind === kind && v.labels.status_class === status,
      )?.value ?? 0;
    return {
      count: labelled("chorus_http_request_duration_seconds_count"),
      sum: labelled("chorus_http_request_duration_seconds_sum"),
    };
  }

  it("records each request once, by kind and status class, with its duration", async () => {
    const before = {
      page: await series("page", "2xx"),
      redirect: await series("redirect", "3xx"),
      api: await series("api", "5xx"),
    };
    for (let i = 0; i < 3; i++) await (await fetch(`${base}/feed`)).text();
    await (await fetch(`${base}/Ab3dE5gH9k`, { redirect: "manual" })).text();
    await (await fetch(`${base}/api/thing`)).text();
    // "close" comes right after the response ends: give the event loop a turn.
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect((await series("page", "2xx")).count - before.page.count).toBe(3);
    expect((await series("redirect", "3xx")).count - before.redirect.count).toBe(1);
    const api = await series("api", "5xx");
    expect(api.count - before.api.count).toBe(1);
    // The handler waited 30 ms before answering: the observed duration includes it.
    expect(api.sum - before.api.sum).toBeGreaterThanOrEqual(0.025);
    expect(api.sum - before.api.sum).toBeLessThan(5);
  });

  it("counts a request the client abandoned as aborted", async () => {
    const before = await series("page", "aborted");
    const socket = net.connect((server.address() as AddressInfo).port, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await vi.waitFor(async () => {
      expect((await series("page", "aborted")).count - before.count).toBe(1);
    });
  });

  it("renders as Prometheus text in the shared registry", async () => {
    const text = await metricsState().registry.metrics();
    expect(text).toMatch(
      /^chorus_http_request_duration_seconds_bucket\{le="0\.001",kind="page",status_class="2xx"\} \d+$/m,
    );
    expect(text).toContain("# TYPE chorus_http_request_duration_seconds histogram");
    // Node's default process metrics are in the same registry.
    expect(text).toContain("# TYPE process_cpu_user_seconds_total counter");
    expect(text).toContain("nodejs_eventloop_lag_seconds");
  });
});
