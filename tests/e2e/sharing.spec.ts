import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const own =
  "I spent two winters on this project, and seeing it help our customers is why I love my job.";
/** A person's browser (Playwright's own user agents read as bots to the click path). */
const HUMAN_UA =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

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
  // The filters are chips: one click applies one.
  await page
    .getByRole("navigation", { name: "Filter the feed" })
    .getByRole("link", { name: "Education", exact: true })
    .click();
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

  // 1. Copy text and link: nothing is posted yet, so it does not count until confirmed.
  await page.getByRole("button", { name: "Copy text and link" }).click();
  await expect(page.getByText("Not counted yet.")).toBeVisible();
  await expect(page.getByText("Shared.")).toHaveCount(0);
  await page.getByRole("button", { name: "I posted it" }).click();
  await expect(page.getByText("Shared.")).toBeVisible();
  await expect(page.getByText("It counts for you now.")).toBeVisible();
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
  // The window opened, nothing is posted: not "Shared.", not counted.
  await expect(page.getByText("Not counted yet.")).toBeVisible();
  await expect(page.getByText("Shared.")).toHaveCount(0);

  // 3. Both shares in My activity: the copied one confirmed, the dialog one waiting.
  await page.goto("/activity");
  // Tracked links show in read-only, copyable fields.
  await expect(page.locator(`input[value="${trackedUrl}"]`)).toBeVisible();
  await expect(page.locator(`input[value="${shared}"]`)).toBeVisible();
  const dialogShare = page
    .getByRole("article")
    .filter({ has: page.locator(`input[value="${shared}"]`) });
  const copiedShare = page
    .getByRole("article")
    .filter({ has: page.locator(`input[value="${trackedUrl}"]`) });
  await expect(copiedShare.getByText("Shared", { exact: true })).toBeVisible();
  await expect(dialogShare.getByText("Not confirmed yet", { exact: true })).toBeVisible();
  await expect(dialogShare.getByRole("button", { name: "I posted it" })).toBeVisible();

  // Someone follows the dialog share's link (a person, not a crawler): it was posted after all,
  // so the first human click confirms it.
  const reader = await page.request.get(shared, {
    maxRedirects: 0,
    headers: { "user-agent": HUMAN_UA },
  });
  expect(reader.status()).toBe(302);
  await expect(async () => {
    await page.reload();
    await expect(dialogShare.getByText("Shared", { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(dialogShare.getByRole("button", { name: "I posted it" })).toHaveCount(0);

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

test("a required disclosure: captions start with it, and from scratch one click inserts it", async ({
  page,
  browser,
}) => {
  const disclosure = "I work at Fernhill Energy.";
  // Set by an admin after the library was written: no caption carries it.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signInAs(adminPage, "admin@fernhill.example");
  const setDisclosure = async (text: string | null) => {
    const res = await adminPage.request.patch("/api/settings/guardrails", {
      data: { disclosureText: text },
    });
    expect(res.status()).toBe(200);
  };
  await setDisclosure(disclosure);
  try {
    await signInAs(page, "employee@fernhill.example");
    await page.goto("/feed");
    await page
      .getByRole("article")
      .first()
      .getByRole("link", { name: /Make it yours/ })
      .click();
    await expect(page).toHaveURL(/\/share\/cnt_/);

    // Starting from a caption, the disclosure is already at the end: the post can be shared.
    const post = page.getByLabel("Your post");
    await expect(post).toHaveValue(new RegExp(`\\n\\n${disclosure.replaceAll(".", "\\.")}$`));
    await expect(page.getByText(`Keep the disclosure "${disclosure}" in the text.`)).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Copy text and link" })).toBeEnabled();

    // From scratch: the warning comes with a button that puts the disclosure at the end.
    // The start choices are chips: a label around a visually hidden radio.
    await page.locator("label").filter({ hasText: "Write from scratch" }).click();
    await expect(page.getByRole("radio", { name: "Write from scratch" })).toBeChecked();
    await post.fill(own);
    await expect(page.getByText(`Keep the disclosure "${disclosure}" in the text.`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Copy text and link" })).toBeDisabled();
    const insert = page.getByRole("button", { name: "Insert disclosure into “Your post”" });
    await insert.focus();
    await page.keyboard.press("Enter");
    await expect(post).toHaveValue(`${own}\n\n${disclosure}`);
    await expect(post).toBeFocused();
    await expect(insert).toHaveCount(0);
    await expect(page.getByText(`Keep the disclosure "${disclosure}" in the text.`)).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Copy text and link" })).toBeEnabled();
    // The disclosure is nobody's own words: the meter still reads the person's sentence alone.
    await expect(page.getByRole("meter", { name: "Your own words" })).toHaveAttribute(
      "aria-valuenow",
      "100",
    );
  } finally {
    await setDisclosure(null);
    await admin.close();
  }
});
