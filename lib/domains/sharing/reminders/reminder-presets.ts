import { zonedDateKey, zonedLocalToDate } from "@/lib/core/time/zoned-time";

export interface ReminderPreset {
  key: "evening" | "tomorrow";
  label: string;
  /** The instant (ISO, UTC). */
  at: string;
}

/**
 * "This evening 18:00" (while 18:00 is still at least five minutes away) and "Tomorrow 08:00", on
 * the wall clock of the person's time zone.
 */
export function reminderPresets(now: Date, timeZone: string): ReminderPreset[] {
  const today = zonedDateKey(now, timeZone);
  const next = new Date(`${today}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const tomorrow = next.toISOString().slice(0, 10);
  const presets: ReminderPreset[] = [];
  const evening = zonedLocalToDate(`${today}T18:00`, timeZone);
  if (evening && evening.getTime() > now.getTime() + 5 * 60_000) {
    presets.push({ key: "evening", label: "This evening 18:00", at: evening.toISOString() });
  }
  const morning = zonedLocalToDate(`${tomorrow}T08:00`, timeZone);
  if (morning)
    presets.push({ key: "tomorrow", label: "Tomorrow 08:00", at: morning.toISOString() });
  return presets;
}
