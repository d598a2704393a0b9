import { orgRoute } from "@/lib/domains/access/route";
import { revokeScimToken } from "@/lib/domains/scim/revoke-scim-token";

/** Revokes a SCIM token at once; another organisation's token id answers 404. */
export const DELETE = orgRoute("scim:manage", async ({ params, access }) => ({
  scimToken: await revokeScimToken(access, String(params.id)),
}));
