/**
 * The batched email worker against a real SMTP server on loopback and real PostgreSQL: each worker
 * fetches EMAIL_BATCH_SIZE jobs at once and sends them over pooled connections; a failure inside
 * a batch is retried (or FAILED) on its own, opt-outs are read at send time, a delivery with two
 * jobs is sent once, and a password reset queued behind 10,000 invitations goes out next.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { sendJobs } from "@/lib/core/jobs/send-job";
import { queueEmail, queueEmails, type QueueEmailInput } from "@/lib/domains/email/queue-email";
import { sendDeliveries } from "@/lib/domains/email/send-delivery";
import { sendEmailJob } from "@/lib/domains/email/jobs/send-email";
import { closeEmailTransport } from "@/lib/integrations/email/transport";
import { startJobs, stopJobs } from "@/lib/jobs/run-jobs";
import {
  addMember,
  createOrgFixture,
  uniqueEmail,
  type OrgFixture,
} from "@/tests/support/factories";
import { startSmtpServer, type ReceivedMail } from "@/tests/support/smtp-server";

// env() is read lazily: the workers of this file use these (2 workers × batches of 10).
const BATCH = 10;
const WORKERS = 2;
const smtp = await startSmtpServer();
const previous = {
  SMTP_URL: process.env.SMTP_URL,
  EMAIL_BATCH_SIZE: process.env.EMAIL_BATCH_SIZE,
  EMAIL_CONCURRENCY: process.env.EMAIL_CONCURRENCY,
  SMTP_POOL_SIZE: process.env.SMTP_POOL_SIZE,
};
process.env.SMTP_URL = smtp.url;
process.env.EMAIL_BATCH_SIZE = String(BATCH);
process.env.EMAIL_CONCURRENCY = String(WORKERS);
process.env.SMTP_POOL_SIZE = "3";

let a: OrgFixture;

beforeAll(async () => {
  a = await createOrgFixture();
  await startJobs([sendEmailJob]);
});

afterAll(async () => {
  await stopJobs();
  closeEmailTransport();
  await smtp.close();
  for (const [key, value] of Object.entries(previous)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

function to(address: string): ReceivedMail[] {
  return smtp.messages.filter((m) => m.envelopeTo.includes(address));
}

async function waitUntil(what: string, done: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function deliveries(ids: string[]) {
  const rows = await getDb().emailDelivery.findMany({ where: { id: { in: ids } } });
  return new Map(rows.map((r) => [r.id, r]));
}

async function waitForStatuses(ids: string[], timeoutMs = 20_000) {
  await waitUntil(
    `${ids.length} deliveries to leave PENDING`,
    async () => [...(await deliveries(ids)).values()].every((r) => r.status !== "PENDING"),
    timeoutMs,
  );
  return deliveries(ids);
}

interface JobRow {
  deliveryId: string;
  state: string;
  retry_count: number;
  started_on: Date | null;
}

/** The email-send jobs of these deliveries (live or archived). */
async function jobsOf(ids: string[]): Promise<JobRow[]> {
  return getDb().$queryRawUnsafe<JobRow[]>(
    `SELECT data->>'deliveryId' AS "deliveryId", state::text, retry_count, started_on
     FROM pgboss.job WHERE name = $1 AND data->>'deliveryId' = ANY($2::text[])
     UNION ALL
     SELECT data->>'deliveryId', state::text, retry_count, started_on
     FROM pgboss.archive WHERE name = $1 AND data->>'deliveryId' = ANY($2::text[])`,
    sendEmailJob.name,
    ids,
  );
}

function emails(count: number, prefix: string, extra: Partial<QueueEmailInput> = {}) {
  return Array.from({ length: count }, (_, i) => ({
    orgId: a.org.id,
    to: uniqueEmail(prefix),
    category: "invitation" as const,
    subject: `${prefix} ${i}`,
    text: `Hello ${i}`,
    html: `<p>Hello ${i}</p>`,
    ...extra,
  }));
}

describe("a batch of emails", () => {
  it("a temporary refusal (421) of one email retries only that one; the rest of its batch is SENT once", async () => {
    const inputs = emails(6, "temp");
    const refused = inputs[2]!.to;
    smtp.refuseTo(refused, 421);
    const { created } = await queueEmails(inputs);
    expect(created).toHaveLength(6);
    const rows = await waitForStatuses(created.filter((_, i) => i !== 2));
    await waitUntil("the refused delivery's attempt", async () => {
      const row = (await deliveries([created[2]!])).get(created[2]!)!;
      return row.attempts === 1;
    });
    for (const [i, id] of created.entries()) {
      if (i === 2) continue;
      expect(rows.get(id)).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
      expect(to(inputs[i]!.to)).toHaveLength(1);
    }
    const failedRow = (await deliveries([created[2]!])).get(created[2]!)!;
    expect(failedRow).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(failedRow.lastError).toContain("421");
    expect(to(refused)).toHaveLength(0);

    // One fetch took all six (one UPDATE: the same started_on); only the refused job is retried.
    await waitUntil("the jobs to settle", async () =>
      (await jobsOf(created)).every((j) => j.state !== "active"),
    );
    const jobs = await jobsOf(created);
    expect(new Set(jobs.map((j) => j.started_on?.getTime())).size).toBe(1);
    for (const job of jobs) {
      expect(job.state, job.deliveryId).toBe(job.deliveryId === created[2] ? "retry" : "completed");
    }

    // Its retry (brought forward from the 20 s+ backoff) sends it, once; the others are not resent.
    await getDb().$executeRawUnsafe(
      `UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND data->>'deliveryId' = $2`,
      sendEmailJob.name,
      created[2],
    );
    await waitUntil("the retry", async () => to(refused).length === 1);
    const retried = (await waitForStatuses([created[2]!])).get(created[2]!)!;
    expect(retried).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    for (const input of inputs) expect(to(input.to)).toHaveLength(1);
  });

  it("a permanent refusal (550) marks only that delivery FAILED (no retry); its batch is SENT", async () => {
    const inputs = emails(5, "perm");
    const refused = inputs[4]!.to;
    smtp.refuseTo(refused, 550);
    const { created } = await queueEmails(inputs);
    const rows = await waitForStatuses(created);
    const failed = rows.get(created[4]!)!;
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(failed.lastError).toContain("550");
    expect(to(refused)).toHaveLength(0);
    for (const id of created.slice(0, 4)) expect(rows.get(id)!.status).toBe("SENT");
    for (const input of inputs.slice(0, 4)) expect(to(input.to)).toHaveLength(1);
    await waitUntil("the jobs to settle", async () =>
      (await jobsOf(created)).every((j) => j.state !== "active"),
    );
    // A 5xx will not change on retry: its job completes like the others.
    expect((await jobsOf(created)).map((j) => j.state)).toEqual(Array(5).fill("completed"));
  });

  it("an opt-out inside a batch skips only that email (by user id and by address)", async () => {
    const optedOut = await addMember(a.org.id, "EMPLOYEE");
    const keen = await addMember(a.org.id, "EMPLOYEE");
    await getDb().user.update({
      where: { id: optedOut.user.id },
      data: { emailOptOuts: ["share-results"] },
    });
    const base = {
      orgId: a.org.id,
      category: "share-results" as const,
      text: "t",
      html: "<p>t</p>",
    };
    const { created } = await queueEmails([
      { ...base, userId: optedOut.user.id, to: optedOut.user.email, subject: "By id" },
      { ...base, userId: keen.user.id, to: keen.user.email, subject: "Wanted" },
      // No user id: the address finds the account and its opt-out.
      { ...base, to: optedOut.user.email, subject: "By address" },
      // Transactional email to the same person is not optional: sent.
      { ...base, category: "account", to: optedOut.user.email, subject: "Account" },
    ]);
    const rows = await waitForStatuses(created);
    const note = "Not sent: the recipient unsubscribed from scheduled post results emails.";
    expect(rows.get(created[0]!)).toMatchObject({ status: "FAILED", attempts: 0, lastError: note });
    expect(rows.get(created[2]!)).toMatchObject({ status: "FAILED", attempts: 0, lastError: note });
    expect(rows.get(created[1]!)!.status).toBe("SENT");
    expect(rows.get(created[3]!)!.status).toBe("SENT");
    expect(to(optedOut.user.email).map((m) => m.parsed.subject)).toEqual(["Account"]);
    const wanted = to(keen.user.email);
    expect(wanted.map((m) => m.parsed.subject)).toEqual(["Wanted"]);
    // The unsubscribe link of the optional email is there.
    expect(wanted[0]!.parsed.headerLines.some((h) => h.key === "list-unsubscribe")).toBe(true);
  });

  it("two workers with two jobs for every delivery send each email once", async () => {
    const inputs = emails(60, "twice");
    const { created } = await queueEmails(inputs);
    // Every delivery gets a second job (a redelivery): the two workers race for them.
    await sendJobs(
      sendEmailJob,
      created.map((deliveryId, i) => ({
        payload: { deliveryId, text: inputs[i]!.text, html: inputs[i]!.html },
      })),
    );
    const rows = await waitForStatuses(created);
    await waitUntil("every job to end", async () =>
      (await jobsOf(created)).every((j) => j.state === "completed"),
    );
    expect([...rows.values()].every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
    for (const input of inputs) expect(to(input.to), input.to).toHaveLength(1);
    expect(await jobsOf(created)).toHaveLength(120);
  });

  it("two batch senders over the same deliveries at once: each sent once, the other busy or already sent", async () => {
    const ids: string[] = [];
    const addresses: string[] = [];
    for (let i = 0; i < 20; i++) {
      const id = createId("eml");
      const address = uniqueEmail("race");
      await getDb().emailDelivery.create({
        data: { id, orgId: a.org.id, to: address, category: "invitation", subject: "Race" },
      });
      ids.push(id);
      addresses.push(address);
    }
    const items = ids.map((deliveryId) => ({
      data: { deliveryId, text: "once", html: "<p>once</p>" },
      job: { retryCount: 0 },
    }));
    const [first, second] = await Promise.all([
      sendDeliveries(items),
      sendDeliveries([...items].reverse()),
    ]);
    const secondById = new Map(
      [...items].reverse().map((it, i) => [it.data.deliveryId, second[i]!]),
    );
    items.forEach((item, i) => {
      const outcomes = [first[i]!.outcome, secondById.get(item.data.deliveryId)!.outcome].sort();
      expect(outcomes.filter((o) => o === "sent")).toHaveLength(1);
      expect(["already-sent", "busy"]).toContain(outcomes.find((o) => o !== "sent"));
    });
    for (const address of addresses) expect(to(address)).toHaveLength(1);
    // The same delivery twice in one batch: sent once, the second job finds it busy.
    const id = createId("eml");
    const address = uniqueEmail("dup");
    await getDb().emailDelivery.create({
      data: { id, orgId: a.org.id, to: address, category: "invitation", subject: "Dup" },
    });
    const item = { data: { deliveryId: id, text: "t", html: "<p>t</p>" }, job: { retryCount: 0 } };
    expect((await sendDeliveries([item, item])).map((r) => r.outcome)).toEqual(["sent", "busy"]);
    expect(to(address)).toHaveLength(1);
  });
});

describe("priorities", () => {
  it("a password reset queued behind 10,000 invitations goes out with the next batches", async () => {
    await stopJobs();
    const bulk = emails(10_000, "bulk");
    const { created, failed } = await queueEmails(bulk);
    expect(failed).toEqual([]);
    expect(created).toHaveLength(10_000);
    const bulkAddresses = new Set(bulk.map((b) => b.to));
    const bulkReceived = () => smtp.messages.filter((m) => bulkAddresses.has(m.envelopeTo[0]!));
    try {
      await startJobs([sendEmailJob]);
      // The workers are draining the import when the reset is asked for.
      await waitUntil("the import to be sending", async () => bulkReceived().length >= 3 * BATCH);
      const resetAddress = uniqueEmail("reset");
      const reminderAddress = uniqueEmail("remind");
      const sentBefore = smtp.messages.length;
      const reset = await queueEmail({
        to: resetAddress,
        category: "account",
        subject: "Reset your Chorus password",
        text: "x",
        html: "<p>x</p>",
      });
      const reminder = await queueEmail({
        to: reminderAddress,
        category: "reminder",
        subject: "Ready to share",
        text: "x",
        html: "<p>x</p>",
      });
      await waitUntil("the reset and the reminder", async () =>
        [resetAddress, reminderAddress].every((address) => to(address).length === 1),
      );
      const position = (address: string) =>
        smtp.messages.findIndex((m) => m.envelopeTo.includes(address)) - sentBefore;
      // At most the batches in flight when they were queued (one per worker) and the batch the
      // reset went out in came first — not the ~9,970 invitations still waiting.
      expect(position(resetAddress)).toBeLessThan(2 * WORKERS * BATCH);
      expect(position(reminderAddress)).toBeLessThan(2 * WORKERS * BATCH + 2);
      expect(bulkReceived().length).toBeLessThan(1000);
      // The sink has them; their batch's transaction records SENT right after (not before the
      // SMTP answer): wait for that commit rather than racing it.
      await waitUntil("the reset and the reminder recorded as SENT", async () => {
        const rows = await deliveries([reset.id, reminder.id]);
        return [...rows.values()].every((r) => r.status === "SENT");
      });
    } finally {
      await stopJobs();
      // The rest of the import is not this test's business.
      await getDb().$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = $1`, sendEmailJob.name);
    }
  }, 120_000);
});
