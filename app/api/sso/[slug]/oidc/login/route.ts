import { setCookieHeader, startSsoSignIn } from "@/lib/domains/sso/start-sso-sign-in";
import { ssoRedirectRoute } from "@/lib/domains/sso/sso-redirect-route";

/** Starts an OpenID Connect sign-in with the organisation's identity provider (code + PKCE). */
const handler = ssoRedirectRoute(async (_req, slug) => {
  const { url, cookie } = await startSsoSignIn(slug, "oidc");
  const headers = new Headers({ location: url, "cache-control": "no-store" });
  if (cookie) headers.set("set-cookie", setCookieHeader(cookie));
  return new Response(null, { status: 303, headers });
});

export function GET(req: Request, segment: { params: Promise<{ slug: string }> }) {
  return handler(req, segment);
}
