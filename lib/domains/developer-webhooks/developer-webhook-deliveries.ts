import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { conflict, notFound } from "@/lib/core/errors/app-error";
import { sendJob } from "@/lib/core/jobs/send-job";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { deliverDeveloperWebhookJob } from "@/lib/domains/developer-webhooks/jobs/deliver-developer-webhook";

export interface DeveloperWebhookDeliveryView {
  id: string;
  webhookId: string;
  webhookName: string;
  messageId: string;
  event: string;
  status: "PENDING" | "SENT" | "FAILED";
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  replayOfId: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** The delivery log admins see: the organisation's latest `limit` messages, newest first. */
export async function listDeveloperWebhookDeliveries(
  orgId: string,
  { limit = 50 }: { limit?: number } = {},
): Promise<DeveloperWebhookDeliveryView[]> {
  const rows = await db.developerWebhookDelivery.findMany({
    where: { orgId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      webhookId: true,
      messageId: true,
      event: true,
      status: true,
      attempts: true,
      responseStatus: true,
      lastError: true,
      replayOfId: true,
      createdAt: true,
      deliveredAt: true,
      webhook: { select: { name: true } },
    },
  });
  return rows.map(({ webhook, createdAt, deliveredAt, ...row }) => ({
    ...row,
    webhookName: webhook.name,
    createdAt: createdAt.toISOString(),
    deliveredAt: deliveredAt?.toISOString() ?? null,
  }));
}

/**
 * Sends a message again (delivered or failed): a new delivery in the log with the same body and
 * the same webhook-id, so a receiver that already processed it can tell. The webhook must be on.
 */
export async function replayDeveloperWebhookDelivery(
  access: Access,
  deliveryId: string,
): Promise<string> {
  const id = createId("dwd");
  await db.$transaction(async (tx) => {
    const original = await tx.developerWebhookDelivery.findFirst({
      where: { id: deliveryId, orgId: access.orgId },
      select: {
        webhookId: true,
        messageId: true,
        event: true,
        body: true,
        status: true,
        webhook: { select: { active: true } },
      },
    });
    if (!original) throw notFound("That delivery");
    if (original.status === "PENDING") throw conflict("This message is still being delivered.");
    if (!original.webhook.active) {
      throw conflict("Turn the webhook on before replaying its messages.");
    }
    await tx.developerWebhookDelivery.create({
      data: {
        id,
        orgId: access.orgId,
        webhookId: original.webhookId,
        messageId: original.messageId,
        event: original.event,
        body: original.body,
        replayOfId: deliveryId,
      },
    });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "devwebhook.replay",
      targetType: "developer_webhook_delivery",
      targetId: deliveryId,
      metadata: { replay: id, event: original.event },
    });
    await sendJob(deliverDeveloperWebhookJob, { deliveryId: id }, { tx });
  });
  return id;
}
