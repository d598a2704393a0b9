/** Without METRICS_TOKEN the request hook records nothing (metrics are not exposed anyway). */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, expect, it, vi } from "vitest";
import { observeRequest } from "@/lib/core/metrics/observe-request";
import { metricsState } from "@/lib/core/metrics/registry";

vi.hoisted(() => {
  vi.stubEnv("METRICS_TOKEN", undefined);
});
afterAll(() => vi.unstubAllEnvs());

it("observes no request while METRICS_TOKEN is unset", async () => {
  const server = http.createServer((req, res) => {
    observeRequest(req, res);
    res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (let i = 0; i < 3; i++) await (await fetch(`${base}/feed`)).text();
  await new Promise((resolve) => setTimeout(resolve, 20));
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  const { values } = await metricsState().httpDuration.get();
  expect(values.filter((v) => v.metricName?.endsWith("_count"))).toEqual([]);
});
