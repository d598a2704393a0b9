"use client";

import { useId, useRef, type ReactNode } from "react";
import { inputClass } from "@/components/ui/field";
import { appendDisclosure } from "@/lib/domains/content/append-disclosure";
import {
  characterCount,
  evaluateGuardrails,
  LINKEDIN_MAX_CHARS,
  type Guardrails,
} from "@/lib/domains/content/guardrails";

/**
 * A post text box with LinkedIn's character count and the organisation's guardrails checked as
 * people type (the server checks again on save). Problems are announced politely, once each. A
 * missing disclosure (the guardrail's, or the reward disclosure while sharing is rewarded) comes
 * with a button that puts it at the end of the text.
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
  const textArea = useRef<HTMLTextAreaElement>(null);
  const count = characterCount(value);
  const over = count > maxChars;
  const violations = value.trim()
    ? evaluateGuardrails(value, rules ?? NO_RULES, { maxChars }).filter(
        (v) => v.code !== "TOO_LONG",
      )
    : [];
  const disclosure = rules?.disclosureText?.trim();

  function insertDisclosure(wanted: string | undefined) {
    const next = appendDisclosure(value, wanted);
    onChange(next);
    // The button goes away with the warning: focus returns to the text, after the disclosure.
    requestAnimationFrame(() => {
      textArea.current?.focus();
      textArea.current?.setSelectionRange(next.length, next.length);
    });
  }

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
        ref={textArea}
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
            <li
              key={v.message}
              className="flex flex-wrap items-baseline gap-x-1.5 text-amber-800 dark:text-amber-300"
            >
              <span aria-hidden="true">⚠</span>
              <span>{v.message}</span>
              {v.code === "MISSING_DISCLOSURE" && disclosure ? (
                <button
                  type="button"
                  onClick={() => insertDisclosure(disclosure)}
                  aria-label={`Insert disclosure into “${label}”`}
                  className={INSERT_CLASS}
                >
                  Insert disclosure
                </button>
              ) : null}
              {v.code === "MISSING_INCENTIVE_DISCLOSURE" ? (
                <button
                  type="button"
                  onClick={() => insertDisclosure(v.disclosure)}
                  aria-label={`Insert reward disclosure into “${label}”`}
                  className={INSERT_CLASS}
                >
                  Insert reward disclosure
                </button>
              ) : null}
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

const INSERT_CLASS =
  "rounded font-medium text-brand-700 underline underline-offset-2 hover:no-underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:text-brand-100";

const NO_RULES: Guardrails = { disclosureText: null, blockedPhrases: [], requiredHashtags: [] };
