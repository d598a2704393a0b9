import { getDb } from "@/lib/core/db/client";
import { AppError } from "@/lib/core/errors/app-error";
import {
  isPushWanted,
  PUSH_CATEGORIES,
  type PushCategory,
  type PushSwitchColumn,
} from "@/lib/domains/push/push-categories";
import { PUSH_RETRY_LIMIT } from "@/lib/domains/push/jobs/send-push";
import { sendWebPush } from "@/lib/integrations/push/send-web-push";
import { vapidConfig } from "@/lib/integrations/push/vapid-config";

export type PushOutcome =
  "sent" | "skipped" | "busy" | "missing" | "gone" | "switched-off" | "failed" | "retry";

export class PushSendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PushSendError";
  }
}

/** What the service worker receives (lib/pwa/sw-push.ts shows it). */
export interface PushPayload {
  title: string;
  body: string;
  /** A same-origin path: the page a tap opens. */
  url: string;
  /** Notifications with one tag replace each other (e.g. the milestones of one share). */
  tag: string;
}

interface Row {
  id: string;
  subscriptionId: string | null;
  category: string;
  title: string;
  body: string | null;
  url: string;
  status: "PENDING" | "SENT" | "FAILED";
  attempts: number;
}

const TTL_SECONDS: Record<PushCategory, number> = {
  "new-content": 3 * 86_400,
  milestones: 86_400,
  campaigns: 3 * 86_400,
  approvals: 3 * 86_400,
  reminders: 6 * 3600,
};

/**
 * Sends one delivery (the `push-send` job), like an email delivery: the row is locked while
 * sending (FOR UPDATE SKIP LOCKED) and a row that is no longer PENDING is never sent again. The
 * person's switch for the category is honoured at send time. 2xx → SENT. 404/410 (the browser
 * unsubscribed, RFC 8030 §7.3) → the subscription is removed and the delivery FAILED. Anything
 * else (5xx, 429, other 4xx, network errors) records attempts and lastError and throws, so pg-boss
 * retries; after the last retry the row is FAILED.
 */
export async function sendPushDelivery(
  deliveryId: string,
  job: { retryCount: number },
): Promise<PushOutcome> {
  const db = getDb();
  let thrown: PushSendError | null = null;
  const outcome = await db.$transaction(
    async (tx): Promise<PushOutcome> => {
      const [row] = await tx.$queryRaw<Row[]>`
        SELECT id, "subscriptionId", category, title, body, url, status::text AS status, attempts
        FROM "PushDelivery" WHERE id = ${deliveryId} FOR UPDATE SKIP LOCKED`;
      if (!row) {
        const exists = await tx.pushDelivery.count({ where: { id: deliveryId } });
        return exists ? "busy" : "missing";
      }
      if (row.status !== "PENDING") return "skipped";
      const fail = (lastError: string, attempts = row.attempts) =>
        tx.pushDelivery.update({
          where: { id: row.id },
          data: { status: "FAILED", attempts, lastError },
        });

      const subscription = row.subscriptionId
        ? await tx.pushSubscription.findUnique({
            where: { id: row.subscriptionId },
            select: {
              id: true,
              endpoint: true,
              p256dh: true,
              auth: true,
              membership: {
                select: {
                  status: true,
                  pushNewContent: true,
                  pushMilestones: true,
                  pushCampaigns: true,
                  pushApprovals: true,
                },
              },
            },
          })
        : null;
      if (!subscription || subscription.membership.status !== "ACTIVE") {
        await fail("Not sent: the device was unsubscribed.");
        return "gone";
      }
      const category = (PUSH_CATEGORIES as readonly string[]).includes(row.category)
        ? (row.category as PushCategory)
        : null;
      const switches: Record<PushSwitchColumn, boolean> = subscription.membership;
      if (!category || !isPushWanted(category, switches)) {
        await fail("Not sent: the person switched this category off.");
        return "switched-off";
      }
      const vapid = vapidConfig();
      if (!vapid) {
        await fail("Not sent: Web Push is not configured (VAPID keys).");
        return "failed";
      }

      const payload: PushPayload = {
        title: row.title,
        body: row.body ?? "",
        url: row.url,
        tag: `${category}:${row.url}`,
      };
      const attempts = row.attempts + 1;
      let problem: string;
      try {
        const result = await sendWebPush(subscription, JSON.stringify(payload), vapid, {
          ttlSeconds: TTL_SECONDS[category],
          urgency: category === "reminders" || category === "approvals" ? "high" : "normal",
        });
        if (result.status >= 200 && result.status < 300) {
          const now = new Date();
          await tx.pushDelivery.update({
            where: { id: row.id },
            data: { status: "SENT", sentAt: now, attempts, lastError: null },
          });
          await tx.pushSubscription.update({
            where: { id: subscription.id },
            data: { lastSuccessAt: now },
          });
          return "sent";
        }
        if (result.status === 404 || result.status === 410) {
          await tx.pushDelivery.updateMany({
            where: { subscriptionId: subscription.id },
            data: { subscriptionId: null },
          });
          await tx.pushSubscription.delete({ where: { id: subscription.id } });
          await fail(
            `The push service answered ${result.status}: the subscription is gone and was removed.`,
            attempts,
          );
          return "gone";
        }
        problem = `The push service answered ${result.status}${result.body ? `: ${result.body.replace(/\s+/g, " ").slice(0, 300)}` : ""}`;
      } catch (error) {
        if (error instanceof AppError) {
          await fail(`Not sent: ${error.message}`, attempts);
          return "failed";
        }
        problem = error instanceof Error ? error.message : String(error);
      }
      const final = job.retryCount >= PUSH_RETRY_LIMIT;
      await tx.pushDelivery.update({
        where: { id: row.id },
        data: { attempts, lastError: problem, ...(final ? { status: "FAILED" as const } : {}) },
      });
      if (final) return "failed";
      thrown = new PushSendError(`Push ${row.id} not sent (attempt ${attempts}): ${problem}`);
      return "retry";
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  // Thrown after the commit, so attempts and lastError are kept while pg-boss retries the job.
  if (thrown) throw thrown;
  return outcome;
}
