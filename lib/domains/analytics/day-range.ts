import type { DayRange } from "@/lib/domains/analytics/types";
import { badRequest } from "@/lib/core/errors/app-error";
import { zonedDateKey, zonedLocalToDate } from "@/lib/core/time/zoned-time";

/**
 * Calendar-day ranges in an organisation's time zone. Days are "YYYY-MM-DD"; a range includes
 * both ends. Pure (Intl only), so it runs in the browser and on the server alike.
 */

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD (2026-02-31 is not one). */
export function isDayKey(value: string): boolean {
  const m = DAY_PATTERN.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function dayToUtcMs(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

function utcMsToDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The calendar day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  return utcMsToDay(dayToUtcMs(day) + n * DAY_MS);
}

/** Number of days in a range (both ends included); 0 when `to` is before `from`. */
export function dayCount(range: DayRange): number {
  return Math.max(0, Math.round((dayToUtcMs(range.to) - dayToUtcMs(range.from)) / DAY_MS) + 1);
}

/** The last `n` days up to and including today in `timeZone`. */
export function lastNDays(n: number, timeZone: string, now: Date = new Date()): DayRange {
  const to = zonedDateKey(now, timeZone);
  return { from: addDays(to, -(Math.max(1, n) - 1)), to };
}

/** The same number of days just before `range`. */
export function previousRange(range: DayRange): DayRange {
  const n = dayCount(range);
  return { from: addDays(range.from, -n), to: addDays(range.from, -1) };
}

/** Every day of the range in order. */
export function daysIn(range: DayRange): string[] {
  const n = dayCount(range);
  return Array.from({ length: n }, (_, i) => addDays(range.from, i));
}

/**
 * The instants a range covers in `timeZone`: `start` = midnight starting `from`, `end` = midnight
 * after `to` (exclusive). Days are not always 24 hours long (daylight saving time).
 */
export function rangeBounds(range: DayRange, timeZone: string): { start: Date; end: Date } {
  return {
    start: zonedLocalToDate(`${range.from}T00:00`, timeZone)!,
    end: zonedLocalToDate(`${addDays(range.to, 1)}T00:00`, timeZone)!,
  };
}

/** The longest range the dashboards answer (two years and a day). */
export const MAX_QUERY_DAYS = 732;

/** Refuses a range a person could not have meant, naming the field (400, never a 500). */
export function assertDayRange(range: DayRange): void {
  if (!isDayKey(range.from)) {
    throw badRequest("The start date must be a day written YYYY-MM-DD.", { from: "Not a date." });
  }
  if (!isDayKey(range.to)) {
    throw badRequest("The end date must be a day written YYYY-MM-DD.", { to: "Not a date." });
  }
  if (range.from > range.to) {
    throw badRequest("The start date must not be after the end date.", {
      from: "After the end date.",
    });
  }
  if (dayCount(range) > MAX_QUERY_DAYS) {
    throw badRequest(`Choose a range of at most ${MAX_QUERY_DAYS} days.`, {
      from: "Range too long.",
    });
  }
}
