import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/connectors/route";
import * as oneRoute from "@/app/api/connectors/[id]/route";
import * as syncRoute from "@/app/api/connectors/[id]/sync/route";
import * as previewRoute from "@/app/api/connectors/preview/route";
import * as inboundRoute from "@/app/api/inbound/[id]/route";
import { getDb } from "@/lib/core/db/client";
import { stopBoss } from "@/lib/core/jobs/boss";
import { createOrgFixture, type OrgFixture } from "../../support/factories";
import { callRoute } from "../../support/http";
import { conversionsOf, shareWithClick } from "../../support/share-with-click";

let a: OrgFixture;
let b: OrgFixture;

beforeAll(async () => {
  a = await createOrgFixture();
  b = await createOrgFixture();
});
afterAll(async () => {
  await stopBoss();
});

const MAPPING = {
  externalId: "$.opportunity.id",
  clickId: '$.opportunity["Chorus Click Id"]',
  outcome: "$.stage",
  defaultOutcome: "deal",
  value: "$.opportunity.amount",
  currency: "$.opportunity.currency",
  occurredAt: "$.closedAt",
};

function createWebhook(userId: string, mapping: unknown = MAPPING) {
  return callRoute(listRoute.POST, {
    method: "POST",
    path: "/api/connectors",
    userId,
    body: { kind: "webhook", name: "Salesforce", config: { mapping } },
  });
}

function deliver(id: string, body: unknown, headers: Record<string, string>) {
  return callRoute(inboundRoute.POST, {
    method: "POST",
    path: `/api/inbound/${id}`,
    params: { id },
    rawBody: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", origin: "https://hooks.example", ...headers },
  });
}

describe("connections API and the inbound webhook", () => {
  it("only admins manage connections; another organisation's connection is a 404", async () => {
    for (const member of [a.manager, a.employee]) {
      expect((await createWebhook(member.user.id)).status).toBe(403);
      expect((await callRoute(listRoute.GET, { userId: member.user.id })).status).toBe(403);
    }
    const created = await createWebhook(a.admin.user.id);
    expect(created.status).toBe(201);
    const id = (created.json.connection as { id: string }).id;
    const patch = await callRoute(oneRoute.PATCH, {
      method: "PATCH",
      userId: b.admin.user.id,
      params: { id },
      body: { name: "Taken over" },
    });
    expect(patch.status).toBe(404);
    const del = await callRoute(oneRoute.DELETE, {
      method: "DELETE",
      userId: b.admin.user.id,
      params: { id },
    });
    expect(del.status).toBe(404);
    const sync = await callRoute(syncRoute.POST, {
      method: "POST",
      userId: b.admin.user.id,
      params: { id },
    });
    expect(sync.status).toBe(404);
    const listB = await callRoute(listRoute.GET, { userId: b.admin.user.id });
    expect(listB.json.connections).toEqual([]);
  });

  it("refuses a mapping with an invalid JSON path (400), and a second HubSpot connection (409)", async () => {
    const bad = await createWebhook(a.admin.user.id, { ...MAPPING, value: "opportunity.amount" });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.message).toMatch(/JSON path/);
    const hubspot = (token: string) =>
      callRoute(listRoute.POST, {
        method: "POST",
        userId: a.admin.user.id,
        body: { kind: "hubspot", name: "HubSpot", token },
      });
    const first = await hubspot("pat-eu1-aaaaaaaa-secret-token");
    expect(first.status).toBe(201);
    expect(JSON.stringify(first.json)).not.toContain("pat-eu1-aaaaaaaa-secret-token");
    expect(first.json.secret).toBeNull();
    expect((await hubspot("pat-eu1-bbbbbbbb-secret-token")).status).toBe(409);
    const stored = await getDb().connectorConnection.findUniqueOrThrow({
      where: { id: (first.json.connection as { id: string }).id },
    });
    expect(stored.secret).not.toContain("pat-eu1");
    const queued = await callRoute(syncRoute.POST, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id: stored.id },
    });
    expect(queued.status).toBe(202);
  });

  it("records a mapped event once (bearer or HMAC), refuses a bad secret, and a replay is idempotent", async () => {
    const { share, click } = await shareWithClick(a);
    const created = await createWebhook(a.admin.user.id);
    const secret = String(created.json.secret);
    const id = (created.json.connection as { id: string }).id;
    expect(secret).toMatch(/^whsec_/);
    const list = await callRoute(listRoute.GET, { userId: a.admin.user.id });
    expect(JSON.stringify(list.json)).not.toContain(secret);

    const event = {
      stage: "DEAL",
      closedAt: new Date(Date.now() - 60_000).toISOString(),
      opportunity: {
        id: "006Qy000001",
        "Chorus Click Id": click.id,
        amount: "5400",
        currency: "EUR",
      },
    };
    expect((await deliver(id, event, { authorization: "Bearer whsec_wrong" })).status).toBe(401);
    expect((await deliver(id, event, {})).status).toBe(401);
    const first = await deliver(id, event, { authorization: `Bearer ${secret}` });
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    expect(first.json).toMatchObject({ status: "imported", externalId: "006Qy000001" });
    const replay = await deliver(id, event, { authorization: `Bearer ${secret}` });
    expect(replay.status).toBe(200);
    expect(replay.json).toMatchObject({ status: "duplicate" });
    const conversions = await conversionsOf(share.id);
    expect(conversions.map((c) => [c.outcome, c.value?.toFixed(2), c.currency])).toEqual([
      ["DEAL", "5400.00", "EUR"],
    ]);

    const raw = JSON.stringify({
      ...event,
      stage: "opportunity",
      opportunity: { ...event.opportunity, id: "006Qy000002" },
    });
    const signature = createHmac("sha256", secret).update(raw).digest("hex");
    const signed = await deliver(id, raw, { "x-chorus-signature": `sha256=${signature}` });
    expect(signed.status).toBe(201);
    const forged = await deliver(id, raw.replace("5400", "9999"), {
      "x-chorus-signature": `sha256=${signature}`,
    });
    expect(forged.status).toBe(401);

    const unmatched = await deliver(
      id,
      { ...event, opportunity: { id: "006Qy000003", "Chorus Click Id": "clk_nobody" } },
      { authorization: `Bearer ${secret}` },
    );
    expect(unmatched.status).toBe(200);
    expect(unmatched.json).toMatchObject({ status: "unmatched" });
    const wrongShape = await deliver(id, { stage: "deal" }, { authorization: `Bearer ${secret}` });
    expect(wrongShape.status).toBe(422);
    expect(wrongShape.json.error?.message).toMatch(/externalId/);
    expect((await deliver(id, "{not json", { authorization: `Bearer ${secret}` })).status).toBe(
      400,
    );

    // Org B's secret does not open org A's webhook; an unknown id is a 404.
    const other = await createWebhook(b.admin.user.id);
    expect(
      (await deliver(id, event, { authorization: `Bearer ${String(other.json.secret)}` })).status,
    ).toBe(401);
    expect(
      (await deliver("con_unknown", event, { authorization: `Bearer ${secret}` })).status,
    ).toBe(404);

    // Paused: 404. Rotated: the old secret stops working.
    await callRoute(oneRoute.PATCH, {
      method: "PATCH",
      userId: a.admin.user.id,
      params: { id },
      body: { paused: true },
    });
    expect((await deliver(id, event, { authorization: `Bearer ${secret}` })).status).toBe(404);
    const rotated = await callRoute(oneRoute.PATCH, {
      method: "PATCH",
      userId: a.admin.user.id,
      params: { id },
      body: { paused: false, rotateSecret: true },
    });
    const newSecret = String(rotated.json.secret);
    expect(newSecret).not.toBe(secret);
    expect((await deliver(id, event, { authorization: `Bearer ${secret}` })).status).toBe(401);
    expect((await deliver(id, event, { authorization: `Bearer ${newSecret}` })).json).toMatchObject(
      {
        status: "duplicate",
      },
    );

    const listed = (await callRoute(listRoute.GET, { userId: a.admin.user.id })).json
      .connections as {
      id: string;
      imported: number;
      unmatched: number;
    }[];
    expect(listed.find((c) => c.id === id)).toMatchObject({ imported: 2, unmatched: 1 });
  });

  it("previews a mapping against a sample payload without recording anything", async () => {
    const { share, click } = await shareWithClick(a);
    const before = await getDb().conversion.count({ where: { orgId: a.org.id } });
    const preview = await callRoute(previewRoute.POST, {
      method: "POST",
      userId: a.admin.user.id,
      body: {
        mapping: MAPPING,
        payload: {
          opportunity: { id: 42, "Chorus Click Id": click.id, amount: 10.5 },
          stage: "lead",
        },
      },
    });
    expect(preview.status).toBe(200);
    expect(preview.json.preview).toEqual({
      ok: true,
      record: {
        externalId: "42",
        outcome: "lead",
        clickId: click.id,
        shareCode: null,
        value: 10.5,
        currency: null,
        occurredAt: null,
      },
      attribution: { matched: true, shareCode: share.code },
    });
    const missing = await callRoute(previewRoute.POST, {
      method: "POST",
      userId: a.admin.user.id,
      body: { mapping: MAPPING, payload: { stage: "promotion" } },
    });
    expect(missing.json.preview).toMatchObject({
      ok: false,
      fields: { externalId: expect.any(String), outcome: expect.any(String) },
    });
    expect(await getDb().conversion.count({ where: { orgId: a.org.id } })).toBe(before);
    const employee = await callRoute(previewRoute.POST, {
      method: "POST",
      userId: a.employee.user.id,
      body: { mapping: MAPPING, payload: {} },
    });
    expect(employee.status).toBe(403);
  });
});
