import { createHmac, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/core/db/client";
import { decryptSecret } from "@/lib/core/crypto/token-cipher";
import { AppError, badRequest, notFound, unauthorized } from "@/lib/core/errors/app-error";
import { isTooFarInFuture } from "@/lib/domains/conversions/attribution-window";
import type { ConversionOutcome } from "@/lib/generated/prisma/enums";
import { webhookConfigSchema } from "@/lib/domains/connectors/connector-config";
import { mapWebhookPayload } from "@/lib/domains/connectors/map-webhook-payload";
import {
  importRecord,
  loadImportContext,
  type ImportResult,
} from "@/lib/domains/connectors/import-record";

export const INBOUND_SIGNATURE_HEADER = "x-chorus-signature";

/**
 * One event posted to an organisation's inbound webhook (POST /api/inbound/<connection id>),
 * authenticated by the connection's secret — `Authorization: Bearer <secret>`, or
 * `X-Chorus-Signature: sha256=<hex HMAC-SHA256 of the raw body>` — mapped by the admin's
 * mapping and imported at most once per external id. An unknown or paused connection and a wrong
 * secret both answer the same way to an unauthenticated caller (404 / 401 without detail).
 */
export async function receiveInboundWebhook(
  connectionId: string,
  headers: Headers,
  rawBody: string,
): Promise<ImportResult & { externalId: string }> {
  const connection = await db.connectorConnection.findFirst({
    where: { id: connectionId, kind: "WEBHOOK", status: { not: "PAUSED" } },
    select: { id: true, orgId: true, secret: true, config: true },
  });
  if (!connection) throw notFound("Webhook");
  if (!authentic(decryptSecret(connection.secret), headers, rawBody)) {
    throw unauthorized(
      "Send the connection's secret as Authorization: Bearer <secret>, or sign the body (X-Chorus-Signature: sha256=<HMAC-SHA256 hex>).",
    );
  }
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
  const { mapping } = webhookConfigSchema.parse(connection.config);
  const mapped = mapWebhookPayload(mapping, payload);
  if (!mapped.ok) {
    throw new AppError(
      "UNPROCESSABLE",
      `The payload does not fit this webhook's mapping — ${Object.entries(mapped.fields)
        .map(([k, v]) => `${k}: ${v}`)
        .join(" ")}`,
      mapped.fields,
    );
  }
  const r = mapped.record;
  const occurredAt = r.occurredAt ? new Date(r.occurredAt) : new Date();
  if (isTooFarInFuture(occurredAt)) {
    throw new AppError("UNPROCESSABLE", "occurredAt is in the future.", {
      occurredAt: "is in the future.",
    });
  }
  const result = await importRecord(
    connection.orgId,
    connection.id,
    {
      source: `webhook:${connection.id}`,
      externalId: r.externalId,
      outcome: r.outcome.toUpperCase() as ConversionOutcome,
      occurredAt,
      value: r.value,
      currency: r.currency,
      clickId: r.clickId,
      shareCode: r.shareCode,
    },
    await loadImportContext(connection.orgId),
  );
  return { ...result, externalId: r.externalId };
}

function authentic(secret: string, headers: Headers, rawBody: string): boolean {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "")?.[1];
  if (bearer) return safeEqual(bearer, secret);
  const signature = /^sha256=([0-9a-f]{64})$/i.exec(
    headers.get(INBOUND_SIGNATURE_HEADER) ?? "",
  )?.[1];
  if (!signature) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest("hex");
  return safeEqual(signature.toLowerCase(), expected);
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
