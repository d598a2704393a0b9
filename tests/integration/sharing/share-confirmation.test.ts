/**
 * Honest share counts: a share through LinkedIn's dialog or by copying is OPENED — nothing is
 * posted yet — and counts nowhere (dashboard KPIs, participation, points, streak, the person's
 * page, "already shared" in the feed) until it is confirmed: by its sharer ("I posted it") or by
 * the first human click on its tracked link (a bot's click confirms nothing). Real route handlers,
 * the real click writer, real PostgreSQL.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as contentRoute from "@/app/api/content/route";
import { POST as transition } from "@/app/api/content/[id]/transitions/route";
import * as sharesRoute from "@/app/api/shares/route";
import { POST as confirmRoute } from "@/app/api/shares/[id]/confirm/route";
import { GET as personRoute } from "@/app/api/people/[handle]/route";
import { getDb } from "@/lib/core/db/client";
import { createId, randomString } from "@/lib/core/db/create-id";
import { newShareCode } from "@/lib/domains/tracking/share-code";
import { getOverview } from "@/lib/domains/analytics/get-overview";
import { getBreakdowns } from "@/lib/domains/analytics/get-breakdowns";
import { addDays } from "@/lib/domains/analytics/day-range";
import { listForYouFeed } from "@/lib/domains/sharing/list-for-you-feed";
import { writeClicks } from "@/lib/domains/tracking/click-writer";
import type { ClickEvent } from "@/lib/domains/tracking/click-event";
import { accessFor, createOrgFixture, type OrgFixture } from "../../support/factories";
import { contentInput } from "../../support/content";
import { callRoute } from "../../support/http";

let f: OrgFixture;
let itemId: string;
let pool: pg.Pool;

const today = new Date().toISOString().slice(0, 10);
const range = { from: addDays(today, -2), to: addDays(today, 1) };

beforeAll(async () => {
  f = await createOrgFixture();
  const created = await callRoute(contentRoute.POST, {
    method: "POST",
    userId: f.admin.user.id,
    body: contentInput({ linkUrl: "https://fernhill.example/news/solar" }),
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  itemId = (created.json.item as { id: string }).id;
  const moved = await callRoute(transition, {
    method: "POST",
    userId: f.admin.user.id,
    params: { id: itemId },
    body: { to: "PUBLISHED" },
  });
  expect(moved.status).toBe(200);
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
});

afterAll(async () => {
  await pool?.end();
});

async function share(channel: "COPY" | "LINKEDIN_DIALOG", text: string) {
  const res = await callRoute(sharesRoute.POST, {
    method: "POST",
    userId: f.employee.user.id,
    body: { itemId, channel, text },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return (res.json as { share: { id: string; status: string } }).share;
}

/** What every place that counts shares says about the employee right now. */
async function counted() {
  const [overview, breakdowns, activity, feed, handle] = await Promise.all([
    getOverview({ orgId: f.org.id, teamIds: null, range }),
    getBreakdowns({ orgId: f.org.id, teamIds: null, range }, { limit: 100 }),
    callRoute(sharesRoute.GET, { userId: f.employee.user.id }),
    listForYouFeed(accessFor(f.org, f.employee), {}),
    getDb().membership.findUniqueOrThrow({ where: { id: f.employee.membership.id } }),
  ]);
  const page = await callRoute(personRoute, {
    userId: f.manager.user.id,
    params: { handle: handle.handle! },
  });
  const person = page.json.person as { reach: { shares: number } | null; shares: unknown[] | null };
  const row = breakdowns.leaderboard.find((r) => r.membershipId === f.employee.membership.id);
  return {
    kpiShares: overview.current.shares,
    activeAdvocates: overview.current.activeAdvocates,
    leaderboardShares: row?.shares ?? 0,
    points: row?.points ?? 0,
    streakWeeks: (activity.json as { streakWeeks: number }).streakWeeks,
    feedSharedCount: feed.find((i) => i.id === itemId)?.sharedCount ?? 0,
    personShares: person.reach?.shares ?? null,
    personListed: person.shares?.length ?? null,
  };
}

function click(shareId: string, at: number, isBot: boolean): ClickEvent {
  return {
    id: createId("clk"),
    shareId,
    at,
    isBot,
    visitorKey: `v${randomString(12)}`,
    device: isBot ? "bot" : "desktop",
    browser: "Chrome",
    referrerHost: "www.linkedin.com",
  };
}

describe("a share through the dialog or by copying", () => {
  it("is OPENED and counts nowhere until its sharer confirms it with “I posted it”", async () => {
    const copied = await share("COPY", "In my own words: two winters on that site, proud of it.");
    expect(copied.status).toBe("OPENED");
    expect(await counted()).toEqual({
      kpiShares: 0,
      activeAdvocates: 0,
      leaderboardShares: 0,
      points: 0,
      streakWeeks: 0,
      feedSharedCount: 0,
      personShares: 0,
      personListed: 0,
    });

    // A colleague cannot confirm it (not theirs: 404), and nothing changes.
    const foreign = await callRoute(confirmRoute, {
      method: "POST",
      userId: f.manager.user.id,
      params: { id: copied.id },
    });
    expect(foreign.status).toBe(404);
    expect((await counted()).kpiShares).toBe(0);

    const res = await callRoute(confirmRoute, {
      method: "POST",
      userId: f.employee.user.id,
      params: { id: copied.id },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.share).toMatchObject({ id: copied.id, status: "SHARED" });
    const row = await getDb().share.findUniqueOrThrow({ where: { id: copied.id } });
    expect(row.confirmedAt).toBeInstanceOf(Date);

    const after = await counted();
    expect(after).toMatchObject({
      kpiShares: 1,
      activeAdvocates: 1,
      leaderboardShares: 1,
      streakWeeks: 1,
      feedSharedCount: 1,
      personShares: 1,
      personListed: 1,
    });
    expect(after.points).toBeGreaterThan(0);

    // Confirming twice changes nothing (same answer, same time).
    const again = await callRoute(confirmRoute, {
      method: "POST",
      userId: f.employee.user.id,
      params: { id: copied.id },
    });
    expect(again.status).toBe(200);
    const same = await getDb().share.findUniqueOrThrow({ where: { id: copied.id } });
    expect(same.confirmedAt).toEqual(row.confirmedAt);
  });

  it("is confirmed by the first human click on its link; a bot's click confirms nothing", async () => {
    const before = (await counted()).kpiShares;
    const opened = await share("LINKEDIN_DIALOG", "My own take: the solar park is live today.");
    expect(opened.status).toBe("OPENED");

    // LinkedIn's crawler fetches the link for its preview before anything is posted: a bot.
    await writeClicks(pool, [click(opened.id, Date.now() - 2000, true)]);
    let row = await getDb().share.findUniqueOrThrow({ where: { id: opened.id } });
    expect(row.status).toBe("OPENED");
    expect((await counted()).kpiShares).toBe(before);

    const humanAt = Date.now() - 1000;
    await writeClicks(pool, [
      click(opened.id, humanAt, false),
      click(opened.id, humanAt + 500, false),
    ]);
    row = await getDb().share.findUniqueOrThrow({ where: { id: opened.id } });
    expect(row.status).toBe("SHARED");
    expect(row.confirmedAt?.getTime()).toBe(humanAt);
    expect((await counted()).kpiShares).toBe(before + 1);
  });

  it("a post through the LinkedIn API is confirmed by LinkedIn, never by hand", async () => {
    const apiShare = await getDb().share.create({
      data: {
        id: createId("shr"),
        orgId: f.org.id,
        itemId,
        membershipId: f.employee.membership.id,
        userId: f.employee.user.id,
        code: newShareCode(),
        channel: "LINKEDIN_API",
        status: "FAILED",
        text: "Through the API",
        language: "en",
        authenticity: 1,
        destinationUrl: "https://fernhill.example/news/solar",
      },
    });
    const res = await callRoute(confirmRoute, {
      method: "POST",
      userId: f.employee.user.id,
      params: { id: apiShare.id },
    });
    expect(res.status).toBe(409);
    const row = await getDb().share.findUniqueOrThrow({ where: { id: apiShare.id } });
    expect(row.status).toBe("FAILED");
  });
});
