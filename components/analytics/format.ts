/** Number formatting for the dashboard: one locale, figures in tabular digits. Day labels follow
 * the person's locale (formatDay, as every other date of the app: lib/core/time/format-date.ts). */
import { formatDay as formatCalendarDay } from "@/lib/core/time/format-date";

const LOCALE = "en";

export function formatCount(value: number): string {
  return Math.round(value).toLocaleString(LOCALE);
}

/** 1,234.5 → "1,235"; small values keep one decimal ("2.5"). */
export function formatRatio(value: number): string {
  return value.toLocaleString(LOCALE, { maximumFractionDigits: value < 10 ? 2 : 1 });
}

export function formatMoney(value: number, currency: string): string {
  try {
    return value.toLocaleString(LOCALE, {
      style: "currency",
      currency,
      maximumFractionDigits: value >= 100 ? 0 : 2,
    });
  } catch {
    // An unknown currency code: the number and the code.
    return `${value.toLocaleString(LOCALE, { maximumFractionDigits: 2 })} ${currency}`;
  }
}

/** 0.256 → "26 %" (the app writes a space before %). */
export function formatPercent(share: number, digits = 0): string {
  return `${(share * 100).toLocaleString(LOCALE, { maximumFractionDigits: digits })} %`;
}

export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export interface Change {
  direction: "up" | "down" | "flat" | "none";
  /** "+12 %", "−3 %", "no change", "n/a". */
  text: string;
  /** For screen readers and tooltips: "up 12 % from 40". */
  description: string;
}

/** Relative change against the previous period; "n/a" when the previous value is 0. */
export function relativeChange(current: number, previous: number, format = formatCount): Change {
  if (previous === 0) {
    return current === 0
      ? { direction: "flat", text: "no change", description: "no change from 0" }
      : { direction: "none", text: "n/a", description: "no figure to compare with (previous: 0)" };
  }
  const change = (current - previous) / Math.abs(previous);
  const pct = Math.round(Math.abs(change) * 100);
  if (pct === 0) {
    return {
      direction: "flat",
      text: "no change",
      description: `about the same as ${format(previous)}`,
    };
  }
  return change > 0
    ? { direction: "up", text: `+${pct} %`, description: `up ${pct} % from ${format(previous)}` }
    : {
        direction: "down",
        text: `−${pct} %`,
        description: `down ${pct} % from ${format(previous)}`,
      };
}

/** Change of a 0..1 figure in percentage points; "n/a" without a previous figure. */
export function pointsChange(current: number | null, previous: number | null): Change {
  if (current === null || previous === null) {
    return { direction: "none", text: "n/a", description: "no figure to compare with" };
  }
  const points = Math.round((current - previous) * 100);
  const before = formatPercent(previous);
  if (points === 0) {
    return { direction: "flat", text: "no change", description: `about the same as ${before}` };
  }
  return points > 0
    ? { direction: "up", text: `+${points} pts`, description: `up ${points} points from ${before}` }
    : {
        direction: "down",
        text: `−${-points} pts`,
        description: `down ${-points} points from ${before}`,
      };
}

/**
 * "2026-11-05" → "5 Nov" (or "5 Nov 2026") in the person's locale ("5. Nov." / "05.11.2026" in
 * de-DE, "Nov 5" in en-US). Days are calendar days of the organisation, so read them as UTC.
 */
export function formatDay(day: string, withYear: boolean, locale: string): string {
  return formatCalendarDay(day, withYear ? "date" : "dayMonth", locale);
}

export function formatRange(range: { from: string; to: string }, locale: string): string {
  return range.from === range.to
    ? formatDay(range.from, true, locale)
    : `${formatDay(range.from, range.from.slice(0, 4) !== range.to.slice(0, 4), locale)} – ${formatDay(range.to, true, locale)}`;
}
