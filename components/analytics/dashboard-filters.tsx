"use client";

import Form from "next/form";
import { useRef, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import {
  MAX_RANGE_DAYS,
  PRESET_LABELS,
  RANGE_PRESETS,
  type RangePreset,
} from "@/lib/domains/analytics/analytics-params";

/**
 * The dashboard's period and team, as a GET form: the query string is the state, so a view can be
 * bookmarked and shared. The From and To fields show only while the period is "Custom dates" —
 * by CSS (`:has(option:checked)`), so it holds before the script loads and without it, and the
 * hidden fields are out of the tab order. Choosing "Custom dates" puts them right after the
 * period in the tab order, with their current values.
 */
export function DashboardFilters({
  action = "/dashboard",
  preset,
  from,
  to,
  today,
  teamId,
  teams,
  allTeamsLabel,
}: {
  /** The page the form reloads (the dashboard, or a post's drill-down). */
  action?: string;
  preset: RangePreset;
  from: string;
  to: string;
  today: string;
  teamId: string | null;
  teams: { id: string; name: string }[];
  allTeamsLabel: string;
}) {
  const period = useRef<HTMLSelectElement>(null);
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
      // A new view (after the form or a link) starts from its own values.
      key={`${action}?${preset}|${from}|${to}|${teamId ?? ""}`}
      action={action}
      onSubmit={trimQuery}
      role="search"
      aria-label="Filter the dashboard"
      className="group/filters flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800"
    >
      <div className="w-full space-y-1.5 sm:w-48">
        <label htmlFor="dashboard-range" className="block text-sm font-medium">
          Period
        </label>
        <select
          id="dashboard-range"
          name="range"
          defaultValue={preset}
          ref={period}
          aria-describedby="dashboard-range-hint"
          className={inputClass}
        >
          {RANGE_PRESETS.map((p) => (
            <option key={p} value={p} id={p === "custom" ? "dashboard-range-custom" : undefined}>
              {PRESET_LABELS[p]}
            </option>
          ))}
        </select>
      </div>
      <fieldset
        data-testid="dashboard-custom-dates"
        className="hidden w-full gap-3 group-has-[#dashboard-range-custom:checked]/filters:flex sm:w-auto"
      >
        <legend className="sr-only">Custom dates</legend>
        <div className="min-w-0 flex-1 space-y-1.5 sm:w-44 sm:flex-none">
          <label htmlFor="dashboard-from" className="block text-sm font-medium">
            From
          </label>
          <input
            id="dashboard-from"
            name="from"
            type="date"
            defaultValue={from}
            max={today}
            aria-describedby="dashboard-range-hint"
            className={inputClass}
          />
        </div>
        <div className="min-w-0 flex-1 space-y-1.5 sm:w-44 sm:flex-none">
          <label htmlFor="dashboard-to" className="block text-sm font-medium">
            To
          </label>
          <input
            id="dashboard-to"
            name="to"
            type="date"
            defaultValue={to}
            max={today}
            aria-describedby="dashboard-range-hint"
            className={inputClass}
          />
        </div>
      </fieldset>
      <div className="w-full space-y-1.5 sm:w-52">
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
      <div>
        <button type="submit" className={buttonClass("primary", "w-full sm:w-auto")}>
          Show
        </button>
      </div>
      <p id="dashboard-range-hint" className="w-full text-xs text-slate-600 dark:text-slate-400">
        Choose “{PRESET_LABELS.custom}” to pick the first and last day (up to {MAX_RANGE_DAYS} days,
        not after today). Days follow the organisation&apos;s time zone.
      </p>
    </Form>
  );
}
