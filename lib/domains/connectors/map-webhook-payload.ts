import { API_OUTCOMES, type ApiOutcome } from "@/lib/domains/conversions/conversion-schema";
import type { WebhookMapping } from "@/lib/domains/connectors/connector-config";
import { parseJsonPath, readJsonPath } from "@/lib/domains/connectors/json-path";
import { parseSourceDate } from "@/lib/domains/connectors/sync-tally";
import { isCurrencyCode } from "@/lib/core/validation";

/** A payload mapped to a record, or the problems per mapped field. */
export type MappedPayload =
  | {
      ok: true;
      record: {
        externalId: string;
        outcome: ApiOutcome;
        clickId: string | null;
        shareCode: string | null;
        value: number | null;
        currency: string | null;
        occurredAt: string | null;
      };
    }
  | { ok: false; fields: Record<string, string> };

function read(payload: unknown, path: string | undefined): unknown {
  if (!path) return undefined;
  const steps = parseJsonPath(path);
  return steps ? readJsonPath(payload, steps) : undefined;
}

const text = (v: unknown) =>
  typeof v === "string" ? v.trim() || null : typeof v === "number" ? String(v) : null;

/** Applies an admin's mapping to one JSON payload (pure: the preview and the endpoint share it). */
export function mapWebhookPayload(mapping: WebhookMapping, payload: unknown): MappedPayload {
  const fields: Record<string, string> = {};
  const externalId = text(read(payload, mapping.externalId));
  if (!externalId || externalId.length > 200) {
    fields.externalId = `${mapping.externalId} must name a string or number of at most 200 characters (the record's id in your system).`;
  }
  const rawOutcome = text(read(payload, mapping.outcome))?.toLowerCase() ?? mapping.defaultOutcome;
  if (!rawOutcome || !(API_OUTCOMES as readonly string[]).includes(rawOutcome)) {
    fields.outcome = `${mapping.outcome ?? "outcome"} must be one of ${API_OUTCOMES.join(", ")}.`;
  }
  const clickId = text(read(payload, mapping.clickId));
  const shareCode = text(read(payload, mapping.shareCode));
  const rawValue = read(payload, mapping.value);
  let value: number | null = null;
  if (rawValue !== undefined && rawValue !== null && rawValue !== "") {
    value = typeof rawValue === "number" ? rawValue : Number(text(rawValue));
    if (!Number.isFinite(value) || value < 0) {
      fields.value = `${mapping.value} must be a number ≥ 0.`;
      value = null;
    } else value = Math.round(value * 100) / 100;
  }
  const currency = text(read(payload, mapping.currency))?.toUpperCase() ?? null;
  if (currency && !isCurrencyCode(currency)) {
    fields.currency = `${mapping.currency} must be a 3-letter ISO 4217 code such as EUR.`;
  }
  const rawAt = read(payload, mapping.occurredAt);
  const at =
    rawAt === undefined || rawAt === null ? null : parseSourceDate(text(rawAt) ?? undefined);
  if (rawAt !== undefined && rawAt !== null && !at) {
    fields.occurredAt = `${mapping.occurredAt} must be an ISO 8601 date-time or epoch milliseconds.`;
  }
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    record: {
      externalId: externalId!,
      outcome: rawOutcome as ApiOutcome,
      clickId,
      shareCode,
      value,
      currency: value === null ? null : currency,
      occurredAt: at?.toISOString() ?? null,
    },
  };
}
