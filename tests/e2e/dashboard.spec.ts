import fs from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
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
  itemId = null,
}: {
  days: number;
  managerEmail?: string | null;
  team?: string | null;
  /** One post's figures only (its drill-down page). */
  itemId?: string | null;
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
        AND ($5::text IS NULL OR sh."itemId" = $5)
        AND (sh."createdAt" AT TIME ZONE 'UTC') >= bounds."start"
        AND (sh."createdAt" AT TIME ZONE 'UTC') < bounds."end"
    ),
    clicks AS (
      SELECT c.* FROM "ClickEvent" c JOIN "Share" sh ON sh."id" = c."shareId", org, bounds
      WHERE c."orgId" = org."id" AND sh."membershipId" IN (SELECT "id" FROM scope)
        AND ($5::text IS NULL OR sh."itemId" = $5)
        AND c."at" >= bounds."start" AND c."at" < bounds."end"
    ),
    conversions AS (
      SELECT v.* FROM "Conversion" v JOIN "Share" sh ON sh."id" = v."shareId", org, bounds
      WHERE v."orgId" = org."id" AND sh."membershipId" IN (SELECT "id" FROM scope)
        AND ($5::text IS NULL OR sh."itemId" = $5)
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
    [managerEmail ?? ADMIN, days, managerEmail, team, itemId],
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
  await expect(charts.first().locator("[data-point]")).toHaveCount(60);
  expect(
    await charts.first().locator('[data-point]:not([data-point="0"])').count(),
  ).toBeGreaterThan(0);
  // The numbers behind the charts, as a table.
  await page.getByText("Show the daily numbers as a table").click();
  await expect(page.getByRole("table", { name: "Daily figures" }).getByRole("row")).toHaveCount(31);

  // Breakdowns: value types lead with clicks per share; the leaderboard links to people.
  await expect(page.getByRole("table", { name: "Unique visits per share" })).toBeVisible();
  const leaderboard = page.getByRole("table", { name: "Leaderboard" });
  await expect(leaderboard.getByRole("link").first()).toHaveAttribute("href", /^\/people\//);
  // One team: every figure is that team's, so there is no team comparison.
  await expect(page.getByRole("heading", { name: "Compare teams" })).toHaveCount(0);

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
  await expect(charts.first().locator("[data-point]")).toHaveCount(14);
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

  // Custom dates: the date fields appear once "Custom dates" is chosen.
  const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  await page.goto("/dashboard");
  await page.getByLabel("Period", { exact: true }).selectOption("custom");
  await page.getByLabel("From", { exact: true }).fill(day(10));
  await page.getByLabel("To", { exact: true }).fill(day(3));
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(`/dashboard?range=custom&from=${day(10)}&to=${day(3)}`);
  await expect(page.locator('svg[data-chart="trend"]').first().locator("[data-point]")).toHaveCount(
    16,
  );
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(day(10));

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
  // Top content opens each post's drill-down with the same period.
  await expect(
    page.getByRole("table", { name: "Top content" }).getByRole("link").first(),
  ).toHaveAttribute("href", /^\/dashboard\/content\/cnt_[A-Za-z0-9]+\?range=30d$/);
  // Admins compare every team side by side: four bar charts, one row per team.
  const teamCount = (
    await client.query(
      `SELECT COUNT(*)::int AS n FROM "Team" t
       JOIN "Membership" m ON m."orgId" = t."orgId"
       JOIN "User" u ON u."id" = m."userId" AND u."email" = $1`,
      [ADMIN],
    )
  ).rows[0].n;
  await expect(page.getByRole("heading", { name: "Compare teams" })).toBeVisible();
  for (const chart of ["Participation", "Shares", "Human clicks", "Conversions"]) {
    await expect(
      page
        .locator('[data-chart="team-comparison"]')
        .getByRole("table", { name: chart, exact: true })
        .getByRole("row"),
    ).toHaveCount(teamCount + 1);
  }

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

// ─── Issue 13: drill-down, team comparison, chart colours, date presets ─────────────────────────

/** sRGB channels 0..255 → WCAG relative luminance. */
function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: number[], b: number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The HSL hue (degrees) of an sRGB colour. */
function hue([r, g, b]: number[]): number {
  const max = Math.max(r!, g!, b!);
  const min = Math.min(r!, g!, b!);
  if (max === min) return 0;
  const d = max - min;
  const h = max === r ? ((g! - b!) / d) % 6 : max === g ? (b! - r!) / d + 2 : (r! - g!) / d + 4;
  return (h * 60 + 360) % 360;
}

function hueDistance(a: number[], b: number[]): number {
  const d = Math.abs(hue(a) - hue(b)) % 360;
  return Math.min(d, 360 - d);
}

test("the trend tells shares from conversions by colour, dash and marker, in light and dark", async ({
  page,
}) => {
  await signInAs(page, MANAGER);
  const figure = page.locator("figure").filter({ hasText: "Shares and conversions per day" });
  const chart = figure.locator('svg[data-chart="trend"]');
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // What each series paints, as sRGB through a canvas (Tailwind's palette is oklch), and the
    // card behind the chart.
    const colours = await chart.evaluate((svg) => {
      const rgb = (css: string) => {
        const canvas = document.createElement("canvas");
        canvas.width = canvas.height = 1;
        const ctx = canvas.getContext("2d")!;
        ctx.fillStyle = css;
        ctx.fillRect(0, 0, 1, 1);
        return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
      };
      const series = (metric: string) =>
        rgb(getComputedStyle(svg.querySelector(`g[data-series="${metric}"]`)!).color);
      let background = "rgb(255, 255, 255)";
      for (let el: Element | null = svg; el; el = el.parentElement) {
        const bg = getComputedStyle(el).backgroundColor;
        if (bg && bg !== "transparent" && !/rgba\(.*,\s*0\)$/.test(bg)) {
          background = bg;
          break;
        }
      }
      return { shares: series("shares"), conversions: series("conversions"), bg: rgb(background) };
    });
    // Far apart on the colour wheel (the old violet and fuchsia were 30° apart).
    expect(hueDistance(colours.shares, colours.conversions), scheme).toBeGreaterThanOrEqual(90);
    // Each line stands out from the card (WCAG 1.4.11: 3:1 for graphics).
    expect(contrast(colours.shares, colours.bg), scheme).toBeGreaterThanOrEqual(3);
    expect(contrast(colours.conversions, colours.bg), scheme).toBeGreaterThanOrEqual(3);
  }
  // Not by colour alone: each series has its own marker and dash, and the legend shows both.
  const marker = (metric: string) =>
    chart.locator(`g[data-series="${metric}"] [data-point]`).first().getAttribute("data-marker");
  const dash = (metric: string) =>
    chart.locator(`g[data-series="${metric}"] polyline`).getAttribute("stroke-dasharray");
  expect(await marker("shares")).not.toBe(await marker("conversions"));
  expect(await dash("shares")).not.toBe(await dash("conversions"));
  for (const metric of ["shares", "conversions"]) {
    await expect(figure.locator(`[data-legend="${metric}"] [data-marker]`)).toHaveAttribute(
      "data-marker",
      (await marker(metric))!,
    );
  }
});

test("date presets hide the custom-date fields; “Custom dates” shows them, next in the tab order", async ({
  page,
}) => {
  await signInAs(page, MANAGER);
  await page.goto("/dashboard?range=7d");
  const period = page.getByLabel("Period", { exact: true });
  const from = page.getByLabel("From", { exact: true });
  const to = page.getByLabel("To", { exact: true });
  const team = page.getByLabel("Team", { exact: true });
  await expect(from).toBeHidden();
  await expect(to).toBeHidden();
  // With a preset, Tab goes from the period straight to the team.
  await period.focus();
  await page.keyboard.press("Tab");
  await expect(team).toBeFocused();

  // Keyboard only: arrow down to "Custom dates"; the dates appear right after the period.
  await period.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  await expect(period).toHaveValue("custom");
  await expect(from).toBeVisible();
  await expect(to).toBeVisible();
  // (Tab also steps through a date field's day, month and year before leaving it.)
  const tabOut = async (field: Locator) => {
    for (let i = 0; i < 4 && (await field.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
    }
  };
  await page.keyboard.press("Tab");
  await expect(from).toBeFocused();
  await tabOut(from);
  await expect(to).toBeFocused();
  await tabOut(to);
  await expect(team).toBeFocused();

  const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  await from.fill(day(5));
  await to.fill(day(2));
  await page.getByRole("button", { name: "Show" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/dashboard?range=custom&from=${day(5)}&to=${day(2)}`);
  // A custom view opens with its dates shown; back to a preset hides them again.
  await expect(from).toBeVisible();
  await period.selectOption("30d");
  await expect(from).toBeHidden();
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/\/dashboard\?range=30d$/);
  await expect(from).toBeHidden();
});

test("a manager of two teams compares them side by side, each equal to a SQL recount", async ({
  page,
}) => {
  await rollupsCaughtUp();
  const { rows } = await client.query(
    `SELECT m."id" AS "membershipId", m."orgId",
       (SELECT t."id" FROM "Team" t WHERE t."orgId" = m."orgId" AND t."name" = 'Sales') AS "teamId"
     FROM "Membership" m JOIN "User" u ON u."id" = m."userId" WHERE u."email" = $1`,
    [MANAGER],
  );
  const { membershipId, orgId, teamId } = rows[0];
  // Jonas manages Sales too, for this test only.
  await client.query(
    `INSERT INTO "TeamManager" ("orgId", "teamId", "membershipId") VALUES ($1, $2, $3)`,
    [orgId, teamId, membershipId],
  );
  try {
    await signInAs(page, MANAGER);
    await page.goto("/dashboard");
    await expect(page.getByTestId("dashboard-scope")).toHaveText("Your teams: Engineering, Sales");
    await expect(page.getByRole("heading", { name: "Compare teams" })).toBeVisible();
    const comparison = page.locator('[data-chart="team-comparison"]');
    const value = (chart: string, teamName: string) =>
      comparison
        .getByRole("table", { name: chart, exact: true })
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: teamName, exact: true }) })
        .getByRole("cell");
    for (const name of ["Engineering", "Sales"]) {
      const expected = await recount({ days: 30, team: name });
      const n = (x: number) => x.toLocaleString("en");
      const pct = Math.round((expected.activeAdvocates / expected.eligibleAdvocates) * 100);
      await expect(value("Participation", name)).toHaveText(
        `${pct} % (${n(expected.activeAdvocates)} of ${n(expected.eligibleAdvocates)})`,
      );
      await expect(value("Shares", name)).toHaveText(n(expected.shares));
      await expect(value("Human clicks", name)).toHaveText(n(expected.humanClicks));
      await expect(value("Conversions", name)).toHaveText(n(expected.conversions));
    }
    // Filtered to one team there is nothing to compare; a link brings the teams back.
    await page.getByLabel("Team", { exact: true }).selectOption({ label: "Sales" });
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page.getByTestId("dashboard-scope")).toHaveText("Sales");
    await expect(comparison).toHaveCount(0);
    await page.getByRole("link", { name: "Show all teams to compare them" }).click();
    await expect(page).toHaveURL(/\/dashboard\?range=30d$/);
    await expect(comparison.getByRole("table")).toHaveCount(4);
  } finally {
    await client.query(`DELETE FROM "TeamManager" WHERE "teamId" = $1 AND "membershipId" = $2`, [
      teamId,
      membershipId,
    ]);
  }
});

/**
 * The people the drill-down lists for a post, recounted with SQL: shares of the scope's members
 * that went out in the last `days` days, or had a click or a conversion in them.
 */
async function sharersOf(itemId: string, managerEmail: string, days: number): Promise<string[]> {
  const { rows } = await client.query(
    `
    WITH org AS (
      SELECT o."id", o."timeZone" AS tz FROM "Organization" o
      JOIN "Membership" m ON m."orgId" = o."id"
      JOIN "User" u ON u."id" = m."userId" AND u."email" = $1
    ),
    bounds AS (
      SELECT (((now() AT TIME ZONE tz)::date - ($3::int - 1))::timestamp AT TIME ZONE tz) AS "start",
             (((now() AT TIME ZONE tz)::date + 1)::timestamp AT TIME ZONE tz) AS "end"
      FROM org
    ),
    scope AS (
      SELECT tm."membershipId" AS "id" FROM "TeamMember" tm
      JOIN "TeamManager" mg ON mg."teamId" = tm."teamId"
      JOIN "Membership" mm ON mm."id" = mg."membershipId"
      JOIN "User" mu ON mu."id" = mm."userId" AND mu."email" = $1
    )
    SELECT u."name" FROM "Share" sh
    JOIN "Membership" m ON m."id" = sh."membershipId"
    JOIN "User" u ON u."id" = m."userId", bounds
    WHERE sh."itemId" = $2 AND sh."membershipId" IN (SELECT "id" FROM scope)
      AND ((sh."status" IN ('SHARED', 'POSTED')
            AND (sh."createdAt" AT TIME ZONE 'UTC') >= bounds."start"
            AND (sh."createdAt" AT TIME ZONE 'UTC') < bounds."end")
        OR EXISTS (SELECT 1 FROM "ClickEvent" c WHERE c."shareId" = sh."id"
            AND c."at" >= bounds."start" AND c."at" < bounds."end")
        OR EXISTS (SELECT 1 FROM "Conversion" v WHERE v."shareId" = sh."id"
            AND v."occurredAt" >= bounds."start" AND v."occurredAt" < bounds."end"))
    ORDER BY 1`,
    [managerEmail, itemId, days],
  );
  return rows.map((r) => r.name as string);
}

test("a post's drill-down from top content: who shared it, clicks over time, outcomes — in the manager's scope", async ({
  page,
}) => {
  await rollupsCaughtUp();
  await signInAs(page, MANAGER);
  const post = page.getByRole("table", { name: "Top content" }).getByRole("link").first();
  const title = await post.innerText();
  await post.click();
  await expect(page).toHaveURL(/\/dashboard\/content\/cnt_[A-Za-z0-9]+\?range=30d$/);
  const itemId = /\/dashboard\/content\/([^?]+)/.exec(page.url())![1]!;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("dashboard-scope")).toHaveText("Your team: Engineering");

  const expected = await recount({ days: 30, managerEmail: MANAGER, itemId });
  expect(expected.humanClicks).toBeGreaterThan(0);
  expect(await kpi(page, "shares")).toBe(expected.shares);
  expect(await kpi(page, "people")).toBe(expected.activeAdvocates);
  expect(await kpi(page, "human-clicks")).toBe(expected.humanClicks);
  expect(await kpi(page, "unique-visits")).toBe(expected.uniqueVisits);
  expect(await kpi(page, "conversions")).toBe(expected.conversions);

  // Who shared it: the same people as the SQL list (Engineering only), their clicks adding up.
  const sharers = page.getByRole("table", { name: "Who shared it" });
  const names = await sharers.getByRole("rowheader").allInnerTexts();
  expect(names.sort()).toEqual((await sharersOf(itemId, MANAGER, 30)).sort());
  const clicks = await sharers
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => Number(tr.querySelectorAll("td")[3]!.textContent!.replace(/[^0-9]/g, ""))),
    );
  expect(clicks.reduce((a, b) => a + b, 0)).toBe(expected.humanClicks);
  await expect(sharers.getByRole("link").first()).toHaveAttribute("href", /^\/people\//);

  // Clicks over time: a chart per day of the period, its summary naming the total.
  const charts = page.locator('svg[data-chart="trend"]');
  await expect(charts).toHaveCount(2);
  await expect(charts.first().locator('[data-series="humanClicks"] [data-point]')).toHaveCount(30);
  await expect(charts.first()).toHaveAttribute(
    "aria-label",
    new RegExp(`Human clicks: ${expected.humanClicks.toLocaleString("en")};`),
  );

  // Outcomes: conversions by type, adding up per area.
  if (expected.conversions > 0) {
    const outcomes = page.getByRole("table", { name: "Conversions by outcome" });
    const area = async (name: string) => {
      const cells = await outcomes
        .getByRole("row")
        .filter({ has: page.getByRole("rowheader", { name: new RegExp(`· ${name}$`) }) })
        .getByRole("cell")
        .allInnerTexts();
      return cells.reduce((sum, text) => sum + Number(text.replace(/[^0-9]/g, "")), 0);
    };
    expect(await area("Marketing")).toBe(expected.marketing);
    expect(await area("HR")).toBe(expected.hr);
    expect(await area("Sales")).toBe(expected.sales);
  } else {
    await expect(page.getByText("No conversions reported for this post")).toBeVisible();
  }

  // The filters stay on the post; the breadcrumb goes back to the dashboard with the period.
  await page.getByLabel("Period", { exact: true }).selectOption("7d");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(`/dashboard/content/${itemId}?range=7d`);
  const week = await recount({ days: 7, managerEmail: MANAGER, itemId });
  expect(await kpi(page, "human-clicks")).toBe(week.humanClicks);
  expect(await kpi(page, "shares")).toBe(week.shares);
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").click();
  await expect(page).toHaveURL("/dashboard?range=7d");

  // An unknown post answers 404; employees cannot open a drill-down at all.
  expect((await page.goto("/dashboard/content/cnt_doesnotexist"))?.status()).toBe(404);
  await signInAs(page, EMPLOYEE);
  expect((await page.goto(`/dashboard/content/${itemId}`))?.status()).toBe(404);
});

test("an admin's drill-down: the whole organisation or one team, and a way to the Studio", async ({
  page,
}) => {
  await rollupsCaughtUp();
  await signInAs(page, ADMIN);
  await page.goto("/dashboard");
  await page.getByRole("table", { name: "Top content" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/dashboard\/content\/cnt_[A-Za-z0-9]+\?range=30d$/);
  const itemId = /\/dashboard\/content\/([^?]+)/.exec(page.url())![1]!;
  await expect(page.getByTestId("dashboard-scope")).toHaveText("The whole organisation");
  const org = await recount({ days: 30, itemId });
  expect(await kpi(page, "human-clicks")).toBe(org.humanClicks);
  expect(await kpi(page, "conversions")).toBe(org.conversions);
  await expect(page.getByRole("link", { name: "Open in the Studio" })).toHaveAttribute(
    "href",
    `/studio/${itemId}`,
  );

  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Engineering" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(
    new RegExp(`/dashboard/content/${itemId}\\?range=30d&team=team_[A-Za-z0-9]+$`),
  );
  await expect(page.getByTestId("dashboard-scope")).toHaveText("Engineering");
  const engineering = await recount({ days: 30, team: "Engineering", itemId });
  expect(await kpi(page, "human-clicks")).toBe(engineering.humanClicks);
  expect(await kpi(page, "shares")).toBe(engineering.shares);
});
