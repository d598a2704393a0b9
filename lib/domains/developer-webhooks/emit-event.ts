import { db, type Tx } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { sendJob } from "@/lib/core/jobs/send-job";
import type { DeveloperWebhookEvent } from "@/lib/domains/developer-webhooks/developer-webhook-events";
import { deliverDeveloperWebhookJob } from "@/lib/domains/developer-webhooks/jobs/deliver-developer-webhook";

/**
 * The one way domain code tells developer webhooks about an event: one delivery per active
 * webhook of the organisation subscribed to `type`, each with its job. Given the transaction of
 * the change, the deliveries and jobs commit with it (a transactional outbox: no event for a change
 * that rolled back, none lost after one that committed). The body follows Standard Webhooks:
 * `{ type, timestamp, data }`; `data` holds ids and facts, never secrets or e-mail addresses.
 * Returns the number of deliveries queued.
 */
export async function emitEvent(
  orgId: string,
  type: DeveloperWebhookEvent,
  data: Record<string, unknown>,
  { tx }: { tx?: Tx } = {},
): Promise<number> {
  const client = tx ?? db;
  const hooks = await client.developerWebhook.findMany({
    where: { orgId, active: true, events: { has: type } },
    select: { id: true },
  });
  if (hooks.length === 0) return 0;
  const body = JSON.stringify({ type, timestamp: new Date().toISOString(), data });
  const rows = hooks.map((hook) => ({
    id: createId("dwd"),
    orgId,
    webhookId: hook.id,
    messageId: createId("msg"),
    event: type,
    body,
  }));
  await client.developerWebhookDelivery.createMany({ data: rows });
  for (const row of rows) {
    await sendJob(deliverDeveloperWebhookJob, { deliveryId: row.id }, tx ? { tx } : {});
  }
  return rows.length;
}

/**
 * For code paths without a transaction at hand: emits after the change committed. A failure to
 * queue is logged, never turned into a failure of the change that already happened.
 */
export async function emitEventAfterCommit(
  orgId: string,
  type: DeveloperWebhookEvent,
  data: Record<string, unknown>,
): Promise<void> {
  try {
    await emitEvent(orgId, type, data);
  } catch (error) {
    console.error(`[developer-webhooks] could not queue ${type} for ${orgId}`, error);
  }
}
