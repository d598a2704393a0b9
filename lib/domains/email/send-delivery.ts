import { getDb } from "@/lib/core/db/client";
import { env } from "@/lib/core/env";
import { EMAIL_CATEGORY_LABELS, isOptionalCategory } from "@/lib/domains/email/categories";
import { emailTransport } from "@/lib/integrations/email/transport";
import { EMAIL_RETRY_LIMIT } from "@/lib/domains/email/jobs/send-email";
import { FOOTER_MARKER, esc } from "@/lib/integrations/email/templates/layout";
import {
  createUnsubscribeToken,
  oneClickUnsubscribeUrl,
  unsubscribePageUrl,
} from "@/lib/domains/email/unsubscribe-token";

export type SendOutcome =
  | "sent"
  | "already-sent"
  | "busy"
  | "missing"
  | "opted-out"
  | "not-configured"
  | "failed"
  | "retry";

export class EmailSendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmailSendError";
  }
}

interface Row {
  id: string;
  userId: string | null;
  to: string;
  category: string;
  subject: string;
  status: "PENDING" | "SENT" | "FAILED";
  attempts: number;
}

/** A 5xx reply (mailbox unknown, message refused) will not change on retry. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

function describe(error: unknown): string {
  const e = error as { responseCode?: number; response?: string; message?: string };
  const text = (e.response ?? e.message ?? String(error)).replace(/\s+/g, " ").trim();
  return text.slice(0, 500);
}

/**
 * Sends one delivery (the `email-send` job). The row is locked while sending (FOR UPDATE SKIP
 * LOCKED): a second job for the same delivery skips instead of sending it twice, and a SENT row
 * is never sent again. The recipient's opt-out for the category is honoured at send time.
 * A temporary failure (4xx, connection) records lastError + attempts and throws, so pg-boss
 * retries; after the last retry, or on a permanent 5xx refusal, the row is FAILED.
 */
export async function sendDelivery(
  data: { deliveryId: string; text: string; html: string },
  job: { retryCount: number },
): Promise<SendOutcome> {
  const db = getDb();
  let thrown: EmailSendError | null = null;
  const outcome = await db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<Row[]>`
        SELECT id, "userId", "to", category, subject, status::text AS status, attempts
        FROM "EmailDelivery" WHERE id = ${data.deliveryId} FOR UPDATE SKIP LOCKED`;
      if (!row) {
        const exists = await tx.emailDelivery.count({ where: { id: data.deliveryId } });
        return exists ? "busy" : "missing";
      }
      if (row.status === "SENT") return "already-sent";

      let unsubscribe: { page: string; oneClick: string } | null = null;
      if (isOptionalCategory(row.category)) {
        const user = row.userId
          ? await tx.user.findUnique({
              where: { id: row.userId },
              select: { id: true, emailOptOuts: true },
            })
          : await tx.user.findUnique({
              where: { email: row.to },
              select: { id: true, emailOptOuts: true },
            });
        if (user?.emailOptOuts.includes(row.category)) {
          await tx.emailDelivery.update({
            where: { id: row.id },
            data: {
              status: "FAILED",
              lastError: `Not sent: the recipient unsubscribed from ${EMAIL_CATEGORY_LABELS[row.category].label.toLowerCase()} emails.`,
            },
          });
          return "opted-out";
        }
        if (user) {
          const token = createUnsubscribeToken(user.id, row.category);
          unsubscribe = {
            page: unsubscribePageUrl(token),
            oneClick: oneClickUnsubscribeUrl(token),
          };
        }
      }

      const transport = emailTransport();
      if (!transport) {
        await tx.emailDelivery.update({
          where: { id: row.id },
          data: { lastError: "Not sent: SMTP_URL is not configured." },
        });
        return "not-configured";
      }

      let text = data.text;
      let html = data.html;
      if (unsubscribe && isOptionalCategory(row.category)) {
        const label = EMAIL_CATEGORY_LABELS[row.category].label;
        text += `Unsubscribe from "${label}" emails: ${unsubscribe.page}\n`;
        const footer = `<p style="font-size:12px;color:#6b7280"><a href="${esc(unsubscribe.page)}" style="color:#6b7280">Unsubscribe from “${esc(label)}” emails</a></p>`;
        html = html.includes(FOOTER_MARKER)
          ? html.replace(FOOTER_MARKER, footer)
          : html.replace(/<\/body>/i, `${footer}</body>`);
      }

      try {
        await transport.sendMail({
          from: env().EMAIL_FROM,
          to: row.to,
          subject: row.subject,
          text,
          html,
          messageId: `<${row.id}@chorus>`,
          headers: {
            "X-Chorus-Delivery": row.id,
            "X-Chorus-Category": row.category,
            ...(unsubscribe
              ? {
                  "List-Unsubscribe": `<${unsubscribe.oneClick}>`,
                  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                }
              : { "Auto-Submitted": "auto-generated" }),
          },
        });
      } catch (error) {
        const attempts = row.attempts + 1;
        const final = isPermanent(error) || job.retryCount >= EMAIL_RETRY_LIMIT;
        const lastError = describe(error);
        await tx.emailDelivery.update({
          where: { id: row.id },
          data: { attempts, lastError, ...(final ? { status: "FAILED" as const } : {}) },
        });
        if (final && isPermanent(error)) return "failed";
        thrown = new EmailSendError(`Email ${row.id} not sent (attempt ${attempts}): ${lastError}`);
        return final ? "failed" : "retry";
      }
      await tx.emailDelivery.update({
        where: { id: row.id },
        data: {
          status: "SENT",
          sentAt: new Date(),
          attempts: row.attempts + 1,
          lastError: null,
        },
      });
      return "sent";
    },
    { maxWait: 10_000, timeout: 90_000 },
  );
  // Thrown after the commit, so attempts and lastError are kept while pg-boss retries the job.
  if (thrown) throw thrown;
  return outcome;
}
