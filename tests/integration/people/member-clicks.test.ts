/**
 * An employee sees the clicks the dashboard credits them with: /activity (GET /api/shares) per
 * share and in total, and their page (GET /api/people/<handle>) in its reach section. Same
 * definition as the dashboard's "Human clicks": rollups of clicks, bots not counted. Expected
 * figures are literals worked out from the clicks inserted below.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listShares } from "@/app/api/shares/route";
import { GET as person } from "@/app/api/people/[handle]/route";
import { getDb } from "@/lib/core/db/client";
import { drainDirtyRollups } from "@/lib/domains/analytics/rollup";
import { getBreakdowns } from "@/lib/domains/analytics/get-breakdowns";
import { addDays } from "@/lib/domains/analytics/day-range";
import { createOrgFixture, type OrgFixture } from "../../support/factories";
import { createItem, createShare, insertClicks } from "../../support/analytics";
import { callRoute } from "../../support/http";

const HOUR = 3_600_000;
let f: OrgFixture;
let other: OrgFixture;
let shares: { first: string; second: string; quiet: string };

beforeAll(async () => {
  f = await createOrgFixture();
  other = await createOrgFixture();
  const item = await createItem(f.org.id);
  const start = Date.now() - 3 * 24 * HOUR;
  const first = await createShare(f.org.id, item.id, f.employee, { createdAt: new Date(start) });
  const second = await createShare(f.org.id, item.id, f.employee, {
    createdAt: new Date(start + HOUR),
  });
  const quiet = await createShare(f.org.id, item.id, f.employee, {
    createdAt: new Date(start + 2 * HOUR),
  });
  const colleague = await createShare(f.org.id, item.id, f.manager, {
    createdAt: new Date(start),
  });
  shares = { first: first.id, second: second.id, quiet: quiet.id };
  const at = (hours: number) => new Date(start + hours * HOUR);
  await insertClicks(f.org.id, [
    // first: 3 human clicks over two days (the same visitor twice), 2 bots
    { shareId: first.id, at: at(1), visitorKey: "v1" },
    { shareId: first.id, at: at(1.5), visitorKey: "v1" },
    { shareId: first.id, at: at(30), visitorKey: "v2" },
    { shareId: first.id, at: at(2), visitorKey: "bot", isBot: true },
    { shareId: first.id, at: at(31), visitorKey: "bot", isBot: true },
    // second: 1 human click
    { shareId: second.id, at: at(5), visitorKey: "v3" },
    // a colleague's share: not the employee's
    { shareId: colleague.id, at: at(5), visitorKey: "v4" },
    { shareId: colleague.id, at: at(6), visitorKey: "v5" },
  ]);
  // Another organisation's clicks on a share of its own.
  const otherItem = await createItem(other.org.id);
  const otherShare = await createShare(other.org.id, otherItem.id, other.employee);
  await insertClicks(other.org.id, [{ shareId: otherShare.id, at: new Date(), visitorKey: "x" }]);
  await drainDirtyRollups(getDb());
});

describe("an employee's clicks", () => {
  it("/activity shows each share's human clicks and their total", async () => {
    const res = await callRoute(listShares, { userId: f.employee.user.id });
    expect(res.status).toBe(200);
    const body = res.json as { shares: { id: string; clicks: number }[]; totalClicks: number };
    const clicks = Object.fromEntries(body.shares.map((s) => [s.id, s.clicks]));
    expect(clicks).toEqual({ [shares.first]: 3, [shares.second]: 1, [shares.quiet]: 0 });
    expect(body.totalClicks).toBe(4);
  });

  it("their page shows the same total to them and to a colleague", async () => {
    const { handle } = await getDb().membership.findUniqueOrThrow({
      where: { id: f.employee.membership.id },
    });
    for (const userId of [f.employee.user.id, f.manager.user.id]) {
      const res = await callRoute(person, { userId, params: { handle: handle! } });
      expect(res.status).toBe(200);
      expect((res.json.person as { reach: { clicks: number } }).reach.clicks).toBe(4);
    }
  });

  it("equals the human clicks the dashboard credits the same person with", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const b = await getBreakdowns(
      {
        orgId: f.org.id,
        teamIds: null,
        range: { from: addDays(today, -10), to: addDays(today, 1) },
      },
      { limit: 100 },
    );
    const row = b.leaderboard.find((r) => r.membershipId === f.employee.membership.id);
    expect(row?.humanClicks).toBe(4);
  });
});
