import { completeSsoSignIn } from "@/lib/domains/sso/complete-sso-sign-in";
import { loadOidcSettings } from "@/lib/domains/sso/load-org-sso";
import { finishOrgOidc, OIDC_STATE_COOKIE } from "@/lib/domains/sso/org-oidc";
import { openSsoSession, ssoRedirectRoute } from "@/lib/domains/sso/sso-redirect-route";
import { SsoSignInError } from "@/lib/domains/sso/sso-sign-in-error";

function cookieValue(req: Request, name: string): string | null {
  for (const part of (req.headers.get("cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=") || null;
  }
  return null;
}

/** The organisation IdP's redirect back: code exchange, ID token checks, then the session. */
const handler = ssoRedirectRoute(async (req, slug) => {
  const settings = await loadOidcSettings(slug);
  const identity = await finishOrgOidc(
    settings,
    new URL(req.url),
    cookieValue(req, OIDC_STATE_COOKIE),
  );
  if (!identity.emailVerified) throw new SsoSignInError("SsoNoEmail", "email not verified");
  const userId = await completeSsoSignIn({ orgId: settings.orgId, protocol: "oidc", ...identity });
  return openSsoSession(userId);
});

export function GET(req: Request, segment: { params: Promise<{ slug: string }> }) {
  return handler(req, segment);
}
