import type { ImportOutcome, ImportRow } from "@/lib/domains/invitations/invitation-csv";
import { IMPORT_CHUNK_SIZE, isRetryable } from "@/lib/domains/invitations/run-csv-import";

/** The answer of POST /api/invitations/import with `dryRun: true` for one chunk. */
export interface PrecheckReport {
  ready: number;
  refused: number;
  results: (
    | { line: number; email: string; status: "ready" }
    | { line: number; email: string; status: "refused"; reason: string }
  )[];
}

export type PrecheckSendResult =
  { ok: true; data: PrecheckReport } | { ok: false; status: number; message: string };

export type PrecheckResult =
  { ok: true; ready: ImportRow[]; refused: ImportOutcome[] } | { ok: false; message: string };

/**
 * The CSV pre-check in the browser: sends the rows to the server's dry run in chunks, one at a
 * time (a failed chunk is retried once when retrying can help), and splits them into the rows the
 * import will invite and those it will refuse, with the server's reasons. Browser-safe.
 */
export async function precheckCsvRows(
  rows: ImportRow[],
  send: (rows: ImportRow[]) => Promise<PrecheckSendResult>,
  {
    chunkSize = IMPORT_CHUNK_SIZE,
    onProgress,
  }: { chunkSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<PrecheckResult> {
  const ready: ImportRow[] = [];
  const refused: ImportOutcome[] = [];
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    let result = await send(chunk);
    if (!result.ok && isRetryable(result.status)) result = await send(chunk);
    if (!result.ok) return { ok: false, message: result.message };
    const byLine = new Map(result.data.results.map((r) => [r.line, r]));
    for (const row of chunk) {
      const answer = byLine.get(row.line);
      if (answer?.status === "refused") {
        refused.push({
          line: row.line,
          email: answer.email,
          status: "refused",
          reason: answer.reason,
        });
      } else {
        // Ready, or unanswered: the import checks every row again and reports it either way.
        ready.push(row);
      }
    }
    onProgress?.(Math.min(start + chunkSize, rows.length), rows.length);
  }
  return { ok: true, ready, refused };
}
