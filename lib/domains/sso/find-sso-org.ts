import { db } from "@/lib/core/db/client";
import { emailDomain } from "@/lib/domains/sso/sso-urls";

/**
 * The organisation whose SSO signs in a work email: the organisation that verified its domain and has
 * SSO turned on. Null otherwise.
 */
export async function findSsoOrgForEmail(
  email: string,
): Promise<{ slug: string; protocol: "saml" | "oidc" } | null> {
  const domain = emailDomain(email);
  if (!domain) return null;
  const claim = await db.orgSsoDomain.findFirst({
    where: { domain, verifiedAt: { not: null } },
    select: { org: { select: { slug: true, ssoConnection: { select: { protocol: true } } } } },
  });
  const protocol = claim?.org.ssoConnection?.protocol;
  if (!claim || (protocol !== "saml" && protocol !== "oidc")) return null;
  return { slug: claim.org.slug, protocol };
}
