import { db } from "@/lib/core/db/client";
import type { OrgOidcSettings } from "@/lib/domains/sso/org-oidc";
import type { SamlIdpSettings } from "@/lib/domains/sso/saml-service-provider";
import { SsoSignInError } from "@/lib/domains/sso/sso-sign-in-error";

const SLUG = /^[a-z0-9-]{1,64}$/;

/** The organisation of an /api/sso/<slug>/… address, or null (unknown slug: the routes answer 404). */
export async function findOrgBySsoSlug(slug: string) {
  if (!SLUG.test(slug)) return null;
  return db.organization.findUnique({ where: { slug }, select: { id: true, slug: true } });
}

export async function loadSamlSettings(slug: string): Promise<SamlIdpSettings> {
  const org = await findOrgBySsoSlug(slug);
  const connection = org
    ? await db.orgSsoConnection.findUnique({ where: { orgId: org.id } })
    : null;
  if (
    !org ||
    connection?.protocol !== "saml" ||
    !connection.samlIdpEntityId ||
    !connection.samlIdpSsoUrl ||
    connection.samlIdpCerts.length === 0
  ) {
    throw new SsoSignInError("SsoNotConfigured");
  }
  return {
    orgId: org.id,
    orgSlug: org.slug,
    idpEntityId: connection.samlIdpEntityId,
    idpSsoUrl: connection.samlIdpSsoUrl,
    idpCerts: connection.samlIdpCerts,
  };
}

export async function loadOidcSettings(slug: string): Promise<OrgOidcSettings> {
  const org = await findOrgBySsoSlug(slug);
  const connection = org
    ? await db.orgSsoConnection.findUnique({ where: { orgId: org.id } })
    : null;
  if (
    !org ||
    connection?.protocol !== "oidc" ||
    !connection.oidcIssuer ||
    !connection.oidcClientId ||
    !connection.oidcClientSecret
  ) {
    throw new SsoSignInError("SsoNotConfigured");
  }
  return {
    orgId: org.id,
    orgSlug: org.slug,
    issuer: connection.oidcIssuer,
    clientId: connection.oidcClientId,
    clientSecret: connection.oidcClientSecret,
  };
}
