import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import {
  createWebhookEndpoint,
  createWebhookSchema,
  listWebhookEndpoints,
} from "@/lib/domains/webhooks/manage-webhooks";
import { listWebhookDeliveries } from "@/lib/domains/webhooks/webhook-deliveries";

/** Endpoints (host only; the URL is a secret) and the latest 50 deliveries. */
export const GET = orgRoute("org:update", async ({ access }) => ({
  endpoints: await listWebhookEndpoints(access.orgId),
  deliveries: await listWebhookDeliveries(access.orgId),
}));

export const POST = orgRoute("org:update", async ({ req, access }) => {
  const input = await parseJsonBody(req, createWebhookSchema, { maxBytes: 8192 });
  return Response.json({ endpoint: await createWebhookEndpoint(access, input) }, { status: 201 });
});
