import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import {
  analyticsSearch,
  parseAnalyticsParams,
  readAnalyticsParams,
} from "@/lib/domains/analytics/analytics-params";
import {
  dayCount as countDays,
  isDayKey as isCalendarDay,
} from "@/lib/domains/analytics/day-range";
import { zodFieldErrors } from "@/lib/core/http/zod-messages";
import { csvCell, csvLine } from "@/lib/core/csv/to-csv";

// 23:30 UTC on 25 November is already 26 November in Berlin (UTC+1) and still the 25th in UTC.
const NOW = new Date("2026-11-25T23:30:00Z");

function fieldErrors(params: Record<string, string>, timeZone = "UTC") {
  try {
    parseAnalyticsParams(params, timeZone, NOW);
  } catch (error) {
    if (error instanceof ZodError) return zodFieldErrors(error);
    throw error;
  }
  throw new Error("expected the params to be refused");
}

describe("analytics params", () => {
  it("defaults to the last 30 days up to today, every team", () => {
    expect(parseAnalyticsParams({}, "UTC", NOW)).toEqual({
      preset: "30d",
      range: { from: "2026-10-27", to: "2026-11-25" },
      teamId: null,
    });
  });

  it("counts presets back from today in the organisation's time zone", () => {
    expect(parseAnalyticsParams({ range: "7d" }, "Europe/Berlin", NOW).range).toEqual({
      from: "2026-11-20",
      to: "2026-11-26",
    });
    expect(parseAnalyticsParams({ range: "7d" }, "UTC", NOW).range).toEqual({
      from: "2026-11-19",
      to: "2026-11-25",
    });
    const r90 = parseAnalyticsParams({ range: "90d" }, "UTC", NOW).range;
    expect(countDays(r90)).toBe(90);
    expect(r90.to).toBe("2026-11-25");
  });

  it("ignores dates when a preset is chosen, and reads dates without a preset as custom", () => {
    expect(
      parseAnalyticsParams({ range: "7d", from: "2026-01-01", to: "2026-01-05" }, "UTC", NOW).range,
    ).toEqual({ from: "2026-11-19", to: "2026-11-25" });
    expect(parseAnalyticsParams({ from: "2026-01-01", to: "2026-01-05" }, "UTC", NOW)).toEqual({
      preset: "custom",
      range: { from: "2026-01-01", to: "2026-01-05" },
      teamId: null,
    });
  });

  it("accepts a custom range up to today and one team, blanks counting as absent", () => {
    expect(
      parseAnalyticsParams(
        { range: "custom", from: "2026-11-01", to: "2026-11-25", team: "team_abc123" },
        "UTC",
        NOW,
      ),
    ).toEqual({
      preset: "custom",
      range: { from: "2026-11-01", to: "2026-11-25" },
      teamId: "team_abc123",
    });
    expect(parseAnalyticsParams({ range: "30d", team: "", from: "" }, "UTC", NOW).teamId).toBe(
      null,
    );
    // The form may send the first of repeated keys (URLSearchParams too).
    const q = new URLSearchParams("range=7d&range=90d&team=t1");
    expect(parseAnalyticsParams(q, "UTC", NOW)).toMatchObject({ preset: "7d", teamId: "t1" });
  });

  it("refuses unusable values naming the field", () => {
    expect(fieldErrors({ range: "1y" })).toEqual({ range: "Choose 7d, 30d, 90d or custom." });
    expect(fieldErrors({ range: "custom", from: "2026-02-30", to: "2026-03-01" })).toHaveProperty(
      "from",
    );
    expect(fieldErrors({ range: "custom", from: "01/02/2026", to: "2026-03-01" }).from).toMatch(
      /YYYY-MM-DD/,
    );
    expect(fieldErrors({ range: "custom", to: "2026-03-01" })).toEqual({
      from: "Pick a start date for a custom range.",
    });
    expect(fieldErrors({ range: "custom", from: "2026-03-02", to: "2026-03-01" })).toEqual({
      to: "The end date must be on or after the start date.",
    });
    expect(fieldErrors({ team: "x'; drop table" })).toEqual({ team: "That is not a team id." });
  });

  it("allows at most 366 days", () => {
    expect(
      parseAnalyticsParams({ from: "2025-11-25", to: "2026-11-25" }, "UTC", NOW).range,
    ).toEqual({ from: "2025-11-25", to: "2026-11-25" });
    expect(countDays({ from: "2025-11-25", to: "2026-11-25" })).toBe(366);
    expect(fieldErrors({ from: "2025-11-24", to: "2026-11-25" })).toEqual({
      to: "A range can span at most 366 days.",
    });
  });

  it("refuses days after today in the organisation's time zone", () => {
    expect(fieldErrors({ from: "2026-11-20", to: "2026-11-26" }, "UTC")).toEqual({
      to: "The end date cannot be after today (2026-11-25).",
    });
    // Already the 26th in Berlin.
    expect(
      parseAnalyticsParams({ from: "2026-11-20", to: "2026-11-26" }, "Europe/Berlin", NOW).range.to,
    ).toBe("2026-11-26");
    expect(fieldErrors({ from: "2026-11-27", to: "2026-11-27" }, "Europe/Berlin")).toEqual({
      from: "The start date cannot be after today (2026-11-26).",
      to: "The end date cannot be after today (2026-11-26).",
    });
  });

  it("on the page, falls back to the default period with the problems to show, keeping the team", () => {
    const read = readAnalyticsParams(
      { range: "custom", from: "2026-11-10", to: "2026-11-01", team: "team_1" },
      "UTC",
      NOW,
    );
    expect(read.errors).toEqual(["The end date must be on or after the start date."]);
    expect(read.params).toEqual({
      preset: "30d",
      range: { from: "2026-10-27", to: "2026-11-25" },
      teamId: "team_1",
    });
    const badTeam = readAnalyticsParams({ range: "7d", team: "<script>" }, "UTC", NOW);
    expect(badTeam.params.teamId).toBe(null);
    expect(badTeam.errors).toEqual(["That is not a team id."]);
    expect(readAnalyticsParams({ range: "90d" }, "UTC", NOW).errors).toEqual([]);
  });

  it("writes the query string back for links", () => {
    expect(
      analyticsSearch(
        { preset: "7d", range: { from: "a", to: "b" }, teamId: null },
        { table: "daily" },
      ),
    ).toBe("range=7d&table=daily");
    expect(
      analyticsSearch({
        preset: "custom",
        range: { from: "2026-11-01", to: "2026-11-05" },
        teamId: "team_1",
      }),
    ).toBe("range=custom&from=2026-11-01&to=2026-11-05&team=team_1");
  });

  it("knows calendar days", () => {
    expect(isCalendarDay("2028-02-29")).toBe(true);
    expect(isCalendarDay("2026-02-29")).toBe(false);
    expect(isCalendarDay("2026-13-01")).toBe(false);
    expect(isCalendarDay("2026-1-01")).toBe(false);
  });
});

describe("CSV cells of exports", () => {
  it("writes numbers as numbers and neutralises text that starts a formula", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(12.5)).toBe("12.5");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell("-3")).toBe("'-3");
    expect(csvCell("\n=1+1")).toBe('"\'\n=1+1"');
    expect(csvLine(["=SUM(A1)", 2, null])).toBe("'=SUM(A1),2,\r\n");
  });
});

describe("analytics params with an unreadable date", () => {
  it("reports only that the date is unreadable", () => {
    const read = readAnalyticsParams({ range: "custom", from: "2026-03-05", to: "x" }, "UTC", NOW);
    expect(read.errors).toEqual([
      "The end date must be a date written YYYY-MM-DD, e.g. 2026-11-01.",
    ]);
  });
});
