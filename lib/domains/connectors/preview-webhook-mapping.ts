import { z } from "zod";
import { db } from "@/lib/core/db/client";
import type { ConversionOutcome } from "@/lib/generated/prisma/enums";
import { webhookMappingSchema } from "@/lib/domains/connectors/connector-config";
import {
  mapWebhookPayload,
  type MappedPayload,
} from "@/lib/domains/connectors/map-webhook-payload";
import { attributeRecord, loadImportContext } from "@/lib/domains/connectors/import-record";

export const previewMappingSchema = z
  .object({
    mapping: webhookMappingSchema,
    payload: z.unknown().refine((p) => p !== undefined, { error: "payload is required." }),
  })
  .strict();

export type MappingPreview = MappedPayload & {
  attribution?: { matched: true; shareCode: string } | { matched: false; reason: string };
};

/** "Test with a sample payload": what the mapping reads and whom it would credit; writes nothing. */
export async function previewWebhookMapping(
  orgId: string,
  input: z.output<typeof previewMappingSchema>,
): Promise<MappingPreview> {
  const mapped = mapWebhookPayload(input.mapping, input.payload);
  if (!mapped.ok) return mapped;
  const r = mapped.record;
  const result = await attributeRecord(
    orgId,
    {
      source: "preview",
      externalId: r.externalId,
      outcome: r.outcome.toUpperCase() as ConversionOutcome,
      occurredAt: r.occurredAt ? new Date(r.occurredAt) : new Date(),
      value: r.value,
      currency: r.currency,
      clickId: r.clickId,
      shareCode: r.shareCode,
    },
    await loadImportContext(orgId),
  );
  if (!result.matched) return { ...mapped, attribution: result };
  const share = await db.share.findFirst({
    where: { id: result.shareId, orgId },
    select: { code: true },
  });
  return { ...mapped, attribution: { matched: true, shareCode: share?.code ?? "" } };
}
