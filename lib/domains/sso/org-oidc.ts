import * as oauth from "oauth4webapi";
import { badRequest } from "@/lib/core/errors/app-error";
import { decryptSecret } from "@/lib/core/crypto/token-cipher";
import { ssoFetch } from "@/lib/integrations/sso/sso-fetch";
import { rememberOnce, takeOnce } from "@/lib/domains/auth/one-time-values";
import { SsoSignInError } from "@/lib/domains/sso/sso-sign-in-error";
import { ssoUrls } from "@/lib/domains/sso/sso-urls";

/** Requests of oauth4webapi go through the SSRF-safe identity provider fetch. */
const HTTP_OPTIONS = {
  [oauth.customFetch]: ssoFetch as typeof fetch,
  // ssoFetch decides: plain http only to hosts in SSO_ALLOWED_HOSTS.
  [oauth.allowInsecureRequests]: true,
};

/** The issuer's discovery document, or a BAD_REQUEST an admin can act on. */
export async function discoverOidcIssuer(issuer: string): Promise<oauth.AuthorizationServer> {
  const url = new URL(issuer.replace(/\/+$/, ""));
  const response = await oauth.discoveryRequest(url, { algorithm: "oidc", ...HTTP_OPTIONS });
  try {
    return await oauth.processDiscoveryResponse(url, response);
  } catch {
    throw badRequest(
      "The issuer's discovery document (/.well-known/openid-configuration) could not be read, or names another issuer.",
    );
  }
}

export interface OrgOidcSettings {
  orgId: string;
  orgSlug: string;
  issuer: string;
  clientId: string;
  /** Encrypted (token cipher). */
  clientSecret: string;
}

const STATE_SECONDS = 10 * 60;
export const OIDC_STATE_COOKIE = "chorus-sso-oidc";

/**
 * Starts an authorization-code sign-in with PKCE (S256), state and nonce. The verifier and nonce
 * stay in PostgreSQL under the state; the state also goes to a cookie so that the callback only
 * completes in the browser that started it.
 */
export async function startOrgOidc(
  settings: OrgOidcSettings,
): Promise<{ url: string; state: string }> {
  const as = await discoverOidcIssuer(settings.issuer);
  if (!as.authorization_endpoint) throw new SsoSignInError("SsoNotConfigured");
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  await rememberOnce(
    `oidc-state:${state}`,
    new Date(Date.now() + STATE_SECONDS * 1000),
    JSON.stringify({ orgId: settings.orgId, verifier, nonce }),
  );
  const url = new URL(as.authorization_endpoint);
  url.searchParams.set("client_id", settings.clientId);
  url.searchParams.set("redirect_uri", ssoUrls(settings.orgSlug).oidcCallback);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("scope", "openid email profile");
  url.searchParams.set("state", state);
  url.searchParams.set("nonce", nonce);
  url.searchParams.set("code_challenge", await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set("code_challenge_method", "S256");
  return { url: url.href, state };
}

export interface OidcIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/** Completes the sign-in: state (query = cookie = stored), code exchange with PKCE, ID token checks. */
export async function finishOrgOidc(
  settings: OrgOidcSettings,
  callbackUrl: URL,
  cookieState: string | null,
): Promise<OidcIdentity> {
  const state = callbackUrl.searchParams.get("state");
  if (!state || !cookieState || state !== cookieState) throw new SsoSignInError("SsoStateMismatch");
  const stored = await takeOnce(`oidc-state:${state}`);
  if (!stored) throw new SsoSignInError("SsoStateMismatch");
  const { orgId, verifier, nonce } = JSON.parse(stored) as {
    orgId: string;
    verifier: string;
    nonce: string;
  };
  if (orgId !== settings.orgId) throw new SsoSignInError("SsoStateMismatch");

  try {
    const as = await discoverOidcIssuer(settings.issuer);
    const client: oauth.Client = { client_id: settings.clientId };
    const secret = decryptSecret(settings.clientSecret);
    const methods = as.token_endpoint_auth_methods_supported;
    const auth =
      !methods || methods.includes("client_secret_basic")
        ? oauth.ClientSecretBasic(secret)
        : oauth.ClientSecretPost(secret);
    const params = oauth.validateAuthResponse(as, client, callbackUrl, state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      auth,
      params,
      ssoUrls(settings.orgSlug).oidcCallback,
      verifier,
      HTTP_OPTIONS,
    );
    const result = await oauth.processAuthorizationCodeResponse(as, client, response, {
      expectedNonce: nonce,
      requireIdToken: true,
    });
    const claims = oauth.getValidatedIdTokenClaims(result)!;
    return {
      subject: claims.sub,
      email: typeof claims.email === "string" ? claims.email : null,
      emailVerified: claims.email_verified !== false,
      name: typeof claims.name === "string" ? claims.name : null,
    };
  } catch (error) {
    if (error instanceof SsoSignInError) throw error;
    throw new SsoSignInError(
      "SsoInvalidResponse",
      error instanceof Error ? error.message.slice(0, 300) : "invalid",
    );
  }
}
