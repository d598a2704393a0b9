import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { decryptSecret, encryptSecret } from "@/lib/core/crypto/token-cipher";
import { badRequest } from "@/lib/core/errors/app-error";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { ssoFetch } from "@/lib/integrations/sso/sso-fetch";
import { discoverOidcIssuer } from "@/lib/domains/sso/org-oidc";
import { normalizeCertificate, parseIdpMetadata } from "@/lib/domains/sso/parse-idp-metadata";

const httpsish = z
  .string()
  .trim()
  .max(2048)
  .regex(/^https?:\/\/\S+$/, "Enter an address starting with https://");

export const saveSsoConnectionSchema = z
  .object({
    protocol: z.enum(["saml", "oidc", "off"]).optional(),
    requireSso: z.boolean().optional(),
    saml: z
      .object({
        metadataXml: z
          .string()
          .max(512 * 1024)
          .optional(),
        metadataUrl: httpsish.optional(),
        /** Certificates kept besides the metadata's (a rotation: old and new both verify). */
        additionalCertificates: z.array(z.string().max(20_000)).max(5).optional(),
        /** Keep the certificates stored so far next to the new metadata's (rotation). */
        keepCurrentCertificates: z.boolean().optional(),
      })
      .strict()
      .optional(),
    oidc: z
      .object({
        issuer: httpsish,
        clientId: z.string().trim().min(1).max(512),
        /** Omitted: keep the stored secret. */
        clientSecret: z.string().min(1).max(2048).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type SaveSsoConnectionInput = z.infer<typeof saveSsoConnectionSchema>;

async function fetchMetadata(url: string): Promise<string> {
  const response = await ssoFetch(url, {
    headers: { accept: "application/samlmetadata+xml, application/xml, text/xml" },
  });
  if (!response.ok) throw badRequest(`The metadata address answered ${response.status}.`);
  return response.text();
}

/**
 * Saves an organisation's SSO connection: SAML from metadata (pasted, or fetched server-side from
 * its https address with the SSRF rules), OIDC from issuer + client (the issuer's discovery
 * document is checked; the secret is stored encrypted), the protocol in use and "require SSO".
 */
export async function saveSsoConnection(
  orgId: string,
  actorId: string,
  input: SaveSsoConnectionInput,
): Promise<void> {
  const current = await db.orgSsoConnection.findUnique({ where: { orgId } });
  const data: {
    protocol?: string | null;
    requireSso?: boolean;
    samlIdpEntityId?: string;
    samlIdpSsoUrl?: string;
    samlIdpCerts?: string[];
    samlMetadataUrl?: string | null;
    oidcIssuer?: string;
    oidcClientId?: string;
    oidcClientSecret?: string;
  } = {};

  if (input.saml) {
    const xml =
      input.saml.metadataXml?.trim() ||
      (input.saml.metadataUrl ? await fetchMetadata(input.saml.metadataUrl) : null);
    if (!xml)
      throw badRequest("Paste the identity provider's metadata XML or give its address.", {
        metadataXml: "Paste the metadata XML or give its address.",
      });
    const metadata = parseIdpMetadata(xml);
    const certs = [...metadata.certs];
    for (const extra of input.saml.additionalCertificates ?? []) {
      const pem = normalizeCertificate(extra);
      if (!certs.includes(pem)) certs.push(pem);
    }
    if (input.saml.keepCurrentCertificates) {
      for (const pem of current?.samlIdpCerts ?? []) if (!certs.includes(pem)) certs.push(pem);
    }
    data.samlIdpEntityId = metadata.entityId;
    data.samlIdpSsoUrl = metadata.ssoUrl;
    data.samlIdpCerts = certs.slice(0, 10);
    data.samlMetadataUrl = input.saml.metadataXml?.trim() ? null : (input.saml.metadataUrl ?? null);
  }
  if (input.oidc) {
    await discoverOidcIssuer(input.oidc.issuer);
    data.oidcIssuer = input.oidc.issuer.replace(/\/+$/, "");
    data.oidcClientId = input.oidc.clientId;
    if (input.oidc.clientSecret) data.oidcClientSecret = encryptSecret(input.oidc.clientSecret);
    else if (current?.oidcClientSecret) decryptSecret(current.oidcClientSecret);
    else throw badRequest("Enter the client secret.", { clientSecret: "Enter the client secret." });
  }
  if (input.protocol) {
    const protocol = input.protocol === "off" ? null : input.protocol;
    const merged = { ...current, ...data };
    if (protocol === "saml" && !(merged.samlIdpSsoUrl && merged.samlIdpCerts?.length)) {
      throw badRequest("Set up SAML (the identity provider's metadata) before turning it on.");
    }
    if (
      protocol === "oidc" &&
      !(merged.oidcIssuer && merged.oidcClientId && merged.oidcClientSecret)
    ) {
      throw badRequest(
        "Set up OpenID Connect (issuer, client id and secret) before turning it on.",
      );
    }
    data.protocol = protocol;
  }
  if (input.requireSso !== undefined) data.requireSso = input.requireSso;

  await db.$transaction(async (tx) => {
    await tx.orgSsoConnection.upsert({
      where: { orgId },
      create: { orgId, ...data },
      update: data,
    });
    await recordAudit(tx, {
      orgId,
      actorId,
      action: "sso.update",
      targetType: "organization",
      targetId: orgId,
      metadata: {
        protocol: data.protocol ?? current?.protocol ?? null,
        requireSso: data.requireSso ?? current?.requireSso ?? false,
        saml: Boolean(input.saml),
        oidc: Boolean(input.oidc),
      },
    });
  });
}
