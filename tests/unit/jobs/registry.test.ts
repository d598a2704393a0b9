/**
 * The job registry (lib/jobs/registry.ts) lists every job definition of lib/domains/<module>/jobs/
 * exactly once, under unique queue names; a payload that fails its schema is refused when sent.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { JOB_DEFINITIONS } from "@/lib/jobs/registry";
import type { JobDefinition } from "@/lib/core/jobs/define-job";
import { JobPayloadError, parseJobPayload } from "@/lib/core/jobs/job-payload";
import { sendJob } from "@/lib/core/jobs/send-job";
import { sendEmailJob } from "@/lib/domains/email/jobs/send-email";
import { deliverWebhookJob } from "@/lib/domains/webhooks/jobs/deliver-webhook";
import { publishShareJob } from "@/lib/domains/linkedin-publish/jobs/publish-share";

const root = path.resolve(import.meta.dirname, "../../..");

function isDefinition(value: unknown): value is JobDefinition {
  return (
    typeof value === "object" &&
    value !== null &&
    "name" in value &&
    "schema" in value &&
    "handler" in value &&
    "options" in value
  );
}

/** Every definition exported by a file in lib/domains/<module>/jobs/. */
async function definitionsInTree(): Promise<Map<JobDefinition, string>> {
  const found = new Map<JobDefinition, string>();
  const domains = path.join(root, "lib/domains");
  for (const domain of fs.readdirSync(domains)) {
    const dir = path.join(domains, domain, "jobs");
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const mod = (await import(/* @vite-ignore */ path.join(dir, file))) as Record<
        string,
        unknown
      >;
      for (const value of Object.values(mod)) {
        if (isDefinition(value)) found.set(value, `lib/domains/${domain}/jobs/${file}`);
      }
    }
  }
  return found;
}

describe("job registry", () => {
  it("lists every definition exactly once, with unique names", async () => {
    const inTree = await definitionsInTree();
    expect(inTree.size).toBeGreaterThanOrEqual(8);
    expect(new Set(JOB_DEFINITIONS).size).toBe(JOB_DEFINITIONS.length);
    const names = JOB_DEFINITIONS.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    const missing = [...inTree]
      .filter(([d]) => !JOB_DEFINITIONS.includes(d))
      .map(([d, f]) => `${d.name} (${f})`);
    expect(missing).toEqual([]);
    const stray = JOB_DEFINITIONS.filter((d) => !inTree.has(d)).map((d) => d.name);
    expect(stray).toEqual([]);
  });

  it("keeps the queue names and settings the app has always used", () => {
    const byName = Object.fromEntries(JOB_DEFINITIONS.map((d) => [d.name, d.options]));
    expect(Object.keys(byName).sort()).toEqual([
      "analytics-rollup",
      "campaign-announce",
      "click-partitions",
      "connector-sync",
      "connectors-sweep",
      "content-source-poll",
      "content-sources-sweep",
      "developer-webhook-deliver",
      "email-digest",
      "email-send",
      "linkedin-analytics",
      "linkedin-publish",
      "linkedin-reconnect-reminders",
      "push-fan-out",
      "push-send",
      "share-reminder-send",
      "share-reminders-sweep",
      "visitor-salt-cleanup",
      "webhook-announce-live",
      "webhook-deliver",
    ]);
    expect(byName["email-send"]).toMatchObject({
      retryLimit: 5,
      retryDelay: 20,
      retryBackoff: true,
    });
    expect(byName["webhook-deliver"]).toMatchObject({ retryLimit: 5, concurrency: 2 });
    expect(byName["developer-webhook-deliver"]).toMatchObject({
      retryLimit: 6,
      retryDelay: 30,
      retryBackoff: true,
    });
    expect(byName["linkedin-publish"]).toMatchObject({ retryLimit: 5, retryDelay: 30 });
    expect(byName["push-send"]).toMatchObject({
      retryLimit: 4,
      retryDelay: 20,
      retryBackoff: true,
    });
    for (const cron of [
      "analytics-rollup",
      "click-partitions",
      "visitor-salt-cleanup",
      "email-digest",
      "linkedin-analytics",
      "linkedin-reconnect-reminders",
      "webhook-announce-live",
      "share-reminders-sweep",
      "campaign-announce",
      "connectors-sweep",
      "content-sources-sweep",
    ]) {
      expect(byName[cron]?.cron, cron).toBeTruthy();
      expect(byName[cron]?.policy, cron).toBe("stately");
    }
  });

  it("accepts `{}` for every scheduled job (cron sends an empty payload)", () => {
    for (const d of JOB_DEFINITIONS.filter((j) => j.options.cron)) {
      expect(() => parseJobPayload(d, {}), d.name).not.toThrow();
    }
  });
});

describe("sendJob", () => {
  it("refuses a payload that fails its schema before anything is sent", async () => {
    // @ts-expect-error deliveryId must be a string: the types refuse it too.
    const sent = sendJob(sendEmailJob, { deliveryId: 42, text: "x", html: "<p>x</p>" });
    await expect(sent).rejects.toBeInstanceOf(JobPayloadError);
    await expect(sent).rejects.toThrow(
      'Invalid payload for job "email-send": deliveryId: Invalid input: expected string, received number',
    );
  });

  it("names every bad field", async () => {
    // Right types, wrong values: only the schema knows.
    const sent = sendJob(deliverWebhookJob, { deliveryId: "", deferrals: -1 });
    await expect(sent).rejects.toThrow(/deliveryId: .*; deferrals: /);
  });

  it("refuses a missing field", async () => {
    // @ts-expect-error shareId is required
    await expect(sendJob(publishShareJob, {})).rejects.toThrow(
      'Invalid payload for job "linkedin-publish": shareId: Invalid input: expected string, received undefined',
    );
  });

  it("fills defaults when a payload is parsed", () => {
    expect(parseJobPayload(deliverWebhookJob, { deliveryId: "whd_1" })).toEqual({
      deliveryId: "whd_1",
      deferrals: 0,
    });
  });
});
