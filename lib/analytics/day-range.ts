import type { DayRange } from "@/lib/analytics/types";
import { zonedDateKey, zonedLocalToDate } from "@/lib/time/zoned-time";

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
