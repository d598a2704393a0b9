import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as keysRoute from "@/app/api/api-keys/route";
import * as keyRoute from "@/app/api/api-keys/[id]/route";
import { getDb } from "@/lib/core/db/client";
import { authenticateApiKey } from "@/lib/domains/access/authenticate-api-key";
import { createOrgFixture, type OrgFixture } from "../../support/factories";
import { callRoute } from "../../support/http";

let a: OrgFixture;
let b: OrgFixture;

beforeAll(async () => {
  a = await createOrgFixture();
  b = await createOrgFixture();
});

async function create(org: OrgFixture, body: unknown) {
  return callRoute(keysRoute.POST, {
    method: "POST",
    path: "/api/api-keys",
    userId: org.admin.user.id,
    body,
  });
}

type Created = { key: string; apiKey: { id: string; prefix: string; kind: string; name: string } };

describe("API keys", () => {
  it("an admin creates a secret key: shown once, stored as its SHA-256, never listed", async () => {
    const res = await create(a, { name: "CRM", kind: "secret" });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    const { key, apiKey } = res.json as unknown as Created;
    expect(key).toMatch(/^chorus_sk_[0-9A-Za-z]{32}$/);
    expect(apiKey).toMatchObject({ name: "CRM", kind: "secret", prefix: key.slice(0, 14) });
    expect(res.headers.get("cache-control")).toBe("no-store");

    const row = await getDb().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.hash).not.toBe(key);
    expect(row.hash).toBe(createHash("sha256").update(key).digest("hex"));
    expect(row.scopes).toEqual(["conversions:write"]);
    expect(row.orgId).toBe(a.org.id);

    const list = await callRoute(keysRoute.GET, { userId: a.admin.user.id });
    expect(list.status).toBe(200);
    const text = JSON.stringify(list.json);
    expect(text).toContain(apiKey.id);
    expect(text).not.toContain(key);
    expect(text).not.toContain(row.hash);
    expect(text).not.toMatch(/"hash"/);

    const audit = await getDb().auditLog.findFirst({
      where: { orgId: a.org.id, action: "apikey.create", targetId: apiKey.id },
    });
    expect(audit?.actorId).toBe(a.admin.user.id);
    expect(JSON.stringify(audit?.metadata)).not.toContain(key);
  });

  it("creates publishable keys with the browser scope", async () => {
    const res = await create(a, { name: "Website", kind: "publishable" });
    expect(res.status).toBe(201);
    const { key, apiKey } = res.json as unknown as Created;
    expect(key).toMatch(/^chorus_pk_/);
    const check = await authenticateApiKey(key);
    expect(check).toMatchObject({
      ok: true,
      apiKey: { id: apiKey.id, orgId: a.org.id, scopes: ["conversions:browser"] },
    });
  });

  it("refuses bad input with the field named", async () => {
    for (const [body, field] of [
      [{ kind: "secret" }, "name"],
      [{ name: "  ", kind: "secret" }, "name"],
      [{ name: "x".repeat(81), kind: "secret" }, "name"],
      [{ name: "CRM", kind: "admin" }, "kind"],
    ] as const) {
      const res = await create(a, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error).toMatchObject({ fields: { [field]: expect.any(String) } });
    }
  });

  it("only admins manage keys: managers and employees get 403, anonymous 401", async () => {
    const { apiKey } = (await create(a, { name: "Mine", kind: "secret" }))
      .json as unknown as Created;
    for (const member of [a.manager, a.employee]) {
      const list = await callRoute(keysRoute.GET, { userId: member.user.id });
      expect(list.status).toBe(403);
      const made = await callRoute(keysRoute.POST, {
        method: "POST",
        userId: member.user.id,
        body: { name: "x", kind: "secret" },
      });
      expect(made.status).toBe(403);
      const revoked = await callRoute(keyRoute.DELETE, {
        method: "DELETE",
        userId: member.user.id,
        params: { id: apiKey.id },
      });
      expect(revoked.status).toBe(403);
    }
    expect((await callRoute(keysRoute.GET, {})).status).toBe(401);
    const row = await getDb().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.revokedAt).toBeNull();
  });

  it("revokes a key at once (audit-logged, repeat is harmless); another organisation's key id is 404", async () => {
    const { key, apiKey } = (await create(a, { name: "Old", kind: "secret" }))
      .json as unknown as Created;
    expect((await authenticateApiKey(key)).ok).toBe(true);

    const foreign = await callRoute(keyRoute.DELETE, {
      method: "DELETE",
      userId: b.admin.user.id,
      params: { id: apiKey.id },
    });
    expect(foreign.status).toBe(404);
    expect((await authenticateApiKey(key)).ok).toBe(true);

    const res = await callRoute(keyRoute.DELETE, {
      method: "DELETE",
      userId: a.admin.user.id,
      params: { id: apiKey.id },
    });
    expect(res.status).toBe(200);
    expect((res.json.apiKey as { revokedAt: string | null }).revokedAt).not.toBeNull();
    expect(await authenticateApiKey(key)).toEqual({ ok: false, reason: "revoked" });
    const again = await callRoute(keyRoute.DELETE, {
      method: "DELETE",
      userId: a.admin.user.id,
      params: { id: apiKey.id },
    });
    expect(again.status).toBe(200);
    expect(
      await getDb().auditLog.count({ where: { action: "apikey.revoke", targetId: apiKey.id } }),
    ).toBe(1);

    const unknown = await callRoute(keyRoute.DELETE, {
      method: "DELETE",
      userId: a.admin.user.id,
      params: { id: "key_doesnotexist" },
    });
    expect(unknown.status).toBe(404);
    // b's list does not show a's keys.
    const listB = await callRoute(keysRoute.GET, { userId: b.admin.user.id });
    expect(JSON.stringify(listB.json)).not.toContain(apiKey.id);
  });

  it("writes lastUsedAt at most about once a minute", async () => {
    const { key, apiKey } = (await create(a, { name: "Busy", kind: "secret" }))
      .json as unknown as Created;
    await authenticateApiKey(key);
    const first = (await getDb().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await new Promise((r) => setTimeout(r, 20));
    await authenticateApiKey(key);
    const second = (await getDb().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } }))
      .lastUsedAt;
    expect(second?.getTime()).toBe(first?.getTime());
    // Over a minute old → written again.
    await getDb().apiKey.update({
      where: { id: apiKey.id },
      data: { lastUsedAt: new Date(Date.now() - 2 * 60_000) },
    });
    await authenticateApiKey(key);
    const third = (await getDb().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt;
    expect(Date.now() - third!.getTime()).toBeLessThan(10_000);
  });

  it("refuses cross-site writes made with a session cookie (CSRF)", async () => {
    const res = await callRoute(keysRoute.POST, {
      method: "POST",
      userId: a.admin.user.id,
      body: { name: "x", kind: "secret" },
      headers: { origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
  });
});
