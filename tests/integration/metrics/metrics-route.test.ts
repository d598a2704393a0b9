/**
 * GET /api/metrics through its route handler, against the real PostgreSQL and pg-boss: the token
 * (missing, wrong, right), the Prometheus content type, and output that parses as Prometheus text
 * with plausible values after email deliveries, jobs and a spooled click batch are made.
 * (Without METRICS_TOKEN the endpoint is a 404: metrics-disabled.test.ts.)
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { getBoss, stopBoss } from "@/lib/core/jobs/boss";
import { ClickSpool } from "@/lib/domains/tracking/click-spool";
import { GET } from "@/app/api/metrics/route";
import { callRoute } from "@/tests/support/http";
import { parsePrometheusText, sampleValue } from "@/tests/support/prometheus-text";

const TOKEN = process.env.METRICS_TOKEN!;
const QUEUE = "metrics-test";

async function scrape(authorization: string | null = `Bearer ${TOKEN}`) {
  return callRoute(GET, {
    path: "/api/metrics",
    headers: authorization === null ? {} : { authorization },
  });
}

async function scrapeSamples() {
  const res = await scrape();
  expect(res.status).toBe(200);
  return parsePrometheusText(res.json as unknown as string);
}

function delivery(
  status: "PENDING" | "SENT" | "FAILED",
  extra: { sentAt?: Date; createdAt?: Date } = {},
) {
  return {
    id: createId("eml"),
    to: "someone@example.com",
    category: "account",
    subject: "Metrics test",
    status,
    ...extra,
  };
}

afterAll(async () => {
  await stopBoss();
});

describe("GET /api/metrics: the token", () => {
  it("answers 401 in our JSON error shape without a token, with a wrong one, or another scheme", async () => {
    for (const authorization of [
      null,
      "Bearer wrong-token-0123456789abcdefghijklmnopqrstuvwxyz",
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Basic ${Buffer.from(`metrics:${TOKEN}`).toString("base64")}`,
      TOKEN,
    ]) {
      const res = await scrape(authorization);
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer /);
      const body = res.json as { error: { code: string; message: string } };
      expect(body.error.code).toBe("UNAUTHORIZED");
      expect(body.error.message).toContain("METRICS_TOKEN");
      expect(JSON.stringify(body)).not.toContain(TOKEN);
    }
  });

  it("answers 200 with Prometheus text for the right bearer token", async () => {
    for (const authorization of [`Bearer ${TOKEN}`, `bearer ${TOKEN}`, `Bearer  ${TOKEN} `]) {
      const res = await scrape(authorization);
      expect(res.status, authorization).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("no-store");
      const { types } = parsePrometheusText(res.json as unknown as string);
      expect(types.get("process_cpu_user_seconds_total")).toBe("counter");
      expect(types.get("chorus_http_request_duration_seconds")).toBe("histogram");
    }
  });
});

describe("GET /api/metrics: what it reports", () => {
  const spool = new ClickSpool(path.resolve(process.env.CLICK_SPOOL_DIR!));
  let spooled: string | null = null;

  beforeAll(async () => {
    const boss = await getBoss();
    await boss.createQueue(QUEUE, { name: QUEUE, policy: "standard", retryLimit: 0 });
  });

  afterAll(async () => {
    if (spooled) await spool.done((await spool.claim(path.basename(spooled)))!);
  });

  it("every metric family, parsed, with the scrape-time parts up", async () => {
    const { types, samples } = await scrapeSamples();
    for (const [name, type] of Object.entries({
      chorus_http_request_duration_seconds: "histogram",
      chorus_click_buffer_depth: "gauge",
      chorus_click_spool_files: "gauge",
      chorus_click_spool_bytes: "gauge",
      chorus_click_spool_dead_files: "gauge",
      chorus_job_queue_depth: "gauge",
      chorus_job_oldest_waiting_seconds: "gauge",
      chorus_job_failures_last_hour: "gauge",
      chorus_email_sent_last_minute: "gauge",
      chorus_email_sent_total: "counter",
      chorus_email_pending: "gauge",
      chorus_email_pending_oldest_seconds: "gauge",
      chorus_email_failed: "gauge",
      chorus_scrape_part_up: "gauge",
      nodejs_eventloop_lag_seconds: "gauge",
      process_resident_memory_bytes: "gauge",
    })) {
      expect(types.get(name), name).toBe(type);
    }
    for (const part of ["clicks", "jobs", "email"]) {
      expect(sampleValue(samples, "chorus_scrape_part_up", { part })).toBe(1);
    }
    expect(sampleValue(samples, "process_resident_memory_bytes")).toBeGreaterThan(10_000_000);
  });

  it("email: sent in the last minute, the sent counter, pending and failed deliveries", async () => {
    const db = getDb();
    const before = (await scrapeSamples()).samples;
    const afterFirst = Date.now();
    const now = Date.now();
    await db.emailDelivery.createMany({
      data: [
        delivery("SENT", { sentAt: new Date(now - 5_000) }),
        delivery("SENT", { sentAt: new Date(now - 20_000) }),
        // Before the last minute: sent, but not in the last minute.
        delivery("SENT", { sentAt: new Date(now - 120_000) }),
        // Just inside the counter's next window (it counts up to 30 s ago, from the last scrape).
        delivery("SENT", { sentAt: new Date(afterFirst - 30_000 + 1) }),
        delivery("PENDING", { createdAt: new Date(now - 600_000) }),
        delivery("PENDING"),
        delivery("FAILED"),
      ],
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const after = (await scrapeSamples()).samples;
    const delta = (name: string) => sampleValue(after, name) - sampleValue(before, name);

    expect(delta("chorus_email_sent_last_minute")).toBe(3);
    expect(delta("chorus_email_sent_total")).toBe(1);
    expect(delta("chorus_email_pending")).toBe(2);
    expect(delta("chorus_email_failed")).toBe(1);
    const oldest = sampleValue(after, "chorus_email_pending_oldest_seconds");
    expect(oldest).toBeGreaterThanOrEqual(600);
    expect(oldest).toBeLessThan(700);
  });

  it("jobs: depth by queue and state, the oldest waiting, failures of the last hour", async () => {
    const boss = await getBoss();
    const before = (await scrapeSamples()).samples;
    expect(sampleValue(before, "chorus_job_queue_depth", { queue: QUEUE, state: "created" })).toBe(
      0,
    );
    expect(sampleValue(before, "chorus_job_failures_last_hour", { queue: QUEUE })).toBe(0);

    await boss.send(QUEUE, { n: 1 });
    await boss.send(QUEUE, { n: 2 });
    await boss.send(QUEUE, { n: 3 });
    await boss.send(QUEUE, { n: 4 }, { startAfter: 3600 }); // deferred: waiting, but not due
    const [taken] = await boss.fetch(QUEUE);
    const [failing] = await boss.fetch(QUEUE);
    await boss.fail(QUEUE, failing!.id, { reason: "metrics test" });
    await new Promise((resolve) => setTimeout(resolve, 1100));

    const { samples } = await scrapeSamples();
    const depth = (state: string) =>
      sampleValue(samples, "chorus_job_queue_depth", { queue: QUEUE, state });
    expect(depth("created")).toBe(2); // one due, one deferred
    expect(depth("active")).toBe(1);
    expect(taken).toBeDefined();
    expect(sampleValue(samples, "chorus_job_failures_last_hour", { queue: QUEUE })).toBe(1);
    const oldest = sampleValue(samples, "chorus_job_oldest_waiting_seconds", { queue: QUEUE });
    expect(oldest).toBeGreaterThanOrEqual(1);
    expect(oldest).toBeLessThan(60);
  });

  it("clicks: a spooled batch shows in the spool gauges", async () => {
    const before = (await scrapeSamples()).samples;
    spooled = await spool.write([
      { id: createId("clk") } as never, // the spool stores events as they are; never replayed here
    ]);
    const after = (await scrapeSamples()).samples;
    expect(
      sampleValue(after, "chorus_click_spool_files") -
        sampleValue(before, "chorus_click_spool_files"),
    ).toBe(1);
    expect(
      sampleValue(after, "chorus_click_spool_bytes") -
        sampleValue(before, "chorus_click_spool_bytes"),
    ).toBeGreaterThan(10);
    expect(sampleValue(after, "chorus_click_buffer_depth")).toBe(0);
  });
});
