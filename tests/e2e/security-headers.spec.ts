/**
 * Security headers, CSP nonce, cookies and the CSRF defences of the real server:
 * - every page of the route inventory (ids from the demo seed, signed in as the admin, who may see
 *   them all), a few route handlers, a tracked link on the custom server's fast path and a static
 *   asset carry the headers; the CSP nonce changes per request and every <script> carries it;
 * - the browser reports no CSP violation on the main pages and Next's scripts run;
 * - HSTS is absent over http, and present (with Secure, prefixed cookies) on a second instance
 *   started with TRUST_PROXY=true when the proxy says X-Forwarded-Proto: https;
 * - cookies of a real sign-in are HttpOnly and SameSite=Lax;
 * - Auth.js's POST endpoints refuse a request without its CSRF token; a server action posted with
 *   a foreign Origin is refused and creates nothing; sign-up is rate limited per address.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { PAGES } from "../support/route-inventory";
import { DEMO_ORG_SLUG } from "../../lib/domains/demo/demo-accounts";
import { HSTS_VALUE } from "../../lib/core/http/security-headers";
import { ProbeCounter } from "../support/hardening-report";
import { readDemoIds, e2eDatabase, type DemoIds } from "./demo-ids";
import { E2E } from "./e2e-config";
import { signInAs } from "./helpers";

const probe = new ProbeCounter();
/** Each test asserts only the probes it made (one failing test does not fail the others). */
let mark = 0;
test.beforeEach(() => {
  mark = probe.failures.length;
});
const newFailures = () => probe.failures.slice(mark);
const root = path.resolve(import.meta.dirname, "../..");
const BAD_TOKEN = "not-a-valid-token-0123456789";
const ADMIN = "admin@fernhill.example";

let ids: DemoIds;
const db = e2eDatabase;

test.beforeAll(async () => {
  ids = await readDemoIds();
});

test.afterAll(() => {
  probe.report("security headers");
});

/** A page pattern of the inventory with its params filled from the demo seed. */
function concretePath(pattern: string): string {
  return pattern
    .replace("[org]", ids.orgSlug)
    .replace("[slug]", ids.itemSlug)
    .replace("[token]", BAD_TOKEN)
    .replace("[handle]", ids.handle)
    .replace(
      "[id]",
      pattern.startsWith("/admin/teams")
        ? ids.teamId
        : pattern.includes("/campaigns/")
          ? ids.campaignId
          : ids.itemId,
    );
}

function cspDirectives(csp: string): Map<string, string> {
  return new Map(
    csp
      .split(";")
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => {
        const [name, ...rest] = p.split(/\s+/);
        return [name!, rest.join(" ")];
      }),
  );
}

/** The headers every response must carry (over http: no HSTS). */
function checkCommon(label: string, res: APIResponse, { https = false } = {}) {
  const h = res.headers();
  probe.check(
    `${label}: X-Content-Type-Options nosniff`,
    h["x-content-type-options"] === "nosniff",
  );
  probe.check(`${label}: X-Frame-Options DENY`, h["x-frame-options"] === "DENY");
  probe.check(
    `${label}: Permissions-Policy denies camera, microphone, geolocation`,
    ["camera=()", "microphone=()", "geolocation=()"].every((p) =>
      (h["permissions-policy"] ?? "").includes(p),
    ),
    h["permissions-policy"],
  );
  probe.check(
    `${label}: Cross-Origin-Opener-Policy`,
    h["cross-origin-opener-policy"] === "same-origin-allow-popups",
    h["cross-origin-opener-policy"],
  );
  probe.check(
    `${label}: HSTS ${https ? "present" : "absent"}`,
    https ? h["strict-transport-security"] === HSTS_VALUE : !h["strict-transport-security"],
    h["strict-transport-security"],
  );
  probe.check(`${label}: no X-Powered-By`, !h["x-powered-by"], h["x-powered-by"]);
}

/** Checks a page response: common headers, the policy, and the nonce on every script. */
async function checkPage(label: string, res: APIResponse): Promise<string | null> {
  checkCommon(label, res);
  const h = res.headers();
  probe.check(
    `${label}: Referrer-Policy`,
    h["referrer-policy"] === "strict-origin-when-cross-origin",
    h["referrer-policy"],
  );
  const csp = h["content-security-policy"] ?? "";
  const d = cspDirectives(csp);
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(d.get("script-src") ?? "")?.[1] ?? null;
  probe.check(`${label}: CSP with a script nonce`, Boolean(nonce), csp);
  probe.check(
    `${label}: CSP script-src strict (nonce + strict-dynamic, no unsafe-*)`,
    /'strict-dynamic'/.test(d.get("script-src") ?? "") && !/unsafe/.test(d.get("script-src") ?? ""),
    d.get("script-src"),
  );
  for (const [name, value] of [
    ["frame-ancestors", "'none'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["default-src", "'self'"],
  ] as const) {
    probe.check(`${label}: CSP ${name} ${value}`, d.get(name) === value, d.get(name));
  }
  probe.check(
    `${label}: CSP form-action starts with 'self'`,
    (d.get("form-action") ?? "").startsWith("'self'"),
    d.get("form-action"),
  );
  const html = await res.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  const unnonced = scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`));
  probe.check(
    `${label}: every <script> (${scripts.length}) carries the response's nonce`,
    scripts.length > 0 && unnonced.length === 0,
    unnonced.slice(0, 2).join(" "),
  );
  return nonce;
}

test.describe("security headers", () => {
  test("every page of the inventory: headers, CSP, a fresh nonce on every script", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await signInAs(page, ADMIN);
    const request = page.request;
    for (const entry of PAGES) {
      const url = concretePath(entry.path);
      probe.route(`PAGE ${entry.path}`);
      const first = await request.get(url);
      probe.check(`${url}: answers`, first.status() < 500, String(first.status()));
      const nonce1 = await checkPage(url, first);
      const second = await request.get(url);
      const nonce2 = /'nonce-([^']+)'/.exec(second.headers()["content-security-policy"] ?? "")?.[1];
      probe.check(`${url}: nonce differs per request`, Boolean(nonce1) && nonce1 !== nonce2);
    }
    expect(newFailures()).toEqual([]);
  });

  test("signed-out pages and the 404 page", async ({ request }) => {
    for (const url of [
      "/signin",
      "/signup",
      "/",
      `/p/${DEMO_ORG_SLUG}/${"x".repeat(3)}`,
      "/no/such/page",
    ]) {
      const res = await request.get(url);
      probe.check(`${url} (signed out): answers`, res.status() < 500, String(res.status()));
      await checkPage(`${url} (signed out)`, res);
    }
    expect(newFailures()).toEqual([]);
  });

  test("route handlers, the tracked-link fast path and static assets", async ({ page }) => {
    await signInAs(page, ADMIN);
    const request = page.request;
    for (const url of ["/api/health", "/api/org", "/api/auth/session", "/api/v1/openapi.json"]) {
      const res = await request.get(url);
      probe.route(`GET ${url}`);
      checkCommon(url, res);
      probe.check(`${url}: answers 200`, res.status() === 200, String(res.status()));
    }
    // Metrics are not exposed here (no METRICS_TOKEN: 404) or refused without the token (401):
    // either way in our JSON error shape with the common headers.
    const metrics = await request.get("/api/metrics");
    probe.route("GET /api/metrics");
    checkCommon("/api/metrics", metrics);
    probe.check(
      "/api/metrics: refused without the scrape token",
      [401, 404].includes(metrics.status()),
      String(metrics.status()),
    );
    // The conversion snippet keeps its own caching headers.
    const snippet = await request.get("/chorus.js");
    checkCommon("/chorus.js", snippet);
    probe.check(
      "/chorus.js keeps its Cache-Control",
      /max-age=3600/.test(snippet.headers()["cache-control"] ?? ""),
    );
    // Uploaded files keep their sandboxing policy (the seed's logo, if it has one).
    const html = await (await request.get("/admin/settings")).text();
    const fileUrl = /\/api\/files\/[^"'\s)]+/.exec(html)?.[0];
    if (fileUrl) {
      const file = await request.get(fileUrl.replace(/&amp;/g, "&"));
      checkCommon(fileUrl, file);
      probe.check(
        `${fileUrl}: keeps its sandbox CSP`,
        /sandbox/.test(file.headers()["content-security-policy"] ?? ""),
        file.headers()["content-security-policy"],
      );
    }
    // Tracked link: the custom server's fast path (never enters Next).
    const link = await request.get(`/${ids.shareCode}`, { maxRedirects: 0 });
    probe.route("GET /[code]");
    probe.check("tracked link: 302", link.status() === 302, String(link.status()));
    checkCommon("tracked link (fast path)", link);
    probe.check(
      "tracked link keeps its own Referrer-Policy",
      link.headers()["referrer-policy"] === "unsafe-url",
      link.headers()["referrer-policy"],
    );
    const unknown = await request.get("/ZZZZZZZZZZ", { maxRedirects: 0 });
    probe.check("unknown tracked link: 404", unknown.status() === 404);
    checkCommon("unknown tracked link", unknown);
    // A static asset of the build.
    const asset = /\/_next\/static\/[^"'\s]+\.js/.exec(html)?.[0];
    probe.check("a static asset is referenced by the page", Boolean(asset));
    if (asset) {
      const res = await request.get(asset);
      probe.check("static asset: 200", res.status() === 200);
      checkCommon(`static asset ${asset}`, res);
    }
    // Over http, a client's claim of https is not believed without TRUST_PROXY.
    const claimed = await request.get("/signin", { headers: { "x-forwarded-proto": "https" } });
    probe.check(
      "X-Forwarded-Proto: https without TRUST_PROXY gives no HSTS",
      !claimed.headers()["strict-transport-security"],
    );
    expect(newFailures()).toEqual([]);
  });

  test("the browser reports no CSP violation on the main pages, and Next's scripts run", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const violations: string[] = [];
    page.on("console", (msg) => {
      if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(msg.text())) {
        violations.push(`${page.url()}: ${msg.text().slice(0, 200)}`);
      }
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        const w = window as unknown as { __csp?: string[] };
        (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const visit = async (url: string) => {
      await page.goto(url);
      await page.waitForLoadState("networkidle");
      const state = await page.evaluate(() => ({
        csp: (window as unknown as { __csp?: string[] }).__csp ?? [],
        next: typeof (window as unknown as { next?: unknown }).next === "object",
      }));
      probe.check(
        `${url}: no securitypolicyviolation`,
        state.csp.length === 0,
        state.csp.join("; "),
      );
      probe.check(`${url}: Next's scripts ran (hydrated)`, state.next);
    };
    await visit("/signin");
    await visit("/signup");
    await signInAs(page, ADMIN);
    for (const url of [
      "/admin",
      "/admin/members",
      "/dashboard",
      "/feed",
      "/studio",
      concretePath("/studio/[id]"),
      concretePath("/share/[id]"),
      concretePath("/people/[handle]"),
      "/profile",
      "/activity",
      "/no/such/page",
    ]) {
      await visit(url);
    }
    probe.check("no CSP message in the console", violations.length === 0, violations.join(" | "));
    expect(newFailures()).toEqual([]);
  });
});

/** Set-Cookie lines of a response, parsed into name → attributes (lower-cased). */
function cookiesOf(
  res: APIResponse,
): Map<string, { value: string; attrs: Set<string>; raw: string }> {
  const map = new Map<string, { value: string; attrs: Set<string>; raw: string }>();
  for (const { name, value } of res.headersArray()) {
    if (name.toLowerCase() !== "set-cookie") continue;
    for (const line of value.split("\n")) {
      const [pair, ...attrs] = line.split(";").map((s) => s.trim());
      const eq = pair!.indexOf("=");
      map.set(pair!.slice(0, eq), {
        value: pair!.slice(eq + 1),
        attrs: new Set(attrs.map((a) => a.toLowerCase())),
        raw: line,
      });
    }
  }
  return map;
}

/** A real credentials sign-in through Auth.js's endpoints; returns the responses' cookies. */
async function apiSignIn(request: APIRequestContext, headers: Record<string, string> = {}) {
  const csrfRes = await request.get("/api/auth/csrf", { headers });
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    headers,
    form: { csrfToken, email: ADMIN, password: "chorus-demo-2026", callbackUrl: "/" },
    maxRedirects: 0,
  });
  return { csrf: cookiesOf(csrfRes), signIn: cookiesOf(res), status: res.status() };
}

test.describe("cookies", () => {
  test("over http: the session and CSRF cookies are HttpOnly and SameSite=Lax", async ({
    playwright,
  }) => {
    const request = await playwright.request.newContext({ baseURL: E2E.appUrl });
    const { csrf, signIn: cookies, status } = await apiSignIn(request);
    probe.check("sign-in through Auth.js answers a redirect", status === 302, String(status));
    const session = cookies.get("authjs.session-token");
    const csrfCookie = csrf.get("authjs.csrf-token");
    for (const [label, cookie] of [
      ["session cookie", session],
      ["CSRF cookie", csrfCookie],
      [
        "callback-url cookie",
        csrf.get("authjs.callback-url") ?? cookies.get("authjs.callback-url"),
      ],
    ] as const) {
      probe.check(`${label} set`, Boolean(cookie), [...cookies.keys(), ...csrf.keys()].join(","));
      if (!cookie) continue;
      probe.check(`${label} HttpOnly`, cookie.attrs.has("httponly"), cookie.raw);
      probe.check(`${label} SameSite=Lax`, cookie.attrs.has("samesite=lax"), cookie.raw);
      probe.check(`${label} Path=/`, cookie.attrs.has("path=/"), cookie.raw);
    }
    await request.dispose();
    expect(newFailures()).toEqual([]);
  });
});

test.describe("CSRF on the real server", () => {
  test("Auth.js's POST endpoints refuse requests without their CSRF token", async ({
    playwright,
  }) => {
    const request = await playwright.request.newContext({ baseURL: E2E.appUrl });
    const noToken = await request.post("/api/auth/callback/credentials", {
      form: { email: ADMIN, password: "chorus-demo-2026" },
      maxRedirects: 0,
    });
    probe.route("POST /api/auth/[...nextauth]");
    probe.check(
      "credentials sign-in without csrfToken refused (no session cookie)",
      !cookiesOf(noToken).has("authjs.session-token") &&
        /MissingCSRF|error=/i.test(noToken.headers()["location"] ?? ""),
      `${noToken.status()} ${noToken.headers()["location"]}`,
    );
    const forged = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken: "forged", email: ADMIN, password: "chorus-demo-2026" },
      maxRedirects: 0,
    });
    probe.check(
      "credentials sign-in with a forged csrfToken refused",
      !cookiesOf(forged).has("authjs.session-token"),
      `${forged.status()} ${forged.headers()["location"]}`,
    );
    // Sign out needs the token too: a signed-in session survives a token-less POST.
    const { signIn: cookies } = await apiSignIn(request);
    probe.check("signed in for the sign-out check", cookies.has("authjs.session-token"));
    const signOut = await request.post("/api/auth/signout", { form: {}, maxRedirects: 0 });
    const session = await (await request.get("/api/auth/session")).json();
    probe.check(
      "sign-out without csrfToken leaves the session",
      Boolean((session as { user?: unknown } | null)?.user),
      `${signOut.status()} ${JSON.stringify(session)}`,
    );
    await request.dispose();
    expect(newFailures()).toEqual([]);
  });

  test("a server action posted from another origin is refused and creates nothing; same origin works", async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const client = db();
    await client.connect();
    const usersWith = async (email: string) =>
      Number(
        (await client.query(`SELECT count(*)::int AS n FROM "User" WHERE email = $1`, [email]))
          .rows[0].n,
      );
    const signUp = async (email: string, origin?: string) => {
      const context = await browser.newContext({ baseURL: E2E.appUrl });
      const page = await context.newPage();
      let actionPosts = 0;
      let sentOrigin: string | undefined;
      // The browser's own request, re-sent by Playwright with the Origin a foreign page would
      // give it (a browser does not let a route change Origin), its answer handed back.
      await page.route("**/signup**", async (route) => {
        const req = route.request();
        if (req.method() !== "POST" || !req.headers()["next-action"]) return route.continue();
        actionPosts += 1;
        const headers = { ...(await req.allHeaders()), ...(origin ? { origin } : {}) };
        sentOrigin = headers.origin;
        const response = await route.fetch({ headers, maxRedirects: 0 });
        return route.fulfill({ response });
      });
      await page.goto("/signup");
      await page.getByLabel("Your name").fill("Csrf Probe");
      await page.getByLabel("Work email").fill(email);
      await page.getByLabel("Password").fill("a-long-enough-password-2026");
      await page.getByLabel("Organisation name").fill("Csrf Probe Org");
      const response = page.waitForResponse(
        (r) => r.request().method() === "POST" && Boolean(r.request().headers()["next-action"]),
      );
      await page.getByRole("button", { name: "Create account" }).click();
      const res = await response;
      // The form answers with an alert (refused) or a new page (created); a refused foreign
      // Origin may show neither, so the wait ends after 5 s and the checks below decide.
      await page
        .waitForFunction(
          () =>
            !location.pathname.startsWith("/signup") ||
            Boolean(
              document.querySelector('[role="alert"]:not(#__next-route-announcer__)')?.textContent,
            ),
          null,
          { timeout: 5_000 },
        )
        .catch(() => undefined);
      const alert = await page
        .locator('[role="alert"]:not(#__next-route-announcer__)')
        .allTextContents();
      await context.close();
      return { status: res.status(), actionPosts, sentOrigin, alert: alert.join(" ") };
    };
    try {
      const foreignEmail = `csrf-foreign-${Date.now()}@test.example`;
      const foreign = await signUp(foreignEmail, "https://evil.example");
      probe.route("ACTION signUpAction");
      probe.check(
        "server action was posted with the foreign Origin",
        foreign.actionPosts === 1 && foreign.sentOrigin === "https://evil.example",
        `${foreign.actionPosts} ${foreign.sentOrigin}`,
      );
      probe.check(
        "server action with a foreign Origin refused",
        foreign.status >= 400,
        String(foreign.status),
      );
      probe.check(
        "server action with a foreign Origin created nothing",
        (await usersWith(foreignEmail)) === 0,
      );
      const sameEmail = `csrf-same-${Date.now()}@test.example`;
      const same = await signUp(sameEmail);
      probe.check(
        "the same server action from our origin creates the account",
        (await usersWith(sameEmail)) === 1,
        `${same.status} ${same.alert}`,
      );

      // Sign-up is limited per address (10 an hour): bring this address's counter to the limit.
      const { rows } = await client.query(
        `SELECT key, count FROM "RateLimit" WHERE key LIKE 'signup:%' ORDER BY "updatedAt" DESC LIMIT 1`,
      );
      probe.check("sign-up counted per address", rows.length === 1, JSON.stringify(rows));
      const key = rows[0]?.key as string | undefined;
      if (key) {
        await client.query(`UPDATE "RateLimit" SET count = 10 WHERE key = $1`, [key]);
        const limitedEmail = `csrf-limited-${Date.now()}@test.example`;
        const limited = await signUp(limitedEmail);
        probe.check(
          "sign-up past the limit says so",
          /Too many sign-ups from this address\. Try again in \d+ minutes?\./.test(limited.alert),
          limited.alert,
        );
        probe.check(
          "sign-up past the limit creates nothing",
          (await usersWith(limitedEmail)) === 0,
        );
        // Later specs sign up from this address too.
        await client.query(`DELETE FROM "RateLimit" WHERE key = $1`, [key]);
      }
    } finally {
      await client.end();
    }
    expect(newFailures()).toEqual([]);
  });
});

test.describe("over https behind a trusted proxy", () => {
  let child: ChildProcess | undefined;
  const port = E2E.appPort + 50;
  const base = `http://localhost:${port}`;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "server.ts")], {
      cwd: root,
      stdio: "ignore",
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: fs.readFileSync(E2E.databaseUrlFile, "utf8"),
        PORT: String(port),
        AUTH_SECRET: E2E.authSecret,
        TOKEN_ENCRYPTION_KEYS: E2E.tokenEncryptionKeys,
        TRUST_PROXY: "true",
        JOBS_ENABLED: "false",
        SEED_DEMO: "false",
      },
    });
    const deadline = Date.now() + 100_000;
    for (;;) {
      const ok = await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error("the TRUST_PROXY instance did not start");
      await new Promise((r) => setTimeout(r, 500));
    }
  });

  test.afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child!.once("exit", resolve));
    }
  });

  test("HSTS, and Secure __Secure-/__Host- cookies, when the proxy says https", async ({
    playwright,
  }) => {
    const https = { "x-forwarded-proto": "https" };
    const request = await playwright.request.newContext({ baseURL: base });
    for (const url of ["/signin", "/api/health", `/${ids.shareCode}`]) {
      const res = await request.get(url, { headers: https, maxRedirects: 0 });
      checkCommon(`${url} via https proxy`, res, { https: true });
      const plain = await request.get(url, { maxRedirects: 0 });
      probe.check(`${url} via http proxy: no HSTS`, !plain.headers()["strict-transport-security"]);
    }
    const { csrf, signIn: cookies, status } = await apiSignIn(request, https);
    probe.check("https sign-in answers a redirect", status === 302, String(status));
    const session = cookies.get("__Secure-authjs.session-token");
    const csrfCookie = csrf.get("__Host-authjs.csrf-token");
    for (const [label, cookie] of [
      ["__Secure- session cookie", session],
      ["__Host- CSRF cookie", csrfCookie],
    ] as const) {
      probe.check(
        `https: ${label} set`,
        Boolean(cookie),
        [...cookies.keys(), ...csrf.keys()].join(","),
      );
      if (!cookie) continue;
      probe.check(`https: ${label} Secure`, cookie.attrs.has("secure"), cookie.raw);
      probe.check(`https: ${label} HttpOnly`, cookie.attrs.has("httponly"), cookie.raw);
      probe.check(`https: ${label} SameSite=Lax`, cookie.attrs.has("samesite=lax"), cookie.raw);
    }
    await request.dispose();
    expect(newFailures()).toEqual([]);
  });
});
