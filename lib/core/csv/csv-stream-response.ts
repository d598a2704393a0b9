import { csvLine } from "@/lib/core/csv/to-csv";

/** A byte-order mark, so spreadsheet apps read the file as UTF-8 (names with accents). */
const BOM = "\uFEFF";

export interface CsvStreamOptions {
  header: readonly string[];
  /** Pages of rows, read one at a time as the client consumes the stream. */
  pages: AsyncIterator<unknown[][]>;
  /** A page already read (to fail with a proper error response before answering). */
  firstPage?: IteratorResult<unknown[][]>;
  fileName: string;
  /** Names the export in the log when streaming fails half-way. */
  label: string;
}

/** A CSV download streamed page by page (formula-escaped cells, UTF-8 BOM, never cached). */
export function csvStreamResponse({
  header,
  pages,
  firstPage,
  fileName,
  label,
}: CsvStreamOptions): Response {
  const encoder = new TextEncoder();
  let pending = firstPage ?? null;
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(BOM + csvLine(header)));
        return;
      }
      try {
        const next = pending ?? (await pages.next());
        pending = null;
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map(csvLine).join("")));
      } catch (error) {
        console.error(`${label} failed while streaming`, error);
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return?.(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
