import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { drainDirtyRollups, rebuildRollups } from "@/lib/domains/analytics/rollup";
import { getOverview } from "@/lib/domains/analytics/get-overview";
import { exportTable } from "@/lib/domains/analytics/export-table";
import type { ClickEvent } from "@/lib/domains/tracking/click-event";
import { writeClicks } from "@/lib/domains/tracking/click-writer";
import { stopJobs } from "@/lib/jobs/run-jobs";
import { updateOrganization } from "@/lib/domains/orgs/update-organization";
import { accessFor, createOrgFixture, type OrgFixture } from "../../support/factories";
import {
  createItem,
  createShare,
  insertClicks,
  insertConversions,
  readRollups,
} from "../../support/analytics";

afterAll(() => stopJobs());

describe("changing the organisation's time zone", () => {
  it("moves daily rollups to the days of the new zone", async () => {
    const f = await createOrgFixture();
    await getDb().organization.update({ where: { id: f.org.id }, data: { timeZone: "UTC" } });
    const item = await createItem(f.org.id);
    const share = await createShare(f.org.id, item.id, f.admin);
    // 23:30 UTC on 3 March is already 4 March in Berlin.
    await insertClicks(f.org.id, [
      { shareId: share.id, at: new Date("2026-03-03T23:30:00Z"), visitorKey: "late-evening" },
    ]);
    await drainDirtyRollups(getDb());
    expect([...(await readRollups(f.org.id)).values()].map((r) => r.day)).toEqual(["2026-03-03"]);

    await updateOrganization(accessFor(f.org, f.admin), { timeZone: "Europe/Berlin" });
    await drainDirtyRollups(getDb());
    const rows = [...(await readRollups(f.org.id)).values()];
    expect(rows.map((r) => [r.day, r.clicks])).toEqual([["2026-03-04", 1]]);
  });
});

/**
 * Europe/Berlin switches to summer time at 01:00 UTC on 29 March 2026 (02:00 CET → 03:00 CEST: a
 * 23-hour day) and back at 01:00 UTC on 25 October 2026 (03:00 CEST → 02:00 CET: a 25-hour day, the
 * hour 02:00–03:00 happens twice). Clicks go through the app's click writer (which marks the
 * share-day), conversions are marked on their day, the rollup job recounts, and every figure
 * below is worked out by hand from the UTC instants.
 */
describe("rollups across Berlin's switches to and from summer time", () => {
  const TZ = "Europe/Berlin";
  let f: OrgFixture;
  let pool: pg.Pool;
  let share: { id: string };

  const at = (iso: string) => new Date(iso);
  const clickAt = (iso: string, visitorKey: string, isBot = false): ClickEvent => ({
    id: createId("clk"),
    shareId: share.id,
    at: Date.parse(iso),
    isBot,
    visitorKey,
    device: isBot ? "bot" : "desktop",
    browser: "Chrome",
    referrerHost: null,
  });
  /** One click at half past every UTC hour from `fromIso` (inclusive) for `hours` hours. */
  const hourly = (fromIso: string, hours: number, visitorKey: string) =>
    Array.from({ length: hours }, (_, h) =>
      clickAt(
        new Date(Date.parse(fromIso) + h * 3_600_000 + 30 * 60_000).toISOString(),
        visitorKey,
      ),
    );

  beforeAll(async () => {
    f = await createOrgFixture();
    await getDb().organization.update({ where: { id: f.org.id }, data: { timeZone: TZ } });
    const item = await createItem(f.org.id);
    share = await createShare(f.org.id, item.id, f.employee, {
      createdAt: at("2026-03-01T12:00:00Z"),
    });
    // Shares made at the switches count on their local day too.
    for (const createdAt of [
      "2026-03-28T22:59:59Z", // Sat 28 Mar 23:59:59 CET
      "2026-03-29T00:59:59Z", // Sun 29 Mar 01:59:59 CET, the last second before the gap
      "2026-03-29T01:00:00Z", // Sun 29 Mar 03:00:00 CEST, the first after it
      "2026-10-24T21:59:59Z", // Sat 24 Oct 23:59:59 CEST
      "2026-10-25T00:30:00Z", // Sun 25 Oct 02:30 CEST (the first 02:30)
      "2026-10-25T01:30:00Z", // Sun 25 Oct 02:30 CET (the second 02:30)
      "2026-10-25T23:00:00Z", // Mon 26 Oct 00:00 CET
    ]) {
      await createShare(f.org.id, item.id, f.admin, { createdAt: at(createdAt) });
    }
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    await writeClicks(pool, [
      // Spring: the 23-hour Sunday runs from 28 Mar 23:00 UTC to 29 Mar 22:00 UTC.
      clickAt("2026-03-28T22:59:59.999Z", "spring-edge"), // Sat 23:59:59.999 CET
      ...hourly("2026-03-28T23:00:00Z", 23, "spring"), // 23 clicks, 23 hours, one visitor
      clickAt("2026-03-29T00:59:59.999Z", "gap"), // 01:59:59.999 CET
      clickAt("2026-03-29T01:00:00.000Z", "gap"), // 03:00:00.000 CEST: a new hour, a new visit
      clickAt("2026-03-29T21:59:59.999Z", "spring-late"), // Sun 23:59:59.999 CEST
      clickAt("2026-03-29T22:00:00.000Z", "spring-late"), // Mon 30 Mar 00:00 CEST
      // Autumn: the 25-hour Sunday runs from 24 Oct 22:00 UTC to 25 Oct 23:00 UTC.
      clickAt("2026-10-24T21:59:59.999Z", "autumn-edge"), // Sat 23:59:59.999 CEST
      ...hourly("2026-10-24T22:00:00Z", 25, "autumn"), // 25 clicks, 25 hours, one visitor
      clickAt("2026-10-25T01:15:00Z", "crawler", true), // 02:15 CET (the second time round)
      clickAt("2026-10-25T22:59:59.999Z", "autumn-late"), // Sun 23:59:59.999 CET
      clickAt("2026-10-25T23:00:00.000Z", "autumn-late"), // Mon 26 Oct 00:00 CET
    ]);
    await insertConversions(f.org.id, [
      { shareId: share.id, outcome: "SIGNUP", occurredAt: at("2026-03-29T00:59:59Z") }, // 29 Mar
      { shareId: share.id, outcome: "LEAD", occurredAt: at("2026-03-29T01:00:00Z") }, // 29 Mar
      { shareId: share.id, outcome: "HIRE", occurredAt: at("2026-10-24T22:00:00Z") }, // 25 Oct 00:00
      { shareId: share.id, outcome: "DEAL", occurredAt: at("2026-10-25T00:59:59Z") }, // 02:59:59 CEST
      { shareId: share.id, outcome: "VISIT", occurredAt: at("2026-10-25T01:00:00Z") }, // 02:00 CET
      { shareId: share.id, outcome: "LEAD", occurredAt: at("2026-10-25T23:00:00Z") }, // 26 Oct
    ]);
    // Whatever the writers marked, recount every day with events (the repair path marks by SQL).
    await rebuildRollups(getDb(), f.org.id);
    await drainDirtyRollups(getDb());
  });

  afterAll(async () => {
    await pool?.end();
  });

  it("puts every click and conversion on its local day, with the right day totals", async () => {
    const rows = [...(await readRollups(f.org.id)).values()]
      .filter((r) => r.shareId === share.id)
      .sort((a, b) => a.day.localeCompare(b.day))
      .map((r) => [r.day, r.clicks, r.humanClicks, r.uniqueVisits, r.conversions]);
    expect(rows).toEqual([
      // day          clicks human visits conversions
      ["2026-03-28", 1, 1, 1, 0],
      ["2026-03-29", 26, 26, 26, 2], // 23 hourly + 2 either side of the gap + 1 at 23:59:59.999
      ["2026-03-30", 1, 1, 1, 0],
      ["2026-10-24", 1, 1, 1, 0],
      ["2026-10-25", 27, 26, 26, 3], // 25 hourly (02:30 twice) + a bot + 1 at 23:59:59.999
      ["2026-10-26", 1, 1, 1, 1],
    ]);
  });

  it("the dashboard's days and the daily CSV export agree, shares included", async () => {
    const spring = await getOverview({
      orgId: f.org.id,
      teamIds: null,
      range: { from: "2026-03-28", to: "2026-03-30" },
    });
    const autumn = await getOverview({
      orgId: f.org.id,
      teamIds: null,
      range: { from: "2026-10-24", to: "2026-10-26" },
    });
    const days = (trend: typeof spring.trend) =>
      trend.map((p) => [p.day, p.shares, p.humanClicks, p.uniqueVisits, p.conversions]);
    expect(days(spring.trend)).toEqual([
      ["2026-03-28", 1, 1, 1, 0],
      ["2026-03-29", 2, 26, 26, 2],
      ["2026-03-30", 0, 1, 1, 0],
    ]);
    expect(days(autumn.trend)).toEqual([
      ["2026-10-24", 1, 1, 1, 0],
      ["2026-10-25", 2, 26, 26, 3],
      ["2026-10-26", 1, 1, 1, 1],
    ]);
    const daily = await exportTable("daily", {
      orgId: f.org.id,
      teamIds: null,
      range: { from: "2026-10-24", to: "2026-10-26" },
    });
    const csvRows: unknown[][] = [];
    for await (const page of daily.pages) csvRows.push(...page);
    expect(daily.header.slice(0, 5)).toEqual([
      "day",
      "shares",
      "human_clicks",
      "unique_visits",
      "conversions",
    ]);
    expect(csvRows.map((r) => r.slice(0, 5))).toEqual(days(autumn.trend));
  });
});
