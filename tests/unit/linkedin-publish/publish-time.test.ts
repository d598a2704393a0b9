import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/core/errors/app-error";
import { resolvePublishTime } from "@/lib/domains/linkedin-publish/publish-time";
import { zonedLocalToUtc } from "@/lib/core/time/zoned-time";

const NOW = new Date("2026-11-26T10:00:00Z");

function refusal(value: string): AppError {
  try {
    resolvePublishTime(value, NOW);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`${value} was accepted`);
}

describe("resolvePublishTime", () => {
  it("is now without a time, and the time itself when it is ahead", () => {
    expect(resolvePublishTime(undefined, NOW)).toEqual(NOW);
    expect(resolvePublishTime("2026-11-27T09:00:00+01:00", NOW).toISOString()).toBe(
      "2026-11-27T08:00:00.000Z",
    );
  });

  it("reads a wall-clock time in the person's zone as that zone's instant", () => {
    // 09:00 in Berlin (UTC+1 in November) is 08:00 UTC; in New York (UTC-5) 14:00 UTC.
    const berlin = zonedLocalToUtc("2026-11-27T09:00", "Europe/Berlin")!;
    const newYork = zonedLocalToUtc("2026-11-27T09:00", "America/New_York")!;
    expect(resolvePublishTime(berlin, NOW).toISOString()).toBe("2026-11-27T08:00:00.000Z");
    expect(resolvePublishTime(newYork, NOW).toISOString()).toBe("2026-11-27T14:00:00.000Z");
  });

  it("treats up to a minute in the past as now", () => {
    expect(resolvePublishTime("2026-11-26T09:59:30Z", NOW)).toEqual(NOW);
  });

  it("refuses the past, more than 90 days ahead and nonsense, naming scheduledAt", () => {
    for (const value of ["2026-11-26T09:58:00Z", "2027-03-01T10:00:00Z", "not a date"]) {
      const error = refusal(value);
      expect(error.status).toBe(400);
      expect(error.message).toMatch(/^scheduledAt: /);
      expect(error.fields).toHaveProperty("scheduledAt");
    }
    expect(resolvePublishTime("2027-02-23T10:00:00Z", NOW).toISOString()).toBe(
      "2027-02-23T10:00:00.000Z",
    );
  });
});
