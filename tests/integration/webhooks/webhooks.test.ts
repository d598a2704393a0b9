import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as contentRoute from "@/app/api/content/route";
import { POST as transition } from "@/app/api/content/[id]/transitions/route";
import * as webhooksRoute from "@/app/api/webhooks/route";
import * as webhookRoute from "@/app/api/webhooks/[id]/route";
import { POST as testRoute } from "@/app/api/webhooks/[id]/test/route";
import { POST as retryRoute } from "@/app/api/webhooks/deliveries/[id]/retry/route";
import { getDb } from "@/lib/core/db/client";
import { startJobs, stopJobs } from "@/lib/jobs/run-jobs";
import { setWebhookTransportForTests } from "@/lib/integrations/webhooks/webhook-transport";
import { deliverWebhookJob } from "@/lib/domains/webhooks/jobs/deliver-webhook";
import { deliverWebhook, enqueueDelivery } from "@/lib/domains/webhooks/deliver-webhook";
import { failLostDeliveries } from "@/lib/domains/webhooks/webhook-deliveries";
import { postWebhook } from "@/lib/integrations/webhooks/post-webhook";
import { announceContentItem, announceItemsGoneLive } from "@/lib/domains/content/announce-content";
import { createOrgFixture, type OrgFixture } from "../../support/factories";
import { contentInput } from "../../support/content";
import { callRoute } from "../../support/http";
import { startWebhookReceiver, type WebhookReceiver } from "../../support/webhook-receiver";

process.env.TOKEN_ENCRYPTION_KEYS ??= `test:${randomBytes(32).toString("base64")}`;

const SLACK_URL = "https://hooks.slack.com/services/T000/B000/secretslackpart";
const TEAMS_URL = "https://fernhill.webhook.office.com/webhookb2/abc@def/IncomingWebhook/x/y";
/** Hosts our fake DNS resolves to private addresses. */
const PRIVATE_HOSTS: Record<string, string> = {
  "intranet.webhook.office.com": "10.20.30.40",
  "metadata.webhook.office.com": "169.254.169.254",
};

let a: OrgFixture;
let b: OrgFixture;
let receiver: WebhookReceiver;

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function createEndpoint(
  org: OrgFixture,
  kind: "SLACK" | "TEAMS",
  url: string,
  name: string = kind,
) {
  return callRoute(webhooksRoute.POST, {
    method: "POST",
    userId: org.admin.user.id,
    body: { kind, name, url },
  });
}

async function publish(org: OrgFixture, overrides = {}) {
  const res = await callRoute(contentRoute.POST, {
    method: "POST",
    userId: org.admin.user.id,
    body: contentInput(overrides),
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  const { id } = res.json.item as { id: string };
  const moved = await callRoute(transition, {
    method: "POST",
    userId: org.admin.user.id,
    params: { id },
    body: { to: "PUBLISHED" },
  });
  expect(moved.status, JSON.stringify(moved.json)).toBe(200);
  return id;
}

const deliveriesOf = (itemId: string) =>
  getDb().webhookDelivery.findMany({
    where: { payload: { path: ["itemId"], equals: itemId } },
    include: { endpoint: { select: { kind: true } } },
    orderBy: { createdAt: "asc" },
  });

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  setWebhookTransportForTests({
    resolveHost: async (host) => [{ address: PRIVATE_HOSTS[host] ?? "127.0.0.1", family: 4 }],
    extraAllowList: ["127.0.0.1"],
    plainHttpPort: receiver.port,
  });
  // Quick retries for the test (production: 10 s doubling); the queue is created on this start.
  deliverWebhookJob.options.retryDelay = 1;
  deliverWebhookJob.options.retryBackoff = false;
  a = await createOrgFixture();
  b = await createOrgFixture();
  await startJobs();
});

afterAll(async () => {
  await stopJobs();
  setWebhookTransportForTests(null);
  await receiver.close();
});

beforeEach(async () => {
  // Each test starts with no endpoints, so publishing in one test does not deliver to another's.
  await getDb().webhookEndpoint.deleteMany({ where: { orgId: { in: [a.org.id, b.org.id] } } });
  receiver.reset();
});

describe("webhook endpoints", () => {
  it("refuses URLs that are not https, point at private addresses or have the wrong shape", async () => {
    const cases: [string, string, RegExp][] = [
      ["SLACK", "http://hooks.slack.com/services/T0/B0/x", /https/],
      ["SLACK", "not a url", /valid URL/],
      ["SLACK", "https://example.com/services/T0/B0/x", /hooks\.slack\.com/],
      ["SLACK", "https://hooks.slack.com/other", /hooks\.slack\.com\/services/],
      ["TEAMS", "https://hooks.slack.com/services/T0/B0/x", /webhook\.office\.com/],
      ["TEAMS", "https://intranet.webhook.office.com/webhookb2/x", /private or local network/],
      ["TEAMS", "https://metadata.webhook.office.com/webhookb2/x", /private or local network/],
      ["TEAMS", "https://user:pw@fernhill.webhook.office.com/webhookb2/x", /user name or password/],
    ];
    for (const [kind, url, message] of cases) {
      const res = await createEndpoint(a, kind as "SLACK", url);
      expect(res.status, url).toBe(400);
      expect(res.json.error?.message, url).toMatch(message);
      expect(res.json.error?.message, url).toMatch(/^url/);
    }
    const badKind = await createEndpoint(a, "DISCORD" as "SLACK", SLACK_URL);
    expect(badKind.status).toBe(400);
    expect(badKind.json.error?.message).toMatch(/kind/);
    expect(await getDb().webhookEndpoint.count({ where: { orgId: a.org.id } })).toBe(0);
  });

  it("stores the URL encrypted, shows only its host, and is for admins of the organisation only", async () => {
    const created = await createEndpoint(a, "SLACK", SLACK_URL, "#announcements");
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const endpoint = created.json.endpoint as { id: string; urlHost: string };
    expect(endpoint.urlHost).toBe("hooks.slack.com");
    expect(JSON.stringify(created.json)).not.toContain("secretslackpart");

    const row = await getDb().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row.url).toMatch(/^v1:/);
    expect(row.url).not.toContain("secretslackpart");
    expect(row.url).not.toContain("hooks.slack.com");
    const audit = await getDb().auditLog.findFirst({
      where: { orgId: a.org.id, action: "webhook.create", targetId: endpoint.id },
    });
    expect(audit).not.toBeNull();

    const list = await callRoute(webhooksRoute.GET, { userId: a.admin.user.id });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.json)).not.toContain("secretslackpart");

    for (const member of [a.employee, a.manager]) {
      const denied = await callRoute(webhooksRoute.GET, { userId: member.user.id });
      expect(denied.status).toBe(403);
      const post = await createEndpoint({ ...a, admin: member }, "SLACK", SLACK_URL);
      expect(post.status).toBe(403);
    }

    // Another organisation's admin: 404 for every action on this endpoint.
    const other = { userId: b.admin.user.id, params: { id: endpoint.id } };
    expect(
      (await callRoute(webhookRoute.PATCH, { ...other, method: "PATCH", body: { active: false } }))
        .status,
    ).toBe(404);
    expect((await callRoute(webhookRoute.DELETE, { ...other, method: "DELETE" })).status).toBe(404);
    expect((await callRoute(testRoute, { ...other, method: "POST" })).status).toBe(404);

    const off = await callRoute(webhookRoute.PATCH, {
      method: "PATCH",
      userId: a.admin.user.id,
      params: { id: endpoint.id },
      body: { active: false },
    });
    expect(off.status).toBe(200);
    expect((off.json.endpoint as { active: boolean }).active).toBe(false);
    const bad = await callRoute(webhookRoute.PATCH, {
      method: "PATCH",
      userId: a.admin.user.id,
      params: { id: endpoint.id },
      body: { active: "yes" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.message).toMatch(/active/);

    const gone = await callRoute(webhookRoute.DELETE, {
      method: "DELETE",
      userId: a.admin.user.id,
      params: { id: endpoint.id },
    });
    expect(gone.status).toBe(200);
    expect(await getDb().webhookEndpoint.count({ where: { id: endpoint.id } })).toBe(0);
  });
});

describe("delivery", () => {
  it("publishing an item posts a Slack and a Teams message with a share link", async () => {
    expect((await createEndpoint(a, "SLACK", SLACK_URL)).status).toBe(201);
    expect((await createEndpoint(a, "TEAMS", TEAMS_URL)).status).toBe(201);
    const itemId = await publish(a, { title: "Solar park <live>", valueType: "INSPIRATION" });

    const deliveries = await waitFor(
      () => deliveriesOf(itemId),
      (ds) => ds.length === 2 && ds.every((d) => d.status === "SENT"),
    );
    expect(
      deliveries.map((d) => [d.endpoint.kind, d.status, d.attempts, d.responseStatus]).sort(),
    ).toEqual([
      ["SLACK", "SENT", 1, 200],
      ["TEAMS", "SENT", 1, 200],
    ]);
    expect(receiver.requests).toHaveLength(2);
    const slack = receiver.requests.find((r) => r.host === "hooks.slack.com")!;
    const teams = receiver.requests.find((r) => r.host === "fernhill.webhook.office.com")!;
    expect(slack.path).toBe("/services/T000/B000/secretslackpart");
    expect(slack.headers["content-type"]).toBe("application/json");
    const shareUrl = `${process.env.APP_URL}/share/${itemId}`;
    const slackBody = slack.body as {
      text: string;
      blocks: { type: string; [k: string]: unknown }[];
      itemId?: string;
    };
    expect(slackBody.itemId).toBeUndefined();
    expect(slackBody.text).toBe("New to share: Solar park <live>");
    expect(slackBody.blocks.map((b) => b.type)).toEqual([
      "header",
      "section",
      "context",
      "actions",
    ]);
    expect(JSON.stringify(slackBody.blocks[2])).toContain("Inspiration");
    expect(slackBody.blocks[3]).toMatchObject({
      elements: [{ type: "button", text: { text: "Share it" }, url: shareUrl }],
    });
    expect(teams.path).toBe("/webhookb2/abc@def/IncomingWebhook/x/y");
    expect(teams.body).toMatchObject({
      type: "message",
      attachments: [
        {
          contentType: "application/vnd.microsoft.card.adaptive",
          content: {
            type: "AdaptiveCard",
            body: [
              { text: "Solar park <live>" },
              {},
              { text: expect.stringContaining("Inspiration") },
            ],
            actions: [{ type: "Action.OpenUrl", title: "Share it", url: shareUrl }],
          },
        },
      ],
    });

    // Announcing again (the every-minute job, a second publish) creates nothing and sends nothing.
    expect(await announceContentItem(a.org.id, itemId)).toEqual([]);
    await announceItemsGoneLive();
    await deliverWebhook(deliveries[0]!.id);
    expect((await deliveriesOf(itemId)).length).toBe(2);
    expect(receiver.requests).toHaveLength(2);
  });

  it("retries after a 500: one message arrives, the log shows 2 attempts and SENT", async () => {
    expect((await createEndpoint(a, "SLACK", SLACK_URL)).status).toBe(201);
    receiver.failNext(1, 500);
    const itemId = await publish(a);
    const [delivery] = await waitFor(
      () => deliveriesOf(itemId),
      (ds) => ds[0]?.status === "SENT",
    );
    expect(delivery).toMatchObject({ status: "SENT", attempts: 2, responseStatus: 200 });
    expect(receiver.requests.map((r) => r.answeredWith)).toEqual([500, 200]);
    expect(receiver.delivered()).toHaveLength(1);
    expect(receiver.requests[1]!.at - receiver.requests[0]!.at).toBeGreaterThanOrEqual(900);

    const log = await callRoute(webhooksRoute.GET, { userId: a.admin.user.id });
    const entry = (log.json.deliveries as { id: string; attempts: number; status: string }[]).find(
      (d) => d.id === delivery!.id,
    );
    expect(entry).toMatchObject({ status: "SENT", attempts: 2, event: "content.published" });
  });

  it("honours Retry-After on a 429", async () => {
    expect((await createEndpoint(a, "SLACK", SLACK_URL)).status).toBe(201);
    receiver.failNext(1, 429, { "Retry-After": "2" });
    const itemId = await publish(a);
    const [delivery] = await waitFor(
      () => deliveriesOf(itemId),
      (ds) => ds[0]?.status === "SENT",
    );
    expect(delivery).toMatchObject({ status: "SENT", attempts: 2 });
    expect(receiver.requests.map((r) => r.answeredWith)).toEqual([429, 200]);
    expect(receiver.requests[1]!.at - receiver.requests[0]!.at).toBeGreaterThanOrEqual(1900);
  });

  it("a permanent 4xx fails at once; Retry sends it again", async () => {
    expect((await createEndpoint(a, "TEAMS", TEAMS_URL)).status).toBe(201);
    receiver.failNext(1, 404);
    const itemId = await publish(a);
    const [failed] = await waitFor(
      () => deliveriesOf(itemId),
      (ds) => ds[0]?.status === "FAILED",
    );
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, responseStatus: 404 });
    expect(failed!.lastError).toMatch(/HTTP 404/);
    await new Promise((r) => setTimeout(r, 2500)); // no retry comes
    expect(receiver.requests).toHaveLength(1);

    const denied = await callRoute(retryRoute, {
      method: "POST",
      userId: b.admin.user.id,
      params: { id: failed!.id },
    });
    expect(denied.status).toBe(404);
    const employee = await callRoute(retryRoute, {
      method: "POST",
      userId: a.employee.user.id,
      params: { id: failed!.id },
    });
    expect(employee.status).toBe(403);

    const retried = await callRoute(retryRoute, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id: failed!.id },
    });
    expect(retried.status).toBe(202);
    const [sent] = await waitFor(
      () => deliveriesOf(itemId),
      (ds) => ds[0]?.status === "SENT",
    );
    expect(sent).toMatchObject({
      status: "SENT",
      attempts: 2,
      responseStatus: 200,
      lastError: null,
    });
    expect(receiver.delivered()).toHaveLength(1);

    const again = await callRoute(retryRoute, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id: failed!.id },
    });
    expect(again.status).toBe(409);
  });

  it("gives up after the last retry and keeps the delivery FAILED and visible", async () => {
    const created = await createEndpoint(a, "SLACK", SLACK_URL);
    const endpointId = (created.json.endpoint as { id: string }).id;
    const row = await getDb().webhookDelivery.create({
      data: {
        id: `whd_test${Date.now()}`,
        orgId: a.org.id,
        endpointId,
        event: "test",
        payload: { text: "x" },
      },
    });
    receiver.failNext(1, 503);
    await expect(deliverWebhook(row.id, { retryCount: 5, retryLimit: 5 })).resolves.toBeUndefined();
    const after = await getDb().webhookDelivery.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ status: "FAILED", attempts: 1, responseStatus: 503 });

    // Before the last retry, a 5xx throws (pg-boss retries) and the delivery stays PENDING.
    await getDb().webhookDelivery.update({ where: { id: row.id }, data: { status: "PENDING" } });
    receiver.failNext(1, 502);
    await expect(deliverWebhook(row.id, { retryCount: 0, retryLimit: 5 })).rejects.toThrow(
      /HTTP 502/,
    );
    expect(
      await getDb().webhookDelivery.findUniqueOrThrow({ where: { id: row.id } }),
    ).toMatchObject({
      status: "PENDING",
      attempts: 2,
    });
  });

  it("a receiver that does not answer in time is a retryable failure", async () => {
    receiver.slowNext(1, 1500);
    const started = Date.now();
    const result = await postWebhook(SLACK_URL, { text: "x" }, { timeoutMs: 500 });
    expect(Date.now() - started).toBeLessThan(1400);
    expect(result.status).toBeNull();
    expect(result.detail).toMatch(/no answer within/);
    await new Promise((r) => setTimeout(r, 1200)); // let the receiver finish before the next test
  });

  it("sends a test message to an endpoint", async () => {
    const created = await createEndpoint(a, "TEAMS", TEAMS_URL);
    const endpointId = (created.json.endpoint as { id: string }).id;
    const res = await callRoute(testRoute, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id: endpointId },
    });
    expect(res.status).toBe(202);
    const id = res.json.deliveryId as string;
    const row = await waitFor(
      () => getDb().webhookDelivery.findUniqueOrThrow({ where: { id } }),
      (d) => d.status === "SENT",
    );
    expect(row.event).toBe("test");
    expect(receiver.requests).toHaveLength(1);
    expect(JSON.stringify(receiver.requests[0]!.body)).toContain("Chorus is connected");
  });

  it("announces a scheduled item when its publish time passes, not before", async () => {
    expect((await createEndpoint(a, "SLACK", SLACK_URL)).status).toBe(201);
    const publishAt = new Date(Date.now() + 1500);
    const itemId = await publish(a, { publishAt });
    expect(await deliveriesOf(itemId)).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 1800));
    expect(await announceItemsGoneLive()).toBeGreaterThanOrEqual(1);
    const [delivery] = await waitFor(
      () => deliveriesOf(itemId),
      (ds) => ds[0]?.status === "SENT",
    );
    expect(delivery?.status).toBe("SENT");
    expect(await announceItemsGoneLive()).toBe(0);
    expect(receiver.delivered()).toHaveLength(1);
  });

  it("an inactive endpoint gets nothing; another organisation's endpoints get nothing", async () => {
    const created = await createEndpoint(a, "SLACK", SLACK_URL);
    const endpointId = (created.json.endpoint as { id: string }).id;
    await callRoute(webhookRoute.PATCH, {
      method: "PATCH",
      userId: a.admin.user.id,
      params: { id: endpointId },
      body: { active: false },
    });
    expect((await createEndpoint(b, "TEAMS", TEAMS_URL)).status).toBe(201);
    const itemId = await publish(a);
    expect(await deliveriesOf(itemId)).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 1000));
    expect(receiver.requests).toHaveLength(0);
  });

  it("marks a PENDING delivery whose job is gone as FAILED (visible, retryable), not one still queued", async () => {
    const created = await createEndpoint(a, "SLACK", SLACK_URL);
    const endpointId = (created.json.endpoint as { id: string }).id;
    const old = new Date(Date.now() - 20 * 60_000);
    const make = (id: string) =>
      getDb().webhookDelivery.create({
        data: {
          id,
          orgId: a.org.id,
          endpointId,
          event: "test",
          payload: { text: "x" },
          createdAt: old,
        },
      });
    const lost = await make(`whd_lost${Date.now()}`);
    const queued = await make(`whd_queued${Date.now()}`);
    await enqueueDelivery(queued.id, { startAfterSeconds: 3600 });
    expect(await failLostDeliveries()).toBe(1);
    expect(
      await getDb().webhookDelivery.findUniqueOrThrow({ where: { id: lost.id } }),
    ).toMatchObject({
      status: "FAILED",
      lastError: expect.stringMatching(/lost/),
    });
    expect(
      (await getDb().webhookDelivery.findUniqueOrThrow({ where: { id: queued.id } })).status,
    ).toBe("PENDING");
  });
});
