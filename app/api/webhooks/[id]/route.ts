import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import {
  deleteWebhookEndpoint,
  updateWebhookEndpoint,
  updateWebhookSchema,
} from "@/lib/domains/webhooks/manage-webhooks";

export const PATCH = orgRoute("org:update", async ({ req, params, access }) => {
  const input = await parseJsonBody(req, updateWebhookSchema, { maxBytes: 4096 });
  return { endpoint: await updateWebhookEndpoint(access, String(params.id), input) };
});

export const DELETE = orgRoute("org:update", async ({ params, access }) => {
  await deleteWebhookEndpoint(access, String(params.id));
  return { ok: true };
});
