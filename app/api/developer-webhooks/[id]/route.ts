import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import {
  deleteDeveloperWebhook,
  updateDeveloperWebhook,
  updateDeveloperWebhookSchema,
} from "@/lib/domains/developer-webhooks/manage-developer-webhooks";

export const PATCH = orgRoute("org:update", async ({ req, params, access }) => {
  const input = await parseJsonBody(req, updateDeveloperWebhookSchema, { maxBytes: 4096 });
  return { webhook: await updateDeveloperWebhook(access, String(params.id), input) };
});

export const DELETE = orgRoute("org:update", async ({ params, access }) => {
  await deleteDeveloperWebhook(access, String(params.id));
  return { ok: true };
});
