import type { Metadata } from "next";
import Link from "next/link";
import { AuditFilterForm } from "@/components/admin/audit/audit-filter-form";
import { AuditTable } from "@/components/admin/audit/audit-table";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import {
  auditFilterInput,
  auditFiltersQuery,
  auditFiltersSchema,
  listAuditActors,
  listAuditEntries,
  type SearchParams,
} from "@/lib/domains/audit-log/list-audit-entries";
import { zodFieldErrors } from "@/lib/core/http/zod-messages";
import { requestDateFormat } from "@/lib/core/http/request-date-format";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const access = await requirePageAccess("audit:read");
  const input = auditFilterInput(await searchParams);
  const parsed = auditFiltersSchema.safeParse(input);
  const actors = await listAuditActors(access.orgId);
  const result = parsed.success
    ? await listAuditEntries(access.orgId, parsed.data, access.org.timeZone)
    : null;
  const errors = parsed.success ? {} : zodFieldErrors(parsed.error);
  const query = parsed.success ? auditFiltersQuery(parsed.data) : "";
  const exportHref = `/api/audit/export${query ? `?${query}` : ""}`;
  const firstHref = `/admin/audit${query ? `?${query}` : ""}`;
  const olderHref =
    parsed.success && result?.nextCursor
      ? `/admin/audit?${auditFiltersQuery(parsed.data, { cursor: result.nextCursor })}`
      : null;

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who did what and when: member and role changes, settings, approvals, API keys, webhooks and exports. Times are in your organisation's time zone."
        actions={
          parsed.success ? (
            <a href={exportHref} className={buttonClass("secondary")} download>
              Export CSV
            </a>
          ) : null
        }
      />
      <div className="space-y-4">
        <AuditFilterForm values={input} actors={actors} invalid={Object.keys(errors)} />
        {!parsed.success ? (
          <Alert tone="error">
            <p className="font-medium">These filters can&apos;t be used:</p>
            <ul className="mt-1 list-disc pl-5">
              {Object.entries(errors).map(([field, message]) => (
                <li key={field}>{message}</li>
              ))}
            </ul>
          </Alert>
        ) : result && result.entries.length === 0 ? (
          <p
            role="status"
            className="rounded-lg bg-white p-6 text-center text-sm text-slate-600 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:text-slate-400 dark:ring-slate-800"
          >
            {query || input.cursor
              ? "No entries match these filters."
              : "Nothing has been recorded yet. Changes by admins will appear here."}
          </p>
        ) : result ? (
          <>
            <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
              Showing {result.entries.length} entr{result.entries.length === 1 ? "y" : "ies"}
              {input.cursor ? " (older entries)" : ", newest first"}.
            </p>
            <AuditTable
              entries={result.entries}
              dates={await requestDateFormat(access.org.timeZone)}
              caption="Audit log entries, newest first"
            />
            {input.cursor || olderHref ? (
              <nav aria-label="Pagination" className="flex items-center justify-between gap-3">
                {input.cursor ? (
                  <Link href={firstHref} className={buttonClass("secondary")}>
                    <span aria-hidden="true">←</span> Newest entries
                  </Link>
                ) : (
                  <span />
                )}
                {olderHref ? (
                  <Link href={olderHref} className={buttonClass("secondary")} rel="next">
                    Older entries <span aria-hidden="true">→</span>
                  </Link>
                ) : null}
              </nav>
            ) : null}
          </>
        ) : null}
      </div>
    </>
  );
}
