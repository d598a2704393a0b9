import { createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as contentRoute from "@/app/api/content/route";
import { POST as transition } from "@/app/api/content/[id]/transitions/route";
import * as hooksRoute from "@/app/api/developer-webhooks/route";
import * as hookRoute from "@/app/api/developer-webhooks/[id]/route";
import { POST as replayRoute } from "@/app/api/developer-webhooks/deliveries/[id]/replay/route";
import { getDb } from "@/lib/core/db/client";
import { decryptSecret } from "@/lib/core/crypto/token-cipher";
import { startJobs, stopJobs } from "@/lib/jobs/run-jobs";
import { deliverDeveloperWebhookJob } from "@/lib/domains/developer-webhooks/jobs/deliver-developer-webhook";
import { emitEvent } from "@/lib/domains/developer-webhooks/emit-event";
import * as usersRoute from "@/app/scim/v2/Users/route";
import { randomString } from "@/lib/core/db/create-id";
import { createScimToken } from "@/lib/domains/scim/create-scim-token";
import { accessFor, createOrgFixture, type OrgFixture } from "../../support/factories";
import { scimCall } from "../../support/scim";
import { contentInput } from "../../support/content";
import { callRoute } from "../../support/http";
import { startSignedReceiver, type SignedReceiver } from "../../support/signed-webhook-receiver";

// The loopback receiver is reachable over plain http only because it is allow-listed (as in the
// e2e run); in production the list is empty and URLs must be https to public addresses.
process.env.DEVELOPER_WEBHOOKS_ALLOWED_HOSTS = "127.0.0.1";
const DISABLE_AFTER = 3;
process.env.DEVELOPER_WEBHOOK_DISABLE_AFTER_FAILURES = String(DISABLE_AFTER);

const receivers: SignedReceiver[] = [];
async function receiver() {
  const r = await startSignedReceiver();
  receivers.push(r);
  return r;
}

beforeAll(async () => {
  // Quick retries for the test (production: 30 s doubling, 6 retries); the queue is created now.
  deliverDeveloperWebhookJob.options.retryDelay = 1;
  deliverDeveloperWebhookJob.options.retryBackoff = false;
  deliverDeveloperWebhookJob.options.retryLimit = 2;
  await startJobs([deliverDeveloperWebhookJob]);
});

afterEach(async () => {
  while (receivers.length) await receivers.pop()!.close();
});

afterAll(async () => {
  await stopJobs();
});

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 45_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function subscribe(org: OrgFixture, url: string, events: string[] = ["content.published"]) {
  const res = await callRoute(hooksRoute.POST, {
    method: "POST",
    userId: org.admin.user.id,
    body: { name: "Warehouse", url, events },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  const webhook = res.json.webhook as { id: string };
  return { id: webhook.id, secret: String(res.json.signingSecret) };
}

const deliveries = (webhookId: string) =>
  getDb().developerWebhookDelivery.findMany({
    where: { webhookId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });

/** Recomputes the Standard Webhooks signature from the secret, as a receiver would. */
function expectSigned(secret: string, req: { headers: Record<string, unknown>; raw: string }) {
  const id = String(req.headers["webhook-id"]);
  const timestamp = String(req.headers["webhook-timestamp"]);
  expect(id).toMatch(/^msg_/);
  expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(300);
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key)
    .update(`${id}.${timestamp}.${req.raw}`)
    .digest("base64");
  expect(String(req.headers["webhook-signature"])).toBe(`v1,${expected}`);
}

describe("developer webhooks", () => {
  it("creates a subscription: secret shown once, stored encrypted, URL rules enforced", async () => {
    const org = await createOrgFixture();
    const r = await receiver();
    const { id, secret } = await subscribe(org, r.url, ["share.created", "content.published"]);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const row = await getDb().developerWebhook.findUniqueOrThrow({ where: { id } });
    expect(row.secret).not.toContain(secret.slice(6));
    expect(decryptSecret(row.secret)).toBe(secret);
    expect(row.url).not.toContain("127.0.0.1");
    const list = await callRoute(hooksRoute.GET, { userId: org.admin.user.id });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.json)).not.toContain(secret);
    expect(JSON.stringify(list.json)).not.toContain("/hooks/chorus");
    const bad: [string, RegExp][] = [
      ["http://example.com/hook", /https/],
      ["https://10.1.2.3/hook", /private or local/],
      ["https://user:pw@example.com/hook", /user name or password/],
      ["not a url", /valid URL/],
    ];
    for (const [url, message] of bad) {
      const res = await callRoute(hooksRoute.POST, {
        method: "POST",
        userId: org.admin.user.id,
        body: { name: "Bad", url, events: ["share.created"] },
      });
      expect(res.status, url).toBe(400);
      expect(res.json.error?.message).toMatch(message);
    }
    const noEvents = await callRoute(hooksRoute.POST, {
      method: "POST",
      userId: org.admin.user.id,
      body: { name: "None", url: r.url, events: [] },
    });
    expect(noEvents.status).toBe(400);
    const employee = await callRoute(hooksRoute.GET, { userId: org.employee.user.id });
    expect(employee.status).toBe(403);
  });

  it("publishing an item sends a signed content.published message the receiver can verify", async () => {
    const org = await createOrgFixture();
    const r = await receiver();
    const { id, secret } = await subscribe(org, r.url, ["content.published"]);
    const created = await callRoute(contentRoute.POST, {
      method: "POST",
      userId: org.admin.user.id,
      body: contentInput(),
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const itemId = (created.json.item as { id: string }).id;
    const moved = await callRoute(transition, {
      method: "POST",
      userId: org.admin.user.id,
      params: { id: itemId },
      body: { to: "PUBLISHED" },
    });
    expect(moved.status, JSON.stringify(moved.json)).toBe(200);
    const rows = await waitFor(
      () => deliveries(id),
      (d) => d.length === 1 && d[0]!.status === "SENT",
    );
    expect(rows[0]).toMatchObject({
      status: "SENT",
      attempts: 1,
      responseStatus: 200,
      event: "content.published",
    });
    expect(r.requests).toHaveLength(1);
    const req = r.requests[0]!;
    expectSigned(secret, req);
    expect(req.headers["content-type"]).toBe("application/json");
    const body = JSON.parse(req.raw) as {
      type: string;
      timestamp: string;
      data: { itemId: string };
    };
    expect(body.type).toBe("content.published");
    expect(body.data.itemId).toBe(itemId);
    // A tampered body fails the same check.
    expect(() =>
      expectSigned(secret, { ...req, raw: req.raw.replace(itemId, "cnt_other") }),
    ).toThrow();
  });

  it("retries a 500 with backoff and succeeds; the log shows the attempts", async () => {
    const org = await createOrgFixture();
    const r = await receiver();
    r.failNext(2, 500);
    const { id, secret } = await subscribe(org, r.url, ["conversion.recorded"]);
    await emitEvent(org.org.id, "conversion.recorded", { conversionId: "cnv_test" });
    const rows = await waitFor(
      () => deliveries(id),
      (d) => d[0]?.status === "SENT",
    );
    expect(rows[0]).toMatchObject({
      status: "SENT",
      attempts: 3,
      responseStatus: 200,
      lastError: null,
    });
    expect(r.requests.map((q) => q.answeredWith)).toEqual([500, 500, 200]);
    // One message: the same webhook-id on every attempt, each signed.
    expect(new Set(r.requests.map((q) => q.headers["webhook-id"])).size).toBe(1);
    for (const q of r.requests) expectSigned(secret, q);
    const hook = await getDb().developerWebhook.findUniqueOrThrow({ where: { id } });
    expect(hook.consecutiveFailures).toBe(0);
  });

  it(`turns a webhook off after ${DISABLE_AFTER} failed deliveries in a row and tells the admins`, async () => {
    const org = await createOrgFixture();
    const r = await receiver();
    r.alwaysAnswer(500);
    const { id } = await subscribe(org, r.url, ["share.created"]);
    for (let i = 0; i < DISABLE_AFTER; i++) {
      await emitEvent(org.org.id, "share.created", { shareId: `shr_${i}` });
      // One after the other: the streak counts deliveries that failed after all their retries.
      await waitFor(
        () => deliveries(id),
        (d) => d.length === i + 1 && d[i]!.status === "FAILED",
      );
    }
    const rows = await deliveries(id);
    expect(rows.map((d) => d.status)).toEqual(Array(DISABLE_AFTER).fill("FAILED"));
    expect(rows[0]).toMatchObject({ attempts: 3, responseStatus: 500 });
    expect(rows[0]!.lastError).toMatch(/HTTP 500/);
    const hook = await getDb().developerWebhook.findUniqueOrThrow({ where: { id } });
    expect(hook.active).toBe(false);
    expect(hook.disabledReason).toMatch(/3 deliveries in a row failed/);
    const notes = await getDb().notification.findMany({
      where: { orgId: org.org.id, kind: "devwebhook.disabled" },
    });
    expect(notes.map((n) => n.userId)).toEqual([org.admin.user.id]);
    // Off: new events queue nothing.
    expect(await emitEvent(org.org.id, "share.created", { shareId: "shr_after" })).toBe(0);
    // Turned on again by an admin: the streak starts over.
    const on = await callRoute(hookRoute.PATCH, {
      method: "PATCH",
      userId: org.admin.user.id,
      params: { id },
      body: { active: true },
    });
    expect(on.status).toBe(200);
    expect(on.json.webhook).toMatchObject({
      active: true,
      consecutiveFailures: 0,
      disabledAt: null,
    });
  });

  it("replays a delivered message with the same webhook-id, as a new log entry", async () => {
    const org = await createOrgFixture();
    const r = await receiver();
    const { id, secret } = await subscribe(org, r.url, ["member.joined"]);
    await emitEvent(org.org.id, "member.joined", { memberId: "mem_x" });
    const [first] = await waitFor(
      () => deliveries(id),
      (d) => d[0]?.status === "SENT",
    );
    const res = await callRoute(replayRoute, {
      method: "POST",
      userId: org.admin.user.id,
      params: { id: first!.id },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(202);
    const rows = await waitFor(
      () => deliveries(id),
      (d) => d.length === 2 && d[1]!.status === "SENT",
    );
    expect(rows[1]).toMatchObject({
      replayOfId: first!.id,
      messageId: first!.messageId,
      body: first!.body,
    });
    expect(r.requests).toHaveLength(2);
    expect(r.requests[1]!.headers["webhook-id"]).toBe(r.requests[0]!.headers["webhook-id"]);
    expect(r.requests[1]!.raw).toBe(r.requests[0]!.raw);
    expectSigned(secret, r.requests[1]!);
  });

  it("keeps organisations apart: events, logs, changes and replays", async () => {
    const a = await createOrgFixture();
    const b = await createOrgFixture();
    const ra = await receiver();
    const rb = await receiver();
    const hookA = await subscribe(a, ra.url, ["share.created"]);
    const hookB = await subscribe(b, rb.url, ["share.created"]);
    await emitEvent(a.org.id, "share.created", { shareId: "shr_a" });
    const [delivered] = await waitFor(
      () => deliveries(hookA.id),
      (d) => d[0]?.status === "SENT",
    );
    expect(ra.requests).toHaveLength(1);
    expect(rb.requests).toHaveLength(0);
    expect(await deliveries(hookB.id)).toEqual([]);
    const listB = await callRoute(hooksRoute.GET, { userId: b.admin.user.id });
    expect(JSON.stringify(listB.json)).not.toContain(hookA.id);
    expect(JSON.stringify(listB.json)).not.toContain(delivered!.id);
    const asB = { userId: b.admin.user.id, params: { id: hookA.id } };
    expect(
      (await callRoute(hookRoute.PATCH, { ...asB, method: "PATCH", body: { active: false } }))
        .status,
    ).toBe(404);
    expect((await callRoute(hookRoute.DELETE, { ...asB, method: "DELETE" })).status).toBe(404);
    const replay = await callRoute(replayRoute, {
      method: "POST",
      userId: b.admin.user.id,
      params: { id: delivered!.id },
    });
    expect(replay.status).toBe(404);
    expect(await deliveries(hookA.id)).toHaveLength(1);
    expect(
      (await getDb().developerWebhook.findUniqueOrThrow({ where: { id: hookA.id } })).active,
    ).toBe(true);
  });
});

describe("member.joined from SCIM provisioning", () => {
  it("is sent once for a person the identity provider creates, not again when it sends them twice", async () => {
    const org = await createOrgFixture();
    const r = await receiver();
    const { id, secret } = await subscribe(org, r.url, ["member.joined"]);
    const { token } = await createScimToken(accessFor(org.org, org.admin), { name: "Okta" });
    const address = `joined-${randomString(8).toLowerCase()}@scim.example`;
    const body = {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: address,
      name: { givenName: "Grace", familyName: "Hopper" },
      emails: [{ primary: true, value: address, type: "work" }],
      active: true,
    };
    const created = await scimCall(token, usersRoute.POST, {
      method: "POST",
      path: "/scim/v2/Users",
      body,
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const again = await scimCall(token, usersRoute.POST, {
      method: "POST",
      path: "/scim/v2/Users",
      body,
    });
    expect(again.status).toBe(409);

    const rows = await waitFor(
      () => deliveries(id),
      (d) => d[0]?.status === "SENT",
    );
    expect(rows).toHaveLength(1);
    expect(r.requests).toHaveLength(1);
    expectSigned(secret, r.requests[0]!);
    const sent = JSON.parse(r.requests[0]!.raw) as { type: string; data: { memberId: string } };
    expect(sent.type).toBe("member.joined");
    expect(sent.data.memberId).toBe((created.json as { id: string }).id);
  });
});
