import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const own =
  "I spent two winters on this project, and seeing it help our customers is why I love my job.";

test("an employee filters the feed, makes a caption their own, shares by copy and via LinkedIn, and finds both in My activity", async ({
  page,
  context,
}) => {
  // LinkedIn and the demo destinations are not reachable here: answer them locally.
  await context.route("https://www.linkedin.com/**", (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/html",
      body: "<title>LinkedIn</title>LinkedIn share dialog",
    }),
  );

  await signInAs(page, "employee@fernhill.example");
  await page.goto("/feed");
  await page.getByLabel("Value type").selectOption("EDUCATION");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/valueType=EDUCATION/);
  const card = page.getByRole("article").first();
  await expect(card).toContainText("Education");
  await card.getByRole("link", { name: /Make it yours/ }).click();
  await expect(page).toHaveURL(/\/share\/cnt_/);

  const meter = page.getByRole("meter", { name: "Your own words" });
  const before = Number(await meter.getAttribute("aria-valuenow"));
  expect(before).toBeLessThan(15);
  const post = page.getByLabel("Your post");
  const caption = await post.inputValue();
  await post.fill(`${own}\n\n${caption}`);
  await expect
    .poll(async () => Number(await meter.getAttribute("aria-valuenow")))
    .toBeGreaterThan(before + 20);
  const preview = page.getByRole("article", {
    name: "Preview of the post on LinkedIn, as Sofia Lindqvist",
  });
  await expect(preview).toContainText("I spent two winters");

  // 1. Copy text and link.
  await page.getByRole("button", { name: "Copy text and link" }).click();
  await expect(page.getByText("Shared.")).toBeVisible();
  const trackedUrl = await page.getByLabel("Your tracked link").inputValue();
  expect(trackedUrl).toMatch(/\/[0-9A-Za-z]{10}$/);
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  expect(clipboard).toBe(`${own}\n\n${caption}\n\n${trackedUrl}`);

  // 2. The LinkedIn share dialog, with the text on the clipboard.
  await page.reload();
  await page.getByLabel("Your post").fill(`${own} Second time, different words.`);
  const popupPromise = page.waitForEvent("popup");
  await page.getByRole("button", { name: "Share on LinkedIn" }).click();
  const popup = await popupPromise;
  await popup.waitForURL(/linkedin\.com\/sharing\/share-offsite/);
  const dialogUrl = new URL(popup.url());
  const shared = dialogUrl.searchParams.get("url")!;
  expect(shared).toMatch(/\/[0-9A-Za-z]{10}$/);
  expect(shared).not.toBe(trackedUrl);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `${own} Second time, different words.`,
  );
  await popup.close();

  // 3. Both shares in My activity.
  await page.goto("/activity");
  // Tracked links show in read-only, copyable fields.
  await expect(page.locator(`input[value="${trackedUrl}"]`)).toBeVisible();
  await expect(page.locator(`input[value="${shared}"]`)).toBeVisible();

  // 4. A curious visitor opens a tracked link. For the external destination above, the app answers
  // with a redirect that carries the UTM parameters (external sites are not reachable from here)…
  const visitor = await context.browser()!.newContext();
  const hop = await visitor.request.get(trackedUrl, { maxRedirects: 0 });
  expect(hop.status()).toBe(302);
  const location = new URL(hop.headers().location!);
  expect(location.searchParams.get("utm_source")).toBe("linkedin");
  expect(location.searchParams.get("utm_medium")).toBe("employee_advocacy");
  expect(location.searchParams.get("utm_content")).toBe(trackedUrl.split("/").pop());
  expect(location.searchParams.get("utm_campaign")).toBeTruthy();
  // …and the click id, for conversion attribution (the organisation's parameter, default "aid").
  expect(location.searchParams.get("aid")).toMatch(/^clk_[0-9A-Za-z]{20}$/);

  // …and a share of a post without a link lands, in the browser, on the post's public page.
  const feed = (await (await page.request.get("/api/feed")).json()) as {
    items: { id: string; title: string; link: unknown; body: string }[];
  };
  const noLink = feed.items.find((i) => i.link === null)!;
  const created = await page.request.post("/api/shares", {
    data: { itemId: noLink.id, channel: "COPY", text: `${own} ${noLink.title}` },
  });
  expect(created.status()).toBe(201);
  const code = ((await created.json()) as { share: { code: string; trackedUrl: string } }).share;
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(code.trackedUrl);
  const landed = new URL(visitorPage.url());
  expect(landed.pathname).toMatch(/^\/p\/fernhill-energy\//);
  expect(landed.searchParams.get("utm_content")).toBe(code.code);
  expect(landed.searchParams.get("utm_source")).toBe("linkedin");
  await expect(visitorPage.getByRole("heading", { level: 1 })).toHaveText(noLink.title);
  // LinkedIn builds its card from the Open Graph tags.
  await expect(visitorPage.locator('meta[property="og:title"]')).toHaveAttribute(
    "content",
    noLink.title,
  );
  await expect(visitorPage.locator('meta[property="og:site_name"]')).toHaveAttribute(
    "content",
    "Fernhill Energy",
  );
  await visitor.close();
});

test("a tampered tracked link shows a friendly 404", async ({ page }) => {
  const response = await page.goto("/ZZZZZZZZZZ");
  expect(response?.status()).toBe(404);
  await expect(
    page.getByRole("heading", { name: "This link doesn't lead anywhere" }),
  ).toBeVisible();
});
