/**
 * A SAML 2.0 identity provider on loopback for the tests: it publishes metadata, answers the
 * HTTP-Redirect AuthnRequest with an auto-posting form to the ACS (like Okta or Entra do), and
 * builds responses whose assertions are really signed (xml-crypto, RSA-SHA256, exclusive c14n) —
 * or tampered with in the ways attackers try. Keys: tests/support/saml-keys (test-only).
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import { SignedXml } from "xml-crypto";

const keysDir = path.join(import.meta.dirname, "saml-keys");
export type KeyName = "idp-old" | "idp-new" | "rogue";
export const samlKey = (name: KeyName) => ({
  key: readFileSync(path.join(keysDir, `${name}.key.pem`), "utf8"),
  cert: readFileSync(path.join(keysDir, `${name}.cert.pem`), "utf8"),
});
const certBody = (pem: string) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, "");

export interface AssertionOptions {
  /** Who the IdP says signed in (NameID and the email attribute). */
  email: string;
  name?: string;
  audience: string;
  acsUrl: string;
  issuer: string;
  /** Key that signs the assertion; null: unsigned. */
  signWith?: KeyName | null;
  inResponseTo?: string;
  /** Seconds from now: NotOnOrAfter (negative: expired). */
  validForSeconds?: number;
  assertionId?: string;
  /** Raw NameID text put in after signing (XML comment attacks). */
  nameIdAfterSigning?: string;
  /** No email attribute: the NameID alone names the person. */
  omitEmailAttribute?: boolean;
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function assertionXml(o: AssertionOptions): { xml: string; id: string } {
  const id = o.assertionId ?? `_a${randomUUID().replace(/-/g, "")}`;
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const until = iso(now + (o.validForSeconds ?? 300) * 1000);
  const inResponseTo = o.inResponseTo ? ` InResponseTo="${esc(o.inResponseTo)}"` : "";
  const emailAttribute = o.omitEmailAttribute
    ? ""
    : `<saml:Attribute Name="email"><saml:AttributeValue>${esc(o.email)}</saml:AttributeValue></saml:Attribute>`;
  const xml =
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${iso(now)}">` +
    `<saml:Issuer>${esc(o.issuer)}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${esc(o.email)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${until}" Recipient="${esc(o.acsUrl)}"${inResponseTo}/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${iso(now - 60_000)}" NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>${esc(o.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${iso(now)}" SessionIndex="${id}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement>${emailAttribute}<saml:Attribute Name="displayName"><saml:AttributeValue>${esc(o.name ?? o.email.split("@")[0]!)}</saml:AttributeValue></saml:Attribute></saml:AttributeStatement>` +
    `</saml:Assertion>`;
  return { xml, id };
}

export function signAssertion(xml: string, keyName: KeyName): string {
  const { key, cert } = samlKey(keyName);
  const sig = new SignedXml({
    privateKey: key,
    publicCert: cert,
    signatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
    canonicalizationAlgorithm: "http://www.w3.org/2001/10/xml-exc-c14n#",
  });
  sig.addReference({
    xpath: "//*[local-name(.)='Assertion']",
    digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
    transforms: [
      "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
      "http://www.w3.org/2001/10/xml-exc-c14n#",
    ],
  });
  sig.computeSignature(xml, {
    location: { reference: "//*[local-name(.)='Issuer']", action: "after" },
  });
  return sig.getSignedXml();
}

export function wrapInResponse(
  assertion: string,
  o: { issuer: string; acsUrl: string; inResponseTo?: string },
): string {
  const inResponseTo = o.inResponseTo ? ` InResponseTo="${esc(o.inResponseTo)}"` : "";
  return (
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${randomUUID().replace(/-/g, "")}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${esc(o.acsUrl)}"${inResponseTo}>` +
    `<saml:Issuer>${esc(o.issuer)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    assertion +
    `</samlp:Response>`
  );
}

/** A complete base64 SAMLResponse as the IdP would post it. */
export function samlResponse(o: AssertionOptions): { base64: string; assertionId: string } {
  const { xml, id } = assertionXml(o);
  let assertion = o.signWith === null ? xml : signAssertion(xml, o.signWith ?? "idp-old");
  if (o.nameIdAfterSigning !== undefined) {
    assertion = assertion.replace(
      /(<saml:NameID[^>]*>)[^<]*(<\/saml:NameID>)/,
      `$1${o.nameIdAfterSigning}$2`,
    );
  }
  const response = wrapInResponse(assertion, {
    issuer: o.issuer,
    acsUrl: o.acsUrl,
    inResponseTo: o.inResponseTo,
  });
  return { base64: Buffer.from(response).toString("base64"), assertionId: id };
}

export function idpMetadataXml(entityId: string, ssoUrl: string, keys: KeyName[]): string {
  const keyDescriptors = keys
    .map(
      (k) =>
        `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${certBody(samlKey(k).cert)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`,
    )
    .join("");
  return (
    `<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${esc(entityId)}">` +
    `<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
    keyDescriptors +
    `<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>` +
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${esc(ssoUrl)}"/>` +
    `</md:IDPSSODescriptor></md:EntityDescriptor>`
  );
}

export interface SamlIdp {
  url: string;
  entityId: string;
  ssoUrl: string;
  metadataUrl: string;
  metadata(keys?: KeyName[]): string;
  /** The email the next browser sign-in is made for (the IdP's "logged-in user"). */
  signInAs(email: string, name?: string): void;
  close(): Promise<void>;
}

/**
 * The loopback IdP. GET /metadata; GET /sso?SAMLRequest=… answers an HTML page that posts a signed
 * response for the current user to the AuthnRequest's ACS URL (the e2e browser follows it).
 */
export async function startSamlIdp({
  port = 0,
  keys = ["idp-old"],
  signWith = "idp-old",
}: { port?: number; keys?: KeyName[]; signWith?: KeyName } = {}): Promise<SamlIdp> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const entityId = `${url}/metadata`;
  const ssoUrl = `${url}/sso`;
  let user = { email: "someone@example.test", name: "Someone" };
  server.on("request", (req, res) => {
    const requestUrl = new URL(req.url ?? "/", url);
    if (requestUrl.pathname === "/metadata") {
      res.writeHead(200, { "content-type": "application/samlmetadata+xml" });
      res.end(idpMetadataXml(entityId, ssoUrl, keys));
      return;
    }
    if (requestUrl.pathname === "/sso") {
      const raw = requestUrl.searchParams.get("SAMLRequest") ?? "";
      let request = "";
      try {
        request = inflateRawSync(Buffer.from(raw, "base64")).toString("utf8");
      } catch {
        res.writeHead(400).end("bad SAMLRequest");
        return;
      }
      const id = /\sID="([^"]+)"/.exec(request)?.[1];
      const acsUrl = /AssertionConsumerServiceURL="([^"]+)"/.exec(request)?.[1];
      const audience = /<saml:Issuer[^>]*>([^<]+)<\/saml:Issuer>/.exec(request)?.[1];
      if (!id || !acsUrl || !audience) {
        res.writeHead(400).end("incomplete AuthnRequest");
        return;
      }
      const { base64 } = samlResponse({
        email: user.email,
        name: user.name,
        audience,
        acsUrl,
        issuer: entityId,
        inResponseTo: id,
        signWith,
      });
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        `<!doctype html><html><body><h1>Test identity provider</h1><form method="post" action="${esc(acsUrl)}">` +
          `<input type="hidden" name="SAMLResponse" value="${base64}"/>` +
          `<p>Signed in as ${esc(user.email)}.</p><button type="submit">Continue to Chorus</button></form></body></html>`,
      );
      return;
    }
    res.writeHead(404).end();
  });
  return {
    url,
    entityId,
    ssoUrl,
    metadataUrl: `${url}/metadata`,
    metadata: (k = keys) => idpMetadataXml(entityId, ssoUrl, k),
    signInAs(email, name = email.split("@")[0]!) {
      user = { email, name };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
