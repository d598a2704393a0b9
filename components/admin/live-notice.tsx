"use client";

import type { Ref, RefObject } from "react";

export type Notice = { tone: "success" | "error" | "info"; text: string } | null;

const TONES = {
  error: "bg-red-50 text-red-800 ring-red-200 dark:bg-red-950 dark:text-red-200 dark:ring-red-900",
  success:
    "bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-900",
  info: "bg-brand-50 text-brand-700 ring-brand-100 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-700",
} as const;

/** A visible glyph and a spoken word, so the tone never depends on colour alone. */
const MARKS = {
  error: { glyph: "⚠", word: "Error:" },
  success: { glyph: "✓", word: "Done:" },
  info: { glyph: "ℹ", word: "Note:" },
} as const;

/**
 * A live region that is always in the page, so screen readers announce each new result of an
 * async action (a region inserted together with its text is often not announced).
 */
export function LiveNotice({
  notice,
  className = "",
  ref,
}: {
  notice: Notice;
  className?: string;
  ref?: Ref<HTMLDivElement>;
}) {
  return (
    <div ref={ref} tabIndex={-1} aria-live="polite" aria-atomic="true" className={className}>
      {notice ? (
        <p
          className={`flex gap-2 rounded-md px-3 py-2 text-sm ring-1 ring-inset ${TONES[notice.tone]}`}
        >
          <span aria-hidden="true">{MARKS[notice.tone].glyph}</span>
          <span>
            <span className="sr-only">{MARKS[notice.tone].word} </span>
            {notice.text}
          </span>
        </p>
      ) : null}
    </div>
  );
}

/**
 * Moves focus to a notice after the current event: a confirm dialog closing in the same turn
 * would otherwise hand focus back to its button, which may be about to leave the page.
 */
export function focusNoticeSoon(ref: RefObject<HTMLElement | null>): void {
  setTimeout(() => ref.current?.focus(), 0);
}
