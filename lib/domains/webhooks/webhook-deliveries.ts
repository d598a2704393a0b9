import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { conflict, notFound } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { appUrl } from "@/lib/core/http/app-url";
import { enqueueDelivery } from "@/lib/domains/webhooks/deliver-webhook";
import { testMessage } from "@/lib/integrations/webhooks/webhook-messages";

export interface WebhookDeliveryView {
  id: string;
  event: string;
  endpointId: string;
  endpointName: string;
  endpointKind: "SLACK" | "TEAMS";
  status: "PENDING" | "SENT" | "FAILED";
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** The delivery log admins see: the latest `limit` deliveries of the organisation. */
export async function listWebhookDeliveries(
  orgId: string,
  { limit = 50 }: { limit?: number } = {},
): Promise<WebhookDeliveryView[]> {
  const rows = await db.webhookDelivery.findMany({
    where: { orgId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      event: true,
      endpointId: true,
      status: true,
      attempts: true,
      responseStatus: true,
      lastError: true,
      createdAt: true,
      deliveredAt: true,
      endpoint: { select: { name: true, kind: true } },
    },
  });
  return rows.map(({ endpoint, createdAt, deliveredAt, ...row }) => ({
    ...row,
    endpointName: endpoint.name,
    endpointKind: endpoint.kind,
    createdAt: createdAt.toISOString(),
    deliveredAt: deliveredAt?.toISOString() ?? null,
  }));
}

/** Puts a FAILED delivery back to PENDING (conditionally: one click, one retry) and queues it. */
export async function retryWebhookDelivery(access: Access, deliveryId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const found = await tx.webhookDelivery.findFirst({
      where: { id: deliveryId, orgId: access.orgId },
      select: { status: true },
    });
    if (!found) throw notFound("Delivery");
    const moved = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, orgId: access.orgId, status: "FAILED" },
      data: { status: "PENDING", lastError: null },
    });
    if (moved.count !== 1) {
      throw conflict(
        found.status === "SENT"
          ? "This message was already delivered."
          : "This message is still being delivered.",
      );
    }
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "webhook.retry",
      targetType: "webhook_delivery",
      targetId: deliveryId,
    });
  });
  await enqueueDelivery(deliveryId);
}

/** Queues a "Chorus is connected" message to one endpoint; it shows in the log like any other. */
export async function sendWebhookTest(access: Access, endpointId: string): Promise<string> {
  const endpoint = await db.webhookEndpoint.findFirst({
    where: { id: endpointId, orgId: access.orgId },
    select: { id: true, kind: true, active: true, name: true },
  });
  if (!endpoint) throw notFound("Webhook");
  if (!endpoint.active) throw conflict("Turn the webhook on before sending a test message.");
  const id = createId("whd");
  await db.$transaction(async (tx) => {
    await tx.webhookDelivery.create({
      data: {
        id,
        orgId: access.orgId,
        endpointId,
        event: "test",
        payload: testMessage(endpoint.kind, access.org.name, appUrl()),
      },
    });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "webhook.test",
      targetType: "webhook",
      targetId: endpointId,
      metadata: { name: endpoint.name, deliveryId: id },
    });
  });
  await enqueueDelivery(id);
  return id;
}

/** A PENDING delivery this old without a waiting or running job is taken as lost. */
const LOST_AFTER_MS = 15 * 60_000;

/**
 * Nothing stays PENDING silently: a delivery whose job is gone (the process stopped between
 * saving the delivery and queueing its job, or died during the last attempt) is marked FAILED
 * with an explanation, so it shows in the log with a Retry button. Run by the every-minute job.
 */
export async function failLostDeliveries(): Promise<number> {
  const before = new Date(Date.now() - LOST_AFTER_MS);
  return db.$executeRaw`
    UPDATE "WebhookDelivery" d
    SET status = 'FAILED',
        "lastError" = 'The delivery job was lost (the server stopped). Retry to send it.'
    WHERE d.status = 'PENDING'
      AND d."createdAt" < ${before}
      AND NOT EXISTS (
        SELECT 1 FROM pgboss.job j
        WHERE j.name = 'webhook-deliver'
          AND j.data->>'deliveryId' = d.id
          AND j.state < 'completed'
      )`;
}
