import { appUrl } from "@/lib/core/http/app-url";
import { loadOidcSettings } from "@/lib/domains/sso/load-org-sso";
import { OIDC_STATE_COOKIE, startOrgOidc } from "@/lib/domains/sso/org-oidc";
import { ssoRedirectRoute } from "@/lib/domains/sso/sso-redirect-route";

/** Starts an OpenID Connect sign-in with the organisation's identity provider (code + PKCE). */
const handler = ssoRedirectRoute(async (_req, slug) => {
  const { url, state } = await startOrgOidc(await loadOidcSettings(slug));
  const secure = appUrl().startsWith("https:") ? "; Secure" : "";
  return new Response(null, {
    status: 303,
    headers: {
      location: url,
      "cache-control": "no-store",
      "set-cookie": `${OIDC_STATE_COOKIE}=${state}; Path=/api/sso; HttpOnly; SameSite=Lax; Max-Age=600${secure}`,
    },
  });
});

export function GET(req: Request, segment: { params: Promise<{ slug: string }> }) {
  return handler(req, segment);
}
