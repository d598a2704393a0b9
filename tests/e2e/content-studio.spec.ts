import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

/** A 1×1 transparent PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** Settings are shared by the whole run: each test leaves "require approval" as it found it. */
async function setRequireApproval(page: Page, on: boolean) {
  await page.goto("/admin/settings");
  const form = page.getByRole("form", { name: "Guardrails and approval" });
  await form.getByLabel("Require approval by a second admin").setChecked(on);
  await form.getByRole("button", { name: "Save guardrails" }).click();
  await expect(form.getByText("Guardrails saved.")).toBeVisible();
}

test("a post targeted at Engineering goes through second-admin approval and reaches only that team", async ({
  page,
  browser,
}) => {
  // About 35 steps over three signed-in browsers: 20 s on a quiet machine, 32 s at load 6, and
  // past the 60 s default at load 17–20 (measured, two e2e runs and a build beside it).
  test.slow();
  const title = `Grid lab open day ${Date.now()}`;
  const body =
    "Last week our grid lab opened its doors to 40 students from the local technical college. " +
    "They tested fault detection on a real feeder model, asked brilliant questions and left with " +
    "a few ideas of their own. Thanks to everyone in Engineering who made the day happen!";

  await signInAs(page, "admin@fernhill.example");
  await setRequireApproval(page, true);
  try {
    await page.goto("/studio");
    await page.getByRole("link", { name: "New post" }).click();
    await expect(page.getByRole("heading", { name: "New post", level: 1 })).toBeVisible();
    await expect(page.getByText("Save the draft to add images.")).toBeVisible();

    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByLabel("Suggested post text", { exact: true }).fill(body);
    await expect(page.getByText(`${[...body].length} / 3,000 characters`)).toBeVisible();
    await page.getByRole("radio", { name: /^Education/ }).check();
    await page.getByRole("checkbox", { name: /^HR/ }).check();
    await page.getByRole("radio", { name: "Chosen teams and locations" }).check();
    // The audience's team (the demo also has a topic called Engineering).
    await page
      .getByRole("group", { name: "Teams" })
      .getByRole("checkbox", { name: "Engineering", exact: true })
      .check();

    await page.getByRole("button", { name: "Add caption" }).click();
    await page.getByLabel("Caption 1: name").fill("formal");
    await page.getByLabel("Caption 1: text").fill("Proud to have hosted students at our grid lab.");
    await page.getByRole("button", { name: "Add caption" }).click();
    await page.getByLabel("Caption 2: name").fill("personal");
    await page.getByLabel("Caption 2: text").fill("I showed 40 students how we find grid faults!");

    // The LinkedIn preview follows the text as it is typed, folded after about three lines.
    const preview = page.getByRole("article", { name: /Preview of the post on LinkedIn/ });
    await expect(preview).toContainText("Amara Okafor");
    await expect(preview).toContainText("Last week our grid lab opened its doors");
    await preview.getByRole("button", { name: "see more" }).click();
    await expect(preview).toContainText("made the day happen!");

    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page).toHaveURL(/\/studio\/cnt_[^/?]+/);
    await expect(page.getByText("Draft saved. You can add images now.")).toBeVisible();
    const itemUrl = new URL(page.url()).pathname;

    await page.getByLabel("Image file").setInputFiles({
      name: "lab.png",
      mimeType: "image/png",
      buffer: PNG,
    });
    await page.getByLabel("Alt text").fill("Students around the feeder model");
    await page.getByRole("button", { name: "Upload image" }).click();
    await expect(page.getByText("Image added: Students around the feeder model.")).toBeVisible();
    await expect(
      preview.getByRole("img", { name: "Students around the feeder model" }),
    ).toBeVisible();

    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByText("The post is now in review.")).toBeVisible();

    // The author is not offered approving their own post, and is told why.
    await expect(
      page.getByText("You wrote this item, so another admin has to approve it."),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Approve and publish" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Send back to draft" })).toBeVisible();

    // The second admin learns of it in the app: the studio's list and the bell.
    const second = await browser.newContext();
    const priya = await second.newPage();
    await signInAs(priya, "priya.raman@fernhill.example");
    await priya.goto("/studio");
    const waiting = priya.getByRole("region", { name: "Waiting for approval" });
    const entry = waiting.getByRole("listitem").filter({ hasText: title });
    await expect(entry).toContainText("Submitted by Amara Okafor");
    await expect(entry).toContainText("You can approve it");
    const bell = priya.getByRole("button", { name: /^Notifications, / });
    await expect(bell).toHaveAccessibleName(/^Notifications, \d+ unread$/);
    await bell.click();
    await priya.getByRole("link", { name: `Amara Okafor asks you to approve “${title}”` }).click();
    await expect(priya).toHaveURL(itemUrl);
    await priya.getByLabel("Comment (optional)").fill("Lovely story, approved.");
    await priya.getByRole("button", { name: "Approve and publish" }).click();
    await expect(priya.getByText("The post is now published.")).toBeVisible();
    const history = priya.getByRole("region", { name: "History" });
    await expect(history).toContainText(/In review\s*→\s*to\s*Published/);
    await expect(history).toContainText("Priya Raman");
    await expect(history).toContainText("Lovely story, approved.");
    await second.close();

    const engineering = await browser.newContext();
    const sofia = await engineering.newPage();
    await signInAs(sofia, "employee@fernhill.example");
    await sofia.goto("/feed");
    const card = sofia.getByRole("article", { name: title });
    await expect(card).toBeVisible();
    await expect(card).toContainText("Education");
    await expect(card.getByRole("img", { name: "Students around the feeder model" })).toBeVisible();
    await card.getByText("Suggested captions (2)").click();
    await expect(card).toContainText("I showed 40 students how we find grid faults!");
    await engineering.close();

    const sales = await browser.newContext();
    const emma = await sales.newPage();
    await signInAs(emma, "emma.dubois@fernhill.example");
    await emma.goto("/feed");
    await expect(emma.getByRole("heading", { name: "Hi Emma" })).toBeVisible();
    await expect(emma.getByRole("article", { name: title })).toHaveCount(0);
    await sales.close();
  } finally {
    await setRequireApproval(page, false);
  }
});

test("an employee suggests a story and an admin turns it into a post", async ({
  page,
  browser,
}) => {
  const title = `Our first heat pump install ${Date.now()}`;
  const employee = await browser.newContext();
  const sofia = await employee.newPage();
  await signInAs(sofia, "employee@fernhill.example");
  await sofia
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Suggest a story" })
    .click();
  await expect(sofia.getByRole("heading", { name: "Suggest a story", level: 1 })).toBeVisible();
  const form = sofia.getByRole("form", { name: "Suggest a story" });
  await form.getByLabel("Title").fill(title);
  await form
    .getByLabel("Your story")
    .fill("Today our field team installed the first heat pump connected to our grid software.");
  await form.getByRole("radio", { name: /^Motivation/ }).check();
  await form.getByLabel("Add photos").setInputFiles({
    name: "install.png",
    mimeType: "image/png",
    buffer: PNG,
  });
  await form.getByLabel("Photo 1: describe it").fill("The heat pump on its first day");
  await form.getByRole("button", { name: "Send my story" }).click();
  await expect(sofia.getByText("Thank you! Your story is with the comms team.")).toBeVisible();
  const mine = sofia.getByRole("region", { name: "Your suggestions" });
  await expect(mine.getByText(title)).toBeVisible();
  await expect(mine).toContainText("Waiting for review");

  await signInAs(page, "admin@fernhill.example");
  await page.goto("/studio");
  await page.getByRole("link", { name: /Suggestions/ }).click();
  const item = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: title }) });
  await expect(item).toContainText("Sofia Lindqvist");
  await expect(item.getByRole("img", { name: "The heat pump on its first day" })).toBeVisible();
  // A disclosure is required: the text is checked as it is typed, like in the studio editor.
  const disclosure = "I work at Fernhill Energy.";
  const guardrails = (data: Record<string, unknown>) =>
    page.request
      .patch("/api/settings/guardrails", { data })
      .then((r) => expect(r.status()).toBe(200));
  await guardrails({ disclosureText: disclosure });
  try {
    await item.getByRole("button", { name: "Turn into a post" }).click();
    const accept = item.getByRole("form", { name: `Turn “${title}” into a post` });
    // The employee's value type is prefilled.
    await expect(accept.getByRole("radio", { name: /^Motivation/ })).toBeChecked();
    await accept.getByRole("checkbox", { name: /^Marketing/ }).check();
    const text = accept.getByLabel("Suggested post text");
    await expect(
      accept.getByText(`Keep the disclosure "${disclosure}" in the text.`),
    ).toBeVisible();
    await accept.getByRole("button", { name: /^Insert disclosure/ }).click();
    await expect(text).toHaveValue(/\n\nI work at Fernhill Energy\.$/);
    await expect(accept.getByText(`Keep the disclosure "${disclosure}" in the text.`)).toHaveCount(
      0,
    );

    // The rules change while the form is open: the server's refusal marks the text box.
    await guardrails({ disclosureText: disclosure, blockedPhrases: ["heat pump"] });
    await accept.getByRole("button", { name: "Create the draft post" }).click();
    const refusal = '"heat pump" is not allowed in shared posts. Rephrase it.';
    await expect(text).toHaveAttribute("aria-invalid", "true");
    const describedBy = (await text.getAttribute("aria-describedby"))!.split(" ");
    const message = accept.locator(`[id="${describedBy[0]}"]`);
    await expect(message).toHaveText(refusal);
    await expect(page).toHaveURL(/\/studio\/suggestions/);

    await text.fill(
      `Today our field team installed the first heat-source unit connected to our grid software.\n\n${disclosure}`,
    );
    await guardrails({ blockedPhrases: [] });
    await accept.getByRole("button", { name: "Create the draft post" }).click();
    await expect(page).toHaveURL(/\/studio\/cnt_/);
  } finally {
    await guardrails({ disclosureText: null, blockedPhrases: [] });
  }

  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText("Story by Sofia Lindqvist")).toBeVisible();
  await expect(
    page.getByRole("img", { name: "The heat pump on its first day" }).first(),
  ).toBeVisible();

  // Unknown ids (and other organisations' items) answer 404.
  expect((await page.goto("/studio/cnt_not_a_real_item"))?.status()).toBe(404);

  await sofia.reload();
  await expect(mine.getByText(title)).toBeVisible();
  await expect(mine).toContainText("Turned into a post");
  await employee.close();
});

test("a post whose publish window starts tomorrow reads Scheduled in the library, on its page and in the calendar", async ({
  page,
}) => {
  await signInAs(page, "admin@fernhill.example");
  const title = `Winter readiness briefing ${Date.now()}`;
  // Noon UTC tomorrow: the same calendar day in every zone from UTC−11 to UTC+11.
  const publishAt = new Date(Date.now() + 86_400_000);
  publishAt.setUTCHours(12, 0, 0, 0);
  const created = await page.request.post("/api/content", {
    data: {
      title,
      body: "How our grid gets ready for the coldest weeks of the year.",
      valueType: "INFORMATION",
      goals: ["MARKETING"],
      publishAt: publishAt.toISOString(),
    },
  });
  expect(created.status()).toBe(201);
  const { item } = (await created.json()) as { item: { id: string } };
  const published = await page.request.post(`/api/content/${item.id}/transitions`, {
    data: { to: "PUBLISHED" },
  });
  expect(published.status()).toBe(200);

  // The library: one status, the one the feed applies.
  await page.goto(`/studio?q=${encodeURIComponent(title)}`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: title }) });
  await expect(row.getByText("Scheduled", { exact: true })).toBeVisible();
  await expect(row.getByText("Published", { exact: true })).toHaveCount(0);

  // Its page: the header and the workflow panel say the same.
  await row.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText("Scheduled", { exact: true })).toHaveCount(2);
  await expect(page.getByText("Published", { exact: true })).toHaveCount(0);

  // The calendar of its month.
  await page.goto(`/studio/calendar?month=${publishAt.toISOString().slice(0, 7)}`);
  const entry = page.getByRole("table").getByRole("link", { name: new RegExp(title) });
  await expect(entry).toContainText("Scheduled");
});
