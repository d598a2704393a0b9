import { describe, expect, it } from "vitest";
import { firstDayOfWeek, monthWeeks, weekdayNames } from "@/lib/core/time/calendar-weeks";

describe("calendar weeks in the person's locale", () => {
  it("start on the locale's first day: Sunday in the US, Monday in Britain and Germany", () => {
    expect(firstDayOfWeek("en-US")).toBe(7);
    expect(firstDayOfWeek("en-GB")).toBe(1);
    expect(firstDayOfWeek("de-DE")).toBe(1);
    // Not a usable tag: Monday.
    expect(firstDayOfWeek("not a locale!")).toBe(1);
  });

  it("name the weekdays in the locale's language, from the first day", () => {
    expect(weekdayNames("en-US", 7).map((d) => d.long)).toEqual([
      "Sunday",
      "Monday",
      "Tuesday",
      "Wednesday",
      "Thursday",
      "Friday",
      "Saturday",
    ]);
    const german = weekdayNames("de-DE", 1);
    expect(german[0]!.long).toBe("Montag");
    expect(german[0]!.short).toBe(
      new Intl.DateTimeFormat("de-DE", { weekday: "short" }).format(new Date(Date.UTC(2024, 0, 1))),
    );
    expect(german[6]!.long).toBe("Sonntag");
  });

  it("lay a month out from that day (December 2026 starts on a Tuesday)", () => {
    const monday = monthWeeks("2026-12", 1);
    expect(monday[0]).toEqual([
      null,
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
      "2026-12-06",
    ]);
    const sunday = monthWeeks("2026-12", 7);
    expect(sunday[0]!.slice(0, 3)).toEqual([null, null, "2026-12-01"]);
    expect(sunday.flat().filter(Boolean)).toHaveLength(31);
    expect(sunday.every((week) => week.length === 7)).toBe(true);
    // February 2026 starts on a Sunday: no padding for a Sunday-first week.
    expect(monthWeeks("2026-02", 7)[0]![0]).toBe("2026-02-01");
    expect(monthWeeks("2026-02", 1)[0]![6]).toBe("2026-02-01");
  });
});
