import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { sendJob, sendJobs } from "@/lib/core/jobs/send-job";
import type { EmailCategory } from "@/lib/domains/email/categories";
import { isEmailConfigured } from "@/lib/domains/email/email-configured";
import { subjectLine } from "@/lib/integrations/email/templates/layout";
import {
  emailPriority,
  sendEmailJob,
  type EmailJobData,
} from "@/lib/domains/email/jobs/send-email";
import { warnEmailNotConfigured } from "@/lib/integrations/email/transport";

export interface QueueEmailInput {
  orgId?: string | null;
  /** The recipient's user, when known: their opt-outs apply and the email gets an unsubscribe link. */
  userId?: string | null;
  to: string;
  category: EmailCategory;
  subject: string;
  text: string;
  html: string;
  /** The same key twice yields one delivery and one email (e.g. `invite:<invitationId>`). */
  dedupeKey?: string;
}

export interface QueuedEmail {
  id: string;
  status: "PENDING" | "SENT" | "FAILED";
  /** False when the dedupe key already had a delivery (nothing new was queued). */
  created: boolean;
}

const NOT_CONFIGURED = "Not sent: SMTP_URL is not configured.";

/**
 * Records an EmailDelivery (PENDING) and sends an `email-send` job that delivers it with retries.
 * A dedupe key that already has a delivery returns that one and queues nothing: nothing is sent
 * twice. Without SMTP_URL the delivery is recorded (with a note) and no job is sent.
 * Call it after the transaction that caused the email has committed.
 */
export async function queueEmail(input: QueueEmailInput): Promise<QueuedEmail> {
  const to = input.to.trim().toLowerCase();
  if (!to.includes("@")) throw new Error(`Cannot email "${input.to}": not an email address.`);
  const configured = isEmailConfigured();
  const id = createId("eml");
  const data = {
    id,
    orgId: input.orgId ?? null,
    userId: input.userId ?? null,
    to,
    category: input.category,
    subject: subjectLine(input.subject),
    dedupeKey: input.dedupeKey ?? null,
    ...(configured ? {} : { lastError: NOT_CONFIGURED }),
  };
  if (input.dedupeKey) {
    // ON CONFLICT DO NOTHING: a concurrent duplicate never errors, it just finds the first row.
    const inserted = await db.$executeRaw`
      INSERT INTO "EmailDelivery" (id, "orgId", "userId", "to", category, subject, "dedupeKey", "lastError")
      VALUES (${data.id}, ${data.orgId}, ${data.userId}, ${data.to}, ${data.category}, ${data.subject},
              ${data.dedupeKey}, ${data.lastError ?? null})
      ON CONFLICT ("dedupeKey") DO NOTHING`;
    if (inserted === 0) {
      const existing = await db.emailDelivery.findUnique({
        where: { dedupeKey: input.dedupeKey },
        select: { id: true, status: true },
      });
      if (existing) return { ...existing, created: false };
      // The first row vanished in between (its job could not be sent and it was removed): go on.
      return queueEmail(input);
    }
  } else {
    await db.emailDelivery.create({ data });
  }
  if (!configured) {
    warnEmailNotConfigured();
    return { id, status: "PENDING", created: true };
  }
  try {
    await enqueueDelivery({ deliveryId: id, text: input.text, html: input.html }, input.category);
  } catch (error) {
    // No job means no email: remove the row so the caller's retry (same dedupe key) queues again.
    await db.emailDelivery.delete({ where: { id } }).catch(() => undefined);
    throw error;
  }
  return { id, status: "PENDING", created: true };
}

/**
 * `queueEmail` for many emails at once (CSV invitation imports): one multi-row insert of the
 * deliveries (duplicate dedupe keys are skipped), then their jobs in a few multi-row inserts
 * (`sendJobs`, each at its category's priority). Returns the ids of the deliveries created. When
 * the jobs cannot be sent, the new deliveries are removed and reported in `failed`, so nothing is
 * left PENDING without a job (a job already inserted for a removed delivery finds it missing and
 * sends nothing).
 */
export async function queueEmails(
  inputs: QueueEmailInput[],
): Promise<{ created: string[]; failed: string[] }> {
  if (inputs.length === 0) return { created: [], failed: [] };
  const configured = isEmailConfigured();
  const rows = inputs.map((input) => {
    const to = input.to.trim().toLowerCase();
    if (!to.includes("@")) throw new Error(`Cannot email "${input.to}": not an email address.`);
    return { input, id: createId("eml"), to, subject: subjectLine(input.subject) };
  });
  const inserted = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "EmailDelivery" (id, "orgId", "userId", "to", category, subject, "dedupeKey", "lastError")
    SELECT * FROM unnest(
      ${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.input.orgId ?? null)}::text[],
      ${rows.map((r) => r.input.userId ?? null)}::text[], ${rows.map((r) => r.to)}::text[],
      ${rows.map((r) => r.input.category)}::text[], ${rows.map((r) => r.subject)}::text[],
      ${rows.map((r) => r.input.dedupeKey ?? null)}::text[],
      ${rows.map(() => (configured ? null : NOT_CONFIGURED))}::text[])
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING id`;
  const created = new Set(inserted.map((r) => r.id));
  const fresh = rows.filter((r) => created.has(r.id));
  if (!configured) {
    warnEmailNotConfigured();
    return { created: fresh.map((r) => r.id), failed: [] };
  }
  try {
    await sendJobs(
      sendEmailJob,
      fresh.map((row) => {
        const priority = emailPriority(row.input.category);
        return {
          payload: { deliveryId: row.id, text: row.input.text, html: row.input.html },
          options: priority ? { priority } : {},
        };
      }),
    );
  } catch (error) {
    const ids = fresh.map((r) => r.id);
    console.error(`[email] could not queue ${ids.length} emails`, error);
    await db.emailDelivery.deleteMany({ where: { id: { in: ids } } }).catch(() => undefined);
    return { created: [], failed: ids };
  }
  return { created: fresh.map((r) => r.id), failed: [] };
}

/**
 * Sends the email-send job of a delivery at its category's priority: account emails first, then
 * reminders, then the rest (`emailPriority`).
 */
export async function enqueueDelivery(
  data: EmailJobData,
  category: EmailCategory | (string & {}),
): Promise<string | null> {
  const priority = emailPriority(category);
  return sendJob(sendEmailJob, data, priority ? { priority } : {});
}
