import { startSsoSignIn } from "@/lib/domains/sso/start-sso-sign-in";
import { ssoRedirectRoute } from "@/lib/domains/sso/sso-redirect-route";

/** Starts a SAML sign-in: an AuthnRequest to the organisation's IdP (HTTP-Redirect binding). */
const handler = ssoRedirectRoute(async (_req, slug) => {
  const { url } = await startSsoSignIn(slug, "saml");
  return new Response(null, {
    status: 303,
    headers: { location: url, "cache-control": "no-store" },
  });
});

export function GET(req: Request, segment: { params: Promise<{ slug: string }> }) {
  return handler(req, segment);
}
