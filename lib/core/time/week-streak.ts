/** ISO week key (e.g. "2026-W48") of a date in a time zone. */
const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per time zone: making one costs far more than formatting a date with it. */
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formats.set(timeZone, format);
  }
  return format;
}

export function isoWeekKey(date: Date, timeZone: string): string {
  const parts = dayFormat(timeZone)
    .formatToParts(date)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  const local = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)));
  const day = local.getUTCDay() || 7;
  local.setUTCDate(local.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(local.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((local.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${local.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/**
 * Consecutive weeks with at least one share, counting back from this week. A week in progress
 * without a share yet does not break the streak (it counts from last week then).
 */
export function weeklyStreak(shareDates: Date[], now: Date, timeZone: string): number {
  const weeks = new Set(shareDates.map((d) => isoWeekKey(d, timeZone)));
  let cursor = new Date(now);
  if (!weeks.has(isoWeekKey(cursor, timeZone)))
    cursor = new Date(cursor.getTime() - 7 * 86_400_000);
  let streak = 0;
  while (weeks.has(isoWeekKey(cursor, timeZone))) {
    streak++;
    cursor = new Date(cursor.getTime() - 7 * 86_400_000);
  }
  return streak;
}
