import { parseJsonBody } from "@/lib/core/http/parse-body";
import { orgRoute } from "@/lib/domains/access/route";
import { getSsoSettings } from "@/lib/domains/sso/get-sso-settings";
import { verifySsoDomain, verifySsoDomainSchema } from "@/lib/domains/sso/manage-sso-domains";

/** Checks the domain's DNS TXT record (or, where allowed, takes the admin's word). */
export const POST = orgRoute("org:update", async ({ req, params, access }) => {
  const { method } = await parseJsonBody(req, verifySsoDomainSchema);
  await verifySsoDomain(access.orgId, access.userId, String(params.id), method);
  return { sso: await getSsoSettings(access.orgId, access.org.slug) };
});
