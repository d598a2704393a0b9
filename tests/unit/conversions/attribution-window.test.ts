import { describe, expect, it } from "vitest";
import {
  attributionWindow,
  checkAttributionWindow,
  DAY_MS,
  isTooFarInFuture,
  MAX_FUTURE_SKEW_MS,
} from "@/lib/domains/conversions/attribution-window";

const click = new Date("2026-11-01T12:00:00.000Z");
const at = (ms: number) => new Date(click.getTime() + ms);

describe("attribution window", () => {
  it("spans the given number of days from the click", () => {
    const window = attributionWindow(click, 30);
    expect(window.start).toEqual(click);
    expect(window.end.toISOString()).toBe("2026-12-01T12:00:00.000Z");
  });

  it("accepts the click instant and exactly the last instant of the window (inclusive)", () => {
    expect(checkAttributionWindow({ occurredAt: click, start: click, days: 30 })).toEqual({
      ok: true,
    });
    expect(checkAttributionWindow({ occurredAt: at(30 * DAY_MS), start: click, days: 30 }).ok).toBe(
      true,
    );
    expect(checkAttributionWindow({ occurredAt: at(3 * DAY_MS), start: click, days: 30 }).ok).toBe(
      true,
    );
  });

  it("refuses a conversion one millisecond after the window", () => {
    const result = checkAttributionWindow({
      occurredAt: at(30 * DAY_MS + 1),
      start: click,
      days: 30,
    });
    expect(result).toMatchObject({ ok: false, reason: "after-end" });
    if (!result.ok) expect(result.message).toMatch(/more than 30 days after the click/);
  });

  it("refuses a conversion before the click", () => {
    const result = checkAttributionWindow({ occurredAt: at(-1), start: click, days: 30 });
    expect(result).toMatchObject({ ok: false, reason: "before-start" });
    if (!result.ok) expect(result.message).toMatch(/before the click/);
  });

  it("follows the configured length (1 day, 365 days) and names the share when it starts there", () => {
    expect(checkAttributionWindow({ occurredAt: at(DAY_MS + 1), start: click, days: 1 }).ok).toBe(
      false,
    );
    expect(checkAttributionWindow({ occurredAt: at(DAY_MS), start: click, days: 1 }).ok).toBe(true);
    expect(
      checkAttributionWindow({ occurredAt: at(200 * DAY_MS), start: click, days: 365 }).ok,
    ).toBe(true);
    const share = checkAttributionWindow({
      occurredAt: at(2 * DAY_MS),
      start: click,
      days: 1,
      startsWith: "share",
    });
    expect(share.ok).toBe(false);
    if (!share.ok) expect(share.message).toMatch(/1 day after the share/);
  });

  it("tolerates a few minutes of clock skew into the future, not more", () => {
    const now = new Date("2026-11-25T10:00:00Z");
    expect(isTooFarInFuture(new Date(now.getTime() + MAX_FUTURE_SKEW_MS), now)).toBe(false);
    expect(isTooFarInFuture(new Date(now.getTime() + MAX_FUTURE_SKEW_MS + 1), now)).toBe(true);
    expect(isTooFarInFuture(new Date(now.getTime() - DAY_MS), now)).toBe(false);
  });
});
