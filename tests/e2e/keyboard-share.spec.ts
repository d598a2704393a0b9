/**
 * The share flow by keyboard alone: skip link → feed → "Make it yours" → own words in the composer →
 * LinkedIn preview → "Copy text and link" → confirmation → My activity. No mouse and no
 * element.click/fill: only Tab, Shift+Tab, Enter, Space, arrow keys and typing into the focused
 * field. Every focused element must show a visible focus indicator, in light and dark.
 */
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { COLOR_SCHEMES, expectVisibleFocus, tabTo } from "./a11y-helpers";
import { E2E } from "./e2e-config";
import { signInAs } from "./helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

for (const scheme of COLOR_SCHEMES) {
  test(`an employee shares a post with the keyboard only (${scheme})`, async ({ page }) => {
    test.setTimeout(300_000);
    const own = `Keyboard only, ${scheme} mode: I helped build this and I'm proud of the team ${Date.now()}.`;
    await page.emulateMedia({ colorScheme: scheme });
    await signInAs(page, "employee@fernhill.example");
    await page.goto("/feed");
    await expect(page.getByRole("article").first()).toBeVisible();

    // 1. The first Tab reaches the skip link; Enter skips the header.
    await page.keyboard.press("Tab");
    await expect(page.locator(":focus")).toHaveText("Skip to content");
    await expectVisibleFocus(page);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(
      await page.evaluate(() => !!document.activeElement?.closest("main#main")),
      "after the skip link, Tab lands inside the main content",
    ).toBe(true);
    await expectVisibleFocus(page);

    // 2. Through the feed to the first post's "Make it yours", checking focus on the way.
    const makeItYours = page
      .getByRole("article")
      .first()
      .getByRole("link", { name: /Make it yours/ });
    for (let i = 0; i < 60; i += 1) {
      if (await makeItYours.evaluate((el) => el === document.activeElement)) break;
      await page.keyboard.press("Tab");
      await expectVisibleFocus(page);
    }
    await expect(makeItYours).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/share\/cnt_/);
    await expect(page.getByLabel("Your post")).toBeVisible();

    // 3. The composer: the "Start from" choices are radios (arrow keys), then the text.
    const post = page.getByLabel("Your post");
    await tabTo(page, page.getByRole("radio").first());
    await expectVisibleFocus(page);
    const firstStart = await page.evaluate(
      () => (document.activeElement as HTMLInputElement).value,
    );
    await page.keyboard.press("ArrowRight");
    await expectVisibleFocus(page);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(
      true,
    );
    await page.keyboard.press("ArrowLeft");
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
      firstStart,
    );
    await tabTo(page, post);
    await expectVisibleFocus(page);
    await page.keyboard.press("ControlOrMeta+Home");
    await page.keyboard.type(`${own}\n\n`);
    await expect(post).toHaveValue(new RegExp(`^${own.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));

    // 4. The LinkedIn preview shows the words as they will appear.
    await expect(
      page.getByRole("article", { name: /^Preview of the post on LinkedIn/ }),
    ).toContainText(own);

    // 5. "Copy text and link" with the keyboard: Tab to it, Space presses it.
    const copy = page.getByRole("button", { name: "Copy text and link" });
    await tabTo(page, copy);
    await expectVisibleFocus(page);
    await page.keyboard.press("Space");

    // 6. Confirmed: focus moves to the confirmation, and the share is stored.
    await expect(page.getByText("Not counted yet.")).toBeVisible();
    await expectVisibleFocus(page);
    expect(
      await page.evaluate(() => document.activeElement?.textContent ?? ""),
      "focus moves to the confirmation",
    ).toContain("Not counted yet.");
    const client = new pg.Client({
      connectionString: fs.readFileSync(E2E.databaseUrlFile, "utf8"),
    });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT s.channel, s.code FROM "Share" s JOIN "User" u ON u.id = s."userId"
         WHERE u.email = $1 AND s.text LIKE $2`,
        ["employee@fernhill.example", `${own}%`],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].channel).toBe("COPY");
    } finally {
      await client.end();
    }

    // 7. On to My activity, still by keyboard: the share is there.
    await tabTo(page, page.getByRole("link", { name: "See it in My activity" }));
    await expectVisibleFocus(page);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/activity/);
    await expect(page.getByRole("main")).toContainText(own.slice(0, 40));
  });
}
