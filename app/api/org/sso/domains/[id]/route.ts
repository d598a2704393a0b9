import { orgRoute } from "@/lib/domains/access/route";
import { getSsoSettings } from "@/lib/domains/sso/get-sso-settings";
import { removeSsoDomain } from "@/lib/domains/sso/manage-sso-domains";

export const DELETE = orgRoute("org:update", async ({ params, access }) => {
  await removeSsoDomain(access.orgId, access.userId, String(params.id));
  return { sso: await getSsoSettings(access.orgId, access.org.slug) };
});
