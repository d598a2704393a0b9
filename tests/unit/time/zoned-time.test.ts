import { describe, expect, it } from "vitest";
import {
  utcToZonedLocal,
  zonedDateKey,
  zonedLocalToUtc,
  zonedMonthRange,
} from "@/lib/core/time/zoned-time";

describe("zonedLocalToUtc", () => {
  it("reads a wall-clock time in the organisation's zone", () => {
    expect(zonedLocalToUtc("2026-12-01T09:00", "Europe/Berlin")).toBe("2026-12-01T08:00:00.000Z");
    expect(zonedLocalToUtc("2026-07-01T09:00", "Europe/Berlin")).toBe("2026-07-01T07:00:00.000Z");
    expect(zonedLocalToUtc("2026-12-01T09:00", "UTC")).toBe("2026-12-01T09:00:00.000Z");
    expect(zonedLocalToUtc("2026-12-01T09:00", "America/New_York")).toBe(
      "2026-12-01T14:00:00.000Z",
    );
    expect(zonedLocalToUtc("2026-12-01T09:00", "Asia/Kolkata")).toBe("2026-12-01T03:30:00.000Z");
  });

  it("crosses the date line", () => {
    expect(zonedLocalToUtc("2026-01-01T00:30", "Pacific/Auckland")).toBe(
      "2025-12-31T11:30:00.000Z",
    );
  });

  it("takes the earlier hour when clocks go back", () => {
    // Berlin, 25 October 2026: 02:00–03:00 happens twice (CEST, then CET).
    expect(zonedLocalToUtc("2026-10-25T02:30", "Europe/Berlin")).toBe("2026-10-25T00:30:00.000Z");
  });

  it("moves a skipped time forward when clocks go forward", () => {
    // Berlin, 29 March 2026: 02:00–03:00 does not exist; 02:30 means 03:30 CEST.
    expect(zonedLocalToUtc("2026-03-29T02:30", "Europe/Berlin")).toBe("2026-03-29T01:30:00.000Z");
    expect(utcToZonedLocal("2026-03-29T01:30:00.000Z", "Europe/Berlin")).toBe("2026-03-29T03:30");
  });

  it("answers null for empty or impossible values", () => {
    expect(zonedLocalToUtc("", "Europe/Berlin")).toBeNull();
    expect(zonedLocalToUtc(null, "Europe/Berlin")).toBeNull();
    expect(zonedLocalToUtc("2026-02-31T09:00", "Europe/Berlin")).toBeNull();
    expect(zonedLocalToUtc("2026-12-01T24:00", "Europe/Berlin")).toBeNull();
    expect(zonedLocalToUtc("tomorrow", "Europe/Berlin")).toBeNull();
  });

  it("accepts seconds", () => {
    expect(zonedLocalToUtc("2026-12-01T09:00:30", "Europe/Berlin")).toBe(
      "2026-12-01T08:00:30.000Z",
    );
  });
});

describe("utcToZonedLocal", () => {
  it("is the inverse for ordinary times", () => {
    expect(utcToZonedLocal("2026-12-01T08:00:00.000Z", "Europe/Berlin")).toBe("2026-12-01T09:00");
    expect(utcToZonedLocal(new Date("2026-07-01T07:00:00Z"), "Europe/Berlin")).toBe(
      "2026-07-01T09:00",
    );
    for (const local of ["2026-01-15T00:00", "2026-06-30T23:59", "2026-12-31T12:45"]) {
      for (const zone of ["Europe/Berlin", "America/Los_Angeles", "Asia/Tokyo", "UTC"]) {
        expect(utcToZonedLocal(zonedLocalToUtc(local, zone), zone)).toBe(local);
      }
    }
  });

  it("drops seconds (inputs show minutes) and answers empty for no value", () => {
    expect(utcToZonedLocal("2026-12-01T08:00:59.000Z", "Europe/Berlin")).toBe("2026-12-01T09:00");
    expect(utcToZonedLocal(null, "Europe/Berlin")).toBe("");
    expect(utcToZonedLocal("not a date", "Europe/Berlin")).toBe("");
  });
});

describe("calendar helpers", () => {
  it("names the day an instant falls on in the zone", () => {
    expect(zonedDateKey(new Date("2026-11-30T23:30:00Z"), "Europe/Berlin")).toBe("2026-12-01");
    expect(zonedDateKey(new Date("2026-11-30T23:30:00Z"), "UTC")).toBe("2026-11-30");
  });

  it("gives a month's bounds in the zone", () => {
    expect(zonedMonthRange("2026-12", "Europe/Berlin")).toEqual({
      start: new Date("2026-11-30T23:00:00Z"),
      end: new Date("2026-12-31T23:00:00Z"),
    });
    expect(zonedMonthRange("2026-03", "Europe/Berlin")).toEqual({
      start: new Date("2026-02-28T23:00:00Z"),
      end: new Date("2026-03-31T22:00:00Z"),
    });
  });
});
