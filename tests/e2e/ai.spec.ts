/**
 * AI assistance, honest: an admin switches it on, drafts three caption variants of a post (streamed
 * into the studio as drafts for review) and stops a slow answer; an employee uses "Help me say it in
 * my words" — refused without answers, then a draft from their answers — and the share that uses
 * it counts those words as suggested text and is marked AI-assisted. The AI service is the fake on
 * E2E.aiUrl (tests/e2e/servers/fake-openai.ts).
 */
import { expect, test } from "@playwright/test";
import { axeViolations } from "./a11y-helpers";
import { e2eDatabase, readDemoIds } from "./demo-ids";
import { E2E } from "./e2e-config";
import { signInAs } from "./helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("an admin drafts caption variants with AI; an employee says it in their words", async ({
  page,
  browser,
  request,
}) => {
  // Two roles' journeys in one test, each answer streamed: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  const { itemId } = await readDemoIds();
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, "admin@fernhill.example");
  try {
    // Off by default: the studio has no AI buttons until the admin switches it on.
    await admin.goto(`/studio/${itemId}`);
    await expect(admin.getByRole("heading", { name: "Captions" })).toBeVisible();
    await expect(admin.getByRole("button", { name: "Draft 3 captions with AI" })).toHaveCount(0);

    await admin.goto("/admin/settings");
    const form = admin.getByRole("form", { name: "AI assistance" });
    await form.getByLabel("Use AI assistance in this organisation").check();
    await form.getByRole("button", { name: "Save AI settings" }).click();
    await expect(form.getByText("AI assistance is on.")).toBeVisible();

    // Caption variants in three tones, streamed, added to the editor as drafts.
    await admin.goto(`/studio/${itemId}`);
    const names = admin.getByLabel(/^Caption \d+: name$/);
    const before = await names.count();
    const panel = admin.getByRole("region", { name: "AI assistance" });
    await panel.getByLabel("Tone 2").fill("playful");
    await panel.getByRole("button", { name: "Draft 3 captions with AI" }).click();
    await expect(panel.getByText("Added 3 caption drafts below.")).toBeVisible();
    await expect(panel.getByTestId("ai-output")).toContainText("### playful");
    await expect(names).toHaveCount(before + 3);
    await expect(names.nth(before + 1)).toHaveValue("playful");
    await expect(admin.getByLabel(`Caption ${before + 1}: text`)).toHaveValue(
      /A formal caption about the new solar park/,
    );

    // A slow answer can be stopped: nothing is added.
    const slow = await request.post(`${E2E.aiUrl}/__fake/next`, {
      data: { chunkDelayMs: 400, text: "#one #two #three #four #five #six #seven #eight" },
    });
    expect(slow.ok()).toBe(true);
    await panel.getByRole("button", { name: "Suggest hashtags" }).click();
    await expect(panel.getByTestId("ai-output")).toContainText("#one");
    await panel.getByRole("button", { name: "Stop" }).click();
    await expect(panel.getByText("Stopped. Nothing was added.")).toBeVisible();
    expect(await axeViolations(admin)).toEqual([]);

    // The employee: "Help me say it in my words" asks first, and drafts from the answers only.
    await signInAs(page, "employee@fernhill.example");
    await page.goto(`/share/${itemId}`);
    await page.getByRole("button", { name: "Help me say it in my words" }).click();
    const helper = page.getByRole("region", { name: "Say it in your words" });
    await helper.getByRole("button", { name: "Draft from my answers" }).click();
    await expect(helper.getByText(/never from nothing/)).toBeVisible();
    await helper.getByLabel("What did you do?").fill("wired the inverters on site");
    await helper
      .getByLabel("What did you learn?")
      .fill("how much planning a grid connection takes");
    await helper.getByRole("button", { name: "Draft from my answers" }).click();
    await expect(helper.getByTestId("ai-output")).toContainText("wired the inverters on site");
    await helper.getByRole("button", { name: "Use this draft" }).click();
    const post = page.getByLabel("Your post");
    await expect(post).toHaveValue(/This week I wired the inverters on site/);
    // The AI's words are suggested text, not the person's own.
    await expect(page.getByRole("meter")).toHaveAttribute("aria-valuetext", /^0 % — /);

    await page.getByRole("button", { name: "Copy text and link" }).click();
    await expect(page.getByText("Your own words: 0 %.")).toBeVisible();
    const db = e2eDatabase();
    await db.connect();
    try {
      const { rows } = await db.query<{ aiAssisted: boolean; authenticity: number }>(
        `SELECT sh."aiAssisted", sh."authenticity" FROM "Share" sh JOIN "User" u ON u.id = sh."userId"
         WHERE u.email = $1 ORDER BY sh."createdAt" DESC LIMIT 1`,
        ["employee@fernhill.example"],
      );
      expect(rows[0]).toEqual({ aiAssisted: true, authenticity: 0 });
    } finally {
      await db.end();
    }
    const sent = (await (await request.get(`${E2E.aiUrl}/__fake/requests`)).json()) as {
      requests: { body: { model: string; messages: { content: string }[] } }[];
    };
    const last = sent.requests.at(-1)!;
    expect(last.body.model).toBe("fake-gpt");
    expect(last.body.messages.at(-1)!.content).toContain(
      "What they learned: how much planning a grid connection takes",
    );
  } finally {
    // Other specs run without AI.
    const off = await admin.request.patch("/api/settings/ai", { data: { enabled: false } });
    expect(off.status()).toBe(200);
    await adminContext.close();
  }
});
