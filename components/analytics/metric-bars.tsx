/**
 * Horizontal bars that are also a table: the label, a bar scaled to the largest value and the value
 * in text, so the figure reads without the bar (and without colour).
 */
export function MetricBars({
  caption,
  unit,
  rows,
}: {
  caption: string;
  /** Header of the value column, e.g. "Unique visits per share". */
  unit: string;
  rows: {
    key: string;
    label: string;
    value: number;
    display: string;
    barClass: string;
    note?: string;
  }[];
}) {
  const max = Math.max(...rows.map((r) => r.value), 0);
  return (
    <table className="w-full text-sm" data-chart="bars">
      <caption className="mb-2 text-left text-sm font-semibold">{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">Category</th>
          <th scope="col">Bar</th>
          <th scope="col">{unit}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th
              scope="row"
              className="w-32 py-1 pr-3 text-left font-normal text-slate-700 dark:text-slate-300"
              title={row.note}
            >
              {row.label}
            </th>
            <td className="py-1" aria-hidden="true">
              <div className="h-3 rounded-full bg-slate-100 dark:bg-slate-800">
                <div
                  className={`h-3 rounded-full ${row.barClass}`}
                  style={{ width: `${max > 0 ? (row.value / max) * 100 : 0}%` }}
                />
              </div>
            </td>
            <td className="w-20 whitespace-nowrap py-1 pl-3 text-right tabular-nums text-slate-800 dark:text-slate-200">
              {row.display}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
