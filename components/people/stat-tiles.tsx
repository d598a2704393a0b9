import type { ReactNode } from "react";

export interface StatTile {
  label: string;
  value: ReactNode;
  note?: ReactNode;
}

const COLUMNS = {
  2: "grid-cols-2",
  3: "sm:grid-cols-3",
  4: "grid-cols-2 lg:grid-cols-4",
} as const;

const TILE = {
  raised:
    "rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800",
  inset: "rounded-md bg-slate-50 p-3 dark:bg-slate-800/60",
} as const;

/** A row of figures, each a term and its value (a description list, so it reads in order). */
export function StatTiles({
  stats,
  columns = 3,
  tile = "raised",
}: {
  stats: StatTile[];
  columns?: keyof typeof COLUMNS;
  /** raised: tiles on the page; inset: tiles inside a card. */
  tile?: keyof typeof TILE;
}) {
  return (
    <dl className={`grid gap-3 ${COLUMNS[columns]}`}>
      {stats.map((s) => (
        <div key={s.label} className={TILE[tile]}>
          <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">{s.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tracking-tight">{s.value}</dd>
          {s.note ? (
            <dd className="mt-1 text-xs text-slate-600 dark:text-slate-400">{s.note}</dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
