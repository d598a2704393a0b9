import type { ReactNode } from "react";
import { inputClass } from "@/components/ui/field";

/** A labelled select for the query-string filters of list pages (submitted with their form). */
export function FilterSelect({
  id,
  name,
  label,
  defaultValue,
  className = inputClass,
  children,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue} className={className}>
        {children}
      </select>
    </div>
  );
}
