import { loadSamlSettings } from "@/lib/domains/sso/load-org-sso";
import { samlFor } from "@/lib/domains/sso/saml-service-provider";
import { ssoRedirectRoute } from "@/lib/domains/sso/sso-redirect-route";

/** Starts a SAML sign-in: an AuthnRequest to the organisation's IdP (HTTP-Redirect binding). */
const handler = ssoRedirectRoute(async (_req, slug) => {
  const settings = await loadSamlSettings(slug);
  const url = await samlFor(settings).getAuthorizeUrlAsync("", undefined, {});
  return new Response(null, {
    status: 303,
    headers: { location: url, "cache-control": "no-store" },
  });
});

export function GET(req: Request, segment: { params: Promise<{ slug: string }> }) {
  return handler(req, segment);
}
