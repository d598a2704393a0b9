import { createHash } from "node:crypto";
import { z } from "zod";
import {
  HUBSPOT_SEARCH_CAP,
  listHubSpotFormSubmissions,
  searchHubSpotObjects,
  type HubSpotObject,
} from "@/lib/integrations/connectors/hubspot-client";
import type { HubSpotConfig } from "@/lib/domains/connectors/connector-config";
import {
  importRecord,
  type IncomingRecord,
  type OrgContext,
} from "@/lib/domains/connectors/import-record";
import {
  hintsFromUrl,
  hintsFromValue,
  mergeHints,
} from "@/lib/domains/connectors/attribution-hints";
import {
  countResult,
  FIRST_SYNC_LOOKBACK_MS,
  parseSourceDate,
  type SyncTally,
} from "@/lib/domains/connectors/sync-tally";
import type { ConversionOutcome } from "@/lib/generated/prisma/enums";

/** Per stream: the last modification (contacts, deals) or submission (per form) already read, ms. */
export const hubspotCursorSchema = z
  .object({
    contacts: z.number().optional(),
    deals: z.number().optional(),
    forms: z.record(z.string(), z.number()).optional(),
  })
  .catch({});
export type HubSpotCursor = z.output<typeof hubspotCursorSchema>;

interface SyncRun {
  orgId: string;
  connectionId: string;
  token: string;
  config: HubSpotConfig;
  context: OrgContext;
  tally: SyncTally;
  now: Date;
  /** Called after each stream completes, so a later failure keeps the progress made. */
  save(cursor: HubSpotCursor): Promise<void>;
}

/**
 * Contacts (new ones → SIGNUP or LEAD), closed-won deals (→ DEAL with amount and currency) and the
 * configured forms' submissions, each from its cursor. Each stream's cursor moves only once the
 * stream is read to the end: a failure halfway reads it again next time (imports are idempotent).
 */
export async function syncHubSpot(run: SyncRun, start: HubSpotCursor): Promise<HubSpotCursor> {
  const cursor: HubSpotCursor = { ...start, forms: { ...start.forms } };
  const firstSince = run.now.getTime() - FIRST_SYNC_LOOKBACK_MS;
  if (run.config.contactOutcome !== "none") {
    const outcome = run.config.contactOutcome === "signup" ? "SIGNUP" : "LEAD";
    cursor.contacts = await syncObjects(run, "contacts", cursor.contacts ?? firstSince, (o) =>
      contactRecord(run, o, outcome),
    );
    await run.save(cursor);
  }
  if (run.config.syncDeals) {
    cursor.deals = await syncObjects(run, "deals", cursor.deals ?? firstSince, (o) =>
      dealRecord(run, o),
    );
    await run.save(cursor);
  }
  for (const formGuid of run.config.formGuids) {
    cursor.forms![formGuid] = await syncForm(run, formGuid, cursor.forms![formGuid] ?? firstSince);
    await run.save(cursor);
  }
  return cursor;
}

const MODIFIED = { contacts: "lastmodifieddate", deals: "hs_lastmodifieddate" } as const;

async function syncObjects(
  run: SyncRun,
  objectType: "contacts" | "deals",
  since: number,
  toRecord: (object: HubSpotObject) => IncomingRecord | null,
): Promise<number> {
  const modified = MODIFIED[objectType];
  const properties =
    objectType === "contacts"
      ? [run.config.clickIdProperty, "hs_analytics_first_url", "createdate", modified]
      : [
          run.config.clickIdProperty,
          "amount",
          "deal_currency_code",
          "closedate",
          "createdate",
          modified,
        ];
  const extraFilters =
    objectType === "deals"
      ? [{ propertyName: "hs_is_closed_won", operator: "EQ", value: "true" }]
      : [];
  let querySince = since;
  let newest = since;
  let after: string | null = null;
  for (;;) {
    const page = await searchHubSpotObjects(run.token, objectType, {
      modifiedProperty: modified,
      sinceMs: querySince,
      properties,
      extraFilters,
      after,
    });
    run.tally.pages++;
    for (const object of page.results) {
      const record = toRecord(object);
      if (record)
        countResult(
          run.tally,
          await importRecord(run.orgId, run.connectionId, record, run.context),
        );
      const at = parseSourceDate(object.properties[modified] ?? object.updatedAt)?.getTime();
      if (at !== undefined && at > newest) newest = at;
    }
    after = page.after;
    if (!after) return newest;
    // Search answers at most 10,000 results per query: go on with a new query from the newest seen.
    if (Number(after) >= HUBSPOT_SEARCH_CAP) {
      if (newest <= querySince) return newest;
      querySince = newest;
      after = null;
    }
  }
}

function contactRecord(
  run: SyncRun,
  contact: HubSpotObject,
  outcome: ConversionOutcome,
): IncomingRecord | null {
  const props = contact.properties;
  const occurredAt = parseSourceDate(props.createdate ?? contact.createdAt);
  if (!occurredAt) return null;
  return {
    source: "hubspot:contact",
    externalId: contact.id,
    outcome,
    occurredAt,
    ...mergeHints(
      hintsFromValue(props[run.config.clickIdProperty]),
      hintsFromUrl(props.hs_analytics_first_url, run.context.clickIdParam),
    ),
  };
}

function dealRecord(run: SyncRun, deal: HubSpotObject): IncomingRecord | null {
  const props = deal.properties;
  const occurredAt = parseSourceDate(props.closedate ?? props.createdate ?? deal.createdAt);
  if (!occurredAt) return null;
  const amount = props.amount ? Number(props.amount) : null;
  const currency = props.deal_currency_code?.trim().toUpperCase();
  return {
    source: "hubspot:deal",
    externalId: deal.id,
    outcome: "DEAL",
    occurredAt,
    value: amount !== null && Number.isFinite(amount) ? Math.round(amount * 100) / 100 : null,
    currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : null,
    ...hintsFromValue(props[run.config.clickIdProperty]),
  };
}

/** Submissions come newest first: read pages until one older than the cursor. */
async function syncForm(run: SyncRun, formGuid: string, since: number): Promise<number> {
  const outcome = run.config.formOutcome === "signup" ? "SIGNUP" : "LEAD";
  let newest = since;
  let after: string | null = null;
  do {
    const page = await listHubSpotFormSubmissions(run.token, formGuid, after);
    run.tally.pages++;
    for (const submission of page.results) {
      if (submission.submittedAt <= since) return newest;
      newest = Math.max(newest, submission.submittedAt);
      const field = submission.values.find((v) => v.name === run.config.clickIdProperty)?.value;
      const record: IncomingRecord = {
        source: "hubspot:form",
        // Submissions have no id of their own: the form, the time and a digest of the values.
        externalId: `${formGuid}:${submission.submittedAt}:${createHash("sha256")
          .update(JSON.stringify(submission.values))
          .digest("hex")
          .slice(0, 16)}`,
        outcome,
        occurredAt: new Date(submission.submittedAt),
        ...mergeHints(
          hintsFromValue(field),
          hintsFromUrl(submission.pageUrl, run.context.clickIdParam),
        ),
      };
      countResult(run.tally, await importRecord(run.orgId, run.connectionId, record, run.context));
    }
    after = page.after;
  } while (after);
  return newest;
}
