/**
 * Rewards, disclosed: an admin turns rewards on under Settings; an employee's post then carries the
 * organisation's disclosure from the start, cannot be shared without it (one click puts it back),
 * and the shared text — here the copied one — contains it.
 */
import { expect, test } from "@playwright/test";
import { axeViolations } from "./a11y-helpers";
import { signInAs } from "./helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const DISCLOSURE = "I may be rewarded for sharing. #employee";
const NOTE = "Monthly prize draw among everyone who shared";
const OWN = "I helped plan this one, and I would love to hear what my network thinks of it.";

test("with rewards on, the disclosure is in the composer's text, cannot be left out, and goes out with the share", async ({
  page,
  browser,
}) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, "admin@fernhill.example");
  try {
    // The admin turns rewards on: the seeded note and the default disclosure are already there.
    await admin.goto("/admin/settings");
    const form = admin.getByRole("form", { name: "Rewards" });
    await expect(form.getByLabel("What the reward is (shown to employees)")).toHaveValue(NOTE);
    await expect(form.getByLabel("Reward disclosure")).toHaveValue(DISCLOSURE);
    await form.getByLabel("Reward people for sharing").check();
    await form.getByRole("button", { name: "Save rewards" }).click();
    await expect(
      form.getByText("Rewards are on: every new share carries the disclosure."),
    ).toBeVisible();

    // An employee opens the composer: the disclosure ends the text and the preview.
    await signInAs(page, "emma.dubois@fernhill.example");
    await page.goto("/feed");
    await page
      .getByRole("article")
      .first()
      .getByRole("link", { name: /Make it yours/ })
      .click();
    await expect(page).toHaveURL(/\/share\/cnt_/);
    const post = page.getByLabel("Your post");
    const started = await post.inputValue();
    expect(started.endsWith(`\n\n${DISCLOSURE}`)).toBe(true);
    const preview = page.getByRole("article", { name: /Preview of the post on LinkedIn/ });
    // Below LinkedIn's "…see more" fold, as on LinkedIn.
    const more = preview.getByRole("button", { name: "see more" });
    if (await more.count()) await more.click();
    await expect(preview).toContainText(DISCLOSURE);
    // "Why this line?" says what the reward is.
    await page.getByText("Why this line?").click();
    await expect(page.getByText(NOTE)).toBeVisible();

    // Deleting it pauses sharing, with a message and a one-click insert.
    const copy = page.getByRole("button", { name: "Copy text and link" });
    await expect(copy).toBeEnabled();
    await post.fill(`${OWN}\n\n${started.slice(0, -`\n\n${DISCLOSURE}`.length)}`);
    const warning = page.getByText(`Keep the reward disclosure "${DISCLOSURE}" in the text`);
    await expect(warning).toBeVisible();
    await expect(copy).toBeDisabled();
    await expect(page.getByRole("button", { name: "Share on LinkedIn" })).toBeDisabled();
    await expect(page.getByText("Sharing is paused until the reward disclosure")).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Insert reward disclosure into “Your post”" }).click();
    await expect(post).toHaveValue(new RegExp(`\\n\\n${DISCLOSURE.replaceAll(".", "\\.")}$`));
    await expect(post).toBeFocused();
    await expect(warning).toHaveCount(0);
    await expect(copy).toBeEnabled();

    // Shared by copy: the text on the clipboard carries the disclosure, and the admin sees it audited.
    await copy.click();
    await expect(page.getByText("Not counted yet.")).toBeVisible();
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(clipboard.startsWith(OWN)).toBe(true);
    expect(clipboard).toContain(`\n\n${DISCLOSURE}\n\n`);
    const audit = await admin.request.get("/api/audit?action=share.disclosed&limit=1");
    expect(audit.status()).toBe(200);
    const { entries } = (await audit.json()) as { entries: { description: string }[] };
    expect(entries[0]?.description).toMatch(
      new RegExp(
        `^Emma Dubois shared the post “.+” with the reward disclosure “${DISCLOSURE.replaceAll(".", "\\.")}”$`,
      ),
    );
  } finally {
    // Other specs share without the disclosure: rewards go back off.
    const off = await admin.request.patch("/api/settings/rewards", {
      data: { rewardsEnabled: false },
    });
    expect(off.status()).toBe(200);
    await adminContext.close();
  }
});
