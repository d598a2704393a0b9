import {
  DEFAULT_ANALYTICS_SETTINGS,
  DEFAULT_ATTRIBUTION_DAYS,
} from "@/lib/domains/settings/get-analytics-settings";
import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import type { ConversionOutcome } from "@/lib/generated/prisma/enums";
import type { ApiKeyPrincipal } from "@/lib/domains/access/authenticate-api-key";
import {
  AppError,
  badRequest,
  conflict,
  forbidden,
  unprocessable,
} from "@/lib/core/errors/app-error";
import { checkAttributionWindow } from "@/lib/domains/conversions/attribution-window";
import {
  idempotencyKeySchema,
  type ApiOutcome,
  type ConversionRequest,
  type ConversionResponse,
} from "@/lib/domains/conversions/conversion-schema";
import { emitEventAfterCommit } from "@/lib/domains/developer-webhooks/emit-event";

export interface RecordedConversion {
  /** true: recorded now (201); false: the answer to an earlier request with the same key (200). */
  created: boolean;
  conversion: ConversionResponse;
}

interface Target {
  shareId: string;
  shareCode: string;
  clickId: string | null;
  /** Start of the attribution window: the click, or the share when reported by share code. */
  start: Date;
}

interface StoredConversion {
  id: string;
  shareId: string;
  clickId: string | null;
  outcome: ConversionOutcome;
  value: { toFixed(digits: number): string } | null;
  currency: string | null;
  occurredAt: Date;
  share: { code: string };
}

const STORED_SELECT = {
  id: true,
  shareId: true,
  clickId: true,
  outcome: true,
  value: true,
  currency: true,
  occurredAt: true,
  share: { select: { code: true } },
} as const;

/**
 * Records a conversion reported through the public API, scoped by the key's organisation.
 *
 * - Secret keys (conversions:write) report by click id or share code, with value and time.
 * - Publishable keys (conversions:browser) are public by design: they report only for a real click
 *   id, now, without a value, and at most once per (click id, outcome) — so anyone who clicked can
 *   report their own click's conversion, but nobody can inflate values or count one click twice.
 *
 * Idempotency: one row per (organisation, idempotency key), guaranteed by the unique index and
 * INSERT … ON CONFLICT DO NOTHING; a retry answers the first conversion, a different body → 409.
 * The insert and the rollup's dirty mark are one statement, hence one transaction.
 */
export async function recordConversion(
  apiKey: ApiKeyPrincipal,
  input: ConversionRequest,
  idempotencyHeader: string | null = null,
): Promise<RecordedConversion> {
  const browser = !apiKey.scopes.includes("conversions:write");
  const orgId = apiKey.orgId;
  const clientKey = mergeIdempotencyKey(input.idempotencyKey, idempotencyHeader);
  if (browser) assertBrowserInput(input);
  const outcome = input.outcome.toUpperCase() as ConversionOutcome;

  const target = await resolveTarget(orgId, input);
  const idempotencyKey = browser
    ? `browser:${target.clickId}:${input.outcome}`
    : clientKey === undefined
      ? null
      : `api:${clientKey}`;

  const org = await db.organization.findUnique({
    where: { id: orgId },
    select: { timeZone: true, settings: { select: { attributionDays: true, currency: true } } },
  });
  if (!org) throw new AppError("UNAUTHORIZED", "This API key's organisation no longer exists.");
  const currency =
    input.value === undefined
      ? null
      : (input.currency ?? org.settings?.currency ?? DEFAULT_ANALYTICS_SETTINGS.currency);
  const request = { target, outcome, value: input.value, currency, occurredAt: input.occurredAt };

  if (idempotencyKey) {
    const earlier = await findByIdempotencyKey(orgId, idempotencyKey);
    if (earlier) return replay(earlier, request, browser);
  }

  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : new Date();
  const window = checkAttributionWindow({
    occurredAt,
    start: target.start,
    days: org.settings?.attributionDays ?? DEFAULT_ATTRIBUTION_DAYS,
    startsWith: target.clickId ? "click" : "share",
  });
  if (!window.ok) throw unprocessable(window.message, { occurredAt: window.message });

  const id = createId("cnv");
  const value = input.value === undefined ? null : input.value.toFixed(2);
  const inserted = await db.$queryRaw<{ id: string }[]>`
    WITH ins AS (
      INSERT INTO "Conversion"
        ("id", "orgId", "shareId", "clickId", "outcome", "value", "currency", "occurredAt",
         "idempotencyKey", "apiKeyId")
      VALUES (${id}, ${orgId}, ${target.shareId}, ${target.clickId},
        ${outcome}::"ConversionOutcome", ${value}::numeric, ${currency},
        ${occurredAt}::timestamptz, ${idempotencyKey}, ${apiKey.id})
      ON CONFLICT ("orgId", "idempotencyKey") DO NOTHING
      RETURNING "id", "shareId", "occurredAt"
    ), dirty AS (
      INSERT INTO "RollupDirty" ("shareId", "day")
      SELECT "shareId", ("occurredAt" AT TIME ZONE ${org.timeZone})::date FROM ins
      ON CONFLICT ("shareId", "day") DO UPDATE SET "markedAt" = now()
    )
    SELECT "id" FROM ins`;

  if (inserted.length === 0) {
    // A concurrent request with the same key won the insert (it has committed: ON CONFLICT waited).
    const winner = idempotencyKey ? await findByIdempotencyKey(orgId, idempotencyKey) : null;
    if (!winner) throw new Error("Conversion insert conflicted but no conversion holds the key");
    return replay(winner, request, browser);
  }
  const conversion: ConversionResponse = {
    id,
    outcome: input.outcome,
    shareCode: target.shareCode,
    clickId: target.clickId,
    value: value === null ? null : Number(value),
    currency,
    occurredAt: occurredAt.toISOString(),
    attributed: true,
  };
  // After the single-statement insert committed (a replay above emits nothing).
  await emitEventAfterCommit(orgId, "conversion.recorded", {
    ...conversion,
    conversionId: id,
    shareId: target.shareId,
  });
  return { created: true, conversion };
}

function mergeIdempotencyKey(body: string | undefined, header: string | null): string | undefined {
  if (header === null) return body;
  const parsed = idempotencyKeySchema.safeParse(header);
  if (!parsed.success) {
    throw badRequest(`Idempotency-Key header: ${parsed.error.issues[0]?.message}`, {
      idempotencyKey: parsed.error.issues[0]?.message ?? "is invalid.",
    });
  }
  if (body !== undefined && body !== header) {
    const message = "differs from the Idempotency-Key header; send one of them, or the same value.";
    throw badRequest(`idempotencyKey ${message}`, { idempotencyKey: message });
  }
  return header;
}

function assertBrowserInput(input: ConversionRequest): void {
  if (input.shareCode !== undefined) {
    throw forbidden(
      "A publishable key can only report a conversion for a click id. Report by share code from your server with a secret key.",
    );
  }
  const refused = (["value", "currency", "occurredAt"] as const).filter(
    (f) => input[f] !== undefined,
  );
  if (refused.length) {
    const message =
      "cannot be sent with a publishable key (browser conversions are recorded now, without a value). Send it from your server with a secret key.";
    throw badRequest(
      `${refused.join(", ")}: ${message}`,
      Object.fromEntries(refused.map((f) => [f, message])),
    );
  }
}

async function resolveTarget(orgId: string, input: ConversionRequest): Promise<Target> {
  if (input.clickId !== undefined) {
    const click = await db.clickEvent.findFirst({
      where: { id: input.clickId, orgId },
      select: { id: true, shareId: true, at: true },
    });
    // Click events have no foreign key (lib/domains/tracking/click-writer.ts): the share must still exist.
    const share = click
      ? await db.share.findFirst({ where: { id: click.shareId, orgId }, select: { code: true } })
      : null;
    if (!click || !share) {
      throw new AppError("NOT_FOUND", "No click with this id in your organisation.", {
        clickId: "No click with this id in your organisation.",
      });
    }
    return {
      shareId: click.shareId,
      shareCode: share.code,
      clickId: click.id,
      start: click.at,
    };
  }
  const share = await db.share.findFirst({
    where: { code: input.shareCode!, orgId },
    select: { id: true, code: true, createdAt: true },
  });
  if (!share) {
    throw new AppError("NOT_FOUND", "No share with this code in your organisation.", {
      shareCode: "No share with this code in your organisation.",
    });
  }
  return { shareId: share.id, shareCode: share.code, clickId: null, start: share.createdAt };
}

async function findByIdempotencyKey(orgId: string, idempotencyKey: string) {
  return db.conversion.findUnique({
    where: { orgId_idempotencyKey: { orgId, idempotencyKey } },
    select: STORED_SELECT,
  });
}

interface RequestShape {
  target: Target;
  outcome: ConversionOutcome;
  value: number | undefined;
  currency: string | null;
  occurredAt: string | undefined;
}

/** The same request again answers the first conversion; the same key for another one is a 409. */
function replay(
  stored: StoredConversion,
  request: RequestShape,
  browser: boolean,
): RecordedConversion {
  if (!browser && !sameConversion(stored, request)) {
    throw conflict(
      "This idempotency key was already used for a different conversion. Resend exactly the same request to retry, or use a new key for a new conversion.",
      { idempotencyKey: "already used for a different conversion." },
    );
  }
  return { created: false, conversion: toResponse(stored) };
}

function sameConversion(stored: StoredConversion, request: RequestShape): boolean {
  return (
    stored.shareId === request.target.shareId &&
    stored.clickId === request.target.clickId &&
    stored.outcome === request.outcome &&
    (stored.value?.toFixed(2) ?? null) === (request.value?.toFixed(2) ?? null) &&
    stored.currency === request.currency &&
    // occurredAt defaults to "now", so a retry that leaves it out still matches.
    (request.occurredAt === undefined ||
      stored.occurredAt.getTime() === new Date(request.occurredAt).getTime())
  );
}

function toResponse(stored: StoredConversion): ConversionResponse {
  return {
    id: stored.id,
    outcome: stored.outcome.toLowerCase() as ApiOutcome,
    shareCode: stored.share.code,
    clickId: stored.clickId,
    value: stored.value === null ? null : Number(stored.value.toFixed(2)),
    currency: stored.currency,
    occurredAt: stored.occurredAt.toISOString(),
    attributed: true,
  };
}
