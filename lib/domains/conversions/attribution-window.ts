/**
 * Attribution window: a conversion is attributed to a click (or, reported with a share code, to a
 * share) when it happened no earlier than the click and at most `days` days after it. Pure; the
 * window length is OrgSettings.attributionDays (default 30).
 */
export const DAY_MS = 24 * 60 * 60 * 1000;
/** Clocks differ: an occurredAt up to this far in the future is accepted. */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

export interface AttributionWindow {
  start: Date;
  end: Date;
}

export type WindowCheck =
  { ok: true } | { ok: false; reason: "before-start" | "after-end"; message: string };

export function attributionWindow(start: Date, days: number): AttributionWindow {
  return { start, end: new Date(start.getTime() + days * DAY_MS) };
}

/** Inclusive at both ends: at the click itself and exactly `days` days later both count. */
export function checkAttributionWindow({
  occurredAt,
  start,
  days,
  startsWith = "click",
}: {
  occurredAt: Date;
  start: Date;
  days: number;
  startsWith?: "click" | "share";
}): WindowCheck {
  const window = attributionWindow(start, days);
  const what = startsWith === "click" ? "the click" : "the share";
  if (occurredAt.getTime() < window.start.getTime()) {
    return {
      ok: false,
      reason: "before-start",
      message: `occurredAt (${occurredAt.toISOString()}) is before ${what} (${window.start.toISOString()}): a conversion can only be attributed to ${what} that led to it.`,
    };
  }
  if (occurredAt.getTime() > window.end.getTime()) {
    return {
      ok: false,
      reason: "after-end",
      message: `occurredAt (${occurredAt.toISOString()}) is more than ${days} day${days === 1 ? "" : "s"} after ${what} (${window.start.toISOString()}): your organisation attributes conversions for ${days} day${days === 1 ? "" : "s"} (the attribution window in Settings).`,
    };
  }
  return { ok: true };
}

/** True when a reported time lies further in the future than clock skew explains. */
export function isTooFarInFuture(
  occurredAt: Date,
  now: Date = new Date(),
  skewMs = MAX_FUTURE_SKEW_MS,
): boolean {
  return occurredAt.getTime() > now.getTime() + skewMs;
}
