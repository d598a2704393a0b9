import type { ImportOutcome, ImportRow } from "@/lib/domains/invitations/invitation-csv";

export const IMPORT_CHUNK_SIZE = 500;

/** The answer of POST /api/invitations/import for one chunk. */
export interface ChunkReport {
  invited: number;
  refused: number;
  results: (
    | { line: number; email: string; status: "invited"; url: string }
    | { line: number; email: string; status: "refused"; reason: string }
  )[];
}

export type SendResult =
  { ok: true; data: ChunkReport } | { ok: false; status: number; message: string };

export interface RunImportOptions {
  send: (rows: ImportRow[]) => Promise<SendResult>;
  chunkSize?: number;
  /** Checked before each chunk: cancelling lets the chunk in flight finish. */
  isCancelled?: () => boolean;
  onProgress?: (done: number, total: number) => void;
  retryDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RunImportResult {
  outcomes: ImportOutcome[];
  cancelled: boolean;
  /** Set when the import stopped early because going on could not succeed (signed out, no permission). */
  stoppedBecause?: string;
}

/** A failure worth one more try: no answer, a timeout, rate limiting or a server error. */
export function isRetryable(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends rows in chunks, one request at a time. A chunk that fails for a retryable reason is sent
 * once more; if it still fails its rows are reported "not processed" and the next chunk goes on,
 * so one bad request never loses the rest of the report. Signed-out/forbidden answers stop the run.
 */
export async function runCsvImport(
  rows: ImportRow[],
  options: RunImportOptions,
): Promise<RunImportResult> {
  const { send, chunkSize = IMPORT_CHUNK_SIZE, isCancelled = () => false, onProgress } = options;
  const sleep = options.sleep ?? defaultSleep;
  const outcomes: ImportOutcome[] = [];
  const notProcessed = (list: ImportRow[], reason: string) => {
    for (const row of list) {
      outcomes.push({ line: row.line, email: row.email.trim(), status: "not_processed", reason });
    }
  };
  let done = 0;
  let cancelled = false;
  let stoppedBecause: string | undefined;
  onProgress?.(0, rows.length);

  for (let start = 0; start < rows.length; start += chunkSize) {
    if (isCancelled()) {
      cancelled = true;
      notProcessed(rows.slice(start), "Not processed: the import was cancelled.");
      break;
    }
    const chunk = rows.slice(start, start + chunkSize);
    let result = await send(chunk);
    if (!result.ok && isRetryable(result.status)) {
      await sleep(options.retryDelayMs ?? 1000);
      result = await send(chunk);
    }
    if (result.ok) {
      const answered = new Set<number>();
      for (const r of result.data.results) {
        answered.add(r.line);
        outcomes.push(r);
      }
      notProcessed(
        chunk.filter((row) => !answered.has(row.line)),
        "Not processed: the server returned no result for this row.",
      );
    } else {
      notProcessed(chunk, `Not processed: ${result.message}`);
      if (result.status === 401 || result.status === 403) {
        stoppedBecause = result.message;
        notProcessed(rows.slice(start + chunkSize), `Not processed: ${result.message}`);
        done += chunk.length;
        onProgress?.(done, rows.length);
        break;
      }
    }
    done += chunk.length;
    onProgress?.(done, rows.length);
  }
  outcomes.sort((a, b) => a.line - b.line);
  return { outcomes, cancelled, stoppedBecause };
}
