import type { ExportTable } from "@/lib/domains/analytics/types";
import { buttonClass } from "@/components/ui/button";

const TABLE_NAMES: Record<ExportTable, string> = {
  daily: "daily figures",
  "value-types": "value types",
  goals: "goals",
  content: "content",
  advocates: "advocates",
  teams: "teams",
  shares: "every share",
  conversions: "every conversion",
};

/**
 * A link to the CSV export of one table for the dashboard's current period and team. A plain
 * link with `download`: the browser saves the streamed file, no script involved.
 */
export function DownloadCsvLink({
  table,
  search,
  label = "Download CSV",
}: {
  table: ExportTable;
  /** The dashboard's query string without "?" (period and team). */
  search: string;
  label?: string;
}) {
  const query = new URLSearchParams(search);
  query.set("table", table);
  return (
    <a
      href={`/api/analytics/export?${query.toString()}`}
      download
      className={buttonClass("secondary", "text-xs")}
      data-export={table}
    >
      <span aria-hidden="true">⤓</span> {label}
      <span className="sr-only"> of {TABLE_NAMES[table]}</span>
    </a>
  );
}
