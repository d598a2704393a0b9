import { appUrl } from "@/lib/core/http/app-url";

/** The service provider's addresses for one organisation (README "Single sign-on per organisation"). */
export function ssoUrls(orgSlug: string) {
  const base = `${appUrl()}/api/sso/${encodeURIComponent(orgSlug)}`;
  return {
    samlMetadata: `${base}/saml/metadata`,
    /** The SAML entity id of Chorus for this organisation: its metadata address. */
    samlEntityId: `${base}/saml/metadata`,
    samlAcs: `${base}/saml/acs`,
    samlLogin: `${base}/saml/login`,
    oidcLogin: `${base}/oidc/login`,
    oidcCallback: `${base}/oidc/callback`,
  };
}

/** The lower-case domain of an email address, or null. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 1 || at === email.length - 1) return null;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase();
}
