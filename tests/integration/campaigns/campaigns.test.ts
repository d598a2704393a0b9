/**
 * Campaigns: creating and editing them (validation, tenant scope, roles, audit), their progress
 * (counted shares inside the window, visits and outcomes from the daily rollups), the competing
 * teams' ranking, the member's own contribution in the feed, and the dashboard and CSV results.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as campaignsRoute from "@/app/api/campaigns/route";
import * as campaignRoute from "@/app/api/campaigns/[id]/route";
import { GET as exportRoute } from "@/app/api/campaigns/[id]/export/route";
import { getDb } from "@/lib/core/db/client";
import { addDays } from "@/lib/domains/analytics/day-range";
import { zonedDateKey } from "@/lib/core/time/zoned-time";
import { campaignInstants } from "@/lib/domains/campaigns/campaign-window";
import { getCampaignProgress } from "@/lib/domains/campaigns/get-campaign-progress";
import { listActiveCampaigns } from "@/lib/domains/campaigns/list-active-campaigns";
import { listItemCampaigns } from "@/lib/domains/campaigns/list-item-campaigns";
import { loadCampaignResults } from "@/lib/domains/campaigns/load-campaign-results";
import { createCampaign } from "@/lib/domains/campaigns/save-campaign";
import type { CreateCampaignInput } from "@/lib/domains/campaigns/campaign-schemas";
import { randomString } from "@/lib/core/db/create-id";
import {
  accessFor,
  addMember,
  createOrgFixture,
  createTeam,
  type OrgFixture,
} from "../../support/factories";
import { createItem, createShare } from "../../support/analytics";
import { callRoute } from "../../support/http";

const TZ = "Europe/Berlin";
let a: OrgFixture;
let b: OrgFixture;

beforeAll(async () => {
  [a, b] = await Promise.all([createOrgFixture(), createOrgFixture()]);
  const org = await getDb().organization.update({
    where: { id: a.org.id },
    data: { timeZone: TZ },
  });
  a.org = org;
});

const today = () => zonedDateKey(new Date(), TZ);

function body(itemIds: string[], over: Partial<CreateCampaignInput> = {}) {
  return {
    name: `Campaign ${randomString(6)}`,
    description: "Tell people about the solar park.",
    startDate: addDays(today(), -2),
    endDate: addDays(today(), 5),
    goal: "SHARES",
    goalTarget: 10,
    itemIds,
    teamIds: [],
    ...over,
  };
}

/** The fields an error response names. */
function fieldsOf(res: { json: unknown }): string[] {
  const error = (res.json as { error?: { fields?: Record<string, string> } } | null)?.error;
  return Object.keys(error?.fields ?? {});
}

async function post(fx: OrgFixture, userId: string, payload: unknown) {
  return callRoute(campaignsRoute.POST, { method: "POST", userId, body: payload });
}

describe("creating and editing campaigns", () => {
  it("an admin creates, reads, lists, edits and archives a campaign; each step is audited", async () => {
    const item = await createItem(a.org.id);
    const created = await post(a, a.admin.user.id, body([item.id], { teamIds: [a.teamA.id] }));
    expect(created.status).toBe(201);
    const { id } = created.json.campaign as { id: string };
    expect(id).toMatch(/^cmp_/);

    const stored = await getDb().campaign.findUniqueOrThrow({ where: { id } });
    // Whole days of the organisation's zone: midnight in Berlin, the end exclusive.
    expect(stored.startsAt).toEqual(
      campaignInstants({ startDate: addDays(today(), -2), endDate: today() }, TZ).startsAt,
    );
    expect(stored.teamsCompete).toBe(true);

    const got = await callRoute(campaignRoute.GET, { userId: a.admin.user.id, params: { id } });
    expect(got.status).toBe(200);
    const campaign = got.json.campaign as { items: { id: string }[]; startDate: string };
    expect(campaign.items.map((i) => i.id)).toEqual([item.id]);
    expect(campaign.startDate).toBe(addDays(today(), -2));
    expect((got.json.progress as { total: number }).total).toBe(0);

    const patched = await callRoute(campaignRoute.PATCH, {
      method: "PATCH",
      userId: a.admin.user.id,
      params: { id },
      body: { name: "Solar week", goalTarget: 25, teamIds: [] },
    });
    expect(patched.status).toBe(200);
    const after = await getDb().campaign.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({
      name: "Solar week",
      goalTarget: 25,
      teamsCompete: false,
      // Fields the edit did not send stay as they were.
      description: "Tell people about the solar park.",
      startsAt: stored.startsAt,
    });

    const listed = await callRoute(campaignsRoute.GET, { userId: a.admin.user.id });
    expect((listed.json.campaigns as { id: string }[]).map((c) => c.id)).toContain(id);

    const archived = await callRoute(campaignRoute.DELETE, {
      method: "DELETE",
      userId: a.admin.user.id,
      params: { id },
    });
    expect(archived.status).toBe(200);
    const relisted = await callRoute(campaignsRoute.GET, { userId: a.admin.user.id });
    expect((relisted.json.campaigns as { id: string }[]).map((c) => c.id)).not.toContain(id);
    const archivedList = await callRoute(campaignsRoute.GET, {
      userId: a.admin.user.id,
      path: "/api/campaigns?archived=true",
    });
    expect((archivedList.json.campaigns as { id: string }[]).map((c) => c.id)).toContain(id);
    const late = await callRoute(campaignRoute.PATCH, {
      method: "PATCH",
      userId: a.admin.user.id,
      params: { id },
      body: { goalTarget: 30 },
    });
    expect(late.status).toBe(409);

    const audit = await getDb().auditLog.findMany({
      where: { orgId: a.org.id, targetId: id },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true },
    });
    expect(audit.map((e) => e.action)).toEqual([
      "campaign.create",
      "campaign.update",
      "campaign.archive",
    ]);
    expect(audit.every((e) => e.actorId === a.admin.user.id)).toBe(true);
  });

  it("refuses impossible dates, an end before the start, no posts and a taken name (400/409)", async () => {
    const item = await createItem(a.org.id);
    const bad = await post(a, a.admin.user.id, body([item.id], { startDate: "2026-02-31" }));
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toContain("startDate");

    const reversed = await post(
      a,
      a.admin.user.id,
      body([item.id], { startDate: "2027-03-10", endDate: "2027-03-09" }),
    );
    expect(reversed.status).toBe(400);
    expect(reversed.json.error?.message).toMatch(/end date must be on or after the start date/);
    expect(fieldsOf(reversed)).toContain("endDate");

    const tooLong = await post(
      a,
      a.admin.user.id,
      body([item.id], { startDate: "2027-01-01", endDate: "2028-06-01" }),
    );
    expect(tooLong.status).toBe(400);

    const empty = await post(a, a.admin.user.id, body([]));
    expect(empty.status).toBe(400);
    expect(fieldsOf(empty)).toContain("itemIds");

    const zero = await post(a, a.admin.user.id, body([item.id], { goalTarget: 0 }));
    expect(zero.status).toBe(400);

    const first = await post(a, a.admin.user.id, body([item.id], { name: "Only once" }));
    expect(first.status).toBe(201);
    const again = await post(a, a.admin.user.id, body([item.id], { name: "Only once" }));
    expect(again.status).toBe(409);

    // Editing one date checks it against the stored other one.
    const { id } = first.json.campaign as { id: string };
    const before = await callRoute(campaignRoute.PATCH, {
      method: "PATCH",
      userId: a.admin.user.id,
      params: { id },
      body: { endDate: addDays(today(), -10) },
    });
    expect(before.status).toBe(400);
    expect(fieldsOf(before)).toContain("endDate");
  });

  it("refuses another organisation's posts and teams (404 naming the field), and its campaigns", async () => {
    const mine = await createItem(a.org.id);
    const theirs = await createItem(b.org.id);
    const foreignItem = await post(a, a.admin.user.id, body([mine.id, theirs.id]));
    expect(foreignItem.status).toBe(404);
    expect(fieldsOf(foreignItem)).toEqual(["itemIds"]);

    const foreignTeam = await post(a, a.admin.user.id, body([mine.id], { teamIds: [b.teamA.id] }));
    expect(foreignTeam.status).toBe(404);
    expect(fieldsOf(foreignTeam)).toEqual(["teamIds"]);
    expect(await getDb().campaign.count({ where: { orgId: a.org.id, name: "x" } })).toBe(0);

    const bCampaign = await createCampaign(accessFor(b.org, b.admin), body([theirs.id]) as never);
    for (const handler of [campaignRoute.GET, exportRoute]) {
      const res = await callRoute(handler, {
        userId: a.admin.user.id,
        params: { id: bCampaign.id },
      });
      expect(res.status).toBe(404);
    }
    const patch = await callRoute(campaignRoute.PATCH, {
      method: "PATCH",
      userId: a.admin.user.id,
      params: { id: bCampaign.id },
      body: { name: "Taken over" },
    });
    expect(patch.status).toBe(404);
    const listed = await callRoute(campaignsRoute.GET, { userId: a.admin.user.id });
    expect((listed.json.campaigns as { id: string }[]).map((c) => c.id)).not.toContain(
      bCampaign.id,
    );
    expect(
      (await getDb().campaign.findUniqueOrThrow({ where: { id: bCampaign.id } })).name,
    ).not.toBe("Taken over");
  });

  it("lets only people who manage content create or edit campaigns (403)", async () => {
    const item = await createItem(a.org.id);
    for (const member of [a.employee, a.manager]) {
      const res = await post(a, member.user.id, body([item.id]));
      expect(res.status).toBe(403);
      const list = await callRoute(campaignsRoute.GET, { userId: member.user.id });
      expect(list.status).toBe(403);
    }
    expect(
      await getDb().campaign.count({ where: { orgId: a.org.id, createdById: a.employee.user.id } }),
    ).toBe(0);
  });
});

describe("campaign progress", () => {
  async function setup(goal: "SHARES" | "VISITS" | "OUTCOMES") {
    const [item, other] = [await createItem(a.org.id), await createItem(a.org.id)];
    const admin = accessFor(a.org, a.admin);
    const { id } = await createCampaign(admin, body([item.id], { goal }) as CreateCampaignInput);
    const campaign = await getDb().campaign.findUniqueOrThrow({ where: { id } });
    return { item, other, campaign };
  }

  it("counts shares of the campaign's posts inside its window, in the organisation's zone", async () => {
    const { item, other, campaign } = await setup("SHARES");
    const alice = await addMember(a.org.id, "EMPLOYEE");
    const justBefore = new Date(campaign.startsAt.getTime() - 60_000);
    await createShare(a.org.id, item.id, alice, { createdAt: campaign.startsAt });
    await createShare(a.org.id, item.id, alice, { status: "POSTED" });
    await createShare(a.org.id, item.id, alice, { createdAt: justBefore });
    await createShare(a.org.id, other.id, alice);
    await createShare(a.org.id, item.id, alice, { status: "SCHEDULED" });
    await createShare(a.org.id, item.id, alice, { status: "FAILED" });
    const opened = await createShare(a.org.id, item.id, alice);
    await getDb().share.update({ where: { id: opened.id }, data: { status: "OPENED" } });
    await createShare(a.org.id, item.id, alice, { createdAt: campaign.endsAt });

    const progress = await getCampaignProgress(campaign, TZ, { membershipId: alice.membership.id });
    expect(progress.total).toBe(2);
    expect(progress.percent).toBe(20);
    expect(progress.own).toMatchObject({ shares: 2, value: 2 });
    expect(progress.contributors.map((c) => [c.membershipId, c.value])).toEqual([
      [alice.membership.id, 2],
    ]);
  });

  it("reads visits and outcomes from the daily rollups on the campaign's days only", async () => {
    const visits = await setup("VISITS");
    const outcomes = await setup("OUTCOMES");
    const bob = await addMember(a.org.id, "EMPLOYEE");
    const start = zonedDateKey(visits.campaign.startsAt, TZ);
    async function rollup(itemId: string, day: string, row: Record<string, number>) {
      const share = await createShare(a.org.id, itemId, bob);
      await getDb().shareDailyStats.create({
        data: {
          shareId: share.id,
          day: new Date(`${day}T00:00:00Z`),
          orgId: a.org.id,
          itemId,
          membershipId: bob.membership.id,
          ...row,
        },
      });
    }
    await rollup(visits.item.id, start, { uniqueVisits: 4, humanClicks: 9, clicks: 12 });
    await rollup(visits.item.id, addDays(start, 3), { uniqueVisits: 3, signups: 1, hires: 1 });
    await rollup(visits.item.id, addDays(start, -1), { uniqueVisits: 50 });
    await rollup(visits.item.id, addDays(start, 8), { uniqueVisits: 70 });
    await rollup(visits.other.id, start, { uniqueVisits: 90 });
    await rollup(outcomes.item.id, start, { uniqueVisits: 5, signups: 2, leads: 1, deals: 1 });
    await rollup(outcomes.item.id, addDays(start, -1), { signups: 9 });

    const v = await getCampaignProgress(visits.campaign, TZ, { membershipId: bob.membership.id });
    expect(v.total).toBe(7);
    // Four shares of the post made today (one per rollup row above), whatever their clicks.
    expect(v.figures).toEqual({ shares: 4, visits: 7, outcomes: 2 });
    expect(v.own.value).toBe(7);
    const o = await getCampaignProgress(outcomes.campaign, TZ);
    expect(o.total).toBe(4);
    expect(o.figures.visits).toBe(5);
  });

  it("ranks the competing teams by their members' contributions, ties sharing a rank", async () => {
    const item = await createItem(a.org.id);
    const [red, blue, green] = [
      await createTeam(a.org.id, `Red ${randomString(4)}`),
      await createTeam(a.org.id, `Blue ${randomString(4)}`),
      await createTeam(a.org.id, `Green ${randomString(4)}`),
    ];
    const r1 = await addMember(a.org.id, "EMPLOYEE", { teamIds: [red.id] });
    const r2 = await addMember(a.org.id, "EMPLOYEE", { teamIds: [red.id] });
    const b1 = await addMember(a.org.id, "EMPLOYEE", { teamIds: [blue.id] });
    const g1 = await addMember(a.org.id, "EMPLOYEE", { teamIds: [green.id] });
    const { id } = await createCampaign(
      accessFor(a.org, a.admin),
      body([item.id], { teamIds: [red.id, blue.id, green.id] }) as CreateCampaignInput,
    );
    for (const m of [r1, r2, r2, b1, b1, g1, g1]) await createShare(a.org.id, item.id, m);
    const campaign = await getDb().campaign.findUniqueOrThrow({ where: { id } });
    const progress = await getCampaignProgress(campaign, TZ, { contributors: 2 });
    expect(progress.total).toBe(7);
    expect(progress.teams.map((t) => [t.teamId, t.value, t.rank])).toEqual([
      [red.id, 3, 1],
      [blue.id, 2, 2],
      [green.id, 2, 2],
    ]);
    expect(progress.contributors).toHaveLength(2);
    expect(progress.contributorCount).toBe(4);
  });
});

describe("where campaigns show", () => {
  it("the feed lists running campaigns only, with the member's contribution and shareable posts", async () => {
    const fx = await createOrgFixture();
    const admin = accessFor(fx.org, fx.admin);
    const employee = accessFor(fx.org, fx.employee);
    const item = await createItem(fx.org.id);
    await getDb().contentItem.update({ where: { id: item.id }, data: { audienceAll: true } });
    const day = zonedDateKey(new Date(), fx.org.timeZone);
    const running = await createCampaign(
      admin,
      body([item.id], { startDate: day, endDate: addDays(day, 2) }) as CreateCampaignInput,
    );
    await createCampaign(
      admin,
      body([item.id], {
        startDate: addDays(day, 1),
        endDate: addDays(day, 3),
      }) as CreateCampaignInput,
    );
    await createCampaign(
      admin,
      body([item.id], {
        startDate: addDays(day, -9),
        endDate: addDays(day, -1),
      }) as CreateCampaignInput,
    );
    const archived = await createCampaign(admin, body([item.id]) as CreateCampaignInput);
    await getDb().campaign.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    await createShare(fx.org.id, item.id, fx.employee);

    const active = await listActiveCampaigns(employee);
    expect(active.map((c) => c.id)).toEqual([running.id]);
    expect(active[0]).toMatchObject({ daysLeft: 3, items: [{ id: item.id }] });
    expect(active[0]!.progress.own.value).toBe(1);
    // Another organisation's members see none of it.
    const elsewhere = await listActiveCampaigns(accessFor(b.org, b.employee));
    expect(elsewhere.map((c) => c.id)).not.toContain(running.id);

    // Feed cards carry the running campaign's name only (not the future, ended or archived ones),
    // and only within the organisation asked about.
    const other = await createItem(fx.org.id);
    const marks = await listItemCampaigns(fx.org.id, [item.id, other.id]);
    expect(marks.get(item.id)).toEqual([running.name]);
    expect(marks.has(other.id)).toBe(false);
    expect((await listItemCampaigns(b.org.id, [item.id])).size).toBe(0);
  });

  it("managers see results with only their teams' people, in the dashboard and the CSV", async () => {
    const fx = await createOrgFixture();
    const admin = accessFor(fx.org, fx.admin);
    const item = await createItem(fx.org.id);
    const mate = await addMember(fx.org.id, "EMPLOYEE", { teamIds: [fx.teamA.id] });
    const { id } = await createCampaign(
      admin,
      body([item.id], {
        teamIds: [fx.teamA.id, fx.teamB.id],
        name: "Results, =1+1",
      }) as CreateCampaignInput,
    );
    await createShare(fx.org.id, item.id, mate);
    await createShare(fx.org.id, item.id, fx.employee); // team B: not the manager's
    await createShare(fx.org.id, item.id, fx.employee);

    const [result] = await loadCampaignResults(accessFor(fx.org, fx.manager));
    expect(result!.progress.total).toBe(3);
    expect(result!.progress.teams.map((t) => [t.teamId, t.value])).toEqual([
      [fx.teamB.id, 2],
      [fx.teamA.id, 1],
    ]);
    expect(result!.progress.contributors.map((c) => c.membershipId)).toEqual([mate.membership.id]);

    const csv = await callRoute(exportRoute, { userId: fx.manager.user.id, params: { id } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = String(csv.json)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("kind,name,rank,shares,unique_visits,outcomes,goal,goal_value");
    expect(lines[1]).toBe(`campaign,"Results, =1+1",,3,0,0,SHARES,3`);
    expect(lines.filter((l) => l.startsWith("person,"))).toEqual([
      `person,${mate.user.name},1,1,0,0,SHARES,1`,
    ]);
    const employeeCsv = await callRoute(exportRoute, {
      userId: fx.employee.user.id,
      params: { id },
    });
    expect(employeeCsv.status).toBe(403);
    const audit = await getDb().auditLog.count({
      where: { orgId: fx.org.id, action: "campaign.export", targetId: id },
    });
    expect(audit).toBe(1);
  });
});
