import os from "node:os";
import path from "node:path";

/** Fixed loopback addresses for the end-to-end run. */
const appPort = Number(process.env.E2E_APP_PORT ?? 3100);
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 3199);
const linkedinPort = Number(process.env.E2E_LINKEDIN_PORT ?? 3198);
/** Defaults next to the app's port, so runs on other port bases do not collide. */
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? appPort + 97);
/** The fake AI service (tests/e2e/servers/fake-openai.ts). */
const aiPort = Number(process.env.E2E_AI_PORT ?? appPort + 20);

export const E2E = {
  appPort,
  appUrl: `http://localhost:${appPort}`,
  oidcPort,
  oidcIssuer: `http://127.0.0.1:${oidcPort}`,
  /** The fake LinkedIn (tests/e2e/servers/fake-linkedin.ts): consent page, Posts API, analytics. */
  linkedinPort,
  linkedinUrl: `http://127.0.0.1:${linkedinPort}`,
  /**
   * One LinkedIn app for sign-in (the OIDC provider) and for posting (the fake LinkedIn), as in
   * production: both servers accept these credentials.
   */
  linkedinClient: { id: "chorus-linkedin", secret: "chorus-linkedin-secret-for-tests-only" },
  /** Encrypts stored LinkedIn tokens in the e2e app (32 bytes, base64). */
  tokenEncryptionKeys: "e2e:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
  /**
   * Web Push's VAPID key pair of the e2e app (test-only). The spec's local push service
   * (tests/support/push-service.ts) listens on 127.0.0.1, which PUSH_ALLOWED_HOSTS lets it reach.
   */
  vapid: {
    publicKey:
      "BKbgmQWwrQohdjZn33lJYIvP2WT10hdbs6No3gBF8Utk8YyZpI6Nvfmf8Q2aXvwKyFKm0hCIui4cJZKQTEhE6LE",
    privateKey: "vuygJ5fH7tFK8I8d99EWGN3rbNWcrsEMrETt_jnV7VQ",
  },
  /**
   * The fake OpenAI-compatible AI service: the app's AI_BASE_URL points at it. AI stays off in the
   * demo organisation until a spec switches it on (tests/e2e/ai.spec.ts), so other specs see no AI.
   */
  aiPort,
  aiUrl: `http://127.0.0.1:${aiPort}`,
  /** The fake HubSpot the enterprise spec starts (the app reads HUBSPOT_API_BASE at start). */
  hubspotUrl: `http://127.0.0.1:${appPort + 24}`,
  aiKey: "sk-fake-chorus-e2e",
  authSecret: "e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz",
  /**
   * The mail sink (tests/e2e/servers/mail-sink.ts): the app's SMTP_URL points at it, and every
   * message it receives is appended to `mailboxFile` (one JSON object per line) for tests to read.
   */
  smtpPort,
  smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
  mailboxFile: path.join(os.tmpdir(), `chorus-e2e-${appPort}-mailbox.jsonl`),
  /**
   * The app server (tests/e2e/servers/app.ts) writes the URL of its run's database here, so tests
   * can recount figures with SQL; removed when the server stops. One file per app port.
   */
  databaseUrlFile: path.join(os.tmpdir(), `chorus-e2e-${appPort}-database-url`),
  /**
   * The app server writes here every secret-looking variable it starts the app with (name → value),
   * so tests/e2e/secrets.spec.ts can look for them in the client bundles. Removed when it stops.
   */
  appSecretsFile: path.join(os.tmpdir(), `chorus-e2e-${appPort}-app-secrets.json`),
  /**
   * Signed-in sessions (Playwright storage states), one file per account, written by the "sessions"
   * setup project (tests/e2e/sessions.setup.ts) before any spec runs; see `signInAs`.
   */
  sessionsDir: path.join(os.tmpdir(), `chorus-e2e-${appPort}-sessions`),
  /** The accounts the setup project signs in once per run: the demo roles and a few colleagues. */
  sessionAccounts: [
    "admin@fernhill.example",
    "manager@fernhill.example",
    "employee@fernhill.example",
    "priya.raman@fernhill.example",
    "emma.dubois@fernhill.example",
  ],
};
