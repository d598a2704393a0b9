import { describe, expect, it } from "vitest";
import { dateFormatter, formatDate, formatDay } from "@/lib/core/time/format-date";
import { pickLocale } from "@/lib/core/time/pick-locale";

// Intl separates "4:37" and "AM" with a narrow no-break space (U+202F) in current ICU data.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

describe("formatDate", () => {
  const at = new Date("2026-12-07T03:37:00Z");

  it("writes one instant in the person's locale", () => {
    const zone = "Europe/Berlin";
    expect(formatDate(at, "dateTime", { locale: "en-GB", timeZone: zone })).toBe(
      "7 Dec 2026, 04:37",
    );
    expect(plain(formatDate(at, "dateTime", { locale: "en-US", timeZone: zone }))).toBe(
      "Dec 7, 2026, 4:37 AM",
    );
    expect(formatDate(at, "dateTime", { locale: "de-DE", timeZone: zone })).toBe(
      "07.12.2026, 04:37",
    );
    expect(formatDate(at, "date", { locale: "fr-FR", timeZone: zone })).toBe("7 déc. 2026");
    expect(formatDate(at, "longDate", { locale: "en-GB", timeZone: zone })).toBe("7 December 2026");
  });

  it("reads the instant on the organisation's clock, including the calendar day", () => {
    const gb = (timeZone: string) => formatDate(at, "dateTime", { locale: "en-GB", timeZone });
    expect(gb("UTC")).toBe("7 Dec 2026, 03:37");
    expect(gb("America/New_York")).toBe("6 Dec 2026, 22:37");
    expect(gb("Asia/Kolkata")).toBe("7 Dec 2026, 09:07");
    expect(gb("Pacific/Auckland")).toBe("7 Dec 2026, 16:37");
  });

  it("follows daylight saving time on both sides of each switch", () => {
    const berlin = (iso: string) =>
      formatDate(iso, "dateTime", { locale: "en-GB", timeZone: "Europe/Berlin" });
    // Clocks go forward at 01:00 UTC on 29 March 2026: 02:00 CET becomes 03:00 CEST.
    expect(berlin("2026-03-29T00:59:00Z")).toBe("29 Mar 2026, 01:59");
    expect(berlin("2026-03-29T01:00:00Z")).toBe("29 Mar 2026, 03:00");
    // And back at 01:00 UTC on 25 October 2026: 02:30 happens twice.
    expect(berlin("2026-10-25T00:30:00Z")).toBe("25 Oct 2026, 02:30");
    expect(berlin("2026-10-25T01:30:00Z")).toBe("25 Oct 2026, 02:30");
    const newYork = (iso: string) =>
      plain(formatDate(iso, "time", { locale: "en-US", timeZone: "America/New_York" }));
    // 8 March 2026, 2:00 EST → 3:00 EDT (07:00 UTC).
    expect(newYork("2026-03-08T06:59:00Z")).toBe("1:59 AM");
    expect(newYork("2026-03-08T07:00:00Z")).toBe("3:00 AM");
  });

  it("accepts Dates, ISO strings and epoch milliseconds alike", () => {
    const format = dateFormatter("date", { locale: "en-GB", timeZone: "UTC" });
    expect(format.format(at)).toBe("7 Dec 2026");
    expect(format.format(at.toISOString())).toBe("7 Dec 2026");
    expect(format.format(at.getTime())).toBe("7 Dec 2026");
  });

  it("never throws: an unreadable value is empty, an unknown zone or locale falls back", () => {
    expect(formatDate("not a date", "date", { locale: "en-GB", timeZone: "UTC" })).toBe("");
    expect(formatDate(at, "dateTime", { locale: "en-GB", timeZone: "Mars/Olympus_Mons" })).toBe(
      "7 Dec 2026, 03:37",
    );
    expect(() => formatDate(at, "date", { locale: "%%", timeZone: "UTC" })).not.toThrow();
    expect(formatDate(at, "date", { locale: "%%", timeZone: "UTC" })).toBe("7 Dec 2026");
  });
});

describe("formatDay", () => {
  it("writes a calendar day without shifting it, whatever the zone of the machine", () => {
    expect(formatDay("2026-12-07", "date", "en-GB")).toBe("7 Dec 2026");
    expect(formatDay("2026-01-01", "dayMonth", "de-DE")).toBe("1. Jan.");
    expect(formatDay("2026-12-01", "monthYear", "en-US")).toBe("December 2026");
    expect(formatDay("2026-12-07", "weekdayDayMonth", "en-GB")).toBe("Monday 7 December");
  });
});

describe("pickLocale", () => {
  it("takes the preferred language of the Accept-Language header", () => {
    expect(pickLocale("de-DE,de;q=0.9,en;q=0.8")).toBe("de-DE");
    expect(pickLocale("en-US,en;q=0.9")).toBe("en-US");
    expect(pickLocale("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5")).toBe("fr-CH");
  });

  it("ranks by quality, then by order", () => {
    expect(pickLocale("en-US;q=0.5, fr-FR;q=0.9")).toBe("fr-FR");
    expect(pickLocale("nl;q=0.8, sv;q=0.8")).toBe("nl");
    expect(pickLocale("de;q=0, es")).toBe("es");
    // An unreadable quality is ignored, as if it were not there.
    expect(pickLocale("de;q=abc")).toBe("de");
  });

  it("falls back without a usable tag", () => {
    expect(pickLocale(null)).toBe("en-GB");
    expect(pickLocale("")).toBe("en-GB");
    expect(pickLocale("*")).toBe("en-GB");
    expect(pickLocale("xx-invalid-$$, ;q=1")).toBe("en-GB");
    expect(pickLocale(null, "en-US")).toBe("en-US");
  });

  it("bounds hostile headers", () => {
    expect(pickLocale(`${"x,".repeat(10_000)}de`)).toBe("en-GB");
    expect(pickLocale("a".repeat(10_000))).toBe("en-GB");
  });
});
