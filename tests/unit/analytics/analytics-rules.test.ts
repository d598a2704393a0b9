import { describe, expect, it } from "vitest";
import { countUniqueVisits, uniqueVisitBucket } from "@/tests/support/unique-visits";
import { earnedMediaValue, estimatedImpressions } from "@/lib/domains/analytics/emv";
import { dayPoints, sharePoints } from "@/lib/domains/recognition/points-rules";
import {
  addDays,
  assertDayRange,
  dayCount,
  daysIn,
  isDayKey,
  lastNDays,
  previousRange,
  rangeBounds,
} from "@/lib/domains/analytics/day-range";

const at = (iso: string) => new Date(iso);

describe("unique visits: once per share, visitor and hour", () => {
  it("puts the same visitor in one bucket within an hour, a new one the next hour", () => {
    expect(uniqueVisitBucket("v1", at("2026-03-01T10:00:00Z"))).toBe(
      uniqueVisitBucket("v1", at("2026-03-01T10:59:59.999Z")),
    );
    expect(uniqueVisitBucket("v1", at("2026-03-01T10:59:59.999Z"))).not.toBe(
      uniqueVisitBucket("v1", at("2026-03-01T11:00:00Z")),
    );
    expect(uniqueVisitBucket("v1", at("2026-03-01T10:00:00Z"))).not.toBe(
      uniqueVisitBucket("v2", at("2026-03-01T10:00:00Z")),
    );
  });

  it("counts hours of UTC time, whatever the zone (Kolkata's half-hour offset too)", () => {
    // 10:40 and 11:10 UTC are 16:10 and 16:40 in Kolkata: still two UTC hours, two visits.
    expect(
      countUniqueVisits([
        { visitorKey: "v", at: at("2026-03-01T10:40:00Z"), isBot: false },
        { visitorKey: "v", at: at("2026-03-01T11:10:00Z"), isBot: false },
      ]),
    ).toBe(2);
  });

  it("counts each share separately and never counts bots", () => {
    const t = at("2026-03-01T10:15:00Z");
    expect(
      countUniqueVisits([
        { shareId: "a", visitorKey: "v", at: t, isBot: false },
        { shareId: "a", visitorKey: "v", at: at("2026-03-01T10:45:00Z"), isBot: false },
        { shareId: "b", visitorKey: "v", at: t, isBot: false },
        { shareId: "a", visitorKey: "bot", at: t, isBot: true },
        { shareId: "a", visitorKey: "w", at: t, isBot: false },
      ]),
    ).toBe(3);
    expect(countUniqueVisits([])).toBe(0);
  });
});

describe("reach and earned media value", () => {
  const settings = { reachRate: 0.1, defaultNetworkSize: 400 };

  it("uses LinkedIn's impressions when known, not an estimate", () => {
    expect(estimatedImpressions({ impressions: 1234, networkSize: 5000 }, settings)).toEqual({
      value: 1234,
      isEstimate: false,
    });
    expect(estimatedImpressions({ impressions: 0, networkSize: 5000 }, settings)).toEqual({
      value: 0,
      isEstimate: false,
    });
  });

  it("estimates network size × reach rate, with the org default when unknown", () => {
    expect(estimatedImpressions({ impressions: null, networkSize: 1500 }, settings)).toEqual({
      value: 150,
      isEstimate: true,
    });
    expect(estimatedImpressions({ impressions: null, networkSize: null }, settings)).toEqual({
      value: 40,
      isEstimate: true,
    });
    expect(
      estimatedImpressions(
        { impressions: null, networkSize: 333 },
        { ...settings, reachRate: 0.15 },
      ),
    ).toEqual({ value: 50, isEstimate: true }); // 49.95 rounds to 50
  });

  it("EMV = impressions × CPM / 1000 + clicks × CPC, in cents", () => {
    expect(earnedMediaValue({ impressions: 10_000, clicks: 20 }, { cpm: 10, cpc: 5 })).toBe(200);
    expect(earnedMediaValue({ impressions: 1234, clicks: 3 }, { cpm: 12.5, cpc: 0.75 })).toBe(
      17.68, // 15.425 + 2.25 = 17.675 → 17.68
    );
    expect(earnedMediaValue({ impressions: 0, clicks: 0 }, { cpm: 10, cpc: 5 })).toBe(0);
  });
});

describe("advocate points (the ledger's rules)", () => {
  const settings = {
    pointsPerShare: 10,
    pointsOwnWords: 10,
    pointsVariety: 15,
    pointsPerVisit: 1,
    visitPointsCap: 20,
    pointsPerConversion: 25,
  };
  it("a share: its points, own words scaled by authenticity (rounded), variety when new", () => {
    expect(sharePoints({ authenticity: 0.46, newValueType: true }, settings)).toEqual({
      share: 10,
      ownWords: 5,
      variety: 15,
    });
    expect(sharePoints({ authenticity: 0, newValueType: false }, settings)).toEqual({
      share: 10,
      ownWords: 0,
      variety: 0,
    });
    expect(sharePoints({ authenticity: 1, newValueType: false }, settings).ownWords).toBe(10);
  });
  it("a share-day: unique visits up to the cap, outcomes", () => {
    expect(dayPoints({ uniqueVisits: 17, outcomes: 2 }, settings)).toEqual({
      visits: 17,
      outcomes: 50,
    });
    expect(dayPoints({ uniqueVisits: 500, outcomes: 0 }, settings)).toEqual({
      visits: 20,
      outcomes: 0,
    });
    expect(
      dayPoints({ uniqueVisits: 30, outcomes: 1 }, { ...settings, pointsPerVisit: 2 }),
    ).toEqual({ visits: 40, outcomes: 25 });
  });
});

describe("day ranges", () => {
  it("the last n days end today in the org's zone", () => {
    // 03:00 UTC on 1 March is still 28 February in New York.
    const now = at("2026-03-01T03:00:00Z");
    expect(lastNDays(7, "America/New_York", now)).toEqual({ from: "2026-02-22", to: "2026-02-28" });
    expect(lastNDays(7, "UTC", now)).toEqual({ from: "2026-02-23", to: "2026-03-01" });
    expect(lastNDays(1, "UTC", now)).toEqual({ from: "2026-03-01", to: "2026-03-01" });
  });

  it("the previous range has as many days, just before", () => {
    expect(previousRange({ from: "2026-03-01", to: "2026-03-30" })).toEqual({
      from: "2026-01-30",
      to: "2026-02-28",
    });
    expect(dayCount({ from: "2026-01-30", to: "2026-02-28" })).toBe(30);
    expect(previousRange({ from: "2026-03-05", to: "2026-03-05" })).toEqual({
      from: "2026-03-04",
      to: "2026-03-04",
    });
  });

  it("lists the days of a range across month and year ends", () => {
    expect(daysIn({ from: "2025-12-30", to: "2026-01-02" })).toEqual([
      "2025-12-30",
      "2025-12-31",
      "2026-01-01",
      "2026-01-02",
    ]);
    expect(daysIn({ from: "2026-01-02", to: "2026-01-01" })).toEqual([]);
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
  });

  it("bounds are the zone's midnights, also across a daylight-saving change", () => {
    expect(rangeBounds({ from: "2026-03-28", to: "2026-03-29" }, "Europe/Berlin")).toEqual({
      start: at("2026-03-27T23:00:00.000Z"),
      end: at("2026-03-29T22:00:00.000Z"), // 29 March has 23 hours in Berlin
    });
    expect(rangeBounds({ from: "2026-01-01", to: "2026-01-01" }, "UTC")).toEqual({
      start: at("2026-01-01T00:00:00.000Z"),
      end: at("2026-01-02T00:00:00.000Z"),
    });
  });

  it("recognises real calendar days only", () => {
    expect(isDayKey("2026-02-28")).toBe(true);
    expect(isDayKey("2026-02-31")).toBe(false);
    expect(isDayKey("2026-2-1")).toBe(false);
  });
});

describe("assertDayRange", () => {
  it("accepts a real range and refuses others with a 400 naming the field", () => {
    expect(() => assertDayRange({ from: "2026-01-01", to: "2026-01-31" })).not.toThrow();
    expect(() => assertDayRange({ from: "2026-02-30", to: "2026-03-01" })).toThrow(
      expect.objectContaining({ status: 400, fields: { from: "Not a date." } }),
    );
    expect(() => assertDayRange({ from: "2026-03-02", to: "2026-03-01" })).toThrow(
      expect.objectContaining({ status: 400, fields: { from: "After the end date." } }),
    );
    expect(() => assertDayRange({ from: "2026-01-01", to: "nope" })).toThrow(
      expect.objectContaining({ status: 400, fields: { to: "Not a date." } }),
    );
    expect(() => assertDayRange({ from: "2020-01-01", to: "2026-01-01" })).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});
