/**
 * `npm run tokens:reencrypt`: key rotation for stored secrets (docs/linkedin.md).
 *   1. put the new key FIRST in TOKEN_ENCRYPTION_KEYS, keep the old one after it, restart the app;
 *   2. run this: every LinkedIn token, webhook URL, connector token and developer webhook URL and
 *      signing secret is rewritten with the first key;
 *   3. remove the old key and restart.
 * Database: DATABASE_URL, else the embedded one (like the db:* scripts). Exits 1 when a row could
 * not be decrypted (its key is missing from TOKEN_ENCRYPTION_KEYS).
 */
import fs from "node:fs";
import path from "node:path";
import { resolveDatabase, PROJECT_ROOT } from "./db/migrations";

for (const file of [".env.local", ".env"]) {
  const full = path.join(PROJECT_ROOT, file);
  if (fs.existsSync(full)) process.loadEnvFile(full);
}
if (!process.env.TOKEN_ENCRYPTION_KEYS?.trim()) {
  const local = path.join(PROJECT_ROOT, ".data", "token-keys");
  if (fs.existsSync(local))
    process.env.TOKEN_ENCRYPTION_KEYS = fs.readFileSync(local, "utf8").trim();
}

async function main() {
  const target = await resolveDatabase();
  process.env.DATABASE_URL = target.url;
  const { getDb, disconnectDb } = await import("@/lib/core/db/client");
  const { reencryptStoredSecrets } = await import("@/scripts/reencrypt-secrets");
  try {
    console.log(`[tokens] re-encrypting stored secrets in ${target.description}…`);
    const report = await reencryptStoredSecrets(getDb());
    for (const [table, r] of Object.entries(report)) {
      console.log(`[tokens] ${table}: ${r.checked} checked, ${r.rewritten} re-encrypted`);
      for (const failure of r.failed) console.error(`[tokens]   could not re-encrypt ${failure}`);
    }
    const failed =
      report.linkedInConnections.failed.length +
      report.webhookEndpoints.failed.length +
      report.connectorConnections.failed.length +
      report.developerWebhooks.failed.length;
    if (failed) {
      console.error(
        `[tokens] ${failed} row(s) could not be decrypted: keep their key in TOKEN_ENCRYPTION_KEYS, or have those members reconnect.`,
      );
    }
    return failed ? 1 : 0;
  } finally {
    await disconnectDb();
    await target.release();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("[tokens] failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
