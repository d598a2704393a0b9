/**
 * Accessibility: axe (WCAG 2.0/2.1 A + AA, colour contrast included) on every page of the route
 * inventory each demo role may open, and on the public pages, in light and dark colour schemes;
 * plus a few interactive states (notification panel open, composer with text, confirm dialog) and
 * a visible-focus walk over the first focusable elements of each page; and, on the same load, the
 * page at a 360 px wide phone, where nothing may scroll sideways (issue 13, item 2).
 *
 * Each page loads once: light is scanned with every rule, then the emulated scheme switches to dark
 * and the colour rules (COLOUR_RULES) and the focus walk run again. That holds because dark mode
 * only changes colours — the first test below fails if a `dark:` class ever changes display.
 *
 * Pages come from lib/access/route-inventory.ts PAGES and lib/access/permissions.ts `can`, so a page
 * added later is scanned once it is listed. Path parameters are filled from the demo data; a page
 * with a parameter this suite cannot fill fails loudly instead of being skipped.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ROLES } from "../../lib/domains/access/permissions";
import type { PageEntry } from "../support/route-inventory";
import { DEMO_ACCOUNTS } from "../../lib/domains/demo/demo-accounts";
import type { Role } from "../../lib/generated/prisma/enums";
import { ProbeCounter, writeSuiteReport } from "../support/hardening-report";
import {
  axeViolations,
  COLOR_SCHEMES,
  COLOUR_RULES,
  focusState,
  type ColorScheme,
} from "./a11y-helpers";
import { readDemoIds, type DemoIds } from "./demo-ids";
import { E2E } from "./e2e-config";
import { sessionFile } from "./helpers";
import { concretePath, pagesFor, publicPages } from "./inventory-pages";

/**
 * Probes of the running test. Each test saves its own outcome to a file, so the suite's report adds
 * up every test of this run even when a failure restarts the worker (or a retry repeats a test).
 */
let probe = new ProbeCounter();
const probeDir = path.join(process.cwd(), "test-results", "accessibility-probes");

test.beforeEach(() => {
  probe = new ProbeCounter();
});

test.afterEach(({}, testInfo) => {
  fs.mkdirSync(probeDir, { recursive: true });
  const name = testInfo.titlePath
    .slice(1)
    .join(" ")
    .replace(/[^a-zA-Z0-9]+/g, "-");
  fs.writeFileSync(
    path.join(probeDir, `${name}.json`),
    JSON.stringify({ probes: probe.probes, failures: probe.failures, routes: [...probe.routes] }),
  );
});
/** How many focusable elements the focus walk visits on each page. */
const FOCUS_WALK = 15;
/** The narrowest phone every page must fit without scrolling sideways. */
const PHONE_WIDTH = 360;

let ids: DemoIds;

test.beforeAll(async () => {
  ids = await readDemoIds();
});

test.afterAll(() => {
  // This run's files only: written after the app server of this run wrote its database URL.
  const since = fs.statSync(E2E.databaseUrlFile).mtimeMs;
  let probes = 0;
  const failures: string[] = [];
  const routes = new Set<string>();
  for (const file of fs.existsSync(probeDir) ? fs.readdirSync(probeDir) : []) {
    const full = path.join(probeDir, file);
    if (fs.statSync(full).mtimeMs < since) continue;
    const saved = JSON.parse(fs.readFileSync(full, "utf8")) as {
      probes: number;
      failures: string[];
      routes: string[];
    };
    probes += saved.probes;
    failures.push(...saved.failures);
    for (const route of saved.routes) routes.add(route);
  }
  writeSuiteReport({
    suite: "accessibility",
    routes: routes.size,
    probes,
    failed: failures.length,
    notes: failures.length
      ? failures.slice(0, 5).map((f) => f.replace(/\s+/g, " ").slice(0, 200))
      : undefined,
  });
});

async function settle(page: Page) {
  await page.waitForLoadState("networkidle").catch(() => undefined);
}

/**
 * axe on the page as it stands, in one colour scheme: every WCAG A/AA rule in light, the colour
 * rules in dark (the same page restyled: structure, names and landmarks cannot differ).
 */
async function scan(page: Page, label: string, scheme: ColorScheme) {
  const violations = await axeViolations(page, scheme === "dark" ? COLOUR_RULES : undefined);
  probe.check(`${label} [${scheme}]`, violations.length === 0, `\n  ${violations.join("\n  ")}`);
}

/** Tabs through the first focusable elements from the top of the page: each must show focus. */
async function focusWalk(page: Page, label: string, scheme: ColorScheme) {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const problems: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < FOCUS_WALK; i += 1) {
    await page.keyboard.press("Tab");
    const state = await focusState(page);
    if (!state.focused) break;
    if (!state.visible) problems.push(`${state.description} (${state.detail})`);
    // Back at the start: the page has fewer focusable elements than the walk.
    if (seen.has(state.description) && i > 0 && state.description === [...seen][0]) break;
    seen.add(state.description);
  }
  // A page without links or controls (a public post) has nothing to walk: that passes.
  probe.check(
    `focus walk ${label} [${scheme}]`,
    problems.length === 0,
    `no visible focus on:\n    ${problems.join("\n    ")}`,
  );
}

/**
 * The loaded page narrowed to a 360 px phone: the document may not be wider than the viewport (a
 * page that is scrolls sideways, and whatever sticks out is cut off). The viewport goes back to
 * its size afterwards, so the scans that follow see the page as before.
 */
async function noSidewaysScroll(page: Page, label: string) {
  const before = page.viewportSize();
  await page.setViewportSize({ width: PHONE_WIDTH, height: 780 });
  const measured = await page.evaluate(
    () =>
      new Promise<{ width: number; culprits: string[] }>((resolve) =>
        // Two frames: the resize has been laid out (and any resize handler has run).
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const width = document.scrollingElement?.scrollWidth ?? 0;
            const limit = document.documentElement.clientWidth;
            // The innermost elements that reach past the right edge: where to look first.
            const culprits = [...document.querySelectorAll<HTMLElement>("body *")]
              .filter((el) => {
                const rect = el.getBoundingClientRect();
                if (rect.right <= limit + 0.5 || rect.width === 0) return false;
                return ![...el.children].some(
                  (child) => child.getBoundingClientRect().right > limit + 0.5,
                );
              })
              .slice(0, 5)
              .map((el) => {
                const rect = el.getBoundingClientRect();
                const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}`;
                const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 30);
                return `${name} "${text}" ends at ${Math.round(rect.right)} px`;
              });
            resolve({ width, culprits });
          }),
        ),
      ),
  );
  probe.check(
    `${label} fits a ${PHONE_WIDTH} px phone`,
    measured.width <= PHONE_WIDTH,
    `the page is ${measured.width} px wide:\n    ${measured.culprits.join("\n    ")}`,
  );
  if (before) await page.setViewportSize(before);
}

/**
 * Opens `path` once, then scans it (and walks its focus) and any extra states in each colour scheme:
 * switching the emulated scheme restyles the loaded page, so dark costs no second load.
 */
async function checkPage(
  page: Page,
  id: string,
  path: string,
  options: {
    /** The page must open where asked, with a 2xx/3xx status (false: it may redirect or 404). */
    expectPath?: boolean;
    /** Bad-token pages answer 404 on purpose; any other status of 400 or more fails. */
    allowNotFound?: boolean;
    states?: (scheme: ColorScheme) => Promise<void>;
  } = {},
) {
  probe.route(id);
  await page.emulateMedia({ colorScheme: "light" });
  const response = await page.goto(path);
  await settle(page);
  const landed = new URL(page.url()).pathname;
  if (options.expectPath !== false) {
    const wanted = path.split("?")[0];
    const ok = probe.check(
      `${id} opens`,
      landed === wanted &&
        ((response?.status() ?? 0) < 400 ||
          (options.allowNotFound === true && response?.status() === 404)),
      `went to ${landed} (status ${response?.status()}) instead of ${wanted}`,
    );
    if (!ok) return;
  }
  await noSidewaysScroll(page, `${id} (${path})`);
  for (const scheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    const applied = await page.evaluate(
      (s) => window.matchMedia(`(prefers-color-scheme: ${s})`).matches,
      scheme,
    );
    probe.check(`${id} renders in ${scheme}`, applied);
    await scan(page, `${id} (${path})`, scheme);
    await focusWalk(page, id, scheme);
    await options.states?.(scheme);
  }
}

/** Extra states worth a scan: cheap to reach, and where contrast or names often go wrong. */
function statesFor(page: Page, entry: PageEntry, role: Role) {
  return async (scheme: ColorScheme) => {
    if (entry.path === "/share/[id]") {
      await page.getByLabel("Your post").fill("In my own words: why this matters to our team.");
      await scan(page, `${role} /share/[id] with text`, scheme);
      if (scheme === "light") {
        // A pasted link is one long word, in the text box and in the preview: still no sideways
        // scroll on a phone (the composer was 449 px wide at 390 px, issue 13 item 2). No hyphens
        // in it: a browser may wrap after one, and then the link is no longer one long word.
        await page
          .getByLabel("Your post")
          .fill(`Worth a read: https://www.fernhill.example/news/${"a_long_path_".repeat(10)}end`);
        await noSidewaysScroll(page, `${role} /share/[id] with a long link`);
      }
    }
    if (entry.path === "/feed" || entry.path === "/dashboard" || entry.path === "/admin") {
      const bell = page.getByRole("button", { name: /^Notifications/ });
      await bell.click();
      await expect(bell).toHaveAttribute("aria-expanded", "true");
      await settle(page);
      await scan(page, `${role} ${entry.path} notifications open`, scheme);
      await page.keyboard.press("Escape");
    }
    if (entry.path === "/admin/members") {
      // A confirm button of the page (the shell's Menu and bell open dialogs too).
      const opener = page.locator('main button[aria-haspopup="dialog"]:not([disabled])').first();
      if (await opener.count()) {
        await opener.click();
        await expect(page.getByRole("alertdialog")).toBeVisible();
        await scan(page, `${role} /admin/members confirm dialog`, scheme);
        await page.keyboard.press("Escape");
      }
    }
  };
}

test("dark mode changes colours only (so dark needs the colour rules alone)", () => {
  const display =
    /\bdark:(?:[a-z-]+:)*(hidden|block|inline|inline-block|flex|inline-flex|grid|contents|table|sr-only|not-sr-only|invisible|visible|collapse|absolute|relative|fixed|static|sticky|content-)/;
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(tsx?|css)$/.test(entry.name)) {
        const match = display.exec(fs.readFileSync(file, "utf8"));
        if (match) offenders.push(`${file}: ${match[0]}`);
      }
    }
  };
  for (const dir of ["app", "components"]) walk(path.join(process.cwd(), dir));
  expect(offenders).toEqual([]);
});

for (const role of ROLES) {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
  test.describe(`axe and focus, light and dark, as ${role.toLowerCase()} (${account.email})`, () => {
    // Every page test starts from the session the setup project stored for this account.
    test.use({ storageState: sessionFile(account.email) });

    for (const entry of pagesFor(role)) {
      test(entry.path, async ({ page }) => {
        test.setTimeout(240_000);
        const concrete = concretePath(entry, ids);
        probe.check(`${entry.path} has demo values for its parameters`, concrete !== null);
        if (concrete) {
          await checkPage(page, `${entry.path} as ${role}`, concrete, {
            // A member opening /welcome is sent on to their home page.
            expectPath: entry.guard.kind !== "user",
            states: statesFor(page, entry, role),
          });
        }
        expect(probe.failures).toEqual([]);
      });
    }
  });
}

test.describe("axe and focus, light and dark, signed out", () => {
  for (const entry of publicPages) {
    test(entry.path, async ({ page }) => {
      test.setTimeout(240_000);
      const concrete = concretePath(entry, ids);
      probe.check(`${entry.path} has demo values for its parameters`, concrete !== null);
      if (concrete) {
        // "/" sends visitors on to sign-in; bad tokens answer 404 on purpose.
        await checkPage(page, entry.path, concrete, {
          expectPath: entry.path !== "/",
          allowNotFound: entry.guard.kind === "token",
        });
      }
      expect(probe.failures).toEqual([]);
    });
  }

  test("404 pages", async ({ page }) => {
    test.setTimeout(240_000);
    await checkPage(page, "404 (no such page)", "/no/such/page", { expectPath: false });
    await checkPage(page, "404 (unknown tracked link)", "/zzzzzzzzzz", { expectPath: false });
    expect(probe.failures).toEqual([]);
  });
});
