import { z } from "zod";
import { badRequest } from "@/lib/core/errors/app-error";

/** A scheduled time may lie this far in the past (clock skew, a slow form): it means "now". */
export const PAST_GRACE_MS = 60_000;
/** How far ahead a post may be scheduled. */
export const MAX_SCHEDULE_DAYS = 90;

/**
 * When a post through the LinkedIn API goes out: `scheduledAt` (an ISO instant with offset, from
 * the composer's datetime-local read in the person's time zone) or now. Refused with a 400 naming
 * the field when it is in the past (beyond a minute's grace) or more than 90 days ahead.
 */
export function resolvePublishTime(scheduledAt: string | undefined, now = new Date()): Date {
  if (scheduledAt === undefined) return now;
  const at = new Date(scheduledAt);
  if (Number.isNaN(at.getTime())) {
    throw badRequest("scheduledAt: give a date and time such as 2026-12-01T09:00:00+01:00.", {
      scheduledAt: "Enter a valid date and time.",
    });
  }
  if (at.getTime() < now.getTime() - PAST_GRACE_MS) {
    throw badRequest(
      "scheduledAt: that time has already passed. Pick a time in the future, or post now.",
      { scheduledAt: "Pick a time in the future, or post now." },
    );
  }
  if (at.getTime() > now.getTime() + MAX_SCHEDULE_DAYS * 86_400_000) {
    throw badRequest(
      `scheduledAt: posts can be scheduled at most ${MAX_SCHEDULE_DAYS} days ahead.`,
      { scheduledAt: `Pick a time within the next ${MAX_SCHEDULE_DAYS} days.` },
    );
  }
  return at < now ? now : at;
}

/** When to post: an ISO date-time with offset (the composer converts the person's local time). */
export const scheduledAtField = z
  .string()
  .trim()
  .pipe(
    z.iso.datetime({
      offset: true,
      error: "scheduledAt must be a date and time with offset, e.g. 2026-12-01T09:00:00+01:00.",
    }),
  );
