import { useId, type InputHTMLAttributes, type SelectHTMLAttributes, type ReactNode } from "react";

export const inputClass =
  "block w-full rounded-lg border-0 bg-white px-3 py-2 text-body text-slate-900 shadow-card ring-1 ring-inset ring-slate-300 placeholder:text-slate-500 dark:placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-600 aria-[invalid=true]:ring-red-500 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-600 dark:focus:ring-brand-400";

/**
 * A file picker drawn as a drop area with a real button (the native control, so a click, the
 * keyboard and dropping a file all keep working).
 */
export const fileInputClass =
  "block w-full cursor-pointer rounded-lg border border-dashed border-slate-300 bg-white p-2 text-body text-slate-600 hover:border-brand-400 file:mr-3 file:cursor-pointer file:rounded-md file:border-0 file:bg-brand-600 file:px-3 file:py-2 file:text-body file:font-medium file:text-white hover:file:bg-brand-700 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-400 dark:hover:border-brand-300";

interface FieldProps {
  label: string;
  error?: string;
  hint?: ReactNode;
}

/** Label, control, hint and error, wired together with ids for screen readers. */
export function TextField({
  label,
  error,
  hint,
  id,
  ...props
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const autoId = useId();
  const inputId = id ?? autoId;
  return (
    <div className="space-y-1.5">
      <label
        htmlFor={inputId}
        className="block text-sm font-medium text-slate-800 dark:text-slate-200"
      >
        {label}
      </label>
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : hint ? `${inputId}-hint` : undefined}
        className={inputClass}
        {...props}
      />
      {hint && !error ? (
        <p id={`${inputId}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${inputId}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SelectField({
  label,
  error,
  hint,
  id,
  children,
  ...props
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const autoId = useId();
  const selectId = id ?? autoId;
  return (
    <div className="space-y-1.5">
      <label
        htmlFor={selectId}
        className="block text-sm font-medium text-slate-800 dark:text-slate-200"
      >
        {label}
      </label>
      <select
        id={selectId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${selectId}-error` : undefined}
        className={inputClass}
        {...props}
      >
        {children}
      </select>
      {hint && !error ? <p className="text-xs text-slate-600 dark:text-slate-400">{hint}</p> : null}
      {error ? (
        <p id={`${selectId}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
