import { orgRoute } from "@/lib/domains/access/route";
import { revokeApiKey } from "@/lib/domains/api-keys/revoke-api-key";

/** Revokes a key at once; another organisation's key id answers 404. */
export const DELETE = orgRoute("apikeys:manage", async ({ params, access }) => ({
  apiKey: await revokeApiKey(access, String(params.id)),
}));
