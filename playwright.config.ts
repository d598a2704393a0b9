import fs from "node:fs";
import { defineConfig } from "@playwright/test";
import { E2E } from "./tests/e2e/e2e-config";

// Debian's Chromium (apt-get install chromium); Playwright's own browser download is never used.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(executablePath)) {
  throw new Error(
    `Chromium not found at ${executablePath}. Install it with: apt-get install -y chromium`,
  );
}

export default defineConfig({
  testDir: "tests/e2e",
  // Playwright empties its output folder when it starts: a folder of its own, so the hardening
  // reports the unit and integration suites wrote to test-results/hardening survive for the summary.
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The JSON report is read by `npm test`'s summary (retries used, flaky specs).
  reporter: [
    ["list"],
    ["json", { outputFile: "test-results/e2e-report.json" }],
    ...(process.env.CI ? [] : [["html", { open: "never" }] as const]),
  ],
  use: {
    baseURL: E2E.appUrl,
    browserName: "chromium",
    // The person's locale (Accept-Language, date inputs) and their machine's zone, fixed so runs
    // agree everywhere; dates.spec.ts uses others to show the app follows them.
    locale: "en-GB",
    timezoneId: "UTC",
    trace: "retain-on-failure",
    // The app's service worker (lib/pwa/sw.ts) would register in every context and precache the
    // build (~1.5 MB) each time: blocked, except where a spec is about it (pwa, push), which
    // allows it or launches a browser profile of its own.
    serviceWorkers: "block",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    // Signs the accounts of E2E.sessionAccounts in once and stores their sessions (signInAs).
    { name: "sessions", testMatch: /sessions\.setup\.ts$/ },
    { name: "chromium", dependencies: ["sessions"], testIgnore: /sessions\.setup\.ts$/ },
  ],
  webServer: [
    {
      command: "npx tsx tests/e2e/servers/identity-provider.ts",
      url: `${E2E.oidcIssuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The fake LinkedIn: consent page, Posts API, images, post analytics (same client as sign-in).
      command: "npx tsx tests/e2e/servers/fake-linkedin.ts",
      url: `${E2E.linkedinUrl}/oauth/v2/authorization?response_type=code&client_id=${E2E.linkedinClient.id}&redirect_uri=http%3A%2F%2Flocalhost%2F`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: {
        E2E_LINKEDIN_PORT: String(E2E.linkedinPort),
        E2E_LINKEDIN_CLIENT_ID: E2E.linkedinClient.id,
        E2E_LINKEDIN_CLIENT_SECRET: E2E.linkedinClient.secret,
      },
    },
    {
      // The fake AI service (chat completions, streamed): the app's AI_BASE_URL.
      command: "npx tsx tests/e2e/servers/fake-openai.ts",
      url: `${E2E.aiUrl}/__fake/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { E2E_AI_PORT: String(E2E.aiPort), E2E_AI_KEY: E2E.aiKey },
    },
    {
      // A real SMTP server that keeps every email in E2E.mailboxFile (password reset links…).
      command: "npx tsx tests/e2e/servers/mail-sink.ts",
      port: E2E.smtpPort,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // Creates its own database, then runs `npm start`'s script against it (build if needed,
      // migrate, seed, serve); drops the database on exit.
      command: "npx tsx tests/e2e/servers/app.ts",
      url: `${E2E.appUrl}/api/health`,
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    },
  ],
});
