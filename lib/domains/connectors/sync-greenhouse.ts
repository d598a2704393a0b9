import { z } from "zod";
import {
  firstApplicationsUrl,
  listGreenhouseApplications,
  type GreenhouseApplication,
} from "@/lib/integrations/connectors/greenhouse-client";
import type { GreenhouseConfig } from "@/lib/domains/connectors/connector-config";
import { importRecord, type OrgContext } from "@/lib/domains/connectors/import-record";
import {
  hintsFromValue,
  mergeHints,
  type AttributionHints,
} from "@/lib/domains/connectors/attribution-hints";
import {
  countResult,
  FIRST_SYNC_LOOKBACK_MS,
  parseSourceDate,
  type SyncTally,
} from "@/lib/domains/connectors/sync-tally";
import { isShareCode } from "@/lib/domains/tracking/share-code";

/** The newest last_activity_at already read (ISO). */
export const greenhouseCursorSchema = z.object({ applications: z.string().optional() }).catch({});
export type GreenhouseCursor = z.output<typeof greenhouseCursorSchema>;

interface SyncRun {
  orgId: string;
  connectionId: string;
  token: string;
  config: GreenhouseConfig;
  context: OrgContext;
  tally: SyncTally;
  now: Date;
}

/**
 * Applications with activity since the cursor: each one → APPLICATION (when applied), and once its
 * status is "hired" → HIRE (at its last activity: Harvest's application has no hire date). Prospects
 * are skipped. The cursor moves once every page is read.
 */
export async function syncGreenhouse(
  run: SyncRun,
  start: GreenhouseCursor,
): Promise<GreenhouseCursor> {
  const since =
    parseSourceDate(start.applications) ?? new Date(run.now.getTime() - FIRST_SYNC_LOOKBACK_MS);
  let newest = since.getTime();
  let url: string | null = firstApplicationsUrl(since);
  while (url) {
    const page = await listGreenhouseApplications(run.token, url);
    run.tally.pages++;
    for (const application of page.results) {
      await importApplication(run, application);
      const at = parseSourceDate(application.last_activity_at)?.getTime();
      if (at !== undefined && at > newest) newest = at;
    }
    url = page.next;
  }
  return { applications: new Date(newest).toISOString() };
}

async function importApplication(run: SyncRun, application: GreenhouseApplication): Promise<void> {
  if (application.prospect) return;
  const hints = applicationHints(application, run.config.clickIdField);
  const appliedAt = parseSourceDate(application.applied_at);
  if (appliedAt) {
    const result = await importRecord(
      run.orgId,
      run.connectionId,
      {
        source: "greenhouse:application",
        externalId: String(application.id),
        outcome: "APPLICATION",
        occurredAt: appliedAt,
        ...hints,
      },
      run.context,
    );
    countResult(run.tally, result);
  }
  const hiredAt = parseSourceDate(application.last_activity_at) ?? appliedAt;
  if (application.status.toLowerCase() === "hired" && hiredAt) {
    const result = await importRecord(
      run.orgId,
      run.connectionId,
      {
        source: "greenhouse:hire",
        externalId: String(application.id),
        outcome: "HIRE",
        occurredAt: hiredAt,
        ...hints,
      },
      run.context,
    );
    countResult(run.tally, result);
  }
}

/** The custom field (or question) named in the config, then a code as the source's name. */
function applicationHints(application: GreenhouseApplication, field: string): AttributionHints {
  const custom = application.custom_fields?.[field];
  const customValue =
    typeof custom === "string"
      ? custom
      : custom &&
          typeof custom === "object" &&
          "value" in custom &&
          typeof custom.value === "string"
        ? custom.value
        : null;
  const answer = application.answers?.find((a) => a.question === field)?.answer ?? null;
  const sourceName = application.source?.public_name?.trim() ?? "";
  return mergeHints(hintsFromValue(customValue), hintsFromValue(answer), {
    clickId: null,
    shareCode: isShareCode(sourceName) ? sourceName : null,
  });
}
