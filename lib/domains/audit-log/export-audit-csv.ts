import { db } from "@/lib/core/db/client";
import type { AuditLog as AuditLogRow } from "@/lib/generated/prisma/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { auditActionLabel } from "@/lib/domains/audit/audit-actions";
import {
  auditWhere,
  parseAuditFilters,
  toViews,
  type AuditFilters,
} from "@/lib/domains/audit-log/list-audit-entries";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { csvStreamResponse } from "@/lib/core/csv/csv-stream-response";
import { utcToZonedLocal } from "@/lib/core/time/zoned-time";

export const AUDIT_EXPORT_HEADER = [
  "time_utc",
  "time_local",
  "actor_name",
  "actor_email",
  "action",
  "action_label",
  "description",
  "target_type",
  "target_id",
  "target_name",
  "metadata",
];

const PAGE_SIZE = 500;
/** The matching entries, newest first, read in keyset pages as the stream is consumed. */
async function* auditRows(
  access: Access,
  filters: AuditFilters,
): AsyncGenerator<unknown[][], void, undefined> {
  const timeZone = access.org.timeZone;
  const base = auditWhere(access.orgId, filters, timeZone);
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const cursor: { createdAt: Date; id: string } | null = after;
    const rows: AuditLogRow[] = await db.auditLog.findMany({
      where: cursor
        ? {
            ...base,
            AND: [
              {
                OR: [
                  { createdAt: { lt: cursor.createdAt } },
                  { createdAt: cursor.createdAt, id: { lt: cursor.id } },
                ],
              },
            ],
          }
        : base,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: PAGE_SIZE,
    });
    if (rows.length === 0) return;
    const views = await toViews(access.orgId, rows);
    yield views.map((v) => [
      v.createdAt,
      utcToZonedLocal(v.createdAt, timeZone).replace("T", " "),
      v.actor?.name ?? (v.actorId ? "A former member" : "Chorus"),
      v.actor?.email ?? "",
      v.action,
      auditActionLabel(v.action),
      v.description,
      v.targetType ?? "",
      v.targetId ?? "",
      v.target?.label ?? "",
      v.metadata === null || v.metadata === undefined ? "" : JSON.stringify(v.metadata),
    ]);
    if (rows.length < PAGE_SIZE) return;
    after = rows.at(-1)!;
  }
}

/** chorus-audit-log-<from>-<to>.csv, or -all when no dates are chosen. */
export function auditExportFileName(filters: AuditFilters): string {
  const range =
    filters.from || filters.to ? `${filters.from ?? "start"}-${filters.to ?? "today"}` : "all";
  return `chorus-audit-log-${range}.csv`;
}

/**
 * The audit log (the same filters as the page) as a streamed CSV download. Text cells are
 * formula-escaped by lib/csv. The export is itself recorded ("audit.export", with its filters)
 * before the first byte goes out.
 */
export async function exportAuditCsv(access: Access, search: URLSearchParams): Promise<Response> {
  const filters = parseAuditFilters(search);
  // The file always starts from the newest entry: a page cursor means nothing here.
  const { cursor: _cursor, limit: _limit, ...exported } = filters;
  await recordAudit(db, {
    orgId: access.orgId,
    actorId: access.userId,
    action: "audit.export",
    metadata: { filters: exported },
  });
  const iterator = auditRows(access, exported)[Symbol.asyncIterator]();
  return csvStreamResponse({
    header: AUDIT_EXPORT_HEADER,
    pages: iterator,
    fileName: auditExportFileName(exported),
    label: "Audit log export",
  });
}
