import { env } from "@/lib/core/env";
import { db, type Tx } from "@/lib/core/db/client";
import { decryptSecret } from "@/lib/core/crypto/token-cipher";
import { requestPinned } from "@/lib/core/net/request-pinned";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { createNotification } from "@/lib/domains/notifications/create-notification";
import {
  parseDeveloperWebhookUrl,
  resolveDeveloperWebhookTarget,
} from "@/lib/domains/developer-webhooks/developer-webhook-url";
import { signWebhook } from "@/lib/domains/developer-webhooks/sign-webhook";
import { DEVELOPER_WEBHOOK_RETRY_LIMIT } from "@/lib/domains/developer-webhooks/jobs/deliver-developer-webhook";

const TIMEOUT_MS = 10_000;
const MAX_DETAIL = 300;

export class DeveloperWebhookRetryableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DeveloperWebhookRetryableError";
  }
}

interface Row {
  status: "PENDING" | "SENT" | "FAILED";
  attempts: number;
  messageId: string;
  body: string;
  orgId: string;
  webhookId: string;
  url: string;
  secret: string;
  active: boolean;
  name: string;
}

/** POSTs the signed body; never throws: a status, or what went wrong. */
async function post(
  urlText: string,
  secret: string,
  messageId: string,
  body: string,
): Promise<{ status: number | null; detail: string }> {
  try {
    const url = parseDeveloperWebhookUrl(urlText);
    const target = await resolveDeveloperWebhookTarget(url);
    const timestamp = Math.floor(Date.now() / 1000);
    const payload = Buffer.from(body, "utf8");
    const response = await requestPinned(url, target, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "content-length": payload.length,
        "user-agent": "ChorusWebhooks/1.0",
        "webhook-id": messageId,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signWebhook(secret, messageId, timestamp, body),
      },
      body: payload,
      timeoutMs: TIMEOUT_MS,
      timeoutMessage: `no answer within ${TIMEOUT_MS / 1000} s`,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response as AsyncIterable<Buffer>) {
      if (size < 2048) chunks.push(chunk);
      size += chunk.length;
    }
    return {
      status: response.statusCode ?? null,
      detail: Buffer.concat(chunks).toString("utf8").slice(0, MAX_DETAIL),
    };
  } catch (error) {
    return { status: null, detail: (error as Error).message.slice(0, MAX_DETAIL) };
  }
}

/**
 * One attempt at one delivery (the `developer-webhook-deliver` job). The row is locked for the
 * attempt (FOR UPDATE SKIP LOCKED) and a delivery no longer PENDING is skipped, so a message is
 * never sent twice at once. 2xx → SENT (the webhook's failure streak resets); anything else →
 * retried by pg-boss with exponential backoff, FAILED after the last retry. A webhook whose
 * deliveries failed DEVELOPER_WEBHOOK_DISABLE_AFTER_FAILURES times in a row is turned off and its
 * organisation's admins are notified.
 */
export async function deliverDeveloperWebhook(
  deliveryId: string,
  {
    retryCount = 0,
    retryLimit = DEVELOPER_WEBHOOK_RETRY_LIMIT,
  }: { retryCount?: number; retryLimit?: number } = {},
): Promise<void> {
  const retry = await db.$transaction(
    async (tx): Promise<string | null> => {
      const rows = await tx.$queryRaw<Row[]>`
        SELECT d.status, d.attempts, d."messageId", d.body, d."orgId", d."webhookId",
               w.url, w.secret, w.active, w.name
        FROM "DeveloperWebhookDelivery" d JOIN "DeveloperWebhook" w ON w.id = d."webhookId"
        WHERE d.id = ${deliveryId}
        FOR UPDATE OF d SKIP LOCKED`;
      const row = rows[0];
      if (!row || row.status !== "PENDING") return null;
      const attempts = row.attempts + 1;
      const finish = (data: {
        status: "PENDING" | "SENT" | "FAILED";
        responseStatus: number | null;
        lastError: string | null;
      }) =>
        tx.developerWebhookDelivery.update({
          where: { id: deliveryId },
          data: { ...data, attempts, deliveredAt: data.status === "SENT" ? new Date() : undefined },
        });
      if (!row.active) {
        await finish({
          status: "FAILED",
          responseStatus: null,
          lastError: "The webhook was turned off before this message was sent.",
        });
        return null;
      }
      let url: string;
      let secret: string;
      try {
        url = decryptSecret(row.url);
        secret = decryptSecret(row.secret);
      } catch (error) {
        await finish({
          status: "FAILED",
          responseStatus: null,
          lastError: (error as Error).message,
        });
        return null;
      }
      const result = await post(url, secret, row.messageId, row.body);
      if (result.status !== null && result.status >= 200 && result.status < 300) {
        await finish({ status: "SENT", responseStatus: result.status, lastError: null });
        await tx.developerWebhook.update({
          where: { id: row.webhookId },
          data: { consecutiveFailures: 0 },
        });
        return null;
      }
      const described =
        result.status === null
          ? result.detail
          : `HTTP ${result.status}${result.detail ? `: ${result.detail}` : ""}`;
      if (retryCount < retryLimit) {
        await finish({ status: "PENDING", responseStatus: result.status, lastError: described });
        return described;
      }
      await finish({ status: "FAILED", responseStatus: result.status, lastError: described });
      await countFailure(tx, row, described);
      return null;
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
  if (retry !== null) throw new DeveloperWebhookRetryableError(retry);
}

/** One more failed delivery in a row; at the threshold the webhook is turned off, admins told. */
async function countFailure(tx: Tx, row: Row, described: string): Promise<void> {
  const threshold = env().DEVELOPER_WEBHOOK_DISABLE_AFTER_FAILURES;
  const updated = await tx.developerWebhook.update({
    where: { id: row.webhookId },
    data: { consecutiveFailures: { increment: 1 } },
    select: { consecutiveFailures: true, active: true },
  });
  if (!updated.active || updated.consecutiveFailures < threshold) return;
  const reason = `Turned off after ${updated.consecutiveFailures} deliveries in a row failed (last: ${described.slice(0, 120)}).`;
  await tx.developerWebhook.update({
    where: { id: row.webhookId },
    data: { active: false, disabledAt: new Date(), disabledReason: reason },
  });
  await recordAudit(tx, {
    orgId: row.orgId,
    actorId: null,
    action: "devwebhook.disabled",
    targetType: "developer_webhook",
    targetId: row.webhookId,
    metadata: { name: row.name, failures: updated.consecutiveFailures },
  });
  const admins = await tx.membership.findMany({
    where: { orgId: row.orgId, role: "ADMIN", status: "ACTIVE" },
    select: { userId: true },
  });
  for (const admin of admins) {
    await createNotification(
      {
        orgId: row.orgId,
        userId: admin.userId,
        kind: "devwebhook.disabled",
        title: `Developer webhook “${row.name}” was turned off`,
        body: `${reason} Fix the receiver, then turn it on again in Integrations.`,
        url: "/admin/integrations",
      },
      tx,
    );
  }
}
