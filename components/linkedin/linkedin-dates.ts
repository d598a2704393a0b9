import { formatDate, type DateFormat } from "@/lib/core/time/format-date";

/** "12 Jan 2027" in the person's locale and the organisation's time zone, for expiry dates. */
export function formatExpiry(date: Date, dates: DateFormat): string {
  return formatDate(date, "date", dates);
}

export function daysText(days: number): string {
  if (days <= 0) return "today";
  return days === 1 ? "in 1 day" : `in ${days} days`;
}
