import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import type { ConversionOutcome } from "@/lib/generated/prisma/enums";
import {
  DEFAULT_ANALYTICS_SETTINGS,
  DEFAULT_ATTRIBUTION_DAYS,
} from "@/lib/domains/settings/get-analytics-settings";
import { checkAttributionWindow } from "@/lib/domains/conversions/attribution-window";
import {
  CLICK_ID_PATTERN,
  MAX_CONVERSION_VALUE,
} from "@/lib/domains/conversions/conversion-schema";
import { isShareCode } from "@/lib/domains/tracking/share-code";

/** One outcome read from a source, before attribution. */
export interface IncomingRecord {
  /** The stream, e.g. "hubspot:contact" (see ConnectorRecord.source). */
  source: string;
  externalId: string;
  outcome: ConversionOutcome;
  occurredAt: Date;
  value?: number | null;
  currency?: string | null;
  clickId?: string | null;
  shareCode?: string | null;
}

export type ImportResult =
  | { status: "imported"; conversionId: string }
  | { status: "unmatched"; reason: string }
  /** Seen before (matched, or unmatched and still unmatched): nothing written. */
  | { status: "duplicate" };

interface Target {
  shareId: string;
  clickId: string | null;
  start: Date;
}

export interface OrgContext {
  timeZone: string;
  /** The query parameter tracked links add the click id in (OrgSettings.clickIdParam). */
  clickIdParam: string;
  attributionDays: number;
  currency: string;
}

/** The organisation facts every record of a sync needs, read once per sync. */
export async function loadImportContext(orgId: string): Promise<OrgContext> {
  const org = await db.organization.findUniqueOrThrow({
    where: { id: orgId },
    select: {
      timeZone: true,
      settings: { select: { attributionDays: true, currency: true, clickIdParam: true } },
    },
  });
  return {
    timeZone: org.timeZone,
    clickIdParam: org.settings?.clickIdParam || DEFAULT_ANALYTICS_SETTINGS.clickIdParam,
    attributionDays: org.settings?.attributionDays ?? DEFAULT_ATTRIBUTION_DAYS,
    currency: org.settings?.currency ?? DEFAULT_ANALYTICS_SETTINGS.currency,
  };
}

/**
 * Imports one record of a connection: attributed like the public API (a click id of the
 * organisation, else a share code = the tracked link's utm_content; the attribution window
 * applies), recorded as a conversion on that share, or counted as UNMATCHED (the conversions model
 * has no unattributed conversion: every conversion belongs to a share).
 *
 * At most once: the record row is unique by (organisation, source, external id) and written in the
 * same transaction as the conversion (whose idempotency key is derived from the same pair, a second
 * guard when a connection is deleted and created again). A record first seen unmatched is matched
 * later when a re-sync brings the click id (e.g. a HubSpot contact updated with it).
 */
export async function importRecord(
  orgId: string,
  connectionId: string,
  record: IncomingRecord,
  context: OrgContext,
): Promise<ImportResult> {
  const attribution = await attribute(orgId, record, context);
  if (!attribution.ok) {
    // One statement, no transaction: an unmatched record only claims its key (a later match
    // upgrades it below).
    const claimed = await db.$queryRaw<{ id: string }[]>`
      INSERT INTO "ConnectorRecord"
        ("id", "orgId", "connectionId", "source", "externalId", "outcome", "status", "reason",
         "updatedAt")
      VALUES (${createId("cnr")}, ${orgId}, ${connectionId}, ${record.source}, ${record.externalId},
        ${record.outcome}::"ConversionOutcome", 'UNMATCHED', ${attribution.reason}, now())
      ON CONFLICT ("orgId", "source", "externalId") DO NOTHING
      RETURNING "id"`;
    return claimed.length
      ? { status: "unmatched", reason: attribution.reason }
      : { status: "duplicate" };
  }
  return db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "ConnectorRecord"
        ("id", "orgId", "connectionId", "source", "externalId", "outcome", "status", "reason",
         "updatedAt")
      VALUES (${createId("cnr")}, ${orgId}, ${connectionId}, ${record.source}, ${record.externalId},
        ${record.outcome}::"ConversionOutcome", 'MATCHED', NULL, now())
      ON CONFLICT ("orgId", "source", "externalId") DO NOTHING
      RETURNING "id"`;
    let recordId = claimed[0]?.id;
    if (!recordId) {
      // Seen unmatched before and matched now: take it over (the row lock makes this once only).
      const upgraded = await tx.$queryRaw<{ id: string }[]>`
        UPDATE "ConnectorRecord"
        SET "status" = 'MATCHED', "reason" = NULL, "connectionId" = ${connectionId}, "updatedAt" = now()
        WHERE "orgId" = ${orgId} AND "source" = ${record.source}
          AND "externalId" = ${record.externalId} AND "status" = 'UNMATCHED'
        RETURNING "id"`;
      recordId = upgraded[0]?.id;
      if (!recordId) return { status: "duplicate" } as const;
    }
    const { target, value, currency } = attribution;
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      WITH ins AS (
        INSERT INTO "Conversion"
          ("id", "orgId", "shareId", "clickId", "outcome", "value", "currency", "occurredAt",
           "idempotencyKey")
        VALUES (${createId("cnv")}, ${orgId}, ${target.shareId}, ${target.clickId},
          ${record.outcome}::"ConversionOutcome", ${value}::numeric, ${currency},
          ${record.occurredAt}::timestamptz, ${idempotencyKeyOf(record)})
        ON CONFLICT ("orgId", "idempotencyKey") DO NOTHING
        RETURNING "id", "shareId", "occurredAt"
      ), dirty AS (
        INSERT INTO "RollupDirty" ("shareId", "day")
        SELECT "shareId", ("occurredAt" AT TIME ZONE ${context.timeZone})::date FROM ins
        ON CONFLICT ("shareId", "day") DO UPDATE SET "markedAt" = now()
      )
      SELECT "id" FROM ins`;
    const conversionId =
      inserted[0]?.id ??
      (
        await tx.conversion.findUniqueOrThrow({
          where: { orgId_idempotencyKey: { orgId, idempotencyKey: idempotencyKeyOf(record) } },
          select: { id: true },
        })
      ).id;
    await tx.connectorRecord.update({ where: { id: recordId }, data: { conversionId } });
    if (!inserted[0]) return { status: "duplicate" } as const;
    return { status: "imported", conversionId } as const;
  });
}

function idempotencyKeyOf(record: IncomingRecord): string {
  return `connector:${record.source}:${record.externalId}`.slice(0, 255);
}

type Attribution =
  | { ok: true; target: Target; value: string | null; currency: string | null }
  | { ok: false; reason: string };

/** How a record would be attributed, without writing anything (the mapping preview). */
export async function attributeRecord(
  orgId: string,
  record: IncomingRecord,
  context: OrgContext,
): Promise<
  { matched: true; shareId: string; clickId: string | null } | { matched: false; reason: string }
> {
  const result = await attribute(orgId, record, context);
  return result.ok
    ? { matched: true, shareId: result.target.shareId, clickId: result.target.clickId }
    : { matched: false, reason: result.reason };
}

async function attribute(
  orgId: string,
  record: IncomingRecord,
  context: OrgContext,
): Promise<Attribution> {
  const target = await resolveTarget(orgId, record);
  if ("reason" in target) return { ok: false, reason: target.reason };
  const window = checkAttributionWindow({
    occurredAt: record.occurredAt,
    start: target.start,
    days: context.attributionDays,
    startsWith: target.clickId ? "click" : "share",
  });
  if (!window.ok) return { ok: false, reason: window.message };
  const amount = record.value ?? null;
  if (
    amount !== null &&
    (!Number.isFinite(amount) || amount < 0 || amount > MAX_CONVERSION_VALUE)
  ) {
    return { ok: false, reason: `The value ${amount} is not an amount Chorus can record.` };
  }
  return {
    ok: true,
    target,
    value: amount === null ? null : amount.toFixed(2),
    currency: amount === null ? null : (record.currency ?? context.currency),
  };
}

async function resolveTarget(
  orgId: string,
  record: IncomingRecord,
): Promise<Target | { reason: string }> {
  const clickId = record.clickId?.trim();
  if (clickId && CLICK_ID_PATTERN.test(clickId)) {
    const click = await db.clickEvent.findFirst({
      where: { id: clickId, orgId },
      select: { id: true, shareId: true, at: true },
    });
    const share = click
      ? await db.share.findFirst({ where: { id: click.shareId, orgId }, select: { id: true } })
      : null;
    if (click && share) return { shareId: share.id, clickId: click.id, start: click.at };
    if (!record.shareCode) return { reason: "No click with this click id in your organisation." };
  }
  const shareCode = record.shareCode?.trim();
  if (shareCode && isShareCode(shareCode)) {
    const share = await db.share.findFirst({
      where: { code: shareCode, orgId },
      select: { id: true, createdAt: true },
    });
    if (share) return { shareId: share.id, clickId: null, start: share.createdAt };
    return { reason: "No tracked link with this code (utm_content) in your organisation." };
  }
  return { reason: "The record carries no click id or tracked-link code." };
}
