import type { ImportResult } from "@/lib/domains/connectors/import-record";

/** What one sync did, by result. */
export interface SyncTally {
  imported: number;
  unmatched: number;
  duplicates: number;
  pages: number;
}

export function emptyTally(): SyncTally {
  return { imported: 0, unmatched: 0, duplicates: 0, pages: 0 };
}

export function countResult(tally: SyncTally, result: ImportResult): void {
  if (result.status === "imported") tally.imported++;
  else if (result.status === "unmatched") tally.unmatched++;
  else tally.duplicates++;
}

/** A date from a source: ISO 8601 or epoch milliseconds (HubSpot sends both); null when neither. */
export function parseSourceDate(value: string | number | null | undefined): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const date =
    typeof value === "number" || /^\d+$/.test(value) ? new Date(Number(value)) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Where a connection's first sync starts: this far back. */
export const FIRST_SYNC_LOOKBACK_MS = 90 * 24 * 60 * 60 * 1000;
