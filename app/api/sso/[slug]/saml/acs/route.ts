import { readBoundedBody } from "@/lib/core/http/read-bounded-body";
import { completeSsoSignIn } from "@/lib/domains/sso/complete-sso-sign-in";
import { loadSamlSettings } from "@/lib/domains/sso/load-org-sso";
import { validateSamlResponse } from "@/lib/domains/sso/saml-service-provider";
import { openSsoSession, ssoRedirectRoute } from "@/lib/domains/sso/sso-redirect-route";
import { SsoSignInError } from "@/lib/domains/sso/sso-sign-in-error";

const MAX_BYTES = 512 * 1024;

/**
 * SAML assertion consumer service (HTTP-POST binding). The IdP's page posts here from its own
 * origin, so there is no same-origin check: the signed assertion is the credential. Every failure
 * is a 303 to /signin?error=… with a message.
 */
const handler = ssoRedirectRoute(async (req, slug) => {
  const settings = await loadSamlSettings(slug);
  let samlResponse: string | null = null;
  try {
    const body = await readBoundedBody(req, MAX_BYTES);
    samlResponse = new URLSearchParams(new TextDecoder().decode(body)).get("SAMLResponse");
  } catch {
    samlResponse = null;
  }
  if (!samlResponse || !/^[A-Za-z0-9+/=\s]+$/.test(samlResponse)) {
    throw new SsoSignInError("SsoInvalidResponse", "no SAMLResponse");
  }
  const identity = await validateSamlResponse(settings, samlResponse);
  const userId = await completeSsoSignIn({ orgId: settings.orgId, protocol: "saml", ...identity });
  return openSsoSession(userId);
});

export function POST(req: Request, segment: { params: Promise<{ slug: string }> }) {
  return handler(req, segment);
}
