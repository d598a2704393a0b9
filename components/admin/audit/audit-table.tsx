import Link from "next/link";
import { auditActionLabel } from "@/lib/domains/audit/audit-actions";
import type { AuditEntryView } from "@/lib/domains/audit-log/list-audit-entries";
import { dateFormatter, type DateFormat } from "@/lib/core/time/format-date";

const cell = "px-3 py-3 align-top";
const link = "font-medium text-brand-700 underline hover:no-underline dark:text-brand-100";

/** Entries as a table: when, who, what (a sentence), on what (linked when it has a page). */
export function AuditTable({
  entries,
  dates,
  caption,
}: {
  entries: AuditEntryView[];
  dates: DateFormat;
  caption: string;
}) {
  const date = dateFormatter("dateTime", dates);
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
      <table className="w-full min-w-[48rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-700 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">
              When
            </th>
            <th scope="col" className="px-3 py-3 font-medium">
              Who
            </th>
            <th scope="col" className="px-3 py-3 font-medium">
              What
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              Target
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {entries.map((e) => (
            <tr key={e.id}>
              <td className="whitespace-nowrap px-4 py-3 align-top text-slate-700 dark:text-slate-300">
                <time dateTime={e.createdAt}>{date.format(new Date(e.createdAt))}</time>
              </td>
              <td className={cell}>
                {e.actor ? (
                  <>
                    <span className="font-medium">{e.actor.name}</span>
                    <span className="block text-xs text-slate-600 dark:text-slate-400">
                      {e.actor.email}
                    </span>
                  </>
                ) : (
                  <span className="text-slate-600 dark:text-slate-400">
                    {e.actorId ? "A former member" : "Chorus (automatic)"}
                  </span>
                )}
              </td>
              <td className={cell}>
                <span className="block">{e.description}</span>
                <span className="mt-0.5 block font-mono text-xs text-slate-600 dark:text-slate-400">
                  {e.action}
                  <span className="sr-only"> ({auditActionLabel(e.action)})</span>
                </span>
                {e.metadata !== null && e.metadata !== undefined ? (
                  <details className="mt-1">
                    <summary className="cursor-pointer pointer-coarse:py-3 text-xs text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100">
                      Details
                    </summary>
                    <pre className="mt-1 max-w-xl overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs text-slate-800 dark:bg-slate-950 dark:text-slate-200">
                      {JSON.stringify(e.metadata, null, 2)}
                    </pre>
                  </details>
                ) : null}
              </td>
              <td className="px-4 py-3 align-top">
                {e.target ? (
                  e.target.href ? (
                    <Link href={e.target.href} className={link} prefetch={false}>
                      {e.target.label}
                    </Link>
                  ) : (
                    e.target.label
                  )
                ) : e.targetType ? (
                  <span className="text-slate-600 dark:text-slate-400">
                    {e.targetType.replace(/_/g, " ")} (deleted)
                  </span>
                ) : (
                  <span className="text-slate-600 dark:text-slate-400">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
