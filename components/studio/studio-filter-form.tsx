import Form from "next/form";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { GOALS, VALUE_TYPES } from "@/lib/domains/content/value-types";
import { DISPLAY_STATUSES, DISPLAY_STATUS_LABELS } from "@/lib/domains/content/display-status";
import { hasStudioFilters, type StudioFilters } from "@/lib/domains/content/studio-filters";
import { FilterSelect } from "@/components/ui/filter-select";

const label = "block text-sm font-medium";
const select = inputClass;

/** The library's search and filters, as a GET form: the query string is the state. */
export function StudioFilterForm({
  filters,
  teams,
  locations,
}: {
  filters: StudioFilters;
  teams: { id: string; name: string }[];
  locations: { id: string; name: string }[];
}) {
  return (
    <Form
      action="/studio"
      role="search"
      aria-label="Filter the content library"
      className="grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-6 dark:bg-slate-900 dark:ring-slate-800"
    >
      <div className="space-y-1.5 sm:col-span-2 lg:col-span-3">
        <label htmlFor="studio-q" className={label}>
          Search
        </label>
        <input
          id="studio-q"
          name="q"
          type="search"
          defaultValue={filters.q}
          placeholder="Title, text or #hashtag"
          className={inputClass}
        />
      </div>
      <FilterSelect
        id="studio-status"
        name="status"
        label="Status"
        defaultValue={filters.status ?? ""}
        className={select}
      >
        <option value="">Any status</option>
        {DISPLAY_STATUSES.map((s) => (
          <option key={s} value={s}>
            {DISPLAY_STATUS_LABELS[s]}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        id="studio-value-type"
        name="valueType"
        label="Value type"
        defaultValue={filters.valueType ?? ""}
        className={select}
      >
        <option value="">Any value type</option>
        {VALUE_TYPES.map((v) => (
          <option key={v.id} value={v.id}>
            {v.label}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        id="studio-goal"
        name="goal"
        label="Goal"
        defaultValue={filters.goal ?? ""}
        className={select}
      >
        <option value="">Any goal</option>
        {GOALS.map((g) => (
          <option key={g.id} value={g.id}>
            {g.label}
          </option>
        ))}
      </FilterSelect>
      <div className="space-y-1.5 sm:col-span-2">
        <label htmlFor="studio-audience" className={label}>
          Audience
        </label>
        <select
          id="studio-audience"
          name="audience"
          defaultValue={filters.audience ?? ""}
          className={select}
        >
          <option value="">Any audience</option>
          <option value="all">Everyone</option>
          {teams.length ? (
            <optgroup label="Team">
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </optgroup>
          ) : null}
          {locations.length ? (
            <optgroup label="Location">
              {locations.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </div>
      <div className="space-y-1.5">
        <label htmlFor="studio-language" className={label}>
          Language
        </label>
        <input
          id="studio-language"
          name="language"
          defaultValue={filters.language}
          placeholder="e.g. de"
          maxLength={6}
          className={inputClass}
          autoComplete="off"
        />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="studio-from" className={label}>
          Publish from
        </label>
        <input
          id="studio-from"
          name="from"
          type="date"
          defaultValue={filters.from}
          className={inputClass}
        />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="studio-to" className={label}>
          Publish until
        </label>
        <input
          id="studio-to"
          name="to"
          type="date"
          defaultValue={filters.to}
          className={inputClass}
        />
      </div>
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-1">
        <button type="submit" className={buttonClass("primary")}>
          Apply
        </button>
        {hasStudioFilters(filters) ? (
          <Link href="/studio" className={buttonClass("ghost")}>
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
