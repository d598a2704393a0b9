import { z } from "zod";
import type { DayRange } from "@/lib/domains/analytics/types";
import { dayCount, isDayKey, lastNDays } from "@/lib/domains/analytics/day-range";
import { zonedDateKey } from "@/lib/core/time/zoned-time";

/**
 * The dashboard's and the CSV export's query string: a period (a preset counted back from today
 * in the organisation's time zone, or custom dates), optionally one team. Shared by the page (which
 * shows the problem and falls back to the default) and the API (which answers 400 naming the field).
 */

export const RANGE_PRESETS = ["7d", "30d", "90d", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_PRESET = "30d" satisfies RangePreset;
export const PRESET_DAYS: Record<Exclude<RangePreset, "custom">, number> = {
  "7d": 7,
  "30d": 30,
  "90d": 90,
};
export const PRESET_LABELS: Record<RangePreset, string> = {
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  custom: "Custom dates",
};
/** Longest custom range, in days (both ends included). */
export const MAX_RANGE_DAYS = 366;

export interface AnalyticsParams {
  preset: RangePreset;
  range: DayRange;
  /** null = every team in the caller's scope. */
  teamId: string | null;
}

export type SearchParams = Record<string, string | string[] | undefined>;

/** The query string as one value per key (the first of repeated keys; blanks count as absent). */
function single(params: SearchParams | URLSearchParams): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  const entries: [string, string | string[] | undefined][] =
    params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [key, value] of entries) {
    if (key in out && out[key] !== undefined) continue;
    const v = (Array.isArray(value) ? value[0] : value)?.trim();
    out[key] = v ? v : undefined;
  }
  return out;
}

const dayField = (what: string) =>
  z
    .string()
    .refine(isDayKey, `${what} must be a date written YYYY-MM-DD, e.g. 2026-11-01.`)
    .optional();

/**
 * The schema for a time zone and a moment ("today" is that moment's day in the zone). Input: plain
 * query-string values; output: the resolved period and team.
 */
export function analyticsParamsSchema(timeZone: string, now: Date = new Date()) {
  const today = zonedDateKey(now, timeZone);
  return z
    .object({
      range: z.enum(RANGE_PRESETS, { error: "Choose 7d, 30d, 90d or custom." }).optional(),
      from: dayField("The start date"),
      to: dayField("The end date"),
      team: z
        .string()
        .max(64, "That is not a team id.")
        .regex(/^[A-Za-z0-9_-]+$/, "That is not a team id.")
        .optional(),
    })
    .superRefine((v, ctx) => {
      const preset = v.range ?? (v.from || v.to ? "custom" : DEFAULT_PRESET);
      if (preset !== "custom") return;
      if (!v.from) {
        ctx.addIssue({
          code: "custom",
          path: ["from"],
          message: "Pick a start date for a custom range.",
        });
      }
      if (!v.to) {
        ctx.addIssue({
          code: "custom",
          path: ["to"],
          message: "Pick an end date for a custom range.",
        });
      }
      // Unreadable dates already have their own message.
      if (!v.from || !v.to || !isDayKey(v.from) || !isDayKey(v.to)) return;
      if (v.from > today) {
        ctx.addIssue({
          code: "custom",
          path: ["from"],
          message: `The start date cannot be after today (${today}).`,
        });
      }
      if (v.to > today) {
        ctx.addIssue({
          code: "custom",
          path: ["to"],
          message: `The end date cannot be after today (${today}).`,
        });
      }
      if (v.from > v.to) {
        ctx.addIssue({
          code: "custom",
          path: ["to"],
          message: "The end date must be on or after the start date.",
        });
      } else if (dayCount({ from: v.from, to: v.to }) > MAX_RANGE_DAYS) {
        ctx.addIssue({
          code: "custom",
          path: ["to"],
          message: `A range can span at most ${MAX_RANGE_DAYS} days.`,
        });
      }
    })
    .transform((v): AnalyticsParams => {
      const preset = v.range ?? (v.from || v.to ? "custom" : DEFAULT_PRESET);
      const range =
        preset === "custom"
          ? { from: v.from!, to: v.to! }
          : lastNDays(PRESET_DAYS[preset], timeZone, now);
      return { preset, range, teamId: v.team ?? null };
    });
}

/** Parses a query string; throws a ZodError (→ 400 naming the field) when a value is unusable. */
export function parseAnalyticsParams(
  params: SearchParams | URLSearchParams,
  timeZone: string,
  now: Date = new Date(),
): AnalyticsParams {
  return analyticsParamsSchema(timeZone, now).parse(single(params));
}

/** For the page: the parsed values, or the default period plus the problems to show. */
export function readAnalyticsParams(
  params: SearchParams,
  timeZone: string,
  now: Date = new Date(),
): { params: AnalyticsParams; errors: string[] } {
  const values = single(params);
  const result = analyticsParamsSchema(timeZone, now).safeParse(values);
  if (result.success) return { params: result.data, errors: [] };
  const errors = [...new Set(result.error.issues.map((issue) => issue.message))];
  // Keep a usable team filter: only the period falls back to the default.
  const teamOk = !result.error.issues.some((issue) => issue.path[0] === "team");
  return {
    params: {
      preset: DEFAULT_PRESET,
      range: lastNDays(PRESET_DAYS[DEFAULT_PRESET], timeZone, now),
      teamId: teamOk ? (values.team ?? null) : null,
    },
    errors,
  };
}

/** The query string for these params (for links: presets, exports, the team filter). */
export function analyticsSearch(
  params: { preset: RangePreset; range: DayRange; teamId: string | null },
  extra: Record<string, string> = {},
): string {
  const q = new URLSearchParams();
  q.set("range", params.preset);
  if (params.preset === "custom") {
    q.set("from", params.range.from);
    q.set("to", params.range.to);
  }
  if (params.teamId) q.set("team", params.teamId);
  for (const [key, value] of Object.entries(extra)) q.set(key, value);
  return q.toString();
}
