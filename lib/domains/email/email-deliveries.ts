import { db } from "@/lib/core/db/client";
import { conflict, notFound } from "@/lib/core/errors/app-error";
import { sendEmailJob, type EmailJobData } from "@/lib/domains/email/jobs/send-email";
import { enqueueDelivery } from "@/lib/domains/email/queue-email";
import { recordAudit } from "@/lib/domains/audit/record-audit";

/** The organisation's last 100 email deliveries, newest first (admin "Email deliveries"). */
export async function listEmailDeliveries(orgId: string, take = 100) {
  return db.emailDelivery.findMany({
    where: { orgId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      to: true,
      category: true,
      subject: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    },
  });
}

export type EmailDeliveryRow = Awaited<ReturnType<typeof listEmailDeliveries>>[number];

/** The content of a delivery, from its last email-send job (the delivery row holds no body). */
async function jobContent(deliveryId: string): Promise<EmailJobData | null> {
  const rows = await db.$queryRawUnsafe<{ data: EmailJobData }[]>(
    `SELECT data FROM (
       SELECT data, created_on FROM pgboss.job WHERE name = $1 AND data->>'deliveryId' = $2
       UNION ALL
       SELECT data, created_on FROM pgboss.archive WHERE name = $1 AND data->>'deliveryId' = $2
     ) j ORDER BY created_on DESC LIMIT 1`,
    sendEmailJob.name,
    deliveryId,
  );
  const data = rows[0]?.data;
  return data && typeof data.text === "string" && typeof data.html === "string" ? data : null;
}

/**
 * Sends a FAILED delivery again (admin Retry): back to PENDING and a new email-send job with the
 * same content. Another organisation's id answers 404; a delivery that is not FAILED, 409.
 */
export async function retryEmailDelivery(
  orgId: string,
  deliveryId: string,
  actorId: string | null = null,
) {
  const delivery = await db.emailDelivery.findFirst({
    where: { id: deliveryId, orgId },
    select: { id: true, status: true, to: true, category: true },
  });
  if (!delivery) throw notFound("Email delivery");
  if (delivery.status !== "FAILED") {
    throw conflict(
      delivery.status === "SENT"
        ? "This email was already sent."
        : "This email is still waiting to be sent.",
    );
  }
  const content = await jobContent(deliveryId).catch(() => null);
  if (!content) {
    throw conflict(
      "The content of this email is no longer kept (job history is kept for about a week), so it cannot be resent.",
    );
  }
  await db.$transaction(async (tx) => {
    const reset = await tx.emailDelivery.updateMany({
      where: { id: deliveryId, orgId, status: "FAILED" },
      data: { status: "PENDING", lastError: null },
    });
    if (reset.count !== 1) throw conflict("Someone else retried this email just now.");
    await recordAudit(tx, {
      orgId,
      actorId,
      action: "email.retry",
      targetType: "email_delivery",
      targetId: deliveryId,
      metadata: { to: delivery.to, category: delivery.category },
    });
  });
  try {
    await enqueueDelivery(
      { deliveryId, text: content.text, html: content.html },
      delivery.category,
    );
  } catch (error) {
    await db.emailDelivery.update({
      where: { id: deliveryId },
      data: { status: "FAILED", lastError: "Could not queue the retry; try again." },
    });
    throw error;
  }
  return { id: deliveryId, status: "PENDING" as const };
}
