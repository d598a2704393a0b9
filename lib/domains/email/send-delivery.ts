import { getDb, type Tx } from "@/lib/core/db/client";
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

/** One delivery to send: the job's payload and its retry count. */
export interface DeliveryToSend {
  data: { deliveryId: string; text: string; html: string };
  job: { retryCount: number };
}

/** What became of one delivery; `error` when its job must fail (and pg-boss retry it). */
export interface DeliveryResult {
  outcome: SendOutcome;
  error?: EmailSendError;
}

/** A row's new state, written for the whole batch in one statement. */
interface RowUpdate {
  id: string;
  status: "PENDING" | "SENT" | "FAILED";
  attempts: number;
  lastError: string | null;
}

/**
 * Sends one delivery (a batch of one; see `sendDeliveries`). Throws the EmailSendError of a
 * temporary failure, after attempts and lastError are committed, so its job is retried.
 */
export async function sendDelivery(
  data: DeliveryToSend["data"],
  job: DeliveryToSend["job"],
): Promise<SendOutcome> {
  const [result] = await sendDeliveries([{ data, job }]);
  if (result!.error) throw result!.error;
  return result!.outcome;
}

/**
 * Sends a batch of deliveries (the `email-send` jobs a worker fetched at once), in one
 * transaction: the rows are locked (FOR UPDATE SKIP LOCKED) while their emails go out over the
 * pooled SMTP connections in parallel, so a second job for the same delivery, in another worker
 * or instance, skips it ("busy") instead of sending it twice, and a SENT row is never sent again.
 * Opt-outs are read at send time (one query for the batch). Each delivery ends on its own: a
 * temporary failure (4xx, connection) records lastError + attempts and returns an error so that
 * only its job is retried; after the last retry, or on a permanent 5xx refusal, the row is
 * FAILED. Every row's new state is written in one statement before the commit.
 */
export async function sendDeliveries(items: DeliveryToSend[]): Promise<DeliveryResult[]> {
  if (items.length === 0) return [];
  const ids = [...new Set(items.map((i) => i.data.deliveryId))];
  const outcomes = new Map<string, DeliveryResult>();
  await getDb().$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<Row[]>`
        SELECT id, "userId", "to", category, subject, status::text AS status, attempts
        FROM "EmailDelivery" WHERE id = ANY(${ids}::text[]) FOR UPDATE SKIP LOCKED`;
      const locked = new Set(rows.map((r) => r.id));
      const unlocked = ids.filter((id) => !locked.has(id));
      if (unlocked.length) {
        const existing = await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM "EmailDelivery" WHERE id = ANY(${unlocked}::text[])`;
        const exists = new Set(existing.map((r) => r.id));
        for (const id of unlocked)
          outcomes.set(id, { outcome: exists.has(id) ? "busy" : "missing" });
      }
      const pending = rows.filter((row) => {
        if (row.status !== "SENT") return true;
        outcomes.set(row.id, { outcome: "already-sent" });
        return false;
      });
      if (pending.length === 0) return;

      const updates: RowUpdate[] = [];
      const optOuts = await recipientsOf(tx, pending);
      const toSend: { row: Row; unsubscribe: Unsubscribe | null }[] = [];
      for (const row of pending) {
        if (!isOptionalCategory(row.category)) {
          toSend.push({ row, unsubscribe: null });
          continue;
        }
        const user = row.userId ? optOuts.byId.get(row.userId) : optOuts.byEmail.get(row.to);
        if (user?.emailOptOuts.includes(row.category)) {
          updates.push({
            id: row.id,
            status: "FAILED",
            attempts: row.attempts,
            lastError: `Not sent: the recipient unsubscribed from ${EMAIL_CATEGORY_LABELS[row.category].label.toLowerCase()} emails.`,
          });
          outcomes.set(row.id, { outcome: "opted-out" });
          continue;
        }
        const token = user ? createUnsubscribeToken(user.id, row.category) : null;
        toSend.push({
          row,
          unsubscribe: token
            ? { page: unsubscribePageUrl(token), oneClick: oneClickUnsubscribeUrl(token) }
            : null,
        });
      }

      const transport = emailTransport();
      if (!transport) {
        for (const { row } of toSend) {
          updates.push({
            id: row.id,
            status: row.status,
            attempts: row.attempts,
            lastError: "Not sent: SMTP_URL is not configured.",
          });
          outcomes.set(row.id, { outcome: "not-configured" });
        }
      } else {
        const byId = new Map(items.map((i) => [i.data.deliveryId, i]));
        const settled = await Promise.allSettled(
          toSend.map(({ row, unsubscribe }) =>
            transport.sendMail(message(row, byId.get(row.id)!.data, unsubscribe)),
          ),
        );
        settled.forEach((result, i) => {
          const { row } = toSend[i]!;
          const attempts = row.attempts + 1;
          if (result.status === "fulfilled") {
            updates.push({ id: row.id, status: "SENT", attempts, lastError: null });
            outcomes.set(row.id, { outcome: "sent" });
            return;
          }
          const error = result.reason;
          const permanent = isPermanent(error);
          const final = permanent || byId.get(row.id)!.job.retryCount >= EMAIL_RETRY_LIMIT;
          const lastError = describe(error);
          updates.push({ id: row.id, status: final ? "FAILED" : "PENDING", attempts, lastError });
          outcomes.set(
            row.id,
            permanent
              ? { outcome: "failed" }
              : {
                  outcome: final ? "failed" : "retry",
                  error: new EmailSendError(
                    `Email ${row.id} not sent (attempt ${attempts}): ${lastError}`,
                  ),
                },
          );
        });
      }
      await writeUpdates(tx, updates);
    },
    // Below the job's expiry (5 min): a batch of emails over a slow server still commits.
    { maxWait: 10_000, timeout: 240_000 },
  );
  // Errors are returned after the commit, so attempts and lastError are kept while pg-boss retries.
  const seen = new Set<string>();
  return items.map(({ data }) => {
    // The same delivery twice in one batch: the second job finds it being sent by the first.
    if (seen.has(data.deliveryId)) return { outcome: "busy" };
    seen.add(data.deliveryId);
    return outcomes.get(data.deliveryId)!;
  });
}

interface Unsubscribe {
  page: string;
  oneClick: string;
}

interface Recipient {
  id: string;
  email: string;
  emailOptOuts: string[];
}

/** The accounts of the batch's recipients of optional emails (by user id, else by address). */
async function recipientsOf(tx: Tx, rows: Row[]) {
  const optional = rows.filter((r) => isOptionalCategory(r.category));
  const userIds = optional.flatMap((r) => (r.userId ? [r.userId] : []));
  const emails = optional.flatMap((r) => (r.userId ? [] : [r.to]));
  const users: Recipient[] = optional.length
    ? await tx.user.findMany({
        where: { OR: [{ id: { in: userIds } }, { email: { in: emails } }] },
        select: { id: true, email: true, emailOptOuts: true },
      })
    : [];
  return {
    byId: new Map(users.map((u) => [u.id, u])),
    byEmail: new Map(users.map((u) => [u.email, u])),
  };
}

/** The message of a row: the job's body, the unsubscribe footer and headers of optional emails. */
function message(row: Row, data: DeliveryToSend["data"], unsubscribe: Unsubscribe | null) {
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
  return {
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
  };
}

/** Every row's new state in one UPDATE (sentAt set on the rows that were sent). */
async function writeUpdates(tx: Tx, updates: RowUpdate[]) {
  if (updates.length === 0) return;
  await tx.$executeRaw`
    UPDATE "EmailDelivery" d
    SET status = u.status::"DeliveryStatus", attempts = u.attempts, "lastError" = u.last_error,
        "sentAt" = CASE WHEN u.status = 'SENT' THEN now() ELSE d."sentAt" END
    FROM unnest(${updates.map((u) => u.id)}::text[], ${updates.map((u) => u.status)}::text[],
                ${updates.map((u) => u.attempts)}::int[], ${updates.map((u) => u.lastError)}::text[])
      AS u(id, status, attempts, last_error)
    WHERE d.id = u.id`;
}
