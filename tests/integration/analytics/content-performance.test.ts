/**
 * A post's drill-down (getContentPerformance, loadContentPerformance) against figures worked out
 * by hand from a small organisation: every share, click and conversion is placed below, and every
 * expected number is a literal with the sum that gives it. Nothing expected comes from the
 * product's helpers (emv.ts, outcomes.ts, zoned-time.ts).
 *
 * Europe/Berlin is on summer time (UTC+2) in June: 10 June runs from 2026-06-09T22:00Z to
 * 2026-06-10T22:00Z. The range is 10–11 June.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { AppError } from "@/lib/core/errors/app-error";
import { drainDirtyRollups } from "@/lib/domains/analytics/rollup";
import { getBreakdowns } from "@/lib/domains/analytics/get-breakdowns";
import { getContentPerformance } from "@/lib/domains/analytics/get-content-performance";
import { loadContentPerformance } from "@/lib/domains/analytics/load-content-performance";
import type { ContentPerformance, DayRange } from "@/lib/domains/analytics/types";
import type { ConversionOutcome, ShareChannel } from "@/lib/generated/prisma/enums";
import { accessFor, addMember, createOrgFixture, type OrgFixture } from "../../support/factories";
import { createItem, createShare, insertClicks, insertConversions } from "../../support/analytics";

const TZ = "Europe/Berlin";
const RANGE: DayRange = { from: "2026-06-10", to: "2026-06-11" };
const SETTINGS = {
  cpm: 12,
  cpc: 0.5,
  reachRate: 0.2,
  defaultNetworkSize: 300,
  pointsPerShare: 5,
  pointsPerVisit: 2,
  pointsPerConversion: 30,
};

let f: OrgFixture; // Alpha: Ana (admin), Max (manager of Alpha) · Beta: Eve
let other: OrgFixture;
let ben: Awaited<ReturnType<typeof addMember>>; // in Alpha and Beta
let lonelyManager: Awaited<ReturnType<typeof addMember>>; // manages no team
let post: { id: string };
let otherPost: { id: string };
let draft: { id: string };
let foreignPost: { id: string };
const shareIds: Record<"s1" | "s2" | "s3", string> = { s1: "", s2: "", s3: "" };

const outcomes = (o: Partial<Record<ConversionOutcome, number>>) => ({
  VISIT: 0,
  SIGNUP: 0,
  APPLICATION: 0,
  HIRE: 0,
  LEAD: 0,
  OPPORTUNITY: 0,
  DEAL: 0,
  ...o,
});

beforeAll(async () => {
  const db = getDb();
  f = await createOrgFixture();
  other = await createOrgFixture();
  ben = await addMember(f.org.id, "EMPLOYEE", { teamIds: [f.teamA.id, f.teamB.id] });
  lonelyManager = await addMember(f.org.id, "MANAGER");
  await db.organization.update({ where: { id: f.org.id }, data: { timeZone: TZ } });
  await db.orgSettings.create({ data: { orgId: f.org.id, currency: "EUR", ...SETTINGS } });
  for (const [member, name] of [
    [f.admin, "Ana Admin"],
    [f.manager, "Max Manager"],
    [f.employee, "Eve Employee"],
    [ben, "Ben Both"],
  ] as const) {
    await db.user.update({ where: { id: member.user.id }, data: { name } });
  }
  post = await createItem(f.org.id, { valueType: "EDUCATION", goals: ["HR"] });
  otherPost = await createItem(f.org.id, { valueType: "INSPIRATION" });
  draft = await db.contentItem.update({
    where: { id: (await createItem(f.org.id)).id },
    data: { status: "DRAFT", publishedAt: null },
  });
  foreignPost = await createItem(other.org.id);

  const at = (iso: string) => new Date(iso);
  const share = async (
    member: Parameters<typeof createShare>[2],
    options: Parameters<typeof createShare>[3] & { channel?: ShareChannel },
    itemId = post.id,
  ) => {
    const { channel, ...rest } = options;
    const created = await createShare(f.org.id, itemId, member, rest);
    if (channel) await db.share.update({ where: { id: created.id }, data: { channel } });
    return created;
  };
  // S1 Ana, LinkedIn dialog, Berlin midnight starting 10 June; network 1000 → reach 200.
  const s1 = await share(f.admin, {
    createdAt: at("2026-06-09T22:00:00Z"),
    networkSize: 1000,
    channel: "LINKEDIN_DIALOG",
  });
  // S2 Eve, posted through the API at 23:59 on 11 June; LinkedIn's 1234 impressions.
  const s2 = await share(f.employee, {
    createdAt: at("2026-06-11T21:59:00Z"),
    impressions: 1234,
    status: "POSTED",
    channel: "LINKEDIN_API",
  });
  // S3 Ben, copied on 8 June (before the range) — its clicks in the range still count.
  const s3 = await share(ben, { createdAt: at("2026-06-08T10:00:00Z") });
  // S4 Max: scheduled, not a share yet. S5 Eve: midnight starting 12 June, after the range.
  // S6 Ana: 1 June, a click on 5 June only. None of them is listed.
  await share(f.manager, { createdAt: at("2026-06-10T08:00:00Z"), status: "SCHEDULED" });
  const s5 = await share(f.employee, { createdAt: at("2026-06-11T22:00:00Z") });
  const s6 = await share(f.admin, { createdAt: at("2026-06-01T08:00:00Z") });
  // Another post shared by Ana in the range: never part of this post's figures.
  const q = await share(f.admin, { createdAt: at("2026-06-10T09:00:00Z") }, otherPost.id);
  Object.assign(shareIds, { s1: s1.id, s2: s2.id, s3: s3.id });

  const click = (shareId: string, iso: string, visitorKey: string, isBot = false) => ({
    shareId,
    at: at(iso),
    visitorKey,
    isBot,
  });
  await insertClicks(f.org.id, [
    // S1 on 10 June: v1 twice in one hour (one visit), v2, a bot. On 11 June: v1 again.
    click(s1.id, "2026-06-10T08:05:00Z", "v1"),
    click(s1.id, "2026-06-10T08:55:00Z", "v1"),
    click(s1.id, "2026-06-10T08:10:00Z", "v2"),
    click(s1.id, "2026-06-10T08:20:00Z", "v3", true),
    click(s1.id, "2026-06-11T09:00:00Z", "v1"),
    // S2: 23:59:30 on 11 June counts; 00:00:30 on 12 June does not.
    click(s2.id, "2026-06-11T21:59:30Z", "v5"),
    click(s2.id, "2026-06-11T22:00:30Z", "v5"),
    // S3 on 10 June: v7 twice in one hour, v8; and 23:59:59 on 9 June (before the range).
    click(s3.id, "2026-06-10T12:00:00Z", "v7"),
    click(s3.id, "2026-06-10T12:30:00Z", "v7"),
    click(s3.id, "2026-06-10T12:40:00Z", "v8"),
    click(s3.id, "2026-06-09T21:59:59Z", "v7"),
    click(s5.id, "2026-06-11T22:30:00Z", "v9"),
    click(s6.id, "2026-06-05T10:00:00Z", "v9"),
    click(q.id, "2026-06-10T10:00:00Z", "v10"),
    click(q.id, "2026-06-10T10:05:00Z", "v11"),
  ]);
  await insertConversions(f.org.id, [
    { shareId: s1.id, outcome: "HIRE", occurredAt: at("2026-06-10T09:00:00Z"), value: 100 },
    { shareId: s1.id, outcome: "APPLICATION", occurredAt: at("2026-06-10T09:10:00Z") },
    { shareId: s2.id, outcome: "DEAL", occurredAt: at("2026-06-11T21:00:00Z"), value: 250.5 },
    {
      shareId: s2.id,
      outcome: "LEAD",
      occurredAt: at("2026-06-11T20:00:00Z"),
      value: 999,
      currency: "USD",
    },
    { shareId: s3.id, outcome: "SIGNUP", occurredAt: at("2026-06-11T10:00:00Z") },
    { shareId: s3.id, outcome: "VISIT", occurredAt: at("2026-06-09T21:30:00Z") }, // 9 June
    { shareId: q.id, outcome: "DEAL", occurredAt: at("2026-06-10T11:00:00Z"), value: 5000 },
  ]);
  // The other organisation shares its own post in the same days.
  const foreignShare = await createShare(other.org.id, foreignPost.id, other.employee, {
    createdAt: at("2026-06-10T08:00:00Z"),
  });
  await insertClicks(other.org.id, [click(foreignShare.id, "2026-06-10T09:00:00Z", "o1")]);
  await drainDirtyRollups(getDb());
});

/** A sharer row as [share, name, channel, status, day, in range, clicks, visits, conversions]. */
function sharerRows(p: ContentPerformance) {
  const key = Object.fromEntries(Object.entries(shareIds).map(([k, v]) => [v, k]));
  return p.sharers.map((s) => [
    key[s.shareId] ?? s.shareId,
    s.name,
    s.channel,
    s.status,
    s.day,
    s.inRange,
    s.humanClicks,
    s.uniqueVisits,
    s.conversions,
  ]);
}

describe("getContentPerformance", () => {
  it("the whole organisation: totals, outcomes, each day and who shared it", async () => {
    const p = await getContentPerformance(
      { orgId: f.org.id, teamIds: null, range: RANGE },
      post.id,
    );
    expect(p.item).toMatchObject({ id: post.id, valueType: "EDUCATION", goals: ["HR"] });
    expect(p.currency).toBe("EUR");
    expect(p.totals).toEqual({
      shares: 2, // S1, S2 (S3 was shared before the range, S4 is scheduled, S5 is after it)
      people: 2, // Ana, Eve
      humanClicks: 8, // S1 3 + 1, S2 1, S3 3
      uniqueVisits: 6, // S1 2 + 1, S2 1, S3 2
      conversions: 5, // hire, application, deal, lead, sign-up
      conversionValue: 350.5, // 100 + 250.50; 999 USD is not the organisation's currency
      estimatedReach: 1434, // 200 + 1234
      reachIsEstimate: true, // S1's is an estimate
      emv: 21.21, // 1434 × 12 / 1000 + 8 × 0.5 = 17.208 + 4
    });
    expect(p.outcomes).toEqual(outcomes({ SIGNUP: 1, APPLICATION: 1, HIRE: 1, LEAD: 1, DEAL: 1 }));
    expect(p.trend).toEqual([
      {
        day: "2026-06-10",
        shares: 1,
        humanClicks: 6, // S1 3, S3 3
        uniqueVisits: 4,
        conversions: 2,
        estimatedReach: 200,
      },
      {
        day: "2026-06-11",
        shares: 1,
        humanClicks: 2, // S1 1, S2 1
        uniqueVisits: 2,
        conversions: 3,
        estimatedReach: 1234,
      },
    ]);
    // Most visits first.
    expect(sharerRows(p)).toEqual([
      ["s1", "Ana Admin", "LINKEDIN_DIALOG", "SHARED", "2026-06-10", true, 4, 3, 2],
      ["s3", "Ben Both", "COPY", "SHARED", "2026-06-08", false, 3, 2, 1],
      ["s2", "Eve Employee", "LINKEDIN_API", "POSTED", "2026-06-11", true, 1, 1, 2],
    ]);
    expect(p.sharers[0]!.sharedAt.toISOString()).toBe("2026-06-09T22:00:00.000Z");
    expect(p.sharers[0]!.handle).toBe(f.admin.membership.handle);
  });

  it("equals the post's row in the dashboard's top content", async () => {
    const b = await getBreakdowns({ orgId: f.org.id, teamIds: null, range: RANGE });
    const row = b.topContent.find((r) => r.itemId === post.id)!;
    expect([
      row.shares,
      row.humanClicks,
      row.uniqueVisits,
      row.conversions,
      row.conversionValue,
      row.estimatedReach,
      row.emv,
    ]).toEqual([2, 8, 6, 5, 350.5, 1434, 21.21]);
  });

  it("a manager's teams only (Alpha: Ana, Max, Ben)", async () => {
    const p = await getContentPerformance(
      { orgId: f.org.id, teamIds: [f.teamA.id], range: RANGE },
      post.id,
    );
    expect(p.totals).toEqual({
      shares: 1, // S1
      people: 1,
      humanClicks: 7, // S1 4, S3 3
      uniqueVisits: 5, // S1 3, S3 2
      conversions: 3, // hire, application, sign-up
      conversionValue: 100,
      estimatedReach: 200,
      reachIsEstimate: true,
      emv: 5.9, // 200 × 0.012 + 7 × 0.5 = 2.4 + 3.5
    });
    expect(p.outcomes).toEqual(outcomes({ SIGNUP: 1, APPLICATION: 1, HIRE: 1 }));
    expect(
      p.trend.map((d) => [d.day, d.shares, d.humanClicks, d.uniqueVisits, d.conversions]),
    ).toEqual([
      ["2026-06-10", 1, 6, 4, 2],
      ["2026-06-11", 0, 1, 1, 1],
    ]);
    expect(sharerRows(p).map((r) => r[0])).toEqual(["s1", "s3"]);
  });

  it("one team (Beta: Eve, Ben): LinkedIn's impressions only, so no estimate", async () => {
    const p = await getContentPerformance(
      { orgId: f.org.id, teamIds: [f.teamB.id], range: RANGE },
      post.id,
    );
    expect(p.totals).toEqual({
      shares: 1, // S2
      people: 1,
      humanClicks: 4, // S2 1, S3 3
      uniqueVisits: 3,
      conversions: 3, // deal, lead, sign-up
      conversionValue: 250.5,
      estimatedReach: 1234,
      reachIsEstimate: false,
      emv: 16.81, // 1234 × 0.012 + 4 × 0.5 = 14.808 + 2
    });
    expect(sharerRows(p).map((r) => r[0])).toEqual(["s3", "s2"]);
  });

  it("the days before: S3 is one of that range's shares", async () => {
    const p = await getContentPerformance(
      { orgId: f.org.id, teamIds: null, range: { from: "2026-06-08", to: "2026-06-09" } },
      post.id,
    );
    expect(p.totals).toMatchObject({
      shares: 1,
      people: 1,
      humanClicks: 1, // 23:59:59 on 9 June
      uniqueVisits: 1,
      conversions: 1, // the visit on 9 June
      estimatedReach: 60, // the default 300 × 0.2
    });
    expect(sharerRows(p)).toEqual([
      ["s3", "Ben Both", "COPY", "SHARED", "2026-06-08", true, 1, 1, 1],
    ]);
  });

  it("no team in scope: the post with nothing counted", async () => {
    const p = await getContentPerformance({ orgId: f.org.id, teamIds: [], range: RANGE }, post.id);
    expect(p.totals.shares + p.totals.humanClicks + p.totals.conversions).toBe(0);
    expect(p.sharers).toEqual([]);
    expect(p.trend.map((d) => d.humanClicks)).toEqual([0, 0]);
  });

  it("another organisation's post, a draft and an unknown id are not found", async () => {
    for (const itemId of [foreignPost.id, draft.id, "cnt_nope", "x".repeat(500)]) {
      const error = await getContentPerformance(
        { orgId: f.org.id, teamIds: null, range: RANGE },
        itemId,
      ).catch((e: unknown) => e);
      expect(error, itemId).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("NOT_FOUND");
    }
  });
});

describe("loadContentPerformance (the drill-down page's data)", () => {
  it("reads the dashboard's filters; a manager sees their teams, not another team", async () => {
    const manager = accessFor(f.org, f.manager);
    const data = await loadContentPerformance(manager, post.id, {
      range: "custom",
      from: RANGE.from,
      to: RANGE.to,
    });
    expect(data.params).toMatchObject({ preset: "custom", range: RANGE, teamId: null });
    expect(data.search).toBe("range=custom&from=2026-06-10&to=2026-06-11");
    expect(data.performance.totals.humanClicks).toBe(7);

    // Beta is not Max's team: the page falls back to his teams and says so.
    const other = await loadContentPerformance(manager, post.id, {
      range: "custom",
      from: RANGE.from,
      to: RANGE.to,
      team: f.teamB.id,
    });
    expect(other.errors).toEqual([
      "That team is not one you can see. Showing all of your teams instead.",
    ]);
    expect(other.performance.totals.humanClicks).toBe(7);
  });

  it("an admin filters by team; a manager of no team sees zeros; another org's post throws", async () => {
    const admin = accessFor(f.org, f.admin);
    const beta = await loadContentPerformance(admin, post.id, {
      range: "custom",
      from: RANGE.from,
      to: RANGE.to,
      team: f.teamB.id,
    });
    expect(beta.performance.totals.humanClicks).toBe(4);
    const lonely = await loadContentPerformance(accessFor(f.org, lonelyManager), post.id, {});
    expect(lonely.scope.teamIds).toEqual([]);
    expect(lonely.performance.sharers).toEqual([]);
    await expect(loadContentPerformance(admin, foreignPost.id, {})).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      loadContentPerformance(accessFor(f.org, f.employee), post.id, {}),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
