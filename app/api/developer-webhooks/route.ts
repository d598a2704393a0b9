import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import {
  createDeveloperWebhook,
  createDeveloperWebhookSchema,
  listDeveloperWebhooks,
} from "@/lib/domains/developer-webhooks/manage-developer-webhooks";
import { listDeveloperWebhookDeliveries } from "@/lib/domains/developer-webhooks/developer-webhook-deliveries";

/** Developer webhooks (host only; URL and secret are secrets) and the latest 50 deliveries. */
export const GET = orgRoute("org:update", async ({ access }) => ({
  webhooks: await listDeveloperWebhooks(access.orgId),
  deliveries: await listDeveloperWebhookDeliveries(access.orgId),
}));

/** The signing secret is in this response only: it is stored encrypted and never shown again. */
export const POST = orgRoute("org:update", async ({ req, access }) => {
  const input = await parseJsonBody(req, createDeveloperWebhookSchema, { maxBytes: 8192 });
  const { webhook, secret } = await createDeveloperWebhook(access, input);
  return Response.json(
    { webhook, signingSecret: secret },
    { status: 201, headers: { "Cache-Control": "no-store" } },
  );
});
