import { X509Certificate } from "node:crypto";
import { XMLParser } from "fast-xml-parser";
import { badRequest } from "@/lib/core/errors/app-error";

export interface IdpMetadata {
  entityId: string;
  ssoUrl: string;
  /** PEM signing certificates (several during a rotation). */
  certs: string[];
}

const REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
const MAX_METADATA_CHARS = 512 * 1024;

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

type Node = Record<string, unknown>;
const text = (value: unknown): string =>
  typeof value === "string"
    ? value
    : value && typeof value === "object" && "#text" in value
      ? String((value as Node)["#text"])
      : "";

/** A certificate (PEM or its base64 body) as PEM, or a BAD_REQUEST naming what is wrong. */
export function normalizeCertificate(raw: string): string {
  const body = raw.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length < 100) {
    throw badRequest(
      "That is not a certificate. Paste the PEM text (-----BEGIN CERTIFICATE-----…).",
    );
  }
  const pem = `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)!.join("\n")}\n-----END CERTIFICATE-----\n`;
  try {
    new X509Certificate(pem);
  } catch {
    throw badRequest(
      "That certificate could not be read. Paste the IdP's signing certificate (PEM).",
    );
  }
  return pem;
}

/**
 * Reads a SAML IdP metadata document (the entity id, the HTTP-Redirect SSO address and the signing
 * certificates). Parsing only: signatures of responses are checked by node-saml with these certs.
 */
export function parseIdpMetadata(xml: string): IdpMetadata {
  if (xml.length > MAX_METADATA_CHARS) throw badRequest("The metadata is larger than 512 KB.");
  let doc: Node;
  try {
    doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "@",
      removeNSPrefix: true,
      processEntities: false,
    }).parse(xml) as Node;
  } catch {
    throw badRequest("The metadata is not valid XML.");
  }
  const descriptor = (doc.EntityDescriptor ??
    list((doc.EntitiesDescriptor as Node | undefined)?.EntityDescriptor as Node[])[0]) as
    Node | undefined;
  const idp = list(descriptor?.IDPSSODescriptor as Node | Node[])[0];
  const entityId = String(descriptor?.["@entityID"] ?? "").trim();
  if (!descriptor || !idp || !entityId) {
    throw badRequest("That is not SAML identity provider metadata (no IDPSSODescriptor).");
  }
  const sso = list(idp.SingleSignOnService as Node | Node[]).find(
    (s) => s["@Binding"] === REDIRECT_BINDING,
  );
  const ssoUrl = String(sso?.["@Location"] ?? "").trim();
  if (!/^https?:\/\//.test(ssoUrl)) {
    throw badRequest("The metadata has no SingleSignOnService with the HTTP-Redirect binding.");
  }
  const certs: string[] = [];
  for (const key of list(idp.KeyDescriptor as Node | Node[])) {
    if (key["@use"] && key["@use"] !== "signing") continue;
    const x509 = list(((key.KeyInfo as Node | undefined)?.X509Data as Node | Node[]) ?? []);
    for (const data of x509) {
      for (const cert of list(data.X509Certificate as unknown)) {
        const pem = normalizeCertificate(text(cert));
        if (!certs.includes(pem)) certs.push(pem);
      }
    }
  }
  if (certs.length === 0) throw badRequest("The metadata has no signing certificate.");
  return { entityId: entityId.slice(0, 1024), ssoUrl: ssoUrl.slice(0, 2048), certs };
}
