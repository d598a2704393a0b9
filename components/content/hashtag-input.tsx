"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { inputClass } from "@/components/ui/field";

const TAG = /^[\p{L}\p{N}_]{1,60}$/u;

/**
 * Hashtags as chips: type one and press Enter, Space or comma (or leave the field). Each chip has
 * its own remove button; Backspace in the empty field removes the last one.
 */
export function HashtagInput({
  label,
  value,
  onChange,
  hint,
  error,
  max = 20,
}: {
  label: string;
  value: string[];
  onChange: (tags: string[]) => void;
  hint?: string;
  error?: string;
  max?: number;
}) {
  const id = useId();
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  function commit(): boolean {
    const tags = draft
      .split(/[\s,]+/)
      .map((t) => t.replace(/^#+/, ""))
      .filter(Boolean);
    if (!tags.length) {
      setDraft("");
      return false;
    }
    const bad = tags.find((t) => !TAG.test(t));
    if (bad) {
      setProblem(`“${bad}” is not a hashtag: use letters, digits and underscores only.`);
      return false;
    }
    const known = new Set(value.map((t) => t.toLowerCase()));
    const fresh = tags.filter((t) => {
      const key = t.toLowerCase();
      if (known.has(key)) return false;
      known.add(key);
      return true;
    });
    if (value.length + fresh.length > max) {
      setProblem(`At most ${max} hashtags.`);
      return false;
    }
    setProblem(null);
    setDraft("");
    if (fresh.length) onChange([...value, ...fresh]);
    return true;
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter" || event.key === "," || event.key === " ") {
      if (draft.trim()) {
        event.preventDefault();
        commit();
      } else if (event.key === "Enter") {
        event.preventDefault();
      }
    } else if (event.key === "Backspace" && !draft && value.length) {
      onChange(value.slice(0, -1));
    }
  }

  const message = problem ?? error;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      {value.length ? (
        <ul className="flex flex-wrap gap-1.5" aria-label={`${label}: ${value.length} added`}>
          {value.map((tag) => (
            <li
              key={tag}
              className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pl-2.5 pr-1 text-sm text-brand-700 ring-1 ring-inset ring-brand-100 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600"
            >
              #{tag}
              <button
                type="button"
                onClick={() => onChange(value.filter((t) => t !== tag))}
                aria-label={`Remove hashtag #${tag}`}
                className="rounded-full px-1.5 leading-5 text-brand-700 hover:bg-brand-100 dark:text-slate-300 dark:hover:bg-slate-700"
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        type="text"
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          setProblem(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => draft.trim() && commit()}
        placeholder="#hashtag, then Enter"
        autoComplete="off"
        aria-invalid={message ? true : undefined}
        aria-describedby={`${id}-hint${message ? ` ${id}-error` : ""}`}
        className={inputClass}
      />
      <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
        {hint ?? "Press Enter, Space or comma after each hashtag."}
      </p>
      <p id={`${id}-error`} aria-live="polite" className="text-sm text-red-700 dark:text-red-400">
        {message}
      </p>
    </div>
  );
}
