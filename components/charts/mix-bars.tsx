import type { MixShare } from "@/lib/domains/content/content-mix";

export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/**
 * A bar chart that is also a table: each row names the category, draws its share and states the
 * count and percentage in text, so it reads at a glance and with a screen reader alike. Bars are
 * scaled to the largest row; the numbers carry the meaning.
 */
export function MixBars<K extends string>({
  caption,
  rows,
  label,
  barClass,
  explain,
  unit = "Items",
  captionClassName = "mb-2 text-left text-sm font-semibold",
}: {
  caption: string;
  rows: MixShare<K>[];
  label: (key: K) => string;
  barClass: (key: K) => string;
  /** A tooltip for each category (its explanation). */
  explain?: (key: K) => string;
  /** What is counted, for the count column's header ("Posts", "Shares"). */
  unit?: string;
  captionClassName?: string;
}) {
  const max = Math.max(...rows.map((r) => r.share), 0.0001);
  return (
    <table className="w-full text-sm">
      <caption className={captionClassName}>{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">Category</th>
          <th scope="col">Share</th>
          <th scope="col">{unit}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th
              scope="row"
              className="w-28 py-1 pr-3 text-left font-normal text-slate-700 dark:text-slate-300"
              title={explain?.(row.key)}
            >
              {label(row.key)}
            </th>
            <td className="py-1" aria-hidden="true">
              <div className="h-3 rounded-full bg-slate-100 dark:bg-slate-800">
                <div
                  className={`h-3 rounded-full ${barClass(row.key)}`}
                  style={{ width: `${(row.share / max) * 100}%` }}
                />
              </div>
            </td>
            <td className="w-24 whitespace-nowrap py-1 pl-3 text-right tabular-nums text-slate-700 dark:text-slate-300">
              {row.count}{" "}
              <span className="text-slate-500 dark:text-slate-400">· {percent(row.share)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
