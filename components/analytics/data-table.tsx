import type { ReactNode } from "react";

export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
  /** This column names the row (a row header for screen readers). */
  rowHeader?: boolean;
  className?: string;
}

/** A plain, readable table: header row, row headers, numbers right-aligned in tabular digits. */
export function DataTable<T>({
  caption,
  captionHidden = true,
  rows,
  columns,
  rowKey,
}: {
  caption: string;
  captionHidden?: boolean;
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
}) {
  const align = (c: Column<T>) => (c.numeric ? "text-right tabular-nums" : "text-left");
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className={captionHidden ? "sr-only" : "mb-2 text-left text-sm font-semibold"}>
          {caption}
        </caption>
        <thead>
          <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-700 dark:text-slate-400">
            {columns.map((c, i) => (
              <th key={i} scope="col" className={`px-2 py-2 font-medium ${align(c)}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c, i) =>
                c.rowHeader ? (
                  <th
                    key={i}
                    scope="row"
                    className={`px-2 py-1.5 font-normal ${align(c)} ${c.className ?? ""}`}
                  >
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={i} className={`px-2 py-1.5 ${align(c)} ${c.className ?? ""}`}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
