import { STATUS_LABELS } from "@/lib/domains/content/workflow";
import type { EditorHistoryEntry } from "@/components/studio/editor-types";

/** The workflow's audit trail: who moved the item, when, from → to, and why. */
export function HistoryList({ history }: { history: EditorHistoryEntry[] }) {
  return (
    <section aria-labelledby="history-title" className="space-y-3">
      <h2 id="history-title" className="text-lg font-semibold">
        History
      </h2>
      {history.length ? (
        <ol className="space-y-3 border-l border-slate-200 pl-4 dark:border-slate-700">
          {history.map((entry, i) => (
            <li key={`${entry.at}-${i}`} className="relative text-sm">
              <span
                aria-hidden="true"
                className="absolute -left-[1.3rem] top-1.5 h-2 w-2 rounded-full bg-slate-400 ring-2 ring-white dark:ring-slate-900"
              />
              <p className="font-medium">
                {entry.label ? (
                  entry.label
                ) : entry.from ? (
                  <>
                    {STATUS_LABELS[entry.from]} <span aria-hidden="true">→</span>
                    <span className="sr-only"> to </span> {STATUS_LABELS[entry.to]}
                  </>
                ) : (
                  `Created as ${STATUS_LABELS[entry.to].toLowerCase()}`
                )}
              </p>
              <p className="text-xs text-slate-600 dark:text-slate-400">
                {entry.by ?? "Automatic"} · <time dateTime={entry.at}>{entry.atLabel}</time>
              </p>
              {entry.comment ? (
                <p className="mt-1 whitespace-pre-wrap rounded bg-slate-50 px-2 py-1 text-slate-700 dark:bg-slate-800 dark:text-slate-300">
                  “{entry.comment}”
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">No changes yet.</p>
      )}
    </section>
  );
}
