import { addDays, dayCount } from "@/lib/domains/analytics/day-range";
import { zonedDateKey, zonedLocalToDate } from "@/lib/core/time/zoned-time";

/**
 * A campaign runs over whole calendar days of the organisation's time zone: it is stored as the
 * instant its first day starts (`startsAt`) and the instant after its last day ends (`endsAt`,
 * exclusive). Pure, so pages and the API agree on what "active" and "days left" mean.
 */
export function campaignInstants(
  days: { startDate: string; endDate: string },
  timeZone: string,
): { startsAt: Date; endsAt: Date } {
  return {
    startsAt: zonedLocalToDate(`${days.startDate}T00:00`, timeZone)!,
    endsAt: zonedLocalToDate(`${addDays(days.endDate, 1)}T00:00`, timeZone)!,
  };
}

/** The campaign's first and last calendar day ("YYYY-MM-DD") in `timeZone`. */
export function campaignDays(
  window: { startsAt: Date; endsAt: Date },
  timeZone: string,
): { startDate: string; endDate: string } {
  return {
    startDate: zonedDateKey(window.startsAt, timeZone),
    endDate: zonedDateKey(new Date(window.endsAt.getTime() - 1), timeZone),
  };
}

export type CampaignPhase = "upcoming" | "running" | "ended";

export function campaignPhase(window: { startsAt: Date; endsAt: Date }, now: Date): CampaignPhase {
  if (now < window.startsAt) return "upcoming";
  return now < window.endsAt ? "running" : "ended";
}

/** Calendar days left including today (1 on the last day), 0 once it has ended. */
export function campaignDaysLeft(
  window: { startsAt: Date; endsAt: Date },
  timeZone: string,
  now: Date,
): number {
  if (now >= window.endsAt) return 0;
  const { startDate, endDate } = campaignDays(window, timeZone);
  const today = zonedDateKey(now, timeZone);
  return dayCount({ from: today < startDate ? startDate : today, to: endDate });
}

/** Progress towards the goal, in whole percent, capped at 100 for the bar. */
export function progressPercent(total: number, target: number): number {
  if (target <= 0) return 0;
  return Math.min(100, Math.floor((total / target) * 100));
}
