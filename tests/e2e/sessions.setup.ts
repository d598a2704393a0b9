/**
 * Setup project: signs each account of E2E.sessionAccounts in through the form once per run and
 * stores its session, so specs start signed in (`signInAs`) instead of signing in again and again
 * from the same address (which ran into the sign-in rate limit on a fast run).
 */
import fs from "node:fs";
import { expect, test as setup } from "@playwright/test";
import { E2E } from "./e2e-config";
import { sessionFile, signIn } from "./helpers";

setup.beforeAll(() => {
  fs.rmSync(E2E.sessionsDir, { recursive: true, force: true });
  fs.mkdirSync(E2E.sessionsDir, { recursive: true, mode: 0o700 });
});

for (const email of E2E.sessionAccounts) {
  setup(`sign in ${email}`, async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await signIn(page, email);
    const state = await context.storageState({ path: sessionFile(email) });
    expect(state.cookies.some((cookie) => cookie.name.includes("session-token"))).toBe(true);
    await context.close();
  });
}
