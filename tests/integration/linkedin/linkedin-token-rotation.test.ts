/**
 * Key rotation end to end: `npm run tokens:reencrypt` (the real script, as a child process) with a
 * new key first rewrites LinkedIn tokens and webhook URLs; afterwards the old key can be dropped.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { createTokenCipher, encryptSecret, parseTokenKeys } from "@/lib/core/crypto/token-cipher";
import { createOrgFixture, type OrgFixture } from "../../support/factories";

const root = path.resolve(import.meta.dirname, "../../..");
let fx: OrgFixture;

beforeAll(async () => {
  fx = await createOrgFixture();
});

function runScript(keys: string) {
  return spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(root, "scripts", "reencrypt-tokens.ts")],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, TOKEN_ENCRYPTION_KEYS: keys, NODE_ENV: "test" },
      timeout: 60_000,
    },
  );
}

describe("npm run tokens:reencrypt", () => {
  it("rewrites every secret with the first key; the old key can then be removed", async () => {
    const oldSpec = process.env.TOKEN_ENCRYPTION_KEYS!;
    const newSpec = `new${randomBytes(2).toString("hex")}:${randomBytes(32).toString("base64")}`;
    const newId = newSpec.split(":")[0]!;
    const db = getDb();
    const connection = await db.linkedInConnection.create({
      data: {
        id: createId("lic"),
        orgId: fx.org.id,
        membershipId: fx.employee.membership.id,
        userId: fx.employee.user.id,
        memberUrn: "urn:li:person:rot1",
        accessToken: encryptSecret("access-token-1"),
        refreshToken: encryptSecret("refresh-token-1"),
        scopes: ["w_member_social"],
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const webhook = await db.webhookEndpoint.create({
      data: {
        id: createId("whk"),
        orgId: fx.org.id,
        kind: "SLACK",
        name: "Rotation test",
        url: encryptSecret("https://hooks.slack.com/services/T000/B000/secret"),
        urlHost: "hooks.slack.com",
      },
    });

    // Other test files' rows share this database: assertions are about this test's rows.
    const run = runScript(`${newSpec},${oldSpec}`);
    expect(run.stderr).not.toContain(connection.id);
    expect(run.stderr).not.toContain(webhook.id);
    expect(run.stderr).not.toMatch(/\[tokens\] failed/);
    expect(run.stdout).toMatch(/linkedInConnections: \d+ checked, \d+ re-encrypted/);

    const onlyNew = createTokenCipher(parseTokenKeys(newSpec));
    const after = await db.linkedInConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(after.accessToken.startsWith(`v1:${newId}:`)).toBe(true);
    expect(onlyNew.decrypt(after.accessToken)).toBe("access-token-1");
    expect(onlyNew.decrypt(after.refreshToken!)).toBe("refresh-token-1");
    const hook = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(onlyNew.decrypt(hook.url)).toBe("https://hooks.slack.com/services/T000/B000/secret");

    // A second run has nothing left to do.
    const again = runScript(`${newSpec},${oldSpec}`);
    expect(again.stdout).toMatch(/linkedInConnections: \d+ checked, 0 re-encrypted/);
    expect(again.stdout).toMatch(/webhookEndpoints: \d+ checked, 0 re-encrypted/);

    // A row whose key is missing is reported and the script exits 1.
    const third = `gone:${randomBytes(32).toString("base64")}`;
    await db.linkedInConnection.update({
      where: { id: connection.id },
      data: { accessToken: createTokenCipher(parseTokenKeys(third)).encrypt("lost") },
    });
    const missing = runScript(newSpec);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(connection.id);

    // Leave the shared database as other test files expect it: everything back on the test key.
    await db.linkedInConnection.delete({ where: { id: connection.id } });
    const restore = runScript(`${oldSpec},${newSpec}`);
    expect(restore.stdout).toMatch(/webhookEndpoints: \d+ checked/);
    const restored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(restored.url.startsWith(`v1:${oldSpec.split(":")[0]}:`)).toBe(true);
  }, 120_000);
});
