/**
 * Phone first (issue 15): every page an employee and a manager can open, from the route inventory,
 * at a 390×844 phone and again narrowed to 360 px. A page fails when it scrolls sideways
 * (document.documentElement.scrollWidth > innerWidth; the widest element is named) or when a visible
 * control is a smaller touch target than 44×44 px. The composer must keep its text box and its share
 * action on screen when the on-screen keyboard takes half the screen.
 *
 * One test per role, one page load per page, no screenshots: the walk is a few seconds per role.
 * The accessibility suite scans the same pages (tests/e2e/inventory-pages.ts lists them for both).
 */
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../../lib/domains/demo/demo-accounts";
import type { Role } from "../../lib/generated/prisma/enums";
import { readDemoIds, type DemoIds } from "./demo-ids";
import { sessionFile } from "./helpers";
import { concretePath, pagesFor } from "./inventory-pages";

const PHONE = { width: 390, height: 844 };
/** The narrowest phone we support: checked on the same load, after the 390 px checks. */
const NARROW = 360;
/** WCAG 2.5.5 (and Apple's and Google's guidelines): 44 CSS px each way. */
const TARGET = 44;

let ids: DemoIds;

test.beforeAll(async () => {
  ids = await readDemoIds();
});

/*
 * A touch screen (so `pointer: coarse` matches, as on a phone), but not Chromium's mobile
 * emulation: that zooms out to fit a page wider than the screen, and innerWidth grows with it.
 */
test.use({ viewport: PHONE, hasTouch: true });

interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  /** The innermost elements reaching past the right edge, widest first. */
  widest: string[];
}

/** The page as laid out now: null when nothing reaches past the viewport's right edge. */
async function sidewaysOverflow(page: Page, expected: number): Promise<Overflow | null> {
  return page.evaluate(
    (expected) =>
      new Promise<Overflow | null>((resolve) =>
        // Two frames: a resize has been laid out and its handlers have run.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const scrollWidth = document.documentElement.scrollWidth;
            const innerWidth = window.innerWidth;
            if (scrollWidth <= innerWidth && innerWidth === expected) return resolve(null);
            const limit = Math.min(innerWidth, expected);
            const widest = [...document.querySelectorAll<HTMLElement>("body *")]
              .map((el) => ({ el, rect: el.getBoundingClientRect() }))
              .filter(
                ({ el, rect }) =>
                  rect.width > 0 &&
                  rect.right > limit + 0.5 &&
                  ![...el.children].some(
                    (child) => child.getBoundingClientRect().right > limit + 0.5,
                  ),
              )
              .sort((a, b) => b.rect.right - a.rect.right)
              .slice(0, 3)
              .map(({ el, rect }) => {
                const classes = String(el.getAttribute("class") ?? "")
                  .split(/\s+/)
                  .slice(0, 4)
                  .join(".");
                const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 30);
                return `<${el.tagName.toLowerCase()}${classes ? `.${classes}` : ""}> "${text}" ${Math.round(rect.width)} px wide, ends at ${Math.round(rect.right)} px`;
              });
            resolve({ scrollWidth, innerWidth, widest });
          }),
        ),
      ),
    expected,
  );
}

/**
 * The visible controls whose hit area is under 44×44 px. A control counts as big enough when its
 * box is, or when every corner of a 44 px square around its centre still lands on it (padding,
 * a pseudo-element or its label make the hit area). Exempt, as WCAG 2.5.8 allows: links inside a
 * sentence, and controls the browser draws at its own size (none here: checkboxes sit in labels).
 */
async function smallTargets(page: Page, size: number): Promise<string[]> {
  return page.evaluate((size) => {
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, [role="button"], summary';
    const half = size / 2 - 1;
    const blockDisplays = /^(block|flex|grid|list-item|table|table-cell|flow-root)$/;
    /** The block box whose lines `node` flows in. */
    const blockOf = (node: Node) => {
      let block = node.parentElement;
      while (block && !blockDisplays.test(getComputedStyle(block).display)) {
        block = block.parentElement;
      }
      return block;
    };
    /**
     * A link or text button inside running text: it flows on a line of words that are not
     * controls themselves (a list of chips has none).
     */
    const inSentence = (el: HTMLElement) => {
      if (!/^inline(-block)?$/.test(getComputedStyle(el).display)) return false;
      const block = blockOf(el);
      if (!block) return false;
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!node.textContent?.trim() || !parent || blockOf(node) !== block) continue;
        if (!parent.closest(selector) && !parent.closest(".sr-only")) return true;
      }
      return false;
    };
    const hits = (el: HTMLElement, target: HTMLElement, x: number, y: number) => {
      const cx = Math.min(Math.max(x, 0), window.innerWidth - 1);
      const cy = Math.min(Math.max(y, 0), window.innerHeight - 1);
      const top = document.elementFromPoint(cx, cy);
      return !!top && (target.contains(top) || el.contains(top));
    };
    const found: string[] = [];
    const seen = new Set<HTMLElement>();
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || el.closest("[inert], [hidden], [aria-hidden=true]")) {
        continue;
      }
      // A control inside its label answers taps on the whole label; a visually hidden one (a
      // styled radio, the skip link until focused) has only its label, or nothing to tap.
      let target: HTMLElement = el.closest("label") ?? el;
      let rect = el.getBoundingClientRect();
      if (target === el && (rect.width <= 1 || rect.height <= 1)) {
        const label = (el as HTMLInputElement).labels?.[0];
        if (!label) continue;
        target = label;
      }
      rect = target.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (seen.has(target)) continue;
      seen.add(target);
      if (rect.width >= size - 0.5 && rect.height >= size - 0.5) continue;
      if (inSentence(el)) continue;
      target.scrollIntoView({ block: "center", inline: "center" });
      rect = target.getBoundingClientRect();
      const x = rect.left + rect.width / 2;
      const y = rect.top + rect.height / 2;
      const corners = [
        [x - half, y - half],
        [x + half, y - half],
        [x - half, y + half],
        [x + half, y + half],
      ];
      if (corners.every(([cx, cy]) => hits(el, target, cx!, cy!))) continue;
      const name = (
        el.getAttribute("aria-label") ??
        el.textContent ??
        (el as HTMLInputElement).name ??
        ""
      )
        .replace(/\s+/g, " ")
        .trim()
        .slice(0, 30);
      const type = el.getAttribute("type");
      found.push(
        `<${el.tagName.toLowerCase()}${type ? ` type=${type}` : ""}> "${name}" ${Math.round(rect.width)}×${Math.round(rect.height)}`,
      );
    }
    window.scrollTo(0, 0);
    return found;
  }, size);
}

/** Opens every page `role` may open and returns what is wrong with each, by page. */
async function walk(page: Page, role: Role): Promise<string[]> {
  const problems: string[] = [];
  for (const entry of pagesFor(role)) {
    const path = concretePath(entry, ids);
    if (!path) {
      problems.push(`${entry.path}: no demo values for its parameters`);
      continue;
    }
    await page.setViewportSize(PHONE);
    const response = await page.goto(path);
    await page.waitForLoadState("networkidle").catch(() => undefined);
    const status = response?.status() ?? 0;
    if (status >= 400) {
      problems.push(`${path}: answered ${status}`);
      continue;
    }
    const where = `${path} as ${role.toLowerCase()}`;
    const wide = await sidewaysOverflow(page, PHONE.width);
    if (wide) {
      problems.push(
        `${where} at ${PHONE.width} px is ${wide.scrollWidth} px wide:\n    ${wide.widest.join("\n    ")}`,
      );
    }
    const small = await smallTargets(page, TARGET);
    if (small.length > 0) {
      problems.push(
        `${where}: ${small.length} touch targets under ${TARGET}×${TARGET} px:\n    ${small.join("\n    ")}`,
      );
    }
    await page.setViewportSize({ width: NARROW, height: PHONE.height });
    const narrow = await sidewaysOverflow(page, NARROW);
    if (narrow) {
      problems.push(
        `${where} at ${NARROW} px is ${narrow.scrollWidth} px wide:\n    ${narrow.widest.join("\n    ")}`,
      );
    }
  }
  return problems;
}

for (const role of ["EMPLOYEE", "MANAGER"] as const) {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
  test.describe(`on a phone as ${role.toLowerCase()}`, () => {
    test.use({ storageState: sessionFile(account.email) });

    test(`every page fits ${PHONE.width} and ${NARROW} px with ${TARGET} px touch targets`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const problems = await walk(page, role);
      expect(problems, problems.join("\n")).toEqual([]);
    });
  });
}

test("the checks see a page wider than the phone and a small button", async ({ page }) => {
  await page.setContent(
    `<p>Fits.</p><button style="width:40px;height:30px">Go</button>
     <p>A <a href="#">link in a sentence</a> is exempt.</p>
     <div style="width:${PHONE.width + 50}px">Too wide</div>`,
  );
  const wide = await sidewaysOverflow(page, PHONE.width);
  expect(wide?.widest.join()).toContain("Too wide");
  expect(await smallTargets(page, TARGET)).toEqual(['<button> "Go" 40×30']);
});

test.describe("the composer with the on-screen keyboard open", () => {
  test.use({ storageState: sessionFile("employee@fernhill.example") });

  test("the text box and the share action stay on screen", async ({ page }) => {
    await page.goto(`/share/${ids.itemId}`);
    const text = page.getByLabel("Your post");
    await expect(text).toBeVisible();
    // The keyboard takes the lower half: the layout viewport shrinks (interactive-widget).
    await page.setViewportSize({ width: PHONE.width, height: 450 });
    await text.focus();
    await text.fill("In my own words: why this matters to our team.");
    // The composer's first action is its primary one (sharing to LinkedIn, or the phone's share sheet).
    const share = page.getByRole("button", { name: /^Share/ }).first();
    await expect(share).toBeInViewport();
    await expect(text).toBeInViewport();
    const viewport = await page.evaluate(() =>
      document.querySelector('meta[name="viewport"]')?.getAttribute("content"),
    );
    expect(viewport).toContain("interactive-widget=resizes-content");
  });
});
