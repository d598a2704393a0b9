/**
 * "My impact" (getMyImpact, /people/<handle>, the weekly digest) against figures worked out by hand
 * from the events written below: days in Berlin (UTC+1 in January), a visit = a human visitor once
 * per share and UTC hour, reach = LinkedIn's impressions or network size × reach rate.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as personRoute } from "@/app/api/people/[handle]/route";
import { getDb } from "@/lib/core/db/client";
import { drainDirtyRollups } from "@/lib/domains/analytics/rollup";
import { buildDigest } from "@/lib/domains/digests/build-digest";
import { getMyImpact } from "@/lib/domains/impact/get-my-impact";
import { digestEmail } from "@/lib/integrations/email/templates/digest";
import { accessFor, createOrgFixture, type OrgFixture } from "../../support/factories";
import { createItem, createShare, insertClicks, insertConversions } from "../../support/analytics";
import { callRoute } from "../../support/http";

const RANGE = { from: "2026-01-10", to: "2026-01-16" };
const at = (iso: string) => new Date(iso);

let f: OrgFixture;
let other: OrgFixture;
const ids: Record<"a" | "b" | "c" | "failed" | "colleague", string> = {
  a: "",
  b: "",
  c: "",
  failed: "",
  colleague: "",
};

beforeAll(async () => {
  const db = getDb();
  f = await createOrgFixture();
  other = await createOrgFixture();
  await db.organization.update({ where: { id: f.org.id }, data: { timeZone: "Europe/Berlin" } });
  f.org.timeZone = "Europe/Berlin";
  await db.orgSettings.create({
    data: { orgId: f.org.id, reachRate: 0.2, defaultNetworkSize: 300 },
  });
  const graduate = await createItem(f.org.id, { valueType: "EDUCATION", goals: ["HR"] });
  await db.contentItem.update({
    where: { id: graduate.id },
    data: { title: "Graduate programme" },
  });
  const team = await createItem(f.org.id, { valueType: "TOGETHERNESS" });
  const news = await createItem(f.org.id, { valueType: "INFORMATION" });
  const a = await createShare(f.org.id, graduate.id, f.employee, {
    createdAt: at("2026-01-11T09:00:00Z"),
    networkSize: 1000, // reach estimate 1000 × 0.2 = 200
  });
  const b = await createShare(f.org.id, team.id, f.employee, {
    createdAt: at("2026-01-12T10:00:00Z"),
    impressions: 750, // LinkedIn's figure: no estimate
  });
  await db.share.update({
    where: { id: b.id },
    data: { reactions: 12, comments: 3, reshares: 1 },
  });
  // Made before the period (its reach does not count in it), visited inside it.
  const c = await createShare(f.org.id, news.id, f.employee, {
    createdAt: at("2025-12-20T09:00:00Z"),
  });
  const failed = await createShare(f.org.id, news.id, f.employee, {
    createdAt: at("2026-01-12T09:00:00Z"),
    status: "FAILED",
  });
  const colleague = await createShare(f.org.id, graduate.id, f.manager, {
    createdAt: at("2026-01-11T09:00:00Z"),
  });
  Object.assign(ids, { a: a.id, b: b.id, c: c.id, failed: failed.id, colleague: colleague.id });

  const click = (shareId: string, iso: string, visitorKey: string, isBot = false) => ({
    shareId,
    at: at(iso),
    visitorKey,
    isBot,
  });
  await insertClicks(f.org.id, [
    click(a.id, "2026-01-11T10:00:00Z", "v1"), // 11 Jan: v1 in hour 10
    click(a.id, "2026-01-11T10:30:00Z", "v1"), //   the same visit again: a click, no visit
    click(a.id, "2026-01-11T11:00:00Z", "v2"), //   v2 in hour 11
    click(a.id, "2026-01-11T11:05:00Z", "bot", true), // a bot: nothing
    click(a.id, "2026-01-13T08:00:00Z", "v1"), // 13 Jan
    click(a.id, "2026-01-16T23:30:00Z", "v9"), // 17 Jan 00:30 in Berlin: after the period
    click(b.id, "2026-01-12T12:00:00Z", "v3"),
    click(b.id, "2026-01-12T12:10:00Z", "v4"),
    click(c.id, "2026-01-09T22:30:00Z", "v5"), // 9 Jan 23:30 in Berlin: before the period
    click(c.id, "2026-01-09T23:30:00Z", "v6"), // 10 Jan 00:30 in Berlin: inside
    click(colleague.id, "2026-01-11T10:00:00Z", "v7"), // not mine
  ]);
  await insertConversions(f.org.id, [
    { shareId: a.id, outcome: "APPLICATION", occurredAt: at("2026-01-14T09:00:00Z") },
    { shareId: a.id, outcome: "HIRE", occurredAt: at("2026-01-15T09:00:00Z") },
    { shareId: c.id, outcome: "SIGNUP", occurredAt: at("2026-01-10T12:00:00Z") },
    { shareId: b.id, outcome: "LEAD", occurredAt: at("2026-01-20T09:00:00Z") }, // after
    { shareId: colleague.id, outcome: "DEAL", occurredAt: at("2026-01-12T09:00:00Z") },
  ]);
  await drainDirtyRollups(getDb());
});

describe("my impact", () => {
  it("counts visits, clicks, reach, LinkedIn's figures and outcomes of the period, per share and in total", async () => {
    const impact = await getMyImpact(f.org.id, f.employee.membership.id, RANGE);
    expect(impact.shares).toBe(2); // a and b; c is older, the failed share never went out
    expect(impact.totals).toEqual({
      uniqueVisits: 6, // a 3 (2 on 11 Jan, 1 on 13 Jan), b 2, c 1
      humanClicks: 7, // a 4, b 2, c 1
      reach: 950, // a 200 (estimate) + b 750 (LinkedIn)
      reachIsEstimate: true,
      reactions: 12,
      comments: 3,
      reshares: 1,
      outcomes: { VISIT: 0, SIGNUP: 1, APPLICATION: 1, HIRE: 1, LEAD: 0, OPPORTUNITY: 0, DEAL: 0 },
      conversions: 3,
    });
    expect(
      impact.byShare.map((s) => [s.shareId, s.uniqueVisits, s.humanClicks, s.reach, s.inRange]),
    ).toEqual([
      [ids.a, 3, 4, 200, true],
      [ids.b, 2, 2, 750, true],
      [ids.c, 1, 1, 60, false], // default network 300 × 0.2
    ]);
    const [a, b] = impact.byShare;
    expect(a!.reachIsEstimate).toBe(true);
    expect(a!.reactions).toBeNull(); // LinkedIn supplied nothing for a copied post
    expect(b!.reachIsEstimate).toBe(false);
    expect(a!.outcomes.APPLICATION + a!.outcomes.HIRE).toBe(2);
    expect(impact.best?.itemTitle).toBe("Graduate programme");

    const day = (d: string) => impact.trend.find((p) => p.day === d)!;
    expect(impact.trend).toHaveLength(7);
    expect(day("2026-01-10")).toMatchObject({ uniqueVisits: 1, humanClicks: 1, conversions: 1 });
    expect(day("2026-01-11")).toMatchObject({
      uniqueVisits: 2,
      humanClicks: 3,
      shares: 1,
      estimatedReach: 200,
    });
    expect(day("2026-01-12")).toMatchObject({ uniqueVisits: 2, shares: 1, estimatedReach: 750 });
    expect(day("2026-01-16")).toMatchObject({ uniqueVisits: 0, humanClicks: 0 });

    const visits = Object.fromEntries(impact.visitsByValueType.map((v) => [v.key, v.count]));
    expect(visits).toMatchObject({ EDUCATION: 3, TOGETHERNESS: 2, INFORMATION: 1 });
    expect(impact.mix.total).toBe(2);
  });

  it("shows nothing of one organisation's member to another organisation", async () => {
    const foreign = await getMyImpact(other.org.id, f.employee.membership.id, RANGE);
    expect(foreign.totals.uniqueVisits).toBe(0);
    expect(foreign.byShare).toEqual([]);
    const handle = f.employee.membership.handle!;
    const res = await callRoute(personRoute, {
      userId: other.admin.user.id,
      params: { handle },
    });
    expect(res.status).toBe(404);
  });

  it("shows colleagues a person's impact only within their visibility settings", async () => {
    const db = getDb();
    const handle = f.employee.membership.handle!;
    const path = `/api/people/${handle}?range=custom&from=${RANGE.from}&to=${RANGE.to}`;
    type Impact = {
      totals: { uniqueVisits: number };
      byShare: unknown[];
      best: unknown;
      visitsByValueType: unknown[];
    } | null;
    const seen = async (userId: string) =>
      (await callRoute(personRoute, { userId, params: { handle }, path })).json.person as {
        impact: Impact;
      };
    // The route reads the default period (last 30 days): the domain function takes the range.
    const { getPersonPage } = await import("@/lib/domains/people/get-person-page");
    const asColleague = () =>
      getPersonPage(accessFor(f.org, f.manager), handle, new Date(), { range: RANGE });
    const asSelf = () =>
      getPersonPage(accessFor(f.org, f.employee), handle, new Date(), { range: RANGE });

    const all = await asColleague();
    expect(all.impact?.totals.uniqueVisits).toBe(6);
    expect(all.impact?.byShare).toHaveLength(3);

    await db.membership.update({
      where: { id: f.employee.membership.id },
      data: { showShares: false, showMix: false },
    });
    const partial = await asColleague();
    expect(partial.impact?.totals.uniqueVisits).toBe(6);
    expect(partial.impact?.byShare).toEqual([]); // which posts: "What I shared" is hidden
    expect(partial.impact?.best).toBeNull();
    expect(partial.impact?.visitsByValueType).toEqual([]); // "My mix" is hidden

    await db.membership.update({
      where: { id: f.employee.membership.id },
      data: { showReach: false },
    });
    expect((await asColleague()).impact).toBeNull();
    expect((await seen(f.manager.user.id)).impact).toBeNull(); // the API says the same
    const self = await asSelf();
    expect(self.impact?.byShare).toHaveLength(3); // the person always sees everything
    expect((await seen(f.employee.user.id)).impact).not.toBeNull();

    await db.membership.update({
      where: { id: f.employee.membership.id },
      data: { showShares: true, showMix: true, showReach: true },
    });
  });

  it("the weekly digest leads with the week's impact, then the new posts picked for me", async () => {
    // Saturday 17 January 2026, 07:00 UTC: the week is 10–16 January.
    const now = at("2026-01-17T07:00:00Z");
    await getDb().notification.create({
      data: {
        id: `ntf_digest_${ids.a}`,
        orgId: f.org.id,
        userId: f.employee.user.id,
        kind: "impact.first-outcome",
        title: "Your post about “Graduate programme” brought its first applicant",
        url: `/activity?share=${ids.a}`,
        createdAt: at("2026-01-14T10:00:00Z"),
      },
    });
    const digest = (await buildDigest(f.org.id, f.employee.membership.id, now))!;
    expect(digest.impact).toEqual({
      visits: 6,
      clicks: 7,
      reach: 950,
      reachIsEstimate: true,
      outcomes: 3,
      outcomesText: "1 sign-up, 1 applicant, 1 hire",
      best: { title: "Graduate programme", visits: 3 },
      milestones: ["Your post about “Graduate programme” brought its first applicant"],
    });
    expect(digest.clicksLastWeek).toBe(7);
    const email = digestEmail(digest);
    const impactAt = email.text.indexOf("Your impact this week:");
    expect(impactAt).toBeGreaterThan(-1);
    expect(email.text).toContain("Your links brought 6 visits (7 clicks) this week");
    expect(email.text).toContain("Best share: Graduate programme (3 visits).");
    const itemsAt = Math.max(
      email.text.indexOf("New for you this week"),
      email.text.indexOf("Nothing new for you this week"),
    );
    expect(impactAt).toBeLessThan(itemsAt);
    expect(email.subject).toContain("6 visits");
  });
});
