import { SAML, ValidateInResponseTo, type CacheProvider, type Profile } from "@node-saml/node-saml";
import { readOnce, rememberOnce, takeOnce } from "@/lib/domains/auth/one-time-values";
import { SsoSignInError } from "@/lib/domains/sso/sso-sign-in-error";
import { ssoUrls } from "@/lib/domains/sso/sso-urls";

export interface SamlIdpSettings {
  orgId: string;
  orgSlug: string;
  idpEntityId: string;
  idpSsoUrl: string;
  /** PEM certificates (or their base64 body); any of them may sign (certificate rotation). */
  idpCerts: string[];
}

const REQUEST_ID_MS = 10 * 60 * 1000;
const CLOCK_SKEW_MS = 60 * 1000;

/** AuthnRequest ids sent to the IdP, kept in PostgreSQL: an answer to a request must match one. */
function requestIdCache(orgId: string): CacheProvider {
  const key = (id: string) => `saml-request:${orgId}:${id}`;
  return {
    async saveAsync(id, value) {
      await rememberOnce(key(id), new Date(Date.now() + REQUEST_ID_MS), value);
      return { value, createdAt: Date.now() };
    },
    getAsync: (id) => readOnce(key(id)),
    async removeAsync(id) {
      return id ? takeOnce(key(id)) : null;
    },
  };
}

/**
 * node-saml configured for one organisation: Chorus is the service provider (entity id = its
 * metadata URL, audience checked), the IdP is pinned by entity id (Issuer checked) and its
 * certificates; assertions must be signed; answers to a request must answer one we sent.
 */
export function samlFor(settings: SamlIdpSettings): SAML {
  const urls = ssoUrls(settings.orgSlug);
  return new SAML({
    issuer: urls.samlEntityId,
    callbackUrl: urls.samlAcs,
    audience: urls.samlEntityId,
    entryPoint: settings.idpSsoUrl,
    idpIssuer: settings.idpEntityId,
    idpCert: settings.idpCerts.length > 0 ? settings.idpCerts : ["-"],
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    acceptedClockSkewMs: CLOCK_SKEW_MS,
    identifierFormat: "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
    validateInResponseTo: ValidateInResponseTo.ifPresent,
    requestIdExpirationPeriodMs: REQUEST_ID_MS,
    cacheProvider: requestIdCache(settings.orgId),
    disableRequestedAuthnContext: true,
    signatureAlgorithm: "sha256",
  });
}

/** The SP metadata an admin gives the IdP (ACS URL, entity id). */
export function samlServiceProviderMetadata(orgSlug: string): string {
  const urls = ssoUrls(orgSlug);
  return new SAML({
    issuer: urls.samlEntityId,
    callbackUrl: urls.samlAcs,
    idpCert: "-",
    identifierFormat: "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
    wantAssertionsSigned: true,
  }).generateServiceProviderMetadata(null);
}

export interface SamlIdentity {
  subject: string;
  email: string | null;
  name: string | null;
}

const EMAIL_ATTRIBUTES = [
  "email",
  "mail",
  "emailAddress",
  "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
  "urn:oid:0.9.2342.19200300.100.1.3",
];
const NAME_ATTRIBUTES = [
  "displayName",
  "name",
  "http://schemas.microsoft.com/identity/claims/displayname",
  "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
  "urn:oid:2.16.840.1.113730.3.1.241",
];

function attribute(profile: Profile, names: string[]): string | null {
  for (const name of names) {
    const value = profile[name];
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string" && first.trim()) return first.trim();
  }
  return null;
}

/**
 * Validates a posted SAMLResponse (signature against the IdP's certificates, issuer, audience,
 * NotBefore/NotOnOrAfter, InResponseTo) with node-saml, then refuses a replay: each assertion id
 * is accepted once, remembered in PostgreSQL until it expires.
 */
export async function validateSamlResponse(
  settings: SamlIdpSettings,
  samlResponse: string,
): Promise<SamlIdentity> {
  let profile: Profile | null;
  try {
    ({ profile } = await samlFor(settings).validatePostResponseAsync({
      SAMLResponse: samlResponse,
    }));
  } catch (error) {
    throw new SsoSignInError(
      "SsoInvalidResponse",
      error instanceof Error ? error.message.slice(0, 300) : "invalid",
    );
  }
  if (!profile?.nameID) throw new SsoSignInError("SsoInvalidResponse", "no NameID");
  // node-saml checks `idpIssuer` on logout messages only: the signed assertion's Issuer is
  // compared here (an assertion another IdP signed with a shared key must not pass).
  if (profile.issuer !== settings.idpEntityId) {
    throw new SsoSignInError("SsoInvalidResponse", "unexpected issuer");
  }

  const assertion = profile.getAssertion?.() as
    | { Assertion?: { $?: { ID?: string }; Conditions?: { $?: { NotOnOrAfter?: string } }[] } }
    | undefined;
  const assertionId = assertion?.Assertion?.$?.ID;
  if (!assertionId) throw new SsoSignInError("SsoInvalidResponse", "no assertion ID");
  const notOnOrAfter = Date.parse(assertion?.Assertion?.Conditions?.[0]?.$?.NotOnOrAfter ?? "");
  const keepUntil = new Date(
    Math.max(Number.isFinite(notOnOrAfter) ? notOnOrAfter : 0, Date.now() + 60 * 60 * 1000) +
      CLOCK_SKEW_MS,
  );
  const firstUse = await rememberOnce(
    `saml-assertion:${settings.orgId}:${assertionId.slice(0, 256)}`,
    keepUntil,
  );
  if (!firstUse) throw new SsoSignInError("SsoReplayed");

  const nameIdEmail = /^[^\s@]+@[^\s@]+$/.test(profile.nameID) ? profile.nameID : null;
  return {
    subject: profile.nameID,
    email: attribute(profile, EMAIL_ATTRIBUTES) ?? nameIdEmail,
    name: attribute(profile, NAME_ATTRIBUTES),
  };
}
