import Form from "next/form";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { FilterSelect } from "@/components/ui/filter-select";
import {
  AUDIT_ACTIONS,
  AUDIT_CATEGORIES,
  AUDIT_TARGET_TYPES,
  auditCategory,
} from "@/lib/domains/audit/audit-actions";

const label = "block text-sm font-medium";

/** The filter values as typed (also when they did not validate, so the form shows them). */
export interface AuditFilterValues {
  actor?: string;
  action?: string;
  targetType?: string;
  from?: string;
  to?: string;
}

/** The audit log's filters, as a GET form: the query string is the state. */
export function AuditFilterForm({
  values,
  actors,
  invalid = [],
}: {
  values: AuditFilterValues;
  actors: { id: string; name: string; email: string }[];
  /** Fields whose value did not validate (marked aria-invalid). */
  invalid?: string[];
}) {
  const active = Object.values(values).some(Boolean);
  return (
    <Form
      action="/admin/audit"
      role="search"
      aria-label="Filter the audit log"
      className="grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-6 dark:bg-slate-900 dark:ring-slate-800"
    >
      <FilterSelect id="audit-actor" name="actor" label="Who" defaultValue={values.actor ?? ""}>
        <option value="">Anyone</option>
        {actors.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name} ({a.email})
          </option>
        ))}
      </FilterSelect>
      <FilterSelect id="audit-action" name="action" label="What" defaultValue={values.action ?? ""}>
        <option value="">Any action</option>
        {Object.entries(AUDIT_CATEGORIES).map(([category, categoryLabel]) => (
          <optgroup key={category} label={categoryLabel}>
            <option value={category}>All {categoryLabel.toLowerCase()}</option>
            {Object.entries(AUDIT_ACTIONS)
              .filter(([action]) => auditCategory(action) === category)
              .map(([action, actionLabel]) => (
                <option key={action} value={action}>
                  {actionLabel}
                </option>
              ))}
          </optgroup>
        ))}
      </FilterSelect>
      <FilterSelect
        id="audit-target"
        name="targetType"
        label="On"
        defaultValue={values.targetType ?? ""}
      >
        <option value="">Anything</option>
        {Object.entries(AUDIT_TARGET_TYPES).map(([type, typeLabel]) => (
          <option key={type} value={type}>
            {typeLabel}
          </option>
        ))}
      </FilterSelect>
      <div className="space-y-1.5">
        <label htmlFor="audit-from" className={label}>
          From
        </label>
        <input
          id="audit-from"
          name="from"
          type="date"
          defaultValue={values.from ?? ""}
          aria-invalid={invalid.includes("from") || undefined}
          className={inputClass}
        />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="audit-to" className={label}>
          To
        </label>
        <input
          id="audit-to"
          name="to"
          type="date"
          defaultValue={values.to ?? ""}
          aria-invalid={invalid.includes("to") || undefined}
          className={inputClass}
        />
      </div>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Filter
        </button>
        {active ? (
          <Link href="/admin/audit" className={buttonClass("secondary")}>
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
