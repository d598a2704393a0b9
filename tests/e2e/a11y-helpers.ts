import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

/** WCAG 2.0/2.1 A and AA: what the accessibility suite holds every page to (color-contrast included). */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export type ColorScheme = "light" | "dark";
export const COLOR_SCHEMES: readonly ColorScheme[] = ["light", "dark"];

/**
 * The WCAG A/AA rules whose outcome depends on colours. Dark mode only changes colours (no
 * `dark:` class in the app changes display or content — checked by the a11y spec), so a page
 * already scanned with every rule in light is scanned with these in dark.
 */
export const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/**
 * Runs axe on the page as it is now — every WCAG A/AA rule, or only `rules` — and returns the
 * violations as readable lines (empty when clean).
 */
export async function axeViolations(page: Page, rules?: readonly string[]): Promise<string[]> {
  await transitionsDone(page);
  const builder = new AxeBuilder({ page });
  const result = await (rules ? builder.withRules([...rules]) : builder.withTags(WCAG_TAGS))
    // Only violations are reported: skipping the details of passes keeps scans quick.
    .options({ resultTypes: ["violations"] })
    .analyze();
  return result.violations.map((violation) => {
    const nodes = violation.nodes
      .slice(0, 5)
      .map((node) => {
        const summary = (node.failureSummary ?? "")
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean)
          .join(" ");
        return `    - ${node.target.join(" ")}\n      ${summary}`;
      })
      .join("\n");
    const more = violation.nodes.length > 5 ? `\n    … and ${violation.nodes.length - 5} more` : "";
    return `${violation.id} (${violation.impact ?? "?"}): ${violation.help}\n${nodes}${more}`;
  });
}

/**
 * Waits (at most 2 s) until no CSS transition runs. Switching the colour scheme starts the links'
 * colour transitions; a scan in their first frame read the light text on the dark background
 * (contrast 1.72, failed once in CI). Endless animations (spinners) are not transitions.
 */
async function transitionsDone(page: Page) {
  await page
    .waitForFunction(
      () =>
        !document
          .getAnimations()
          .some((a) => a instanceof CSSTransition && a.playState === "running"),
      null,
      { timeout: 2000 },
    )
    .catch(() => undefined);
}

export interface FocusState {
  /** Something other than <body> has focus. */
  focused: boolean;
  /** A short description of the focused element, for messages. */
  description: string;
  /** Its outline or box-shadow ring is visible. */
  visible: boolean;
  detail: string;
}

/** Describes the focused element and whether it shows a focus indicator (outline or ring). */
export async function focusState(page: Page): Promise<FocusState> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) {
      return { focused: false, description: "body", visible: false, detail: "nothing focused" };
    }
    const name =
      el.getAttribute("aria-label") ??
      (el as HTMLInputElement).labels?.[0]?.textContent ??
      el.textContent ??
      "";
    const description = `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}> "${name
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 40)}"`;
    // A visually hidden control (a styled radio or checkbox) shows its focus on its label.
    const own = el.getBoundingClientRect();
    const shown =
      own.width <= 1 || own.height <= 1 ? (el.closest("label") ?? el.parentElement ?? el) : el;
    const style = getComputedStyle(shown);
    const transparent = (color: string) =>
      color === "transparent" ||
      /rgba\([^)]*,\s*0\)$/.test(color) ||
      /\/\s*0\)$/.test(color) ||
      /^color\(.*\/\s*0\)$/.test(color);
    const outline =
      style.outlineStyle !== "none" &&
      parseFloat(style.outlineWidth) > 0 &&
      !transparent(style.outlineColor);
    // A ring: a box-shadow with some non-transparent layer.
    const ring =
      style.boxShadow !== "none" &&
      style.boxShadow
        .split(/,(?![^(]*\))/)
        .some((layer) => !/rgba\([^)]*,\s*0\)/.test(layer) && !/transparent/.test(layer));
    const rect = shown.getBoundingClientRect();
    const onScreen = rect.width > 1 && rect.height > 1;
    return {
      focused: true,
      description,
      visible: (outline || ring) && onScreen,
      detail: `outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow ${style.boxShadow}; ${Math.round(rect.width)}×${Math.round(rect.height)}`,
    };
  });
}

/** Asserts that something has keyboard focus and shows a visible focus indicator. */
export async function expectVisibleFocus(page: Page): Promise<string> {
  const state = await focusState(page);
  expect(state.focused, "an element has focus").toBe(true);
  expect(state.visible, `visible focus indicator on ${state.description} (${state.detail})`).toBe(
    true,
  );
  return state.description;
}

/** Presses Tab (or Shift+Tab) until `target` has focus, at most `max` times. */
export async function tabTo(
  page: Page,
  target: Locator,
  { max = 60, backwards = false }: { max?: number; backwards?: boolean } = {},
): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const focused = await target
      .first()
      .evaluate((el) => el === document.activeElement)
      .catch(() => false);
    if (focused) return;
  }
  throw new Error(`Tab did not reach ${target.toString()} within ${max} presses`);
}
