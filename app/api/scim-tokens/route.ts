import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import { createScimToken, createScimTokenSchema } from "@/lib/domains/scim/create-scim-token";
import { listScimTokens } from "@/lib/domains/scim/list-scim-tokens";

export const GET = orgRoute("scim:manage", async ({ access }) => ({
  scimTokens: await listScimTokens(access.orgId),
}));

/** The token itself is in this response only: it is stored hashed and cannot be shown again. */
export const POST = orgRoute("scim:manage", async ({ req, access }) => {
  const input = await parseJsonBody(req, createScimTokenSchema, { maxBytes: 4096 });
  const { token, scimToken } = await createScimToken(access, input);
  return Response.json(
    { token, scimToken },
    { status: 201, headers: { "Cache-Control": "no-store" } },
  );
});
