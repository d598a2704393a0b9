import { z, ZodError } from "zod";
import type { Access } from "@/lib/domains/access/resolve-access";
import { analyticsParamsSchema } from "@/lib/domains/analytics/analytics-params";
import { resolveAnalyticsScope } from "@/lib/domains/analytics/resolve-scope";
import { exportFileName, exportTable } from "@/lib/domains/analytics/export-table";
import { EXPORT_TABLES } from "@/lib/domains/analytics/types";
import { csvStreamResponse } from "@/lib/core/csv/csv-stream-response";
import { db } from "@/lib/core/db/client";
import { recordAudit } from "@/lib/domains/audit/record-audit";

const tableSchema = z.object({
  table: z.enum(EXPORT_TABLES, { error: `Choose one of: ${EXPORT_TABLES.join(", ")}.` }),
});

/**
 * A dashboard table as a streamed CSV download for the caller's scope. The query string is
 * validated first (400 naming the field), then the team (404 outside the caller's scope); rows are
 * read page by page as the client consumes the stream.
 */
export async function exportCsvResponse(
  access: Access,
  search: URLSearchParams,
): Promise<Response> {
  const values = Object.fromEntries(
    [...search.keys()].map((key) => [key, search.get(key)?.trim() || undefined]),
  );
  const table = tableSchema.safeParse(values);
  const params = analyticsParamsSchema(access.org.timeZone).safeParse(values);
  if (!table.success || !params.success) {
    throw new ZodError([
      ...(table.success ? [] : table.error.issues),
      ...(params.success ? [] : params.error.issues),
    ]);
  }
  const scope = await resolveAnalyticsScope(access, params.data.teamId);
  const query = { orgId: scope.orgId, teamIds: scope.teamIds, range: params.data.range };
  const { header, pages } = await exportTable(table.data.table, query);
  const iterator = pages[Symbol.asyncIterator]();
  // The first page is read before answering, so a failure there is still a proper error response
  // (aggregated tables are a single page: they are complete before the first byte goes out).
  const pending = await iterator.next();
  // Who exported which table with which filters (audit log), once the export is under way.
  await recordAudit(db, {
    orgId: access.orgId,
    actorId: access.userId,
    action: "analytics.export",
    metadata: {
      table: table.data.table,
      range: params.data.preset,
      from: query.range.from,
      to: query.range.to,
      teamId: params.data.teamId,
    },
  });
  return csvStreamResponse({
    header,
    pages: iterator,
    firstPage: pending,
    fileName: exportFileName(table.data.table, query.range),
    label: "CSV export",
  });
}
