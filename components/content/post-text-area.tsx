"use client";

import { useId, type ReactNode } from "react";
import { inputClass } from "@/components/ui/field";
import {
  characterCount,
  evaluateGuardrails,
  LINKEDIN_MAX_CHARS,
  type Guardrails,
} from "@/lib/domains/content/guardrails";

/**
 * A post text box with LinkedIn's character count and the organisation's guardrails checked as
 * people type (the server checks again on save). Problems are announced politely, once each.
 */
export function PostTextArea({
  label,
  value,
  onChange,
  rules,
  error,
  hint,
  rows = 8,
  maxChars = LINKEDIN_MAX_CHARS,
  required,
  id,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** null while the guardrails load (or when the text is not checked against them). */
  rules: Guardrails | null;
  error?: string;
  hint?: ReactNode;
  rows?: number;
  maxChars?: number;
  required?: boolean;
  id?: string;
}) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const count = characterCount(value);
  const over = count > maxChars;
  const violations = value.trim()
    ? evaluateGuardrails(value, rules ?? NO_RULES, { maxChars }).filter(
        (v) => v.code !== "TOO_LONG",
      )
    : [];
  const describedBy = [
    error ? `${inputId}-error` : null,
    hint ? `${inputId}-hint` : null,
    `${inputId}-count`,
    `${inputId}-checks`,
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <div className="space-y-1.5">
      <label
        htmlFor={inputId}
        className="block text-sm font-medium text-slate-800 dark:text-slate-200"
      >
        {label}
      </label>
      {hint ? (
        <p id={`${inputId}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      <textarea
        id={inputId}
        rows={rows}
        value={value}
        required={required}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error || over || violations.length ? true : undefined}
        aria-describedby={describedBy}
        className={`${inputClass} min-h-24 resize-y leading-relaxed`}
      />
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
        <ul id={`${inputId}-checks`} aria-live="polite" className="space-y-0.5 text-sm">
          {violations.map((v) => (
            <li key={v.message} className="flex gap-1.5 text-amber-800 dark:text-amber-300">
              <span aria-hidden="true">⚠</span>
              {v.message}
            </li>
          ))}
        </ul>
        <p
          id={`${inputId}-count`}
          className={`ml-auto shrink-0 text-xs tabular-nums ${over ? "font-semibold text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}`}
        >
          {count.toLocaleString("en")} / {maxChars.toLocaleString("en")} characters
          {over ? ` — ${(count - maxChars).toLocaleString("en")} too many` : ""}
        </p>
      </div>
      {error ? (
        <p id={`${inputId}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const NO_RULES: Guardrails = { disclosureText: null, blockedPhrases: [], requiredHashtags: [] };
