import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./helpers";
import { E2E } from "./e2e-config";

const own =
  "Posted straight from Chorus: I spent two winters on this project and I am proud of the team.";

interface FakeState {
  posts: {
    urn: string;
    body: { commentary: string; content?: { article?: { source: string } } };
  }[];
  images: { urn: string; uploaded: boolean }[];
}

/** What the fake LinkedIn (its own process) received so far. */
async function linkedInState(page: Page): Promise<FakeState> {
  const res = await page.request.get(`${E2E.linkedinUrl}/__fake/state`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as FakeState;
}

async function openComposer(page: Page) {
  await page.goto("/feed");
  await page
    .getByRole("article")
    .first()
    .getByRole("link", { name: /Make it yours/ })
    .click();
  await expect(page).toHaveURL(/\/share\/cnt_/);
  return new URL(page.url()).pathname;
}

test("an employee connects LinkedIn from the composer, lands back on the post, posts it, and sees it live with its LinkedIn id", async ({
  page,
}) => {
  await signInAs(page, "employee@fernhill.example");

  // 1. Connect LinkedIn from the composer: the fake LinkedIn's consent page, Allow, and back on
  //    the very post being shared (not the profile), connected.
  const composer = await openComposer(page);
  const api = page.getByRole("group", { name: "Post to LinkedIn for me" });
  await api.getByRole("button", { name: "Connect LinkedIn" }).click();
  await expect(page).toHaveTitle(/Allow access/);
  await expect(
    page.getByRole("heading", { name: /would like to access your LinkedIn/ }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL((url) => url.pathname === composer);
  await expect(page.getByText("LinkedIn is connected. Chorus can now post for you.")).toBeVisible();

  // 2. "Post to LinkedIn for me", now.
  const post = page.getByLabel("Your post");
  await post.fill(`${own}\n\n${await post.inputValue()}`);
  await expect(api.getByLabel("Post now")).toBeChecked();
  await api.getByRole("button", { name: "Post to LinkedIn now" }).click();
  await expect(page.getByText("Your post is on its way to LinkedIn.")).toBeVisible();

  // 3. My activity: the job posts it within seconds; the share shows Posted and the LinkedIn id.
  await page.goto("/activity");
  const share = page
    .getByRole("article")
    .filter({ hasText: "Posted straight from Chorus" })
    .first();
  await expect(async () => {
    await page.reload();
    await expect(share.getByText("Posted", { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(share.getByText(/^urn:li:share:\d+$/)).toBeVisible();
  const link = share.getByRole("link", { name: "See it on LinkedIn" });
  await expect(link).toHaveAttribute(
    "href",
    /^https:\/\/www\.linkedin\.com\/feed\/update\/urn:li:share:\d+\/$/,
  );
  await expect(share.getByText("LinkedIn API")).toBeVisible();

  // What LinkedIn received: the tracked link once — as the card when there is one, else in the text.
  const urn = (await share.getByText(/^urn:li:share:\d+$/).textContent())!;
  const sent = (await linkedInState(page)).posts.find((p) => p.urn === urn)!;
  const trackedUrl = await share.getByRole("textbox").inputValue();
  const article = sent.body.content?.article;
  if (article) {
    expect(article.source).toBe(trackedUrl);
    expect(sent.body.commentary).not.toContain(trackedUrl);
  } else {
    expect(sent.body.commentary.split(trackedUrl)).toHaveLength(2);
  }
});

test("after LinkedIn refuses the connection (401), the profile says so — not that access ended on a future date", async ({
  page,
}) => {
  await signInAs(page, "employee@fernhill.example");
  await page.goto("/profile");
  const card = page.getByRole("region", { name: "LinkedIn" });
  // Connected by the test above; connect (or reconnect, on a retry) when it is not.
  const connect = card.getByRole("button", { name: /^(Re)?connect LinkedIn$/ });
  if (await connect.isVisible()) {
    await connect.click();
    await page.getByRole("button", { name: "Allow" }).click();
    await expect(page).toHaveURL(/\/profile/);
  }
  await expect(card.getByText("Access until")).toBeVisible();

  // LinkedIn answers the next post with 401 (the member revoked Chorus on LinkedIn).
  const injected = await page.request.post(`${E2E.linkedinUrl}/__fake/fail-next`, {
    data: { endpoint: "posts", mode: 401 },
  });
  expect(injected.ok()).toBe(true);
  await openComposer(page);
  await page.getByLabel("Your post").fill(`${own} This one LinkedIn refuses.`);
  await page
    .getByRole("group", { name: "Post to LinkedIn for me" })
    .getByRole("button", { name: "Post to LinkedIn now" })
    .click();
  await expect(page.getByText("Your post is on its way to LinkedIn.")).toBeVisible();

  await page.goto("/activity");
  const refused = page
    .getByRole("article")
    .filter({ hasText: "This one LinkedIn refuses." })
    .first();
  await expect(async () => {
    await page.reload();
    await expect(refused.getByText(/LinkedIn needs you to reconnect/)).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 30_000 });

  await page.goto("/profile");
  await expect(card.getByText("Refused by LinkedIn on")).toBeVisible();
  await expect(card.getByText(/Access ended/)).toHaveCount(0);
  await expect(card.getByText("LinkedIn no longer accepts your connection")).toBeVisible();
  await expect(card.getByRole("button", { name: "Reconnect LinkedIn" })).toBeVisible();
});
