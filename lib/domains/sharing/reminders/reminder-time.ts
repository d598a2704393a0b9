import { badRequest } from "@/lib/core/errors/app-error";

/** A reminder time may lie this far in the past (a slow form, clock skew): it means "now". */
const PAST_GRACE_MS = 60_000;
/** How far ahead a reminder may be set. */
export const MAX_REMINDER_DAYS = 30;

/**
 * When a share-later reminder fires: `remindAt` (an ISO instant with offset, from the composer's
 * presets or its date-time input read in the person's time zone). A 400 naming `remindAt` when it
 * is in the past (beyond a minute's grace) or more than 30 days ahead.
 */
export function resolveReminderTime(remindAt: string, now = new Date()): Date {
  const at = new Date(remindAt);
  if (Number.isNaN(at.getTime())) {
    throw badRequest("remindAt: give a date and time such as 2026-12-01T18:00:00+01:00.", {
      remindAt: "Enter a valid date and time.",
    });
  }
  if (at.getTime() < now.getTime() - PAST_GRACE_MS) {
    throw badRequest("remindAt: that time has already passed. Pick a time in the future.", {
      remindAt: "Pick a time in the future.",
    });
  }
  if (at.getTime() > now.getTime() + MAX_REMINDER_DAYS * 86_400_000) {
    throw badRequest(`remindAt: reminders can be set at most ${MAX_REMINDER_DAYS} days ahead.`, {
      remindAt: `Pick a time within the next ${MAX_REMINDER_DAYS} days.`,
    });
  }
  return at < now ? now : at;
}
