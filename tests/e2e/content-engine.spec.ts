/**
 * The content engine in one journey: a blog post arrives through a content source, the comms team
 * turns it into a draft, drafts caption variants with AI, and a two-stage approval chain (Comms,
 * then Legal) publishes it; a team lead says it in their words with AI help, adds a sentence of
 * their own, shares it — and the dashboard counts that share as AI-assisted. The feed is served
 * from loopback (CONTENT_SOURCES_ALLOWED_HOSTS=127.0.0.1 in the e2e app), the AI service is the
 * fake on E2E.aiUrl. Organisation-wide settings changed here (AI, approval, stages) are put back.
 */
import { expect, test, type Page } from "@playwright/test";
import { rss, serve, startFeedServer, type FeedServer } from "../support/feed-server";
import { E2E } from "./e2e-config";
import { signInAs } from "./helpers";

/** Its own feed server port (+20 is the fake AI service, +21 the sources spec's feed server). */
const FEED_PORT = E2E.appPort + 23;
let feeds: FeedServer;

test.beforeAll(async () => {
  feeds = await startFeedServer(FEED_PORT);
});

test.afterAll(async () => {
  await feeds?.close();
});

async function setRequireApproval(page: Page, on: boolean) {
  await page.goto("/admin/settings");
  const form = page.getByRole("form", { name: "Guardrails and approval" });
  await form.getByLabel("Require approval by a second admin").setChecked(on);
  await form.getByRole("button", { name: "Save guardrails" }).click();
  await expect(form.getByText("Guardrails saved.")).toBeVisible();
}

/** "3 of 41 shares kept AI-suggested words" on the dashboard's Authenticity card (0 when absent). */
async function aiAssistedOnDashboard(page: Page): Promise<number> {
  await page.goto("/dashboard");
  const card = page.locator('[data-kpi="authenticity"]');
  await expect(card).toBeVisible();
  const match = /(\d[\d,]*) of [\d,]+ shares kept AI-suggested words/.exec(await card.innerText());
  return match ? Number(match[1]!.replace(/,/g, "")) : 0;
}

test("a feed post becomes a draft, gets AI captions, passes Comms and Legal, and a team lead shares it in their words", async ({
  page,
  browser,
}) => {
  // Four people's steps, two AI answers streamed and a poll: several minutes on a busy machine.
  test.setTimeout(300_000);
  const stamp = `${Date.now()}`.slice(-7);
  const title = `Our apprentices rebuilt a substation ${stamp}`;
  feeds.routes.set(
    `/news-${stamp}.xml`,
    serve(
      rss([
        {
          title,
          link: `https://blog.fernhill.example/apprentices-${stamp}`,
          description:
            "<p>Six apprentices rebuilt the Rheinfeld substation's protection in three weeks.</p>",
          pubDate: new Date(),
        },
      ]),
    ),
  );

  await signInAs(page, "admin@fernhill.example");
  const legalContext = await browser.newContext();
  const priya = await legalContext.newPage();
  const employeeContext = await browser.newContext({
    permissions: ["clipboard-read", "clipboard-write"],
  });
  const sofia = await employeeContext.newPage();
  try {
    // Set-up by the admin: AI on, approval required, the chain Comms (every admin) → Legal (Priya).
    await page.goto("/admin/settings");
    const ai = page.getByRole("form", { name: "AI assistance" });
    await ai.getByLabel("Use AI assistance in this organisation").check();
    await ai.getByRole("button", { name: "Save AI settings" }).click();
    await expect(ai.getByText("AI assistance is on.")).toBeVisible();
    await setRequireApproval(page, true);
    const chain = page.getByRole("region", { name: "Approval chain" });
    const addStage = async (name: string, approver: { role?: string; member?: RegExp }) => {
      const form = chain.getByRole("form", { name: "New stage" });
      await form.getByLabel("Stage name").fill(name);
      if (approver.role) await form.getByRole("checkbox", { name: approver.role }).check();
      if (approver.member) {
        await form
          .getByRole("list", { name: "Members" })
          .getByRole("checkbox", { name: approver.member })
          .check();
      }
      await form.getByRole("button", { name: "Add stage" }).click();
      await expect(chain.getByRole("form", { name: /^Stage \d+$/ }).last()).toBeVisible();
    };
    await addStage(`Comms ${stamp}`, { role: "Every admin" });
    await addStage(`Legal ${stamp}`, { member: /^Priya Raman/ });
    await expect(chain.getByRole("form", { name: /^Stage \d+$/ })).toHaveCount(2);

    // The source: added, polled, its post made a draft in one click.
    await page.goto("/studio/sources/manage");
    const sourceForm = page.getByRole("form", { name: "Add a source" });
    await sourceForm.getByLabel("Name").fill(`Newsroom ${stamp}`);
    await sourceForm
      .getByLabel("Feed or sitemap address")
      .fill(`${feeds.origin}/news-${stamp}.xml`);
    await sourceForm.getByRole("button", { name: "Add source" }).click();
    const card = page.getByRole("listitem").filter({ hasText: `Newsroom ${stamp}` });
    await card.getByRole("button", { name: `Poll now (Newsroom ${stamp})` }).click();
    await expect(card.getByText(`Newsroom ${stamp} read: 1 new post.`)).toBeVisible();
    await page.goto("/studio/sources");
    await page
      .getByRole("article", { name: title })
      .getByRole("button", { name: `Make draft of “${title}”` })
      .click();
    await page.waitForURL(/\/studio\/cnt_[^/?]+\?created=1$/);
    const itemPath = new URL(page.url()).pathname;
    const itemId = itemPath.split("/").at(-1)!;

    // Caption variants by AI, saved with the draft, then submitted for review.
    const names = page.getByLabel(/^Caption \d+: name$/);
    const before = await names.count();
    const assist = page.getByRole("region", { name: "AI assistance" });
    await assist.getByRole("button", { name: "Draft 3 captions with AI" }).click();
    await expect(assist.getByText("Added 3 caption drafts below.")).toBeVisible();
    await expect(names).toHaveCount(before + 3);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Changes saved.")).toBeVisible();
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByText("The post is now in review.")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Approve/ })).toHaveCount(0);

    // Priya approves at Comms (as an admin), and then at Legal (named): only then it is published.
    await signInAs(priya, "priya.raman@fernhill.example");
    await priya.goto(itemPath);
    await priya.getByRole("button", { name: `Approve at stage 1 of 2 (Comms ${stamp})` }).click();
    await expect(
      priya.getByText(`Approve at stage 1 of 2 (Comms ${stamp}): done. The post is now in review.`),
    ).toBeVisible();
    await expect(priya.getByRole("button", { name: "Approve and publish" })).toBeVisible();
    await priya.getByRole("button", { name: "Approve and publish" }).click();
    await expect(priya.getByText("The post is now published.")).toBeVisible();
    const history = priya.getByRole("region", { name: "History" });
    await expect(history).toContainText(`Approved at stage 1 of 2 (Comms ${stamp})`);
    await expect(history).toContainText(`Approved at stage 2 of 2 (Legal ${stamp}), and published`);

    const aiBefore = await aiAssistedOnDashboard(page);

    // A team lead (not the demo employee, whose daily share limit other specs use up): AI drafts
    // from their answers, they add a sentence of their own and share.
    await signInAs(sofia, "manager@fernhill.example");
    await sofia.goto(`/share/${itemId}`);
    await sofia.getByRole("button", { name: "Help me say it in my words" }).click();
    const helper = sofia.getByRole("region", { name: "Say it in your words" });
    await helper.getByLabel("What did you do?").fill("coached two of the apprentices");
    await helper.getByLabel("What did you learn?").fill("how fast people grow with real work");
    await helper.getByRole("button", { name: "Draft from my answers" }).click();
    await expect(helper.getByTestId("ai-output")).toContainText("coached two of the apprentices");
    await helper.getByRole("button", { name: "Use this draft" }).click();
    const post = sofia.getByLabel("Your post");
    await expect(post).toHaveValue(/This week I coached two of the apprentices/);
    await post.press("ControlOrMeta+End");
    await post.pressSequentially(" Lina and Tomás did the wiring tests by themselves on day nine.");
    // Only the sentence she typed counts as her own words.
    await expect(sofia.getByRole("meter")).not.toHaveAttribute("aria-valuetext", /^0 % — /);
    await sofia.getByRole("button", { name: "Copy text and link" }).click();
    await expect(sofia.getByText(/Your own words: \d+ %\./)).toBeVisible();
    // Copied is not shared yet: it counts once they say they posted it (or a reader clicks).
    await sofia.getByRole("button", { name: "I posted it" }).click();
    await expect(sofia.getByText("It counts for you now.")).toBeVisible();

    // The dashboard counts it as AI-assisted.
    await expect.poll(() => aiAssistedOnDashboard(page), { timeout: 30_000 }).toBe(aiBefore + 1);
  } finally {
    // Other specs run without AI, without approval and without stages.
    const off = await page.request.patch("/api/settings/ai", { data: { enabled: false } });
    expect(off.status()).toBe(200);
    const list = await page.request.get("/api/settings/approval-stages");
    const { stages } = (await list.json()) as { stages: { id: string; name: string }[] };
    for (const stage of stages.filter((s) => s.name.endsWith(stamp))) {
      const gone = await page.request.delete(`/api/settings/approval-stages/${stage.id}`);
      expect(gone.ok()).toBe(true);
    }
    await setRequireApproval(page, false);
    await legalContext.close();
    await employeeContext.close();
  }
});
