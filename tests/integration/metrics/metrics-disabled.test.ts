/**
 * Without METRICS_TOKEN, /api/metrics is not exposed: 404 in our JSON error shape, whatever the
 * request carries. (The integration config sets a token; this file unsets it before the
 * configuration is first read.)
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { callRoute } from "@/tests/support/http";

vi.hoisted(() => {
  vi.stubEnv("METRICS_TOKEN", undefined);
});

afterAll(() => {
  vi.unstubAllEnvs();
});

describe("GET /api/metrics without METRICS_TOKEN", () => {
  it("answers 404, with or without a bearer token", async () => {
    const { GET } = await import("@/app/api/metrics/route");
    for (const headers of <Record<string, string>[]>[
      {},
      { authorization: "Bearer chorus-integration-metrics-token-0123456789" },
    ]) {
      const res = await callRoute(GET, { path: "/api/metrics", headers });
      expect(res.status).toBe(404);
      expect(res.json.error?.code).toBe("NOT_FOUND");
    }
  });
});
