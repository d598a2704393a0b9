"use client";

import { useId } from "react";
import type { BusinessGoal, ValueType } from "@/lib/generated/prisma/enums";
import { GOALS, VALUE_TYPES } from "@/lib/domains/content/value-types";
import { VALUE_TYPE_TONES } from "@/components/content/value-type-style";

const card =
  "relative flex cursor-pointer gap-3 rounded-lg p-3 ring-1 ring-slate-300 hover:bg-slate-50 has-checked:bg-brand-50 has-checked:ring-2 has-checked:ring-brand-600 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600 dark:ring-slate-600 dark:hover:bg-slate-800 dark:has-checked:bg-slate-800 dark:has-checked:ring-brand-500";

/** The six value types as radio cards, each with its explanation (and optionally an example). */
export function ValueTypePicker({
  value,
  onChange,
  error,
  legend = "Value type",
  description,
  allowNone,
  showExamples = true,
  name,
}: {
  value: ValueType | null;
  onChange: (value: ValueType | null) => void;
  error?: string;
  legend?: string;
  description?: string;
  /** Adds a "Not sure" choice (suggestions: the comms team decides). */
  allowNone?: boolean;
  showExamples?: boolean;
  name?: string;
}) {
  const id = useId();
  const group = name ?? `${id}-value-type`;
  return (
    <fieldset
      className="space-y-2"
      aria-describedby={
        [description ? `${id}-desc` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined
      }
    >
      <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">{legend}</legend>
      {description ? (
        <p id={`${id}-desc`} className="text-xs text-slate-600 dark:text-slate-400">
          {description}
        </p>
      ) : null}
      <div className="grid gap-2 sm:grid-cols-2">
        {VALUE_TYPES.map((type) => (
          <label key={type.id} className={card}>
            <input
              type="radio"
              name={group}
              value={type.id}
              checked={value === type.id}
              onChange={() => onChange(type.id)}
              className="mt-1 h-4 w-4 shrink-0 accent-brand-600"
            />
            <span className="min-w-0 text-sm">
              <span className="flex items-center gap-2 font-medium">
                <span
                  aria-hidden="true"
                  className={`h-2.5 w-2.5 rounded-full ${VALUE_TYPE_TONES[type.id].bar}`}
                />
                {type.label}
              </span>
              <span className="mt-0.5 block text-slate-600 dark:text-slate-400">
                {type.explanation}
              </span>
              {showExamples ? (
                <span className="mt-1 block text-xs italic text-slate-600 dark:text-slate-400">
                  e.g. “{type.example}”
                </span>
              ) : null}
            </span>
          </label>
        ))}
        {allowNone ? (
          <label className={card}>
            <input
              type="radio"
              name={group}
              value=""
              checked={value === null}
              onChange={() => onChange(null)}
              className="mt-1 h-4 w-4 shrink-0 accent-brand-600"
            />
            <span className="text-sm">
              <span className="font-medium">Not sure</span>
              <span className="mt-0.5 block text-slate-600 dark:text-slate-400">
                The comms team will choose.
              </span>
            </span>
          </label>
        ) : null}
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Business goals as checkboxes with their explanations (at least one is required on save). */
export function GoalPicker({
  value,
  onChange,
  error,
}: {
  value: BusinessGoal[];
  onChange: (goals: BusinessGoal[]) => void;
  error?: string;
}) {
  const id = useId();
  return (
    <fieldset className="space-y-2" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}>
      <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">
        Business goals
      </legend>
      <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
        What the post should bring in. Choose at least one.
      </p>
      <div className="grid gap-2 sm:grid-cols-3">
        {GOALS.map((goal) => (
          <label key={goal.id} className={card}>
            <input
              type="checkbox"
              checked={value.includes(goal.id)}
              onChange={(e) =>
                onChange(
                  e.target.checked
                    ? GOALS.map((g) => g.id).filter((g) => g === goal.id || value.includes(g))
                    : value.filter((g) => g !== goal.id),
                )
              }
              className="mt-1 h-4 w-4 shrink-0 accent-brand-600"
            />
            <span className="text-sm">
              <span className="font-medium">{goal.label}</span>
              <span className="mt-0.5 block text-slate-600 dark:text-slate-400">
                {goal.explanation}
              </span>
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
