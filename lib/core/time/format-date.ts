/**
 * The one way the app shows a date or time: in the person's locale (their browser's
 * Accept-Language, see pick-locale.ts) and the organisation's time zone. Pure and browser-safe, so a
 * server page and the client component it renders format alike (the page passes its DateFormat
 * down). Never throws: an unknown locale or time zone falls back to FALLBACK_LOCALE / UTC.
 */

/** Serialisable: pages hand it to client components as a prop. */
export interface DateFormat {
  /** A BCP 47 tag, e.g. "en-GB", "de-DE". */
  locale: string;
  /** An IANA time zone, e.g. "Europe/Berlin". */
  timeZone: string;
}

/** The app's own language when a request names none it can use. */
export const FALLBACK_LOCALE = "en-GB";

const STYLES = {
  /** 7 Dec 2026, 04:37 · Dec 7, 2026, 4:37 AM · 07.12.2026, 04:37 */
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  /** 7 Dec 2026 · Dec 7, 2026 · 07.12.2026 */
  date: { dateStyle: "medium" },
  /** 7 December 2026 */
  longDate: { dateStyle: "long" },
  /** 04:37 · 4:37 AM */
  time: { timeStyle: "short" },
  /** 7 Dec */
  dayMonth: { day: "numeric", month: "short" },
  /** December 2026 */
  monthYear: { month: "long", year: "numeric" },
  /** Monday 7 December */
  weekdayDayMonth: { weekday: "long", day: "numeric", month: "long" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof STYLES;

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(style: DateStyle, locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${style}|${locale}|${timeZone}`;
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone });
    } catch {
      // A locale or zone this runtime does not know (RangeError): keep showing the date.
      f = new Intl.DateTimeFormat(safeLocale(locale), { ...STYLES[style], timeZone: "UTC" });
    }
    cache.set(key, f);
  }
  return f;
}

function safeLocale(locale: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale])[0] ?? FALLBACK_LOCALE;
  } catch {
    return FALLBACK_LOCALE;
  }
}

/** An instant (Date, ISO string or epoch ms) as the person reads it; "" for an unreadable value. */
export function formatDate(
  value: Date | string | number,
  style: DateStyle,
  { locale, timeZone }: DateFormat,
): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  return formatter(style, locale, timeZone).format(date);
}

/**
 * A calendar day ("2026-12-07", already a day of the organisation's calendar: dashboard points,
 * date filters) in the locale. No time zone applies: the day is read as UTC so it never shifts.
 */
export function formatDay(day: string, style: DateStyle, locale: string): string {
  return formatDate(`${day}T00:00:00Z`, style, { locale, timeZone: "UTC" });
}

export interface DateFormatter {
  format(value: Date | string | number): string;
}

/** formatDate with the style and format bound: `const date = dateFormatter("date", dates)`. */
export function dateFormatter(style: DateStyle, dates: DateFormat): DateFormatter {
  return { format: (value: Date | string | number) => formatDate(value, style, dates) };
}
