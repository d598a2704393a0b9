"use client";

import { useId } from "react";

/** An on/off switch (a checkbox with role="switch"), its label, explanation and state in words. */
export function VisibilitySwitch({
  label,
  explanation,
  checked,
  onChange,
}: {
  label: string;
  explanation: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="flex items-start justify-between gap-4 py-3">
      <div className="min-w-0">
        <label htmlFor={id} className="text-sm font-medium text-slate-900 dark:text-slate-100">
          {label}
        </label>
        <p id={`${id}-desc`} className="mt-0.5 text-sm text-slate-600 dark:text-slate-400">
          {explanation}
        </p>
      </div>
      <div className="flex shrink-0 items-center gap-2">
        <span
          aria-hidden="true"
          className="w-12 text-right text-xs text-slate-600 dark:text-slate-400"
        >
          {checked ? "Shown" : "Hidden"}
        </span>
        <span className="relative inline-flex h-6 w-11">
          <input
            id={id}
            type="checkbox"
            role="switch"
            checked={checked}
            onChange={(e) => onChange(e.target.checked)}
            aria-describedby={`${id}-desc`}
            className="peer absolute inset-0 z-10 m-0 h-full w-full cursor-pointer opacity-0 pointer-coarse:-top-2.5 pointer-coarse:h-11"
          />
          <span
            aria-hidden="true"
            className="pointer-events-none h-6 w-11 rounded-full bg-slate-300 transition-colors peer-checked:bg-brand-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 dark:bg-slate-600 dark:peer-checked:bg-brand-500"
          />
          <span
            aria-hidden="true"
            className="pointer-events-none absolute left-0.5 top-0.5 h-5 w-5 rounded-full bg-white shadow-sm ring-1 ring-slate-900/10 transition-transform peer-checked:translate-x-5"
          />
        </span>
      </div>
    </div>
  );
}
