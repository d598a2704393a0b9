/**
 * Content sources, end to end: an admin adds a feed served from loopback (the app may fetch it
 * because the e2e app server sets CONTENT_SOURCES_ALLOWED_HOSTS=127.0.0.1 — off by default), polls
 * it, turns its entry into a draft in one click and lands on the draft in the studio; the pages
 * pass axe and fit a 360 px screen.
 */
import { expect, test } from "@playwright/test";
import { rss, serve, startFeedServer, type FeedServer } from "../support/feed-server";
import { axeViolations } from "./a11y-helpers";
import { E2E } from "./e2e-config";
import { signInAs } from "./helpers";

/** The feed server's port: the app's port base + 21 (+20 is the fake AI service, +1 the scale-out spec). */
const FEED_PORT = E2E.appPort + 21;
let feeds: FeedServer;

test.beforeAll(async () => {
  feeds = await startFeedServer(FEED_PORT);
});

test.afterAll(async () => {
  await feeds?.close();
});

test("an admin adds a feed, polls it and turns a post into a draft", async ({ page }) => {
  const stamp = `${Date.now()}`.slice(-6);
  const title = `We won the Green Grid award ${stamp}`;
  feeds.routes.set(
    `/blog-${stamp}.xml`,
    serve(
      rss([
        {
          title,
          // A public-looking address: drafts link to the public web (it need not resolve here).
          link: `https://blog.fernhill.example/green-grid-${stamp}`,
          description: "<p>Proud of the team: a record year for solar.</p>",
          pubDate: new Date(),
        },
      ]),
    ),
  );
  await signInAs(page, "admin@fernhill.example");
  await page.getByRole("navigation").getByRole("link", { name: "Sources" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Source inbox" })).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "Sources pages" });
  await tabs.getByRole("link", { name: "Sources", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sources" })).toBeVisible();

  // The form checks its input before sending it.
  const form = page.getByRole("form", { name: "Add a source" });
  await form.getByLabel("Name").fill(`Company blog ${stamp}`);
  await form.getByLabel("Feed or sitemap address").fill("not a link");
  await form.getByRole("button", { name: "Add source" }).click();
  await expect(form.getByText(/Enter a full web address/).first()).toBeVisible();
  await form.getByLabel("Feed or sitemap address").fill(`${feeds.origin}/blog-${stamp}.xml`);
  await form.getByRole("button", { name: "Add source" }).press("Enter");
  await expect(form.getByText(`Added “Company blog ${stamp}”.`, { exact: false })).toBeVisible();

  const card = page.getByRole("listitem").filter({ hasText: `Company blog ${stamp}` });
  await expect(card).toContainText("Not polled yet");
  await card.getByRole("button", { name: `Poll now (Company blog ${stamp})` }).click();
  await expect(card.getByText(`Company blog ${stamp} read: 1 new post.`)).toBeVisible();
  await expect(card).toContainText("1 new");
  expect(await axeViolations(page)).toEqual([]);

  await tabs.getByRole("link", { name: /^Inbox/ }).click();
  const entry = page.getByRole("article", { name: title });
  await expect(entry).toContainText("Proud of the team: a record year for solar.");
  await expect(entry).toContainText("Motivation");
  expect(await axeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 360, height: 800 });
  const scrolls = await page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
  expect(scrolls).toBe(false);

  await entry.getByRole("button", { name: `Make draft of “${title}”` }).click();
  await page.waitForURL(/\/studio\/cnt_[^/?]+\?created=1$/);
  await expect(page.getByLabel("Title", { exact: true }).first()).toHaveValue(title);
  await expect(page.getByText("Draft saved. You can add images now.")).toBeVisible();

  // The studio lists it; the inbox keeps it under "Made drafts", linked to the draft.
  await page.goto("/studio");
  await expect(page.getByRole("link", { name: title }).first()).toBeVisible();
  await page.goto("/studio/sources?status=drafted");
  await expect(
    page.getByRole("article", { name: title }).getByRole("link", { name: "Open the draft" }),
  ).toBeVisible();
});
