import { db } from "@/lib/core/db/client";
import { emailDomain, ssoUrls } from "@/lib/domains/sso/sso-urls";

/**
 * The SSO sign-in address for a work email: the organisation that verified its domain and has
 * SSO turned on. Null otherwise.
 */
export async function findSsoLoginForEmail(email: string): Promise<string | null> {
  const domain = emailDomain(email);
  if (!domain) return null;
  const claim = await db.orgSsoDomain.findFirst({
    where: { domain, verifiedAt: { not: null } },
    select: { org: { select: { slug: true, ssoConnection: { select: { protocol: true } } } } },
  });
  const protocol = claim?.org.ssoConnection?.protocol;
  if (!claim || (protocol !== "saml" && protocol !== "oidc")) return null;
  const urls = ssoUrls(claim.org.slug);
  const login = protocol === "saml" ? urls.samlLogin : urls.oidcLogin;
  return new URL(login).pathname;
}
