import { db } from "@/lib/core/db/client";
import { decryptSecret } from "@/lib/core/crypto/token-cipher";
import { sendJob } from "@/lib/core/jobs/send-job";
import { postWebhook } from "@/lib/integrations/webhooks/post-webhook";
import {
  deliverWebhookJob,
  WEBHOOK_RETRY_LIMIT,
} from "@/lib/domains/webhooks/jobs/deliver-webhook";

/** Times a delivery answered 429 is put off (per Retry-After) before it counts as FAILED. */
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_LIMIT + 1;
const MAX_RETRY_AFTER_SECONDS = 3600;

export class WebhookRetryableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookRetryableError";
  }
}

/** Queues the job that delivers one PENDING delivery. */
export async function enqueueDelivery(
  deliveryId: string,
  { startAfterSeconds, deferrals = 0 }: { startAfterSeconds?: number; deferrals?: number } = {},
) {
  return sendJob(
    deliverWebhookJob,
    { deliveryId, deferrals },
    startAfterSeconds ? { startAfter: startAfterSeconds } : {},
  );
}

type Outcome =
  | { kind: "skip" }
  | { kind: "sent"; attempts: number }
  | { kind: "failed"; attempts: number; message?: string }
  | { kind: "retry"; attempts: number; message: string }
  | { kind: "later"; attempts: number; seconds: number };

interface Row {
  status: "PENDING" | "SENT" | "FAILED";
  attempts: number;
  payload: unknown;
  url: string;
  active: boolean;
}

/**
 * One attempt at one delivery (the `webhook-deliver` job). The row is locked for the attempt
 * (FOR UPDATE SKIP LOCKED), so two workers never post the same delivery at once, and a delivery
 * that is no longer PENDING is skipped: nothing is sent twice. 2xx → SENT; 429 → re-queued after
 * Retry-After; 5xx, timeouts and network errors → throws so pg-boss retries with backoff (FAILED
 * after the last retry); any other 4xx → FAILED at once (the URL is wrong or revoked).
 */
export async function deliverWebhook(
  deliveryId: string,
  {
    retryCount = 0,
    retryLimit = WEBHOOK_RETRY_LIMIT,
    deferrals = 0,
  }: {
    /** pg-boss's retry count of this job, and the queue's limit. */
    retryCount?: number;
    retryLimit?: number;
    /** How often a 429 has already put this delivery off (each time a new job). */
    deferrals?: number;
  } = {},
): Promise<void> {
  const outcome = await db.$transaction(
    async (tx): Promise<Outcome> => {
      const rows = await tx.$queryRaw<Row[]>`
        SELECT d.status, d.attempts, d.payload, e.url, e.active
        FROM "WebhookDelivery" d JOIN "WebhookEndpoint" e ON e.id = d."endpointId"
        WHERE d.id = ${deliveryId}
        FOR UPDATE OF d SKIP LOCKED`;
      const row = rows[0];
      if (!row || row.status !== "PENDING") return { kind: "skip" };
      const attempts = row.attempts + 1;
      const finish = async (data: {
        status: "PENDING" | "SENT" | "FAILED";
        responseStatus: number | null;
        lastError: string | null;
      }) => {
        await tx.webhookDelivery.update({
          where: { id: deliveryId },
          data: { ...data, attempts, deliveredAt: data.status === "SENT" ? new Date() : undefined },
        });
      };
      if (!row.active) {
        await finish({
          status: "FAILED",
          responseStatus: null,
          lastError: "The webhook was turned off before this message was sent.",
        });
        return { kind: "failed", attempts };
      }
      let url: string;
      try {
        url = decryptSecret(row.url);
      } catch (error) {
        await finish({
          status: "FAILED",
          responseStatus: null,
          lastError: (error as Error).message,
        });
        return { kind: "failed", attempts };
      }
      // The stored payload carries the item id (for "announced once"); chat services get the rest.
      const { itemId: _itemId, ...body } = (row.payload ?? {}) as Record<string, unknown>;
      const result = await postWebhook(url, body);
      const status = result.status;
      if (status !== null && status >= 200 && status < 300) {
        await finish({ status: "SENT", responseStatus: status, lastError: null });
        return { kind: "sent", attempts };
      }
      const described =
        status === null
          ? result.detail
          : `HTTP ${status}${result.detail ? `: ${result.detail}` : ""}`;
      const lastTry = retryCount >= retryLimit;
      if (status === 429 && deferrals + 1 < WEBHOOK_MAX_ATTEMPTS) {
        await finish({ status: "PENDING", responseStatus: status, lastError: described });
        const seconds = Math.min(
          MAX_RETRY_AFTER_SECONDS,
          Math.max(1, result.retryAfterSeconds ?? 30 * 2 ** retryCount),
        );
        return { kind: "later", attempts, seconds };
      }
      const retryable = status === null || status >= 500 || status === 429;
      if (retryable && !lastTry) {
        await finish({ status: "PENDING", responseStatus: status, lastError: described });
        return { kind: "retry", attempts, message: described };
      }
      await finish({ status: "FAILED", responseStatus: status, lastError: described });
      return { kind: "failed", attempts, message: described };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
  if (outcome.kind !== "skip") {
    console.warn(
      `[webhooks] ${deliveryId} attempt ${outcome.attempts}: ${outcome.kind}${"message" in outcome ? ` (${outcome.message})` : ""}${"seconds" in outcome ? ` — again in ${outcome.seconds} s` : ""}`,
    );
  }
  if (outcome.kind === "later") {
    await enqueueDelivery(deliveryId, {
      startAfterSeconds: outcome.seconds,
      deferrals: deferrals + 1,
    });
  }
  if (outcome.kind === "retry") throw new WebhookRetryableError(outcome.message);
}
