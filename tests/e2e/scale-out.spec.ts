/**
 * Scale-out: two app instances on different ports against one PostgreSQL serve a session and a
 * share flow interchangeably. Instance 1 is the e2e app (tests/e2e/servers/app.ts, `npm start`'s
 * script); instance 2 is started here from the same build as `npm start` spawns it
 * (scripts/server.ts, NODE_ENV=production, jobs enabled) with the same AUTH_SECRET,
 * TOKEN_ENCRYPTION_KEYS and APP_URL, on E2E_APP_PORT + 1, and stopped (SIGTERM) by the last test.
 *
 * Checked: a session cookie from instance 1 is signed in on instance 2; a share composed on
 * instance 2 redirects on instance 1 and its click is recorded; a settings change on instance 1
 * reaches instance 2's warm link cache through NOTIFY (well inside the cache TTL); the sign-in
 * lock-out counts failures made on both instances.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { ProbeCounter } from "../support/hardening-report";
import { E2E } from "./e2e-config";
import { fillSignIn, signInAs, appAlert } from "./helpers";

const root = path.resolve(import.meta.dirname, "../..");
const port2 = E2E.appPort + 1;
const url2 = `http://localhost:${port2}`;
const probe = new ProbeCounter();

let instance2: ChildProcess | null = null;
let spoolDir = "";
let uploadsDir = "";
let output = "";
let databaseUrl = "";

async function sql<T extends pg.QueryResultRow>(
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

async function waitForHealth(base: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (instance2?.exitCode !== null) {
      throw new Error(`instance 2 exited (${instance2?.exitCode}):\n${output.slice(-2000)}`);
    }
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`instance 2 did not start:\n${output.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

test.describe.configure({ mode: "serial" });
test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  databaseUrl = fs.readFileSync(E2E.databaseUrlFile, "utf8").trim();
  spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-e2e-instance2-spool-"));
  uploadsDir = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-e2e-instance2-uploads-"));
  // What scripts/start.ts spawns after migrating and building: the app server on the built .next.
  instance2 = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "scripts", "server.ts")],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: databaseUrl,
        PORT: String(port2),
        // shared by every instance behind one load balancer
        APP_URL: E2E.appUrl,
        AUTH_SECRET: E2E.authSecret,
        TOKEN_ENCRYPTION_KEYS: E2E.tokenEncryptionKeys,
        JOBS_ENABLED: "true",
        // per instance
        CLICK_SPOOL_DIR: spoolDir,
        UPLOADS_DIR: uploadsDir,
        SMTP_URL: E2E.smtpUrl,
      },
    },
  );
  instance2.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  instance2.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  await waitForHealth(url2, 120_000);
});

/** SIGTERM (the way a load balancer drains an instance), SIGKILL after 15 s. */
async function stopInstance2(): Promise<void> {
  if (!instance2 || instance2.exitCode !== null) return;
  const exited = new Promise((resolve) => instance2!.once("exit", resolve));
  instance2.kill("SIGTERM");
  const timer = setTimeout(() => instance2?.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

test.afterAll(async () => {
  await stopInstance2();
  if (spoolDir) fs.rmSync(spoolDir, { recursive: true, force: true });
  if (uploadsDir) fs.rmSync(uploadsDir, { recursive: true, force: true });
  probe.report("scale-out");
});

/** A request context that sends only `cookie` (as a load balancer would forward it). */
async function withCookie(cookieHeader: string): Promise<APIRequestContext> {
  return request.newContext({ extraHTTPHeaders: { cookie: cookieHeader }, maxRedirects: 0 });
}

test("a session and a share flow work across two instances", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // 1. Sign in on instance 1.
  await signInAs(page, "employee@fernhill.example");
  const cookies = await page.context().cookies(E2E.appUrl);
  const session = cookies.find((c) => /session-token/.test(c.name));
  probe.check("session cookie issued by instance 1", Boolean(session));
  expect(session).toBeTruthy();
  const cookieHeader = cookies.map((c) => `${c.name}=${c.value}`).join("; ");

  // 2. The same cookie on instance 2: a signed-in page and API.
  const api2 = await withCookie(cookieHeader);
  const me = await api2.get(`${url2}/api/shares`);
  probe.check(
    "instance 2 accepts instance 1's session (API)",
    me.status() === 200,
    `status ${me.status()}`,
  );
  expect(me.status()).toBe(200);
  const context2 = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  await context2.addCookies(cookies.map((c) => ({ ...c, domain: "localhost", path: "/" })));
  const page2 = await context2.newPage();
  await page2.goto(`${url2}/feed`);
  await expect(page2).toHaveURL(new RegExp(`^${url2}/feed`));
  await expect(page2.getByRole("banner")).toContainText("Sofia Lindqvist");
  const banner = (await page2.getByRole("banner").textContent()) ?? "";
  probe.check("instance 2 renders a signed-in page", banner.includes("Sofia Lindqvist"), banner);

  // 3. Compose and create a share on instance 2.
  await page2
    .getByRole("article")
    .first()
    .getByRole("link", { name: /Make it yours/ })
    .click();
  await expect(page2).toHaveURL(/\/share\/cnt_/);
  await page2.getByLabel("Your post").fill("Shared from the second instance: worth a read.");
  await page2.getByRole("button", { name: "Copy text and link" }).click();
  await expect(page2.getByText("Not counted yet.")).toBeVisible();
  const trackedUrl = await page2.getByLabel("Your tracked link").inputValue();
  probe.check(
    "tracked link uses the shared APP_URL",
    trackedUrl.startsWith(`${E2E.appUrl}/`),
    trackedUrl,
  );
  const code = new URL(trackedUrl).pathname.slice(1);
  expect(code).toMatch(/^[0-9A-Za-z]{10}$/);
  const [share] = await sql<{ id: string }>(`select id from "Share" where code = $1`, [code]);
  probe.check("share created by instance 2 is in the database", Boolean(share));
  await context2.close();

  // 4. Follow the tracked link on instance 1: 302 to the destination, click recorded.
  const visitor = await request.newContext({ maxRedirects: 0 });
  const r1 = await visitor.get(`${E2E.appUrl}/${code}`);
  const location1 = r1.headers()["location"] ?? "";
  probe.check(
    "instance 1 redirects instance 2's share",
    r1.status() === 302,
    `status ${r1.status()}`,
  );
  expect(r1.status()).toBe(302);
  const params1 = new URL(location1).searchParams;
  const [aid] = await sql<{ clickIdParam: string }>(
    `select s."clickIdParam" from "OrgSettings" s join "Share" sh on sh."orgId" = s."orgId" where sh.code = $1`,
    [code],
  );
  const param = aid?.clickIdParam ?? "aid";
  const clickId = params1.get(param);
  probe.check("redirect carries a click id", Boolean(clickId), location1);
  await expect
    .poll(
      async () =>
        (
          await sql(`select 1 from "ClickEvent" where id = $1 and "shareId" = $2`, [
            clickId,
            share!.id,
          ])
        ).length,
      { timeout: 10_000 },
    )
    .toBe(1);
  const recorded = await sql(`select 1 from "ClickEvent" where id = $1 and "shareId" = $2`, [
    clickId,
    share!.id,
  ]);
  probe.check("click recorded in the database", recorded.length === 1, `${recorded.length} rows`);

  // 5. Instance 2 serves the same link (its cache is now warm with the current destination).
  const r2 = await visitor.get(`${url2}/${code}`);
  probe.check("instance 2 redirects the same link", r2.status() === 302, `status ${r2.status()}`);
  expect(new URL(r2.headers()["location"]!).searchParams.get(param)).toBeTruthy();

  // 6. An admin changes the click-id parameter on instance 1: instance 2's cached destination
  //    changes at once (NOTIFY), not after the 60 s cache TTL.
  const adminPage = await browser.newPage();
  await signInAs(adminPage, "admin@fernhill.example");
  const newParam = `cid${Date.now() % 100000}`;
  const patch = (value: string) =>
    adminPage.evaluate(async (v) => {
      const res = await fetch("/api/settings/analytics", {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ clickIdParam: v }),
      });
      return res.status;
    }, value);
  try {
    expect(await patch(newParam)).toBe(200);
    const started = Date.now();
    // Waits past the cache TTL, so the probe below sees how long it took: without NOTIFY the
    // change would arrive only when instance 2's cached entry expires.
    await expect
      .poll(
        async () => {
          const res = await visitor.get(`${url2}/${code}`);
          return new URL(res.headers()["location"]!).searchParams.has(newParam);
        },
        { timeout: 65_000, intervals: [200, 500, 1000] },
      )
      .toBe(true);
    const elapsed = Date.now() - started;
    probe.check(
      "instance 2's link cache invalidated by NOTIFY within 15 s (TTL 60 s)",
      elapsed < 15_000,
      `${elapsed} ms`,
    );
  } finally {
    expect(await patch(param)).toBe(200);
    await adminPage.close();
  }
  await visitor.dispose();
  await api2.dispose();
});

test("the sign-in lock-out counts failures on both instances", async ({ browser }) => {
  test.setTimeout(300_000);
  const email = "zoe.clarke@fernhill.example";
  const max = 5; // LOGIN_MAX_FAILURES default
  const page1 = await browser.newPage({ baseURL: E2E.appUrl });
  const page2 = await browser.newPage({ baseURL: url2 });
  try {
    for (let i = 0; i < max; i++) {
      const p = i % 2 === 0 ? page1 : page2;
      await fillSignIn(p, email, `wrong-password-${i}`);
      await expect(appAlert(p)).toContainText(i === max - 1 ? /locked/i : /don.t match/i);
    }
    const [lock] = await sql<{ locked: boolean }>(
      `select "lockedUntil" > now() as locked from "User" where email = $1`,
      [email],
    );
    probe.check(
      "the fifth failure, spread over two instances, locks the account",
      lock?.locked === true,
      JSON.stringify(lock),
    );
    // The right password on instance 1 is refused while the lock lasts.
    await fillSignIn(page1, email);
    await expect(appAlert(page1)).toContainText(/locked/i);
    const refused = (await appAlert(page1).textContent()) ?? "";
    probe.check(
      "locked on the other instance too",
      /locked/i.test(refused) && new URL(page1.url()).pathname === "/signin",
      refused,
    );
  } finally {
    await sql(`update "User" set "failedLoginCount" = 0, "lockedUntil" = null where email = $1`, [
      email,
    ]);
    await page1.close();
    await page2.close();
  }
});

test("instance 2 drains on SIGTERM, and every scale-out probe passed", async () => {
  await stopInstance2();
  const leftover = spoolDir && fs.existsSync(spoolDir) ? fs.readdirSync(spoolDir) : [];
  probe.check(
    "instance 2 left no spooled clicks on SIGTERM",
    leftover.length === 0,
    leftover.join(","),
  );
  expect(probe.failures).toEqual([]);
});
