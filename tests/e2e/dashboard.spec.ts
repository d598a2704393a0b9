import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { E2E } from "./e2e-config";
import { signInAs } from "./helpers";

const MANAGER = "manager@fernhill.example";
const ADMIN = "admin@fernhill.example";
const EMPLOYEE = "employee@fernhill.example";

interface Recount {
  shares: number;
  activeAdvocates: number;
  eligibleAdvocates: number;
  humanClicks: number;
  botClicks: number;
  uniqueVisits: number;
  conversions: number;
  marketing: number;
  hr: number;
  sales: number;
  reach: number;
  emv: number;
}

let client: pg.Client;

test.beforeAll(async () => {
  client = new pg.Client({ connectionString: fs.readFileSync(E2E.databaseUrlFile, "utf8") });
  await client.connect();
});

test.afterAll(async () => {
  await client?.end();
});

/** The dashboard reads daily rollups; wait until the rollup job has caught up with the events. */
async function rollupsCaughtUp() {
  await expect
    .poll(
      async () => (await client.query(`SELECT COUNT(*)::int AS n FROM "RollupDirty"`)).rows[0].n,
      { timeout: 90_000, intervals: [1000] },
    )
    .toBe(0);
}

/**
 * The KPIs of the last `days` days recounted with SQL from the raw tables (shares, click events,
 * conversions), independently of the app's queries and rollups. `teamsOf`: the email of a manager
 * whose managed teams form the scope, or null for the whole organisation; `team`: one team by name.
 */
async function recount({
  days,
  managerEmail = null,
  team = null,
}: {
  days: number;
  managerEmail?: string | null;
  team?: string | null;
}): Promise<Recount> {
  const { rows } = await client.query(
    `
    WITH org AS (
      SELECT o."id", o."timeZone" AS tz,
        COALESCE(s."reachRate", 0.1) AS "reachRate",
        COALESCE(s."defaultNetworkSize", 400) AS "defaultNetworkSize",
        COALESCE(s."cpm", 10)::float8 AS cpm, COALESCE(s."cpc", 5)::float8 AS cpc
      FROM "Organization" o
      JOIN "Membership" m ON m."orgId" = o."id"
      JOIN "User" u ON u."id" = m."userId" AND u."email" = $1
      LEFT JOIN "OrgSettings" s ON s."orgId" = o."id"
    ),
    bounds AS (
      SELECT (((now() AT TIME ZONE tz)::date - ($2::int - 1))::timestamp AT TIME ZONE tz) AS "start",
             (((now() AT TIME ZONE tz)::date + 1)::timestamp AT TIME ZONE tz) AS "end"
      FROM org
    ),
    scope AS (
      SELECT m."id" FROM "Membership" m, org WHERE m."orgId" = org."id"
        AND ($3::text IS NULL OR m."id" IN (
          SELECT tm."membershipId" FROM "TeamMember" tm
          JOIN "TeamManager" mg ON mg."teamId" = tm."teamId"
          JOIN "Membership" mm ON mm."id" = mg."membershipId"
          JOIN "User" mu ON mu."id" = mm."userId" AND mu."email" = $3))
        AND ($4::text IS NULL OR m."id" IN (
          SELECT tm."membershipId" FROM "TeamMember" tm
          JOIN "Team" t ON t."id" = tm."teamId" AND t."name" = $4 AND t."orgId" = org."id"))
    ),
    shares AS (
      SELECT sh.* FROM "Share" sh, org, bounds
      WHERE sh."orgId" = org."id" AND sh."status" IN ('SHARED', 'POSTED')
        AND sh."membershipId" IN (SELECT "id" FROM scope)
        AND (sh."createdAt" AT TIME ZONE 'UTC') >= bounds."start"
        AND (sh."createdAt" AT TIME ZONE 'UTC') < bounds."end"
    ),
    clicks AS (
      SELECT c.* FROM "ClickEvent" c JOIN "Share" sh ON sh."id" = c."shareId", org, bounds
      WHERE c."orgId" = org."id" AND sh."membershipId" IN (SELECT "id" FROM scope)
        AND c."at" >= bounds."start" AND c."at" < bounds."end"
    ),
    conversions AS (
      SELECT v.* FROM "Conversion" v JOIN "Share" sh ON sh."id" = v."shareId", org, bounds
      WHERE v."orgId" = org."id" AND sh."membershipId" IN (SELECT "id" FROM scope)
        AND v."occurredAt" >= bounds."start" AND v."occurredAt" < bounds."end"
    )
    SELECT
      (SELECT COUNT(*)::int FROM shares) AS "shares",
      (SELECT COUNT(DISTINCT "membershipId")::int FROM shares) AS "activeAdvocates",
      (SELECT COUNT(*)::int FROM "Membership" m WHERE m."status" = 'ACTIVE'
         AND m."id" IN (SELECT "id" FROM scope)) AS "eligibleAdvocates",
      (SELECT COUNT(*)::int FROM clicks WHERE NOT "isBot") AS "humanClicks",
      (SELECT COUNT(*)::int FROM clicks WHERE "isBot") AS "botClicks",
      (SELECT COUNT(DISTINCT ("shareId", "visitorKey", floor(extract(epoch FROM "at") / 3600)))::int
         FROM clicks WHERE NOT "isBot") AS "uniqueVisits",
      (SELECT COUNT(*)::int FROM conversions) AS "conversions",
      (SELECT COUNT(*)::int FROM conversions WHERE "outcome" IN ('VISIT', 'SIGNUP')) AS "marketing",
      (SELECT COUNT(*)::int FROM conversions WHERE "outcome" IN ('APPLICATION', 'HIRE')) AS "hr",
      (SELECT COUNT(*)::int FROM conversions WHERE "outcome" IN ('LEAD', 'OPPORTUNITY', 'DEAL')) AS "sales",
      (SELECT COALESCE(SUM(COALESCE(s."impressions"::numeric,
         round((COALESCE(s."networkSize", org."defaultNetworkSize")::float8 * org."reachRate")::numeric))), 0)::float8
         FROM shares s, org) AS "reach",
      (SELECT cpm FROM org) AS cpm, (SELECT cpc FROM org) AS cpc`,
    [managerEmail ?? ADMIN, days, managerEmail, team],
  );
  const r = rows[0];
  return { ...r, emv: (r.reach * r.cpm) / 1000 + r.humanClicks * r.cpc };
}

/** A KPI card's value as a number ("1,234" → 1234, "€1,234.50" → 1234.5). */
async function kpi(page: Page, id: string): Promise<number> {
  const text = await page.locator(`[data-kpi-value="${id}"]`).innerText();
  return Number(text.replace(/[^0-9.]/g, ""));
}

async function expectKpisEqual(page: Page, expected: Recount) {
  await expect(page.locator(`[data-kpi-value="active-advocates"]`)).toHaveText(
    `${expected.activeAdvocates.toLocaleString("en")} / ${expected.eligibleAdvocates.toLocaleString("en")}`,
  );
  expect(await kpi(page, "shares")).toBe(expected.shares);
  expect(await kpi(page, "human-clicks")).toBe(expected.humanClicks);
  expect(await kpi(page, "unique-visits")).toBe(expected.uniqueVisits);
  expect(await kpi(page, "estimated-reach")).toBe(expected.reach);
  expect(await kpi(page, "conversions")).toBe(expected.conversions);
  // EMV is shown in whole units from 100 up, with cents below.
  expect(Math.abs((await kpi(page, "emv")) - expected.emv)).toBeLessThanOrEqual(
    expected.emv >= 100 ? 0.5 : 0.005,
  );
  const conversions = page.locator('[data-kpi="conversions"]');
  await expect(conversions.locator('[data-area="MARKETING"]')).toHaveText(
    `Marketing ${expected.marketing}`,
  );
  await expect(conversions.locator('[data-area="HR"]')).toHaveText(`HR ${expected.hr}`);
  await expect(conversions.locator('[data-area="SALES"]')).toHaveText(`Sales ${expected.sales}`);
}

test("a manager's dashboard shows their team's figures, equal to a SQL recount, with charts and CSV downloads", async ({
  page,
}) => {
  await rollupsCaughtUp();
  await signInAs(page, MANAGER);
  await expect(page).toHaveURL("/dashboard");
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(page.getByTestId("dashboard-scope")).toHaveText("Your team: Engineering");

  const expected = await recount({ days: 30, managerEmail: MANAGER });
  // The seeded demo has shares, clicks and conversions in the last 30 days.
  expect(expected.shares).toBeGreaterThan(0);
  expect(expected.humanClicks).toBeGreaterThan(0);
  expect(expected.conversions).toBeGreaterThan(0);
  await expectKpisEqual(page, expected);

  // Estimates are labelled as such, with the formula one click away.
  await expect(page.locator('[data-kpi="emv"]').getByText("est.", { exact: true })).toBeVisible();
  await page.getByText("How are “est.” figures estimated?").click();
  await expect(page.getByText(/impressions ÷ 1,000 × CPM/)).toBeVisible();

  // Two trend charts, one marker per day and series, some of them above zero.
  const charts = page.locator('svg[data-chart="trend"]');
  await expect(charts).toHaveCount(2);
  await expect(charts.first()).toHaveAttribute("role", "img");
  await expect(charts.first()).toHaveAttribute("aria-label", /Human clicks: [\d,]+/);
  await expect(charts.first().locator("circle[data-point]")).toHaveCount(60);
  expect(
    await charts.first().locator('circle[data-point]:not([data-point="0"])').count(),
  ).toBeGreaterThan(0);
  // The numbers behind the charts, as a table.
  await page.getByText("Show the daily numbers as a table").click();
  await expect(page.getByRole("table", { name: "Daily figures" }).getByRole("row")).toHaveCount(31);

  // Breakdowns: value types lead with clicks per share; the leaderboard links to people.
  await expect(page.getByRole("table", { name: "Unique visits per share" })).toBeVisible();
  const leaderboard = page.getByRole("table", { name: "Leaderboard" });
  await expect(leaderboard.getByRole("link").first()).toHaveAttribute("href", /^\/people\//);
  await expect(page.getByRole("table", { name: "By team" }).getByRole("row")).toHaveCount(2);

  // The daily CSV downloads and adds up to the cards.
  const [daily] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV of daily figures" }).click(),
  ]);
  expect(daily.suggestedFilename()).toMatch(
    /^chorus-daily-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const dailyCsv = fs.readFileSync((await daily.path())!, "utf8").replace(/^\uFEFF/, "");
  const lines = dailyCsv.trim().split("\r\n");
  expect(lines[0]).toBe("day,shares,human_clicks,unique_visits,conversions,estimated_reach");
  expect(lines).toHaveLength(31);
  const sum = (col: number) => lines.slice(1).reduce((s, l) => s + Number(l.split(",")[col]), 0);
  expect(sum(1)).toBe(expected.shares);
  expect(sum(2)).toBe(expected.humanClicks);
  expect(sum(4)).toBe(expected.conversions);

  // The raw shares file: one row per share of the team in the period.
  const [shares] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Shares CSV of every share" }).click(),
  ]);
  const sharesCsv = fs.readFileSync((await shares.path())!, "utf8").replace(/^\uFEFF/, "");
  const shareLines = sharesCsv.trim().split("\r\n");
  expect(shareLines[0]).toMatch(/^shared_at_utc,day,share_code,/);
  expect(shareLines).toHaveLength(expected.shares + 1);

  // Another period through the filter form: the URL is the state.
  await page.getByLabel("Period", { exact: true }).selectOption("7d");
  await page.getByRole("button", { name: "Show" }).click();
  // Only what matters goes into the URL: no dates for a preset, no empty team.
  await expect(page).toHaveURL(/\/dashboard\?range=7d$/);
  await expectKpisEqual(page, await recount({ days: 7, managerEmail: MANAGER }));
  await expect(charts.first().locator("circle[data-point]")).toHaveCount(14);
});

test("a manager cannot read another team's figures; bad filters fall back with a message", async ({
  page,
}) => {
  await signInAs(page, MANAGER);
  const { rows } = await client.query(
    `SELECT t."id" FROM "Team" t WHERE t."name" = 'Sales' LIMIT 1`,
  );
  await page.goto(`/dashboard?team=${rows[0].id}`);
  await expect(page.getByText("That team is not one you can see.")).toBeVisible();
  await expect(page.getByTestId("dashboard-scope")).toHaveText("Your team: Engineering");
  const csv = await page.request.get(`/api/analytics/export?table=shares&team=${rows[0].id}`);
  expect(csv.status()).toBe(404);

  // Custom dates: picking a date switches the period to custom.
  const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  await page.goto("/dashboard");
  await page.getByLabel("From", { exact: true }).fill(day(10));
  await page.getByLabel("To", { exact: true }).fill(day(3));
  await expect(page.getByLabel("Period", { exact: true })).toHaveValue("custom");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(`/dashboard?range=custom&from=${day(10)}&to=${day(3)}`);
  await expect(page.locator('svg[data-chart="trend"]').first().locator("circle")).toHaveCount(16);

  await page.goto("/dashboard?range=custom&from=2026-02-30&to=2026-03-01");
  await expect(page.getByText(/start date must be a date written YYYY-MM-DD/)).toBeVisible();
  await expect(page.getByLabel("Period", { exact: true })).toHaveValue("30d");
});

test("an admin sees the whole organisation and filters by team", async ({ page }) => {
  await rollupsCaughtUp();
  await signInAs(page, ADMIN);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Dashboard" })
    .click();
  await expect(page).toHaveURL("/dashboard");
  await expect(page.getByTestId("dashboard-scope")).toHaveText("The whole organisation");
  const org = await recount({ days: 30 });
  await expectKpisEqual(page, org);
  const teamRows = page.getByRole("table", { name: "By team" }).getByRole("row");
  expect(await teamRows.count()).toBeGreaterThan(2);
  // Admins reach the studio from top content.
  await expect(
    page.getByRole("table", { name: "Top content" }).getByRole("link").first(),
  ).toHaveAttribute("href", /^\/studio\/cnt_/);

  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Engineering" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/\/dashboard\?range=30d&team=team_[A-Za-z0-9]+$/);
  await expect(page.getByTestId("dashboard-scope")).toHaveText("Engineering");
  const engineering = await recount({ days: 30, team: "Engineering" });
  expect(engineering.shares).toBeLessThan(org.shares);
  await expectKpisEqual(page, engineering);
});

test("an employee cannot open the dashboard or download its data", async ({ page }) => {
  await signInAs(page, EMPLOYEE);
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }),
  ).toHaveCount(0);
  const res = await page.goto("/dashboard");
  expect(res?.status()).toBe(404);
  const csv = await page.request.get("/api/analytics/export?table=daily");
  expect(csv.status()).toBe(403);
});
