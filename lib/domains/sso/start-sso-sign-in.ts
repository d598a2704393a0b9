import { appUrl } from "@/lib/core/http/app-url";
import { loadOidcSettings, loadSamlSettings } from "@/lib/domains/sso/load-org-sso";
import { OIDC_STATE_COOKIE, startOrgOidc } from "@/lib/domains/sso/org-oidc";
import { samlFor } from "@/lib/domains/sso/saml-service-provider";

export interface StartedSsoSignIn {
  /** The identity provider's sign-in address (SAML AuthnRequest or OIDC authorization request). */
  url: string;
  /** OIDC: the state cookie binding the callback to this browser. */
  cookie?: { name: string; value: string; path: string; maxAge: number; secure: boolean };
}

/** Starts the organisation's SSO sign-in with the protocol it uses (SsoSignInError otherwise). */
export async function startSsoSignIn(
  slug: string,
  protocol: "saml" | "oidc",
): Promise<StartedSsoSignIn> {
  if (protocol === "saml") {
    const settings = await loadSamlSettings(slug);
    return { url: await samlFor(settings).getAuthorizeUrlAsync("", undefined, {}) };
  }
  const { url, state } = await startOrgOidc(await loadOidcSettings(slug));
  return {
    url,
    cookie: {
      name: OIDC_STATE_COOKIE,
      value: state,
      path: "/api/sso",
      maxAge: 600,
      secure: appUrl().startsWith("https:"),
    },
  };
}

/** The Set-Cookie header of a started sign-in's cookie. */
export function setCookieHeader(cookie: NonNullable<StartedSsoSignIn["cookie"]>): string {
  return `${cookie.name}=${cookie.value}; Path=${cookie.path}; HttpOnly; SameSite=Lax; Max-Age=${cookie.maxAge}${cookie.secure ? "; Secure" : ""}`;
}
