/**
 * Job payloads against the real PostgreSQL and pg-boss: a valid payload reaches its handler
 * parsed; a malformed one that reaches a worker (sent around sendJob, e.g. by an older version of
 * the app or by hand) fails that job at once with a readable error and is not retried; sendJob
 * refuses a malformed payload and sends nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "@/lib/core/db/client";
import { defineJob } from "@/lib/core/jobs/define-job";
import { getBoss } from "@/lib/core/jobs/boss";
import { JobPayloadError } from "@/lib/core/jobs/job-payload";
import { sendJob } from "@/lib/core/jobs/send-job";
import { sendEmailJob } from "@/lib/domains/email/jobs/send-email";
import { startJobs, stopJobs } from "@/lib/jobs/run-jobs";

const seen: { payload: { count: number; label: string }; retryCount: number }[] = [];

const testJob = defineJob({
  name: "test-job-payloads",
  schema: z.object({ count: z.number().int().min(1), label: z.string().default("none") }),
  options: { retryLimit: 3, retryDelay: 1, pollingIntervalSeconds: 1 },
  async handler(payload, job) {
    seen.push({ payload, retryCount: job.retryCount });
  },
});

interface JobRow {
  state: string;
  retry_count: number;
  output: { message?: string } | null;
}

async function jobRow(id: string): Promise<JobRow | undefined> {
  const rows = await getDb().$queryRawUnsafe<JobRow[]>(
    `SELECT state::text, retry_count, output FROM pgboss.job WHERE id = $1::uuid
     UNION ALL SELECT state::text, retry_count, output FROM pgboss.archive WHERE id = $1::uuid`,
    id,
  );
  return rows[0];
}

async function waitForState(id: string, state: string, timeoutMs = 20_000): Promise<JobRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await jobRow(id);
    if (row?.state === state) return row;
    if (Date.now() > deadline) throw new Error(`job ${id} is ${row?.state}, not ${state}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  await startJobs([testJob, sendEmailJob]);
});

afterAll(async () => {
  await stopJobs();
});

describe("job payloads", () => {
  it("runs a valid job with its parsed payload (defaults filled)", async () => {
    const id = await sendJob(testJob, { count: 2 });
    expect(id).toBeTruthy();
    await waitForState(id!, "completed");
    expect(seen).toContainEqual({ payload: { count: 2, label: "none" }, retryCount: 0 });
  });

  it("fails a malformed job at the worker with a readable error, without retries", async () => {
    const boss = await getBoss();
    const id = await boss.send(testJob.name, { count: "two" });
    const row = await waitForState(id!, "failed");
    expect(row.output?.message).toBe(
      `Invalid payload for job "test-job-payloads" (${id}): count: Invalid input: expected number, received string`,
    );
    expect(row.retry_count).toBe(0);
    expect(seen.some((s) => (s.payload.count as unknown) === "two")).toBe(false);
  });

  it("does the same for a real definition (email-send, 5 retries otherwise)", async () => {
    const boss = await getBoss();
    const id = await boss.send(sendEmailJob.name, { deliveryId: "eml_missing" });
    const row = await waitForState(id!, "failed");
    expect(row.output?.message).toContain(`Invalid payload for job "email-send" (${id}): text: `);
    expect(row.output?.message).toContain(
      "html: Invalid input: expected string, received undefined",
    );
    expect(row.retry_count).toBe(0);
  });

  it("sendJob refuses a malformed payload and sends nothing", async () => {
    const count = async () =>
      (
        await getDb().$queryRawUnsafe<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1`,
          testJob.name,
        )
      )[0]!.n;
    const before = await count();
    // Right type, wrong value: only the schema knows.
    await expect(sendJob(testJob, { count: 1.5 })).rejects.toBeInstanceOf(JobPayloadError);
    await expect(sendJob(testJob, { count: 0 })).rejects.toThrow(
      /^Invalid payload for job "test-job-payloads": count: Too small/,
    );
    expect(await count()).toBe(before);
  });
});
