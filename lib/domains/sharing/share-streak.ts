// The streak rule lives in lib/core/time/week-streak.ts so that recognition (badges) can use it
// without importing sharing (which imports analytics, which imports recognition).
export { isoWeekKey, weeklyStreak } from "@/lib/core/time/week-streak";
