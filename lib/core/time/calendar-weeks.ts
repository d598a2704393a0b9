/**
 * A month calendar in the person's locale: which day a week starts on (Intl.Locale's week info:
 * Sunday in the US and Canada, Saturday in Egypt, Monday in most of Europe; Monday when the runtime
 * cannot tell) and the weekday names in their language. Pure and browser-safe.
 */

/** 1 = Monday … 7 = Sunday, as Intl's week info numbers days. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

type WeekInfo = { firstDay?: number };
type LocaleWithWeekInfo = Intl.Locale & { weekInfo?: WeekInfo; getWeekInfo?: () => WeekInfo };

export function firstDayOfWeek(locale: string): IsoWeekday {
  try {
    const info = new Intl.Locale(locale) as LocaleWithWeekInfo;
    // getWeekInfo() in newer engines, the weekInfo getter in older ones (Node 20).
    const firstDay = (info.getWeekInfo?.() ?? info.weekInfo)?.firstDay;
    if (firstDay && firstDay >= 1 && firstDay <= 7) return firstDay as IsoWeekday;
  } catch {
    // An unusable tag: Monday, as ISO 8601.
  }
  return 1;
}

/** The seven weekday names from `firstDay` on: long ("Sunday", "Montag") and short ("Sun", "Mo."). */
export function weekdayNames(
  locale: string,
  firstDay: IsoWeekday,
): { long: string; short: string }[] {
  const format = (style: "long" | "short") => {
    try {
      return new Intl.DateTimeFormat(locale, { weekday: style, timeZone: "UTC" });
    } catch {
      return new Intl.DateTimeFormat("en-GB", { weekday: style, timeZone: "UTC" });
    }
  };
  const long = format("long");
  const short = format("short");
  // 2024-01-01 was a Monday (ISO day 1).
  return Array.from({ length: 7 }, (_, i) => {
    const date = new Date(Date.UTC(2024, 0, ((firstDay - 1 + i) % 7) + 1));
    return { long: long.format(date), short: short.format(date) };
  });
}

/** The weeks of a month ("2026-12") as rows of seven day keys from `firstDay`; null pads the edges. */
export function monthWeeks(month: string, firstDay: IsoWeekday = 1): (string | null)[][] {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  // getUTCDay: 0 = Sunday; firstDay 7 (Sunday) is 0 there too.
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() - (firstDay % 7) + 7) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${month}-${String(d).padStart(2, "0")}`);
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}
