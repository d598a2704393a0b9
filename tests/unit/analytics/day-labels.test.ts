/**
 * The dashboard's day labels (axis, chart summary, daily table, the period in the header) are in
 * the person's locale like every other date of the app — they were a fixed "en" ("7 Dec" for a
 * German or an American reader alike). Expected texts are written with Intl here.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formatDay, formatRange } from "@/components/analytics/format";
import { TrendChart } from "@/components/analytics/trend-chart";
import { ATTENTION_SERIES } from "@/components/analytics/trend-section";
import { ImpactPeriodNav } from "@/components/people/impact-panel";

const day = (iso: string, options: Intl.DateTimeFormatOptions, locale: string) =>
  new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );
const SHORT = { day: "numeric", month: "short" } as const;

describe("dashboard day labels", () => {
  it("follow the locale: de-DE and en-US differ from each other and from en-GB", () => {
    expect(formatDay("2026-12-07", false, "de-DE")).toBe(day("2026-12-07", SHORT, "de-DE"));
    expect(formatDay("2026-12-07", false, "en-US")).toBe("Dec 7");
    expect(formatDay("2026-12-07", true, "en-US")).toBe("Dec 7, 2026");
    expect(formatDay("2026-12-07", true, "de-DE")).toBe("07.12.2026");
    expect(formatDay("2026-12-07", true, "en-GB")).toBe("7 Dec 2026");
  });

  it("the period in the header: a range in the locale", () => {
    expect(formatRange({ from: "2026-11-08", to: "2026-12-07" }, "en-US")).toBe(
      "Nov 8 – Dec 7, 2026",
    );
    expect(formatRange({ from: "2025-12-30", to: "2026-01-05" }, "de-DE")).toBe(
      "30.12.2025 – 05.01.2026",
    );
  });

  it("the chart's axis labels and summary are the locale's", () => {
    const points = ["2026-12-05", "2026-12-06", "2026-12-07"].map((d, i) => ({
      day: d,
      shares: i,
      humanClicks: 3 * i,
      uniqueVisits: 2 * i,
      conversions: 0,
      estimatedReach: 0,
    }));
    const html = renderToStaticMarkup(
      createElement(TrendChart, {
        title: "Clicks per day",
        points,
        series: ATTENTION_SERIES,
        locale: "de-DE",
      }),
    );
    expect(html).toContain(`>${day("2026-12-05", SHORT, "de-DE")}<`);
    expect(html).toContain("Clicks per day, 05.12.2026 to 07.12.2026.");
    expect(html).not.toContain("Dec 5");
  });

  it("my impact's period (on /activity and a person's page) is in the reader's locale too", () => {
    // The merged impact panel printed its period with the fixed fallback locale ("8 Nov – 7 Dec
    // 2026" for an American reader beside "Nov 28" in the campaign banner above it).
    const html = renderToStaticMarkup(
      createElement(ImpactPeriodNav, {
        basePath: "/activity",
        preset: "30d",
        range: { from: "2026-11-08", to: "2026-12-07" },
        locale: "en-US",
      }),
    );
    expect(html).toContain("Nov 8 – Dec 7, 2026");
    expect(html).not.toContain("8 Nov");
  });
});
