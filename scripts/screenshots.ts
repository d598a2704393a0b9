/**
 * Retakes the README's screenshots (docs/screenshots/) from a running Chorus with the demo data:
 * the feed, the share composer, my activity (impact, badges), the leaderboard, a person's page, the
 * studio, campaigns, the dashboard and the admin home, each at 1440 × 900 and on a 390 × 844 phone.
 *
 *   npm start                                   # in one terminal (seeds the demo organisation)
 *   npx tsx scripts/screenshots.ts              # in another; BASE_URL=http://host:port if not :3000
 *
 * Chromium comes from CHROMIUM_PATH or /usr/bin/chromium (Debian's package), as in the e2e suite.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/domains/demo/demo-accounts";

const baseUrl = process.env.BASE_URL ?? "http://localhost:3000";
const outDir = path.resolve(import.meta.dirname, "../docs/screenshots");
const VIEWPORTS = [
  { name: "1440", width: 1440, height: 900 },
  { name: "390", width: 390, height: 844 },
] as const;

type RoleName = (typeof DEMO_ACCOUNTS)[number]["role"];

/** What to photograph, as whom; `open` leaves the page ready (null path: `open` navigates). */
const SHOTS: {
  name: string;
  role: RoleName;
  path: string | null;
  open?: (page: Page) => Promise<void>;
}[] = [
  { name: "feed", role: "EMPLOYEE", path: "/feed" },
  {
    name: "composer",
    role: "EMPLOYEE",
    path: null,
    async open(page) {
      await page.goto(`${baseUrl}/feed`);
      const href = await page
        .getByRole("link", { name: /Make it yours/ })
        .first()
        .getAttribute("href");
      await page.goto(`${baseUrl}${href}`);
    },
  },
  { name: "activity", role: "EMPLOYEE", path: "/activity" },
  { name: "leaderboard", role: "EMPLOYEE", path: "/leaderboard" },
  { name: "profile", role: "EMPLOYEE", path: "/profile" },
  {
    name: "person",
    role: "EMPLOYEE",
    path: null,
    async open(page) {
      // The person's own page (/people/<handle>): their story, badges, impact and mix.
      await page.goto(`${baseUrl}/profile`);
      const href = await page.locator('a[href^="/people/"]').first().getAttribute("href");
      await page.goto(`${baseUrl}${href}`);
    },
  },
  { name: "studio", role: "ADMIN", path: "/studio" },
  { name: "campaigns", role: "ADMIN", path: "/studio/campaigns" },
  { name: "dashboard", role: "MANAGER", path: "/dashboard" },
  { name: "admin-home", role: "ADMIN", path: "/admin" },
];

async function signedIn(browser: Browser, role: RoleName, viewport: (typeof VIEWPORTS)[number]) {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    deviceScaleFactor: 1,
    colorScheme: "light",
    // The demo organisation is European: British English dates, as the e2e suite reads them.
    locale: "en-GB",
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !["/signin", "/"].includes(url.pathname));
  return page;
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    for (const viewport of VIEWPORTS) {
      const pages = new Map<RoleName, Page>();
      for (const shot of SHOTS) {
        let page = pages.get(shot.role);
        if (!page) {
          page = await signedIn(browser, shot.role, viewport);
          pages.set(shot.role, page);
        }
        if (shot.open) await shot.open(page);
        else await page.goto(`${baseUrl}${shot.path}`);
        await page.waitForLoadState("networkidle").catch(() => undefined);
        // Fonts in, no caret blinking in the picture.
        await page.evaluate(() => document.fonts.ready);
        const file = path.join(outDir, `${shot.name}-${viewport.name}.png`);
        await page.screenshot({
          path: file,
          fullPage: false,
          caret: "hide",
          animations: "disabled",
        });
        console.log(`wrote ${path.relative(process.cwd(), file)}`);
      }
      for (const page of pages.values()) await page.context().close();
    }
  } finally {
    await browser.close();
  }
}

await main();
