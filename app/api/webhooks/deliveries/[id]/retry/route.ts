import { orgRoute } from "@/lib/domains/access/route";
import { retryWebhookDelivery } from "@/lib/domains/webhooks/webhook-deliveries";

/** Sends a FAILED delivery again (409 when it is pending or already sent). */
export const POST = orgRoute("org:update", async ({ params, access }) => {
  await retryWebhookDelivery(access, String(params.id));
  return Response.json({ ok: true }, { status: 202 });
});
