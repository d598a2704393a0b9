/**
 * Batched jobs on the real pg-boss (lib/jobs/run-jobs.ts): a definition with `batchSize` and
 * `handleBatch` gets the jobs of one fetch in one call; the jobs it reports failed are retried on
 * their own while the rest complete; a malformed payload in a batch fails alone, without retries;
 * a definition with `batchSize` but no `handleBatch` still runs one handler call per job.
 * `sendJobs` inserts many jobs at once, each payload checked first.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "@/lib/core/db/client";
import { defineJob } from "@/lib/core/jobs/define-job";
import { getBoss } from "@/lib/core/jobs/boss";
import { JobPayloadError } from "@/lib/core/jobs/job-payload";
import { sendJobs } from "@/lib/core/jobs/send-job";
import { startJobs, stopJobs } from "@/lib/jobs/run-jobs";

const batches: { n: number; retryCount: number }[][] = [];
const singles: number[] = [];

const batchJob = defineJob({
  name: "test-batch-jobs",
  schema: z.object({ n: z.number().int() }),
  options: { retryLimit: 2, retryDelay: 1, pollingIntervalSeconds: 1, batchSize: () => 20 },
  async handler() {
    throw new Error("not called: the batch handler runs this queue");
  },
  async handleBatch(jobs) {
    batches.push(jobs.map(({ payload, job }) => ({ n: payload.n, retryCount: job.retryCount })));
    // Odd numbers fail their first attempt.
    return new Map(
      jobs
        .filter(({ payload, job }) => payload.n % 2 === 1 && job.retryCount === 0)
        .map(({ payload, job }) => [job.id, new Error(`odd ${payload.n}`)]),
    );
  },
});

const oneByOneJob = defineJob({
  name: "test-batch-one-by-one",
  schema: z.object({ n: z.number().int() }),
  options: { retryLimit: 0, pollingIntervalSeconds: 1, batchSize: 10 },
  async handler({ n }) {
    if (n === 3) throw new Error("three fails");
    singles.push(n);
  },
});

interface JobRow {
  id: string;
  n: string;
  state: string;
  retry_count: number;
  output: { message?: string } | null;
}

async function jobs(name: string): Promise<JobRow[]> {
  return getDb().$queryRawUnsafe<JobRow[]>(
    `SELECT id::text, data->>'n' AS n, state::text, retry_count, output
     FROM pgboss.job WHERE name = $1 ORDER BY created_on, data->>'n'`,
    name,
  );
}

async function waitUntil(what: string, done: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  await startJobs([batchJob, oneByOneJob]);
});

afterAll(async () => {
  await stopJobs();
});

describe("batched jobs", () => {
  it("hands one fetch to handleBatch; only the jobs it reports failed are retried", async () => {
    const ids = await sendJobs(
      batchJob,
      Array.from({ length: 6 }, (_, n) => ({ payload: { n } })),
    );
    expect(ids).toHaveLength(6);
    await waitUntil("every job to complete", async () =>
      (await jobs(batchJob.name)).every((j) => j.state === "completed"),
    );
    // The first fetch: all six in one call; then the three odd ones again, retried.
    expect(batches[0]!.map((j) => j.n).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const retried = batches.slice(1).flat();
    expect(retried.map((j) => j.n).sort()).toEqual([1, 3, 5]);
    expect(retried.every((j) => j.retryCount === 1)).toBe(true);
    const rows = await jobs(batchJob.name);
    expect(rows.map((r) => r.retry_count)).toEqual([0, 1, 0, 1, 0, 1]);
  });

  it("fails a malformed payload of a batch alone, without retries", async () => {
    batches.length = 0;
    const boss = await getBoss();
    await boss.insert([
      { name: batchJob.name, data: { n: 10 } },
      { name: batchJob.name, data: { n: "eleven" } },
      { name: batchJob.name, data: { n: 12 } },
    ]);
    await waitUntil("the batch to settle", async () =>
      (await jobs(batchJob.name)).every((j) => j.state === "completed" || j.state === "failed"),
    );
    const bad = (await jobs(batchJob.name)).find((j) => j.state === "failed")!;
    expect(bad.retry_count).toBe(0);
    expect(bad.output?.message).toContain(`Invalid payload for job "test-batch-jobs" (${bad.id})`);
    expect(
      batches
        .flat()
        .map((j) => j.n)
        .sort(),
    ).toEqual([10, 12]);
  });

  it("without handleBatch, a batch runs one handler call per job and fails only the one that threw", async () => {
    await sendJobs(
      oneByOneJob,
      [1, 2, 3, 4].map((n) => ({ payload: { n } })),
    );
    await waitUntil("the jobs to settle", async () =>
      (await jobs(oneByOneJob.name)).every((j) => j.state === "completed" || j.state === "failed"),
    );
    expect(singles.sort()).toEqual([1, 2, 4]);
    const rows = await jobs(oneByOneJob.name);
    expect(rows.map((r) => r.state)).toEqual(["completed", "completed", "failed", "completed"]);
    expect(rows[2]!.output?.message).toBe("three fails");
  });

  it("sendJobs checks every payload first and sends nothing when one is malformed", async () => {
    const before = (await jobs(batchJob.name)).length;
    await expect(
      sendJobs(batchJob, [{ payload: { n: 1 } }, { payload: { n: 1.5 } }]),
    ).rejects.toBeInstanceOf(JobPayloadError);
    expect((await jobs(batchJob.name)).length).toBe(before);
  });
});
