import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/analytics/export/route";
import { getDb } from "@/lib/core/db/client";
import { createId, randomString } from "@/lib/core/db/create-id";
import { drainDirtyRollups } from "@/lib/domains/analytics/rollup";
import { loadDashboard } from "@/lib/domains/analytics/load-dashboard";
import { addDays } from "@/lib/domains/analytics/day-range";
import { EXPORT_TABLES, type ExportTable } from "@/lib/domains/analytics/types";
import { EXPORT_CHUNK_ROWS } from "@/lib/domains/analytics/export-shares";
import { exportConversionRows } from "@/lib/domains/analytics/export-conversions";
import { parseCsv } from "@/lib/core/csv/parse-csv";
import { zonedDateKey } from "@/lib/core/time/zoned-time";
import { accessFor, addMember, createOrgFixture, type OrgFixture } from "../../support/factories";
import { createItem, createShare, insertClicks, insertConversions } from "../../support/analytics";
import { callRoute, sessionCookie, TEST_ORIGIN } from "../../support/http";

const DAY = 86_400_000;
let a: OrgFixture;
let b: OrgFixture;
/** Shares of org a: one by the admin (team Alpha, managed by a.manager), one by the employee (Beta). */
let alphaShare: { id: string; code: string };
let betaShare: { id: string; code: string };
const FORMULA_TITLE = '=HYPERLINK("http://evil.example","Click me")';

function daysAgo(n: number, hourUtc = 12): Date {
  const d = new Date(Date.now() - n * DAY);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
}

async function download(userId: string, query: string) {
  const res = await callRoute(exportRoute, { userId, path: `/api/analytics/export?${query}` });
  const text = typeof res.json === "string" ? res.json : JSON.stringify(res.json);
  const rows = res.status === 200 ? parseCsv(text).map((r) => r.cells) : [];
  return { ...res, text, header: rows[0] ?? [], rows: rows.slice(1) };
}

function column(header: string[], rows: string[][], name: string): string[] {
  const i = header.indexOf(name);
  expect(i, `column ${name} in ${header.join(",")}`).toBeGreaterThanOrEqual(0);
  return rows.map((r) => r[i]!);
}

beforeAll(async () => {
  a = await createOrgFixture();
  b = await createOrgFixture();
  const formulaItem = await createItem(a.org.id, { valueType: "EDUCATION", goals: ["HR"] });
  await getDb().contentItem.update({
    where: { id: formulaItem.id },
    data: { title: FORMULA_TITLE },
  });
  const plainItem = await createItem(a.org.id, { valueType: "INFORMATION", goals: ["MARKETING"] });
  alphaShare = await createShare(a.org.id, formulaItem.id, a.admin, {
    createdAt: daysAgo(3),
    networkSize: 1000,
  });
  betaShare = await createShare(a.org.id, plainItem.id, a.employee, { createdAt: daysAgo(2) });
  // A share that never went out (failed) is not a share on the dashboard nor in the file.
  await createShare(a.org.id, plainItem.id, a.employee, {
    createdAt: daysAgo(2),
    status: "FAILED",
  });
  await insertClicks(a.org.id, [
    { shareId: alphaShare.id, at: daysAgo(2, 9), visitorKey: "v1" },
    { shareId: alphaShare.id, at: daysAgo(2, 9), visitorKey: "v1" },
    { shareId: alphaShare.id, at: daysAgo(2, 15), visitorKey: "v2" },
    { shareId: alphaShare.id, at: daysAgo(1, 10), visitorKey: "bot", isBot: true },
    { shareId: betaShare.id, at: daysAgo(1, 10), visitorKey: "v3" },
  ]);
  await insertConversions(a.org.id, [
    { shareId: alphaShare.id, outcome: "APPLICATION", occurredAt: daysAgo(1, 11) },
    { shareId: alphaShare.id, outcome: "HIRE", occurredAt: daysAgo(1, 12), value: 1200 },
    { shareId: betaShare.id, outcome: "SIGNUP", occurredAt: daysAgo(1, 13) },
  ]);
  // Org b has data of its own, which org a's files must never show.
  const bItem = await createItem(b.org.id);
  const bShare = await createShare(b.org.id, bItem.id, b.admin, { createdAt: daysAgo(2) });
  await insertClicks(b.org.id, [{ shareId: bShare.id, at: daysAgo(1), visitorKey: "b1" }]);
  await drainDirtyRollups(getDb());
});

describe("GET /api/analytics/export", () => {
  it("downloads every table for an admin as a UTF-8 CSV attachment with a header row", async () => {
    const expectedRows: Record<ExportTable, number> = {
      daily: 30,
      "value-types": 6,
      goals: 3,
      content: 2,
      advocates: 2,
      teams: 2,
      shares: 2,
      conversions: 3,
    };
    for (const table of EXPORT_TABLES) {
      const res = await download(a.admin.user.id, `table=${table}&range=30d`);
      expect(res.status, `${table}: ${res.text}`).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      const today = zonedDateKey(new Date(), "UTC");
      expect(res.headers.get("content-disposition")).toBe(
        `attachment; filename="chorus-${table}-${addDays(today, -29)}-${today}.csv"`,
      );
      expect(res.header.length, table).toBeGreaterThan(3);
      expect(
        res.header.every((h) => /^[a-z_]+$/.test(h)),
        res.header.join(","),
      ).toBe(true);
      expect(res.rows.length, table).toBe(expectedRows[table]);
      for (const row of res.rows) expect(row.length, table).toBe(res.header.length);
    }
  });

  it("the figures equal a raw SQL recount of the events", async () => {
    const db = getDb();
    const from = daysAgo(29, 0);
    const [raw] = await db.$queryRaw<{ human: number; bots: number; conversions: number }[]>`
      SELECT
        (SELECT COUNT(*)::int FROM "ClickEvent" WHERE "orgId" = ${a.org.id} AND NOT "isBot" AND "at" >= ${from}) AS "human",
        (SELECT COUNT(*)::int FROM "ClickEvent" WHERE "orgId" = ${a.org.id} AND "isBot" AND "at" >= ${from}) AS "bots",
        (SELECT COUNT(*)::int FROM "Conversion" WHERE "orgId" = ${a.org.id} AND "occurredAt" >= ${from}) AS "conversions"`;
    const daily = await download(a.admin.user.id, "table=daily");
    const sum = (name: string) =>
      column(daily.header, daily.rows, name).reduce((s, v) => s + Number(v), 0);
    expect(sum("human_clicks")).toBe(raw!.human);
    expect(raw!.human).toBe(4);
    expect(sum("conversions")).toBe(raw!.conversions);
    expect(sum("shares")).toBe(2);
    // v1 twice in one hour is one visit: v1, v2, v3.
    expect(sum("unique_visits")).toBe(3);

    const shares = await download(a.admin.user.id, "table=shares");
    const byCode = new Map(shares.rows.map((r) => [r[shares.header.indexOf("share_code")], r]));
    const alpha = byCode.get(alphaShare.code)!;
    const cell = (name: string) => alpha[shares.header.indexOf(name)];
    expect(cell("human_clicks")).toBe("3");
    expect(cell("bot_clicks")).toBe(String(raw!.bots));
    expect(cell("unique_visits")).toBe("2");
    expect(cell("conversions")).toBe("2");
    expect(cell("conversion_value")).toBe("1200");
    // Reach: network 1000 × default reach rate 0.1; EMV = 100 × 10 / 1000 + 3 clicks × 5.
    expect(cell("estimated_reach")).toBe("100");
    expect(cell("reach_is_estimate")).toBe("yes");
    expect(cell("emv_estimate")).toBe("16");
    expect(cell("currency")).toBe("EUR");

    const conversions = await download(a.admin.user.id, "table=conversions");
    expect(column(conversions.header, conversions.rows, "outcome")).toEqual([
      "application",
      "hire",
      "signup",
    ]);
    expect(column(conversions.header, conversions.rows, "area")).toEqual(["HR", "HR", "Marketing"]);
    expect(column(conversions.header, conversions.rows, "value")).toEqual(["", "1200", ""]);
  });

  it("escapes cells that a spreadsheet would run as a formula", async () => {
    const res = await download(a.admin.user.id, "table=content");
    // Raw file: the title is prefixed with an apostrophe and quoted (it holds quotes and a comma).
    expect(res.text).toContain(`"'=HYPERLINK(""http://evil.example"",""Click me"")"`);
    expect(res.text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(column(res.header, res.rows, "title")).toContain(`'${FORMULA_TITLE}`);
    const shares = await download(a.admin.user.id, "table=shares");
    expect(column(shares.header, shares.rows, "item_title")).toContain(`'${FORMULA_TITLE}`);
  });

  it("gives a manager only their teams' rows", async () => {
    const teams = await download(a.manager.user.id, "table=teams");
    expect(column(teams.header, teams.rows, "team")).toEqual(["Alpha"]);
    const shares = await download(a.manager.user.id, "table=shares&range=90d");
    expect(column(shares.header, shares.rows, "share_code")).toEqual([alphaShare.code]);
    const conversions = await download(a.manager.user.id, "table=conversions");
    expect(column(conversions.header, conversions.rows, "share_code")).toEqual([
      alphaShare.code,
      alphaShare.code,
    ]);
    const advocates = await download(a.manager.user.id, "table=advocates");
    expect(column(advocates.header, advocates.rows, "advocate")).toEqual([a.admin.user.name]);
    const daily = await download(a.manager.user.id, "table=daily");
    expect(
      column(daily.header, daily.rows, "human_clicks").reduce((s, v) => s + Number(v), 0),
    ).toBe(3);
    // The explicit team filter works for their own team.
    const own = await download(a.manager.user.id, `table=shares&team=${a.teamA.id}`);
    expect(own.status).toBe(200);
    expect(own.rows).toHaveLength(1);
  });

  it("answers 404 for another team's id and for another organisation's team", async () => {
    for (const team of [a.teamB.id, b.teamA.id, "team_doesnotexist"]) {
      const res = await download(a.manager.user.id, `table=shares&team=${team}`);
      expect(res.status, team).toBe(404);
      expect(res.text).not.toContain(betaShare.code);
    }
    // An admin can filter by any of their organisation's teams, but not another organisation's.
    expect((await download(a.admin.user.id, `table=shares&team=${a.teamB.id}`)).rows).toHaveLength(
      1,
    );
    expect((await download(a.admin.user.id, `table=shares&team=${b.teamA.id}`)).status).toBe(404);
  });

  it("refuses employees (403) and anonymous callers (401)", async () => {
    const employee = await download(a.employee.user.id, "table=daily");
    expect(employee.status).toBe(403);
    const anonymous = await callRoute(exportRoute, { path: "/api/analytics/export?table=daily" });
    expect(anonymous.status).toBe(401);
  });

  it("answers 400 naming the field for unusable parameters", async () => {
    const cases: [string, string][] = [
      ["range=30d", "table"],
      ["table=everything", "table"],
      ["table=daily&range=1y", "range"],
      ["table=daily&range=custom&from=2026-02-30&to=2026-03-01", "from"],
      ["table=daily&range=custom&from=2026-03-05&to=2026-03-01", "to"],
      ["table=daily&from=2020-01-01&to=2026-01-01", "to"],
      [
        `table=daily&range=custom&from=2026-01-01&to=${addDays(zonedDateKey(new Date(), "UTC"), 2)}`,
        "to",
      ],
      ["table=daily&team=%3Cscript%3E", "team"],
    ];
    for (const [query, field] of cases) {
      const res = await download(a.admin.user.id, query);
      expect(res.status, query).toBe(400);
      expect(res.json.error?.message, query).toContain(`${field}:`);
      expect(Object.keys((res.json.error as { fields?: object }).fields ?? {}), query).toContain(
        field,
      );
    }
  });

  it("streams a large range chunk by chunk: 3,000 shares, all rows, in order, ties kept", async () => {
    const c = await createOrgFixture();
    const item = await createItem(c.org.id);
    const db = getDb();
    // 3,000 shares over ~215 days, seven at the very same instant every 12 hours: ties on createdAt
    // fall across the chunk boundaries (ordered by createdAt, then id).
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      id: createId("shr"),
      orgId: c.org.id,
      itemId: item.id,
      membershipId: (i % 2 ? c.manager : c.employee).membership.id,
      userId: (i % 2 ? c.manager : c.employee).user.id,
      code: randomString(10),
      channel: "COPY" as const,
      text: "text",
      language: "en",
      authenticity: 0.5,
      destinationUrl: "https://example.com/",
      createdAt: new Date(daysAgo(1).getTime() - Math.floor(i / 7) * 12 * 3_600_000),
    }));
    await db.share.createMany({ data: rows });
    const today = zonedDateKey(new Date(), "UTC");
    const query = `table=shares&range=custom&from=${addDays(today, -365)}&to=${today}`;

    const req = new Request(new URL(`/api/analytics/export?${query}`, TEST_ORIGIN), {
      headers: { host: new URL(TEST_ORIGIN).host, cookie: await sessionCookie(c.admin.user.id) },
    });
    const res = await exportRoute(req, { params: Promise.resolve({}) as Promise<never> });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    // ignoreBOM keeps the byte-order mark (for spreadsheet apps) visible to the check below.
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    let text = "";
    let chunks = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks += 1;
      text += decoder.decode(value, { stream: true });
    }
    expect(text.startsWith("\uFEFFshared_at_utc,")).toBe(true);
    // Header, then one chunk per EXPORT_CHUNK_ROWS rows read from the database cursor.
    expect(EXPORT_CHUNK_ROWS).toBeLessThan(3000);
    expect(chunks).toBeGreaterThanOrEqual(1 + Math.ceil(3000 / EXPORT_CHUNK_ROWS));
    const parsed = parseCsv(text).map((r) => r.cells);
    const header = parsed[0]!;
    const codes = parsed.slice(1).map((r) => r[header.indexOf("share_code")]);
    expect(codes).toHaveLength(3000);
    expect(new Set(codes).size).toBe(3000);
    expect(new Set(codes)).toEqual(new Set(rows.map((r) => r.code)));
    const times = parsed.slice(1).map((r) => r[header.indexOf("shared_at_utc")]!);
    expect([...times].sort()).toEqual(times);

    // A manager of Alpha (c.manager's own team) sees only Alpha members' shares: c.manager's.
    const managed = await download(c.manager.user.id, query);
    expect(managed.rows).toHaveLength(1500);
  });
});

describe("conversions export, streamed from a database cursor", () => {
  it("is complete and ordered over more rows than one chunk, ties on the instant kept by id", async () => {
    const c = await createOrgFixture();
    const item = await createItem(c.org.id);
    const share = await createShare(c.org.id, item.id, c.admin, { createdAt: daysAgo(40) });
    // 2,500 conversions, five at each instant: ties fall across the 1,000-row chunks.
    const data = Array.from({ length: 2500 }, (_, i) => ({
      id: createId("cnv"),
      orgId: c.org.id,
      shareId: share.id,
      outcome: "SIGNUP" as const,
      occurredAt: new Date(daysAgo(30).getTime() + Math.floor(i / 5) * 60_000),
      value: i % 2 ? "10.50" : null,
      currency: "EUR",
    }));
    await getDb().conversion.createMany({ data });
    const today = zonedDateKey(new Date(), "UTC");
    const query = {
      orgId: c.org.id,
      teamIds: null,
      range: { from: addDays(today, -60), to: today },
    };
    const chunks: unknown[][][] = [];
    for await (const chunk of exportConversionRows(query, { timeZone: "UTC" }, { chunkSize: 1000 }))
      chunks.push(chunk);
    expect(chunks.map((ch) => ch.length)).toEqual([1000, 1000, 500]);
    const rows = chunks.flat();
    const expected = [...data].sort(
      (x, y) => x.occurredAt.getTime() - y.occurredAt.getTime() || (x.id < y.id ? -1 : 1),
    );
    expect(rows.map((r) => r[0])).toEqual(
      expected.map((d) => d.occurredAt.toISOString().replace(/\.\d{3}Z$/, "Z")),
    );
    expect(rows.map((r) => r[4])).toEqual(expected.map((d) => (d.value === null ? "" : 10.5)));

    // Stopping half-way (a download cancelled) returns the connection: more exports than the
    // stream pool has connections still run to the end.
    for (let i = 0; i < 6; i++) {
      const it = exportConversionRows(query, { timeZone: "UTC" }, { chunkSize: 100 });
      expect((await it.next()).value).toHaveLength(100);
      await it.return(undefined);
    }
    let total = 0;
    for await (const chunk of exportConversionRows(query, { timeZone: "UTC" }))
      total += chunk.length;
    expect(total).toBe(2500);
  });
});

describe("loadDashboard (the dashboard page's data)", () => {
  it("tells a manager without teams there is nothing to show instead of failing", async () => {
    const lonely = await addMember(a.org.id, "MANAGER");
    const data = await loadDashboard(accessFor(a.org, lonely), {});
    expect(data.scope.teamIds).toEqual([]);
    expect(data.overview).toBeNull();
    expect(data.breakdowns).toBeNull();
  });

  it("falls back to the default period and to all teams, with messages, for unusable filters", async () => {
    const access = accessFor(a.org, a.manager);
    const bad = await loadDashboard(access, { range: "custom", from: "2026-03-05", to: "x" });
    expect(bad.errors).toEqual([
      "The end date must be a date written YYYY-MM-DD, e.g. 2026-11-01.",
    ]);
    expect(bad.params.preset).toBe("30d");
    expect(bad.overview?.trend).toHaveLength(30);

    const otherTeam = await loadDashboard(access, { team: a.teamB.id });
    expect(otherTeam.errors).toEqual([
      "That team is not one you can see. Showing all of your teams instead.",
    ]);
    expect(otherTeam.params.teamId).toBeNull();
    expect(otherTeam.scope.teamIds).toEqual([a.teamA.id]);
    // Only Alpha's share is counted, never Beta's.
    expect(otherTeam.overview?.current.shares).toBe(1);
    expect(otherTeam.breakdowns?.teams.map((t) => t.label)).toEqual(["Alpha"]);
    expect(otherTeam.search).toBe("range=30d");
  });
});
