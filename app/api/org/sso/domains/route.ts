import { parseJsonBody } from "@/lib/core/http/parse-body";
import { orgRoute } from "@/lib/domains/access/route";
import { getSsoSettings } from "@/lib/domains/sso/get-sso-settings";
import { addSsoDomain, addSsoDomainSchema } from "@/lib/domains/sso/manage-sso-domains";

/** Claims an email domain; it is verified next (DNS TXT record, or an admin where allowed). */
export const POST = orgRoute("org:update", async ({ req, access }) => {
  const { domain } = await parseJsonBody(req, addSsoDomainSchema);
  const added = await addSsoDomain(access.orgId, access.userId, domain);
  return Response.json(
    { domain: added, sso: await getSsoSettings(access.orgId, access.org.slug) },
    { status: 201 },
  );
});
