"use client";

import { useId, useMemo, useState } from "react";
import { inputClass } from "@/components/ui/field";

export interface CheckboxOption {
  id: string;
  label: string;
  /** Secondary text (an email, a role), also matched by the filter. */
  hint?: string;
}

/**
 * A multi-select as a group of checkboxes (keyboard and screen-reader friendly, unlike
 * <select multiple>), with a filter box for long lists. Choices hidden by the filter stay chosen.
 */
export function CheckboxList({
  legend,
  options,
  selected,
  onChange,
  emptyText = "Nothing to choose from yet.",
  filterFrom = 8,
  maxVisible = 200,
  error,
}: {
  legend: string;
  options: CheckboxOption[];
  selected: string[];
  onChange: (ids: string[]) => void;
  emptyText?: string;
  filterFrom?: number;
  maxVisible?: number;
  error?: string;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const chosen = useMemo(() => new Set(selected), [selected]);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return options;
    return options.filter(
      (o) => o.label.toLowerCase().includes(q) || o.hint?.toLowerCase().includes(q),
    );
  }, [options, query]);
  const visible = matches.slice(0, maxVisible);

  function toggle(optionId: string, on: boolean) {
    onChange(on ? [...selected, optionId] : selected.filter((s) => s !== optionId));
  }

  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">{legend}</legend>
      {options.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{emptyText}</p>
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-600 dark:text-slate-400">
            <span aria-live="polite">
              {selected.length} of {options.length} selected
            </span>
            {selected.length > 0 ? (
              <button
                type="button"
                onClick={() => onChange([])}
                className="touch-area rounded px-1 font-medium text-brand-700 underline hover:no-underline dark:text-brand-100"
              >
                Clear selection
              </button>
            ) : null}
          </div>
          {options.length >= filterFrom ? (
            <div>
              <label htmlFor={`${id}-filter`} className="sr-only">
                Filter {legend.toLowerCase()}
              </label>
              <input
                id={`${id}-filter`}
                type="search"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                placeholder="Type to filter…"
                className={inputClass}
                autoComplete="off"
              />
            </div>
          ) : null}
          <ul className="max-h-64 space-y-0.5 overflow-y-auto rounded-md p-1 ring-1 ring-inset ring-slate-200 dark:ring-slate-700">
            {visible.map((o) => (
              <li key={o.id}>
                <label className="flex cursor-pointer items-start gap-2 rounded px-2 py-1.5 text-sm pointer-coarse:min-h-11 pointer-coarse:items-center hover:bg-slate-50 dark:hover:bg-slate-800">
                  <input
                    type="checkbox"
                    checked={chosen.has(o.id)}
                    onChange={(e) => toggle(o.id, e.target.checked)}
                    className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600"
                  />
                  <span>
                    {o.label}
                    {o.hint ? (
                      <span className="block text-xs text-slate-600 dark:text-slate-400">
                        {o.hint}
                      </span>
                    ) : null}
                  </span>
                </label>
              </li>
            ))}
            {matches.length === 0 ? (
              <li className="px-2 py-1.5 text-sm text-slate-600 dark:text-slate-400">
                No match for “{query}”.
              </li>
            ) : null}
          </ul>
          {matches.length > visible.length ? (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              Showing the first {visible.length} of {matches.length} matches. Type to narrow the
              list.
            </p>
          ) : null}
        </>
      )}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
