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

/** True when the email's domain is verified by an organisation that requires SSO. */
export async function ssoRequiredFor(email: string): Promise<boolean> {
  const domain = emailDomain(email);
  if (!domain) return false;
  const claim = await db.orgSsoDomain.findFirst({
    where: { domain, verifiedAt: { not: null } },
    select: {
      org: { select: { ssoConnection: { select: { requireSso: true, protocol: true } } } },
    },
  });
  const connection = claim?.org.ssoConnection;
  return Boolean(connection?.requireSso && connection.protocol);
}
