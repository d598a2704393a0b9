import { orgRoute } from "@/lib/domains/access/route";
import { sendWebhookTest } from "@/lib/domains/webhooks/webhook-deliveries";

/** Queues a test message; its outcome appears in the delivery log. */
export const POST = orgRoute("org:update", async ({ params, access }) =>
  Response.json({ deliveryId: await sendWebhookTest(access, String(params.id)) }, { status: 202 }),
);
