import { FALLBACK_LOCALE, type DateFormat } from "@/lib/core/time/format-date";

/**
 * How an email writes a date: in the organisation's (or the person's own) time zone, never the
 * server's UTC, and in the recipient's language when we know it. `User.locale` defaults to "en",
 * which says nothing about the English (US or UK order), so it gets the app's own FALLBACK_LOCALE
 * like a browser that names no usable language; a recipient without an account (an invitee) too.
 */
export function emailDateFormat(timeZone: string, language?: string | null): DateFormat {
  const locale = language && language.toLowerCase() !== "en" ? language : FALLBACK_LOCALE;
  return { locale, timeZone };
}
