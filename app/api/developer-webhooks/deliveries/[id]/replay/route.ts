import { orgRoute } from "@/lib/domains/access/route";
import { replayDeveloperWebhookDelivery } from "@/lib/domains/developer-webhooks/developer-webhook-deliveries";

/** Sends a delivered or failed message again (a new log entry, the same webhook-id). */
export const POST = orgRoute("org:update", async ({ params, access }) => {
  const deliveryId = await replayDeveloperWebhookDelivery(access, String(params.id));
  return Response.json({ deliveryId }, { status: 202 });
});
