/**
 * The mail benchmark's child process (bench/mail.ts): the app's email worker as a worker instance
 * runs it — `startJobs([sendEmailJob])` with the configured EMAIL_CONCURRENCY, EMAIL_BATCH_SIZE and
 * SMTP_POOL_SIZE on the run's database (DATABASE_URL) — and the baseline, raw nodemailer pooled
 * sends, in the same process so both share one core's worth of machine. Driven over IPC: one
 * command per message, one answer each. The SMTP sink runs in the parent.
 */
import nodemailer from "nodemailer";
import { getDb, disconnectDb } from "@/lib/core/db/client";
import { env } from "@/lib/core/env";
import { queueEmails } from "@/lib/domains/email/queue-email";
import { sendEmailJob } from "@/lib/domains/email/jobs/send-email";
import { emailDateFormat } from "@/lib/domains/email/email-date-format";
import { invitationEmail } from "@/lib/integrations/email/templates/invitation";
import { closeEmailTransport } from "@/lib/integrations/email/transport";
import { startJobs, stopJobs } from "@/lib/jobs/run-jobs";

export type MailCommand =
  | { kind: "baseline"; count: number; run: string }
  | { kind: "subject"; count: number; run: string };

export interface MailAnswer {
  seconds: number;
  /** The deliveries queued (subject) — the sink checks each arrived once. */
  ids?: string[];
  /** Deliveries of the run by status once drained (subject). */
  statuses?: Record<string, number>;
  error?: string;
}

const DRAIN_LIMIT_MS = 15 * 60_000;

function invitation(i: number) {
  return invitationEmail({
    orgName: "Fernhill Energy",
    inviterName: "Ada Admin",
    inviteeName: `Person ${i}`,
    role: "EMPLOYEE",
    url: `https://chorus.example/invite/${"x".repeat(43)}${i}`,
    expiresAt: new Date(Date.now() + 14 * 86_400_000),
    dates: emailDateFormat("Europe/Berlin"),
  });
}

/** Raw nodemailer pooled sends straight to the sink: the same pool size and message shape. */
async function baseline(count: number, run: string): Promise<MailAnswer> {
  const transport = nodemailer.createTransport({
    host: new URL(env().SMTP_URL!).hostname,
    port: Number(new URL(env().SMTP_URL!).port),
    secure: false,
    pool: true,
    maxConnections: env().SMTP_POOL_SIZE,
    maxMessages: 100,
  });
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: count }, (_, i) => {
        const mail = invitation(i);
        return transport.sendMail({
          from: env().EMAIL_FROM,
          to: `baseline-${run}-${i}@bench.example`,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers: {
            "X-Chorus-Delivery": `baseline-${run}-${i}`,
            "X-Chorus-Category": "invitation",
          },
        });
      }),
    );
    return { seconds: (performance.now() - started) / 1000 };
  } finally {
    transport.close();
  }
}

/** queueEmails of `count` invitations, then until every delivery of the run left PENDING. */
async function subject(count: number, run: string): Promise<MailAnswer> {
  const started = performance.now();
  const { created, failed } = await queueEmails(
    Array.from({ length: count }, (_, i) => ({
      to: `invitee-${run}-${i}@bench.example`,
      category: "invitation" as const,
      ...invitation(i),
      dedupeKey: `bench:${run}:${i}`,
    })),
  );
  if (failed.length) throw new Error(`${failed.length} emails could not be queued`);
  const db = getDb();
  const deadline = Date.now() + DRAIN_LIMIT_MS;
  for (;;) {
    const [row] = await db.$queryRaw<{ pending: number }[]>`
      SELECT count(*)::int AS pending FROM "EmailDelivery"
      WHERE "dedupeKey" LIKE ${`bench:${run}:%`} AND status = 'PENDING'`;
    if (row!.pending === 0) break;
    if (Date.now() > deadline) throw new Error(`${row!.pending} emails still pending`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  const statuses = await db.$queryRaw<{ status: string; n: number }[]>`
    SELECT status::text AS status, count(*)::int AS n FROM "EmailDelivery"
    WHERE "dedupeKey" LIKE ${`bench:${run}:%`} GROUP BY 1`;
  return {
    seconds,
    ids: created,
    statuses: Object.fromEntries(statuses.map((s) => [s.status, s.n])),
  };
}

await startJobs([sendEmailJob]);
process.on("message", (message) => {
  const command = message as MailCommand;
  const run = command.kind === "baseline" ? baseline : subject;
  run(command.count, command.run).then(
    (answer) => process.send!(answer),
    (error: unknown) => process.send!({ seconds: NaN, error: String(error) }),
  );
});
process.once("SIGTERM", () => {
  void (async () => {
    await stopJobs().catch(() => {});
    closeEmailTransport();
    await disconnectDb().catch(() => {});
    process.exit(0);
  })();
});
process.send!({ ready: true });
