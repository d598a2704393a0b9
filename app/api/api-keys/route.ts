import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { createApiKey, createApiKeySchema } from "@/lib/domains/api-keys/create-api-key";
import { listApiKeys } from "@/lib/domains/api-keys/list-api-keys";

export const GET = orgRoute("apikeys:manage", async ({ access }) => ({
  apiKeys: await listApiKeys(access.orgId),
}));

/** The key itself is in this response only: it is stored hashed and cannot be shown again. */
export const POST = orgRoute("apikeys:manage", async ({ req, access }) => {
  const input = await parseJsonBody(req, createApiKeySchema, { maxBytes: 4096 });
  const { key, apiKey } = await createApiKey(access, input);
  return Response.json({ key, apiKey }, { status: 201, headers: { "Cache-Control": "no-store" } });
});
