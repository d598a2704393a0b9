import { X509Certificate } from "node:crypto";
import { db } from "@/lib/core/db/client";
import { env } from "@/lib/core/env";
import { ssoUrls } from "@/lib/domains/sso/sso-urls";

export interface SsoCertificateView {
  subject: string;
  fingerprint: string;
  validTo: string;
}

export interface SsoDomainView {
  id: string;
  domain: string;
  verified: boolean;
  verifiedBy: string | null;
  /** The DNS TXT record that proves control: name and value. */
  txtName: string;
  txtValue: string;
}

/** What the admin sees: never the OIDC client secret, only whether one is stored. */
export interface SsoSettingsView {
  protocol: "saml" | "oidc" | null;
  requireSso: boolean;
  serviceProvider: {
    entityId: string;
    acsUrl: string;
    metadataUrl: string;
    oidcRedirectUri: string;
  };
  saml: {
    idpEntityId: string | null;
    idpSsoUrl: string | null;
    metadataUrl: string | null;
    certificates: SsoCertificateView[];
  };
  oidc: { issuer: string | null; clientId: string | null; hasClientSecret: boolean };
  domains: SsoDomainView[];
  adminVerificationAllowed: boolean;
}

export function describeCertificate(pem: string): SsoCertificateView {
  try {
    const cert = new X509Certificate(pem);
    return {
      subject: cert.subject.replace(/\n/g, ", "),
      fingerprint: cert.fingerprint256,
      validTo: new Date(cert.validTo).toISOString(),
    };
  } catch {
    return { subject: "(unreadable)", fingerprint: "", validTo: "" };
  }
}

export async function getSsoSettings(orgId: string, orgSlug: string): Promise<SsoSettingsView> {
  const [connection, domains] = await Promise.all([
    db.orgSsoConnection.findUnique({ where: { orgId } }),
    db.orgSsoDomain.findMany({ where: { orgId }, orderBy: { domain: "asc" } }),
  ]);
  const urls = ssoUrls(orgSlug);
  const protocol = connection?.protocol;
  return {
    protocol: protocol === "saml" || protocol === "oidc" ? protocol : null,
    requireSso: connection?.requireSso ?? false,
    serviceProvider: {
      entityId: urls.samlEntityId,
      acsUrl: urls.samlAcs,
      metadataUrl: urls.samlMetadata,
      oidcRedirectUri: urls.oidcCallback,
    },
    saml: {
      idpEntityId: connection?.samlIdpEntityId ?? null,
      idpSsoUrl: connection?.samlIdpSsoUrl ?? null,
      metadataUrl: connection?.samlMetadataUrl ?? null,
      certificates: (connection?.samlIdpCerts ?? []).map(describeCertificate),
    },
    oidc: {
      issuer: connection?.oidcIssuer ?? null,
      clientId: connection?.oidcClientId ?? null,
      hasClientSecret: Boolean(connection?.oidcClientSecret),
    },
    domains: domains.map((d) => ({
      id: d.id,
      domain: d.domain,
      verified: d.verifiedAt !== null,
      verifiedBy: d.verifiedBy,
      txtName: `_chorus-verification.${d.domain}`,
      txtValue: `chorus-verification=${d.verificationToken}`,
    })),
    adminVerificationAllowed: env().SSO_ADMIN_DOMAIN_VERIFICATION,
  };
}
