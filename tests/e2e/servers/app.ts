/**
 * The app under test: a fresh database of its own (TEST_DATABASE_URL/DATABASE_URL server, else
 * embedded), then the real start script (build if needed, migrate, seed the demo, `next start`).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase } from "../../helpers/test-database";
import { E2E } from "../e2e-config";

const root = path.resolve(import.meta.dirname, "../../..");
const database = await createTestDatabase();
// Uploaded and seeded files of this run go to a folder of its own, removed at the end.
const uploadsDir = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-e2e-uploads-"));
// Clicks spooled while the database is unreachable: a folder of the run, removed at the end.
const clickSpoolDir = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-e2e-click-spool-"));
// Tests read the database URL from here to recount what the pages show.
fs.writeFileSync(E2E.databaseUrlFile, database.url, { mode: 0o600 });
const oidcClient = { id: "chorus-sso", secret: "chorus-sso-secret-for-tests-only" };
const linkedinClient = E2E.linkedinClient;

/**
 * A password in the database URL the app gets, when the test server's has none: PostgreSQL's
 * trust authentication never asks for it, and the secrets scan then has a credential to look for.
 */
function withCanaryPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password || !parsed.username) return url;
  parsed.password = "canary-db-password-e2e-7f3a9c";
  return parsed.toString();
}

/** Writes every secret-looking variable the app runs with for the secrets scan (secrets.spec.ts). */
function recordSecrets(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const names = [
    "AUTH_SECRET",
    "DATABASE_URL",
    "OIDC_CLIENT_SECRET",
    "LINKEDIN_CLIENT_SECRET",
    "TOKEN_ENCRYPTION_KEYS",
    "SMTP_URL",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "VAPID_PRIVATE_KEY",
    "AI_API_KEY",
  ];
  const secrets = names.flatMap((name) => (env[name] ? [[name, env[name]]] : []));
  fs.writeFileSync(E2E.appSecretsFile, JSON.stringify(Object.fromEntries(secrets)), {
    mode: 0o600,
  });
  return env;
}

const child = spawn(
  process.execPath,
  [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"],
  {
    cwd: root,
    stdio: "inherit",
    env: recordSecrets({
      ...process.env,
      DATABASE_URL: process.env.TEST_DATABASE_URL ? withCanaryPassword(database.url) : database.url,
      PORT: String(E2E.appPort),
      AUTH_SECRET: E2E.authSecret,
      SEED_DEMO: "true",
      UPLOADS_DIR: uploadsDir,
      CLICK_SPOOL_DIR: clickSpoolDir,
      OIDC_ISSUER: E2E.oidcIssuer,
      OIDC_CLIENT_ID: oidcClient.id,
      OIDC_CLIENT_SECRET: oidcClient.secret,
      OIDC_DISPLAY_NAME: "Fernhill SSO",
      LINKEDIN_CLIENT_ID: linkedinClient.id,
      LINKEDIN_CLIENT_SECRET: linkedinClient.secret,
      LINKEDIN_OIDC_ISSUER: E2E.oidcIssuer,
      // Connect LinkedIn and posting go to the fake LinkedIn (tests/e2e/servers/fake-linkedin.ts).
      LINKEDIN_AUTH_URL: `${E2E.linkedinUrl}/oauth/v2`,
      LINKEDIN_API_URL: E2E.linkedinUrl,
      LINKEDIN_POST_ANALYTICS: "true",
      TOKEN_ENCRYPTION_KEYS: E2E.tokenEncryptionKeys,
      // Emails go to the mail sink (tests/e2e/servers/mail-sink.ts); tests read E2E.mailboxFile.
      SMTP_URL: E2E.smtpUrl,
      // Web Push: a fixed key pair; push messages may go to the spec's local push service.
      VAPID_PUBLIC_KEY: E2E.vapid.publicKey,
      VAPID_PRIVATE_KEY: E2E.vapid.privateKey,
      VAPID_SUBJECT: "mailto:e2e@chorus.test",
      PUSH_ALLOWED_HOSTS: "127.0.0.1",
      // AI assistance goes to the fake AI service (tests/e2e/servers/fake-openai.ts).
      AI_BASE_URL: `${E2E.aiUrl}/v1`,
      AI_API_KEY: E2E.aiKey,
      AI_MODEL: "fake-gpt",
      // Content sources may poll the spec's local feed server (tests/e2e/sources.spec.ts); in
      // production this allow-list is empty unless an admin of the server sets it.
      CONTENT_SOURCES_ALLOWED_HOSTS: "127.0.0.1",
      // Developer webhooks may point at a loopback receiver (tests/e2e/developer-webhooks.spec.ts).
      DEVELOPER_WEBHOOKS_ALLOWED_HOSTS: "127.0.0.1",
      // Organisation SSO (tests/e2e/sso.spec.ts): the spec's loopback SAML IdP, and domains
      // verified on the admin's word (there is no DNS here; off by default in production).
      SSO_ALLOWED_HOSTS: "127.0.0.1",
      SSO_ADMIN_DOMAIN_VERIFICATION: "true",
      // The outcome connectors' HubSpot: the fake the enterprise spec starts on this address.
      HUBSPOT_API_BASE: E2E.hubspotUrl,
    }),
  },
);

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
  await database.drop();
  fs.rmSync(uploadsDir, { recursive: true, force: true });
  fs.rmSync(clickSpoolDir, { recursive: true, force: true });
  fs.rmSync(E2E.databaseUrlFile, { force: true });
  fs.rmSync(E2E.appSecretsFile, { force: true });
  process.exit(code);
}
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
child.on("exit", (code) => void stop(code ?? 1));
