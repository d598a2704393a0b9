"use client";

import Form from "next/form";
import { useRef, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import {
  PRESET_LABELS,
  RANGE_PRESETS,
  type RangePreset,
} from "@/lib/domains/analytics/analytics-params";

/**
 * The dashboard's period and team, as a GET form: the query string is the state, so a view can be
 * bookmarked and shared. Picking a date switches the period to "Custom dates" (without script,
 * choose it yourself).
 */
export function DashboardFilters({
  preset,
  from,
  to,
  today,
  teamId,
  teams,
  allTeamsLabel,
}: {
  preset: RangePreset;
  from: string;
  to: string;
  today: string;
  teamId: string | null;
  teams: { id: string; name: string }[];
  allTeamsLabel: string;
}) {
  const period = useRef<HTMLSelectElement>(null);
  const toCustom = () => {
    if (period.current) period.current.value = "custom";
  };
  // Keep the URL short: dates only with custom dates, no empty team. Disabled fields are left out
  // of the query string; they come back right after it is built.
  const trimQuery = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const custom = period.current?.value === "custom";
    const skip = Array.from(
      form.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select"),
    ).filter((el) => (el.type === "date" && !custom) || (el.name === "team" && !el.value));
    for (const el of skip) el.disabled = true;
    setTimeout(() => {
      for (const el of skip) el.disabled = false;
    }, 0);
  };
  return (
    <Form
      action="/dashboard"
      onSubmit={trimQuery}
      role="search"
      aria-label="Filter the dashboard"
      className="grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-5 dark:bg-slate-900 dark:ring-slate-800"
    >
      <div className="space-y-1.5">
        <label htmlFor="dashboard-range" className="block text-sm font-medium">
          Period
        </label>
        <select
          id="dashboard-range"
          name="range"
          defaultValue={preset}
          ref={period}
          className={inputClass}
        >
          {RANGE_PRESETS.map((p) => (
            <option key={p} value={p}>
              {PRESET_LABELS[p]}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1.5">
        <label htmlFor="dashboard-from" className="block text-sm font-medium">
          From
        </label>
        <input
          id="dashboard-from"
          name="from"
          type="date"
          defaultValue={from}
          max={today}
          onChange={toCustom}
          aria-describedby="dashboard-dates-hint"
          className={inputClass}
        />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="dashboard-to" className="block text-sm font-medium">
          To
        </label>
        <input
          id="dashboard-to"
          name="to"
          type="date"
          defaultValue={to}
          max={today}
          onChange={toCustom}
          aria-describedby="dashboard-dates-hint"
          className={inputClass}
        />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="dashboard-team" className="block text-sm font-medium">
          Team
        </label>
        <select id="dashboard-team" name="team" defaultValue={teamId ?? ""} className={inputClass}>
          <option value="">{allTeamsLabel}</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-end">
        <button type="submit" className={buttonClass("primary", "w-full sm:w-auto")}>
          Show
        </button>
      </div>
      <p
        id="dashboard-dates-hint"
        className="text-xs text-slate-600 sm:col-span-2 lg:col-span-5 dark:text-slate-400"
      >
        Dates are used with “Custom dates” (up to 366 days, not after today). Days follow the
        organisation&apos;s time zone.
      </p>
    </Form>
  );
}
