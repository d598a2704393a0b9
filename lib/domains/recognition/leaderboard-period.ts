import { zonedDateKey } from "@/lib/core/time/zoned-time";

export const LEADERBOARD_PERIODS = [
  { id: "week", label: "This week" },
  { id: "month", label: "This month" },
  { id: "quarter", label: "This quarter" },
  { id: "all", label: "All time" },
] as const;
export type LeaderboardPeriod = (typeof LEADERBOARD_PERIODS)[number]["id"];

export function isLeaderboardPeriod(value: unknown): value is LeaderboardPeriod {
  return LEADERBOARD_PERIODS.some((p) => p.id === value);
}

/**
 * The first day (YYYY-MM-DD, in the organisation's time zone) of a period that runs to today:
 * the week from Monday, the calendar month or quarter; null for all time.
 */
export function periodStart(period: LeaderboardPeriod, now: Date, timeZone: string): string | null {
  const today = zonedDateKey(now, timeZone);
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  switch (period) {
    case "week":
      date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
      return date.toISOString().slice(0, 10);
    case "month":
      return `${today.slice(0, 7)}-01`;
    case "quarter":
      return `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;
    case "all":
      return null;
  }
}
