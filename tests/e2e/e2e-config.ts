import os from "node:os";
import path from "node:path";

/** Fixed loopback addresses for the end-to-end run. */
const appPort = Number(process.env.E2E_APP_PORT ?? 3100);
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 3199);

export const E2E = {
  appPort,
  appUrl: `http://localhost:${appPort}`,
  oidcPort,
  oidcIssuer: `http://127.0.0.1:${oidcPort}`,
  authSecret: "e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz",
  /**
   * The app server (tests/e2e/servers/app.ts) writes the URL of its run's database here, so tests
   * can recount figures with SQL; removed when the server stops. One file per app port.
   */
  databaseUrlFile: path.join(os.tmpdir(), `chorus-e2e-${appPort}-database-url`),
};
