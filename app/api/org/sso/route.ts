import { parseJsonBody } from "@/lib/core/http/parse-body";
import { orgRoute } from "@/lib/domains/access/route";
import { getSsoSettings } from "@/lib/domains/sso/get-sso-settings";
import { saveSsoConnection, saveSsoConnectionSchema } from "@/lib/domains/sso/save-sso-connection";

/** The organisation's single sign-on (admins): SAML / OIDC connection, require SSO, domains. */
export const GET = orgRoute("org:update", async ({ access }) => ({
  sso: await getSsoSettings(access.orgId, access.org.slug),
}));

export const PUT = orgRoute("org:update", async ({ req, access }) => {
  const input = await parseJsonBody(req, saveSsoConnectionSchema, { maxBytes: 600 * 1024 });
  await saveSsoConnection(access.orgId, access.userId, input);
  return { sso: await getSsoSettings(access.orgId, access.org.slug) };
});
