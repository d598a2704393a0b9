import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import {
  previewMappingSchema,
  previewWebhookMapping,
} from "@/lib/domains/connectors/preview-webhook-mapping";

/** Tests a webhook mapping against a sample payload; records nothing. */
export const POST = orgRoute("connectors:manage", async ({ req, access }) => {
  const input = await parseJsonBody(req, previewMappingSchema, { maxBytes: 64 * 1024 });
  return { preview: await previewWebhookMapping(access.orgId, input) };
});
