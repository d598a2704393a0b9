import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as conversionsRoute from "@/app/api/v1/conversions/route";
import { getDb } from "@/lib/core/db/client";
import { randomString } from "@/lib/core/db/create-id";
import { createApiKey } from "@/lib/domains/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/domains/api-keys/revoke-api-key";
import { authenticateApiKey } from "@/lib/domains/access/authenticate-api-key";
import { recordConversion } from "@/lib/domains/conversions/record-conversion";
import { updateAnalyticsSettings } from "@/lib/domains/settings/update-analytics-settings";
import { accessFor, createOrgFixture, type OrgFixture } from "../../support/factories";
import { callRoute, type CallOptions } from "../../support/http";
import { shareWithClick } from "../../support/share-with-click";
import {
  EMBEDDED_SKIP_REASON,
  fulfilled,
  isRealServer,
  raceBehindLock,
} from "../../support/real-database";

// A low per-key limit so the 429 test stays quick; env() is read lazily, after this line.
const RATE_LIMIT = 40;
const previousLimit = process.env.API_RATE_LIMIT_PER_MINUTE;
process.env.API_RATE_LIMIT_PER_MINUTE = String(RATE_LIMIT);
afterAll(() => {
  if (previousLimit === undefined) delete process.env.API_RATE_LIMIT_PER_MINUTE;
  else process.env.API_RATE_LIMIT_PER_MINUTE = previousLimit;
});

const DAY = 24 * 60 * 60 * 1000;
let a: OrgFixture;
let b: OrgFixture;

beforeAll(async () => {
  a = await createOrgFixture();
  b = await createOrgFixture();
  // Days of the rollup are the organisation's days.
  await getDb().organization.update({
    where: { id: a.org.id },
    data: { timeZone: "America/Los_Angeles" },
  });
});

async function newKey(org: OrgFixture, kind: "secret" | "publishable" = "secret") {
  const { key, apiKey } = await createApiKey(accessFor(org.org, org.admin), {
    name: `key ${randomString(4)}`,
    kind,
  });
  return { key, id: apiKey.id };
}

function post(key: string | null, body: unknown, options: CallOptions = {}) {
  return callRoute(conversionsRoute.POST, {
    method: "POST",
    path: "/api/v1/conversions",
    body,
    ...options,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...options.headers },
  });
}

describe("POST /api/v1/conversions with a secret key", () => {
  it("records a conversion by click id (201) and marks the share-day for the rollup in the org's time zone", async () => {
    const { key, id: keyId } = await newKey(a);
    const { share, click } = await shareWithClick(a, new Date("2026-11-19T00:00:00Z"));
    const res = await post(key, {
      clickId: click.id,
      outcome: "deal",
      value: 1200.5,
      currency: "USD",
      occurredAt: "2026-11-20T03:00:00Z",
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json).toEqual({
      id: expect.stringMatching(/^cnv_/),
      outcome: "deal",
      shareCode: share.code,
      clickId: click.id,
      value: 1200.5,
      currency: "USD",
      occurredAt: "2026-11-20T03:00:00.000Z",
      attributed: true,
    });
    const row = await getDb().conversion.findUniqueOrThrow({ where: { id: String(res.json.id) } });
    expect(row).toMatchObject({
      orgId: a.org.id,
      shareId: share.id,
      outcome: "DEAL",
      apiKeyId: keyId,
    });
    expect(row.value?.toString()).toBe("1200.5");
    const dirty = await getDb().rollupDirty.findMany({ where: { shareId: share.id } });
    // 03:00 UTC on the 20th is still the 19th in Los Angeles.
    expect(dirty.map((d) => d.day.toISOString().slice(0, 10))).toEqual(["2026-11-19"]);
  });

  it("defaults occurredAt to now and the currency of a value to the organisation's", async () => {
    const { key } = await newKey(a);
    const { click } = await shareWithClick(a);
    const before = Date.now();
    const res = await post(key, { clickId: click.id, outcome: "lead", value: 49.9 });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ value: 49.9, currency: "EUR" });
    const at = Date.parse(String(res.json.occurredAt));
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it("records by share code (no click id), with the window starting at the share", async () => {
    const { key } = await newKey(a);
    const { share } = await shareWithClick(a);
    const res = await post(key, { shareCode: share.code, outcome: "application" });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      shareCode: share.code,
      clickId: null,
      outcome: "application",
    });
  });

  it("accepts the key in X-Api-Key and records lastUsedAt", async () => {
    const { key, id } = await newKey(a);
    const { click } = await shareWithClick(a);
    const res = await post(
      null,
      { clickId: click.id, outcome: "visit" },
      { headers: { "x-api-key": key } },
    );
    expect(res.status).toBe(201);
    const row = await getDb().apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.lastUsedAt).not.toBeNull();
  });
});

describe("authentication", () => {
  it("answers 401 with WWW-Authenticate without a key, with an unknown, malformed or revoked key", async () => {
    const { click } = await shareWithClick(a);
    const body = { clickId: click.id, outcome: "signup" };
    const { key, id } = await newKey(a);
    await revokeApiKey(accessFor(a.org, a.admin), id);
    const cases: [CallOptions["headers"], RegExp][] = [
      [{}, /API key is required/],
      [{ authorization: `Bearer chorus_sk_${"x".repeat(32)}` }, /not valid/],
      [{ authorization: "Bearer nonsense" }, /not valid/],
      [{ authorization: "Basic dXNlcjpwYXNz" }, /Authorization: Bearer/],
      [{ authorization: `Bearer ${key}` }, /revoked/],
    ];
    for (const [headers, message] of cases) {
      const res = await post(null, body, { headers });
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.json.error?.message).toMatch(message);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    expect(await getDb().conversion.count({ where: { clickId: click.id } })).toBe(0);
  });

  it("never accepts a secret key in the URL", async () => {
    const { key } = await newKey(a);
    const { click } = await shareWithClick(a);
    const res = await post(
      null,
      { clickId: click.id, outcome: "signup" },
      {
        path: `/api/v1/conversions?key=${key}`,
      },
    );
    expect(res.status).toBe(401);
    expect(res.json.error?.message).toMatch(/Only publishable keys/);
  });
});

describe("tenant safety", () => {
  it("answers 404 for another organisation's click id or share code, and an unknown one", async () => {
    const { key } = await newKey(b);
    const { share, click } = await shareWithClick(a);
    const byClick = await post(key, { clickId: click.id, outcome: "signup" });
    expect(byClick.status).toBe(404);
    expect(byClick.json.error?.message).toBe("No click with this id in your organisation.");
    const unknown = await post(key, { clickId: "clk_doesnotexist000000", outcome: "signup" });
    expect(unknown.status).toBe(404);
    const byCode = await post(key, { shareCode: share.code, outcome: "signup" });
    expect(byCode.status).toBe(404);
    expect(byCode.json.error?.message).toBe("No share with this code in your organisation.");
    expect(await getDb().conversion.count({ where: { shareId: share.id } })).toBe(0);
  });
});

describe("bad input: 4xx naming the field, never 500", () => {
  it("refuses malformed bodies", async () => {
    const { key } = await newKey(a);
    const { click } = await shareWithClick(a);
    const future = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const cases: [unknown, number, string | null, RegExp][] = [
      [{ clickId: click.id, outcome: "purchase" }, 400, "outcome", /must be one of visit, signup/],
      [{ clickId: click.id }, 400, "outcome", /required/],
      [{ outcome: "signup" }, 400, "clickId", /required/],
      [{ clickId: click.id, outcome: "signup", value: -1 }, 400, "value", /negative/],
      [{ clickId: click.id, outcome: "signup", value: 1.234 }, 400, "value", /2 decimals/],
      [{ clickId: click.id, outcome: "signup", value: "12" }, 400, "value", /number/],
      [
        { clickId: click.id, outcome: "signup", value: 5, currency: "euro" },
        400,
        "currency",
        /ISO 4217/,
      ],
      [
        { clickId: click.id, outcome: "signup", value: 5, currency: "XYZ" },
        400,
        "currency",
        /ISO 4217/,
      ],
      [
        { clickId: click.id, outcome: "signup", currency: "EUR" },
        400,
        "currency",
        /together with value/,
      ],
      [{ clickId: click.id, outcome: "signup", occurredAt: future }, 400, "occurredAt", /future/],
      [
        { clickId: click.id, outcome: "signup", occurredAt: "yesterday" },
        400,
        "occurredAt",
        /ISO 8601/,
      ],
      [
        { clickId: click.id, outcome: "signup", idempotencyKey: "" },
        400,
        "idempotencyKey",
        /1 to 255/,
      ],
      [
        { clickId: click.id, shareCode: "abcdefghij", outcome: "signup" },
        400,
        "shareCode",
        /not both/,
      ],
      [{ clickId: click.id, outcome: "signup", extra: 1 }, 400, null, /Unrecognized key/],
      [["signup"], 400, null, /JSON object/],
    ];
    for (const [body, status, field, message] of cases) {
      const res = await post(key, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.json.error?.message, JSON.stringify(body)).toMatch(message);
      if (field) expect(res.json.error).toMatchObject({ fields: { [field]: expect.any(String) } });
      if (field) expect(res.json.error?.message).toContain(field);
    }
    const notJson = await post(key, undefined, { rawBody: "{outcome: signup" });
    expect(notJson.status).toBe(400);
    expect(notJson.json.error?.message).toMatch(/not valid JSON/);
    const empty = await post(key, undefined, { rawBody: "" });
    expect(empty.status).toBe(400);
    const form = await post(key, undefined, {
      rawBody: "outcome=signup",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    expect(await getDb().conversion.count({ where: { clickId: click.id } })).toBe(0);
  });

  it("refuses a conversion outside the attribution window (422) and follows the configured window", async () => {
    const { key } = await newKey(a);
    const clickAt = new Date(Date.now() - 40 * DAY);
    const { click } = await shareWithClick(a, clickAt);
    const late = new Date(clickAt.getTime() + 31 * DAY).toISOString();
    const tooLate = await post(key, { clickId: click.id, outcome: "hire", occurredAt: late });
    expect(tooLate.status).toBe(422);
    expect(tooLate.json.error?.message).toMatch(/more than 30 days after the click/);
    expect(tooLate.json.error).toMatchObject({ fields: { occurredAt: expect.any(String) } });
    const early = new Date(clickAt.getTime() - 1000).toISOString();
    const tooEarly = await post(key, { clickId: click.id, outcome: "hire", occurredAt: early });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.json.error?.message).toMatch(/before the click/);

    await updateAnalyticsSettings(accessFor(a.org, a.admin), { attributionDays: 60 });
    try {
      const ok = await post(key, { clickId: click.id, outcome: "hire", occurredAt: late });
      expect(ok.status).toBe(201);
      // Now (40 days after the click) is inside 60 days too.
      const now = await post(key, { clickId: click.id, outcome: "hire" });
      expect(now.status).toBe(201);
    } finally {
      await updateAnalyticsSettings(accessFor(a.org, a.admin), { attributionDays: 30 });
    }
  });

  it("refuses bodies over 16 KB (413), counted on the stream and by Content-Length", async () => {
    const { key } = await newKey(a);
    const { click } = await shareWithClick(a);
    const big = JSON.stringify({
      clickId: click.id,
      outcome: "signup",
      idempotencyKey: "x".repeat(17_000),
    });
    const streamed = await post(key, undefined, { rawBody: big });
    expect(streamed.status).toBe(413);
    expect(streamed.json.error?.message).toMatch(/too large \(limit 16 KB\)/);
    const declared = await post(key, undefined, {
      rawBody: big,
      headers: { "content-length": String(big.length) },
    });
    expect(declared.status).toBe(413);
  });

  it("rate-limits per key (429 with Retry-After); other keys are unaffected", async () => {
    const { key } = await newKey(a);
    const { key: other } = await newKey(a);
    const { click } = await shareWithClick(a);
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: 10 }, () =>
          post(key, { clickId: click.id, outcome: "visit", idempotencyKey: "rl" }),
        ),
      );
      statuses.push(...batch.map((r) => r.status));
    }
    expect(statuses.every((s) => s === 200 || s === 201)).toBe(true);
    const limited = await post(key, { clickId: click.id, outcome: "visit", idempotencyKey: "rl" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.json.error?.message).toMatch(/Too many requests with this API key/);
    const fine = await post(other, { clickId: click.id, outcome: "visit", idempotencyKey: "rl" });
    expect(fine.status).toBe(200);
  });
});

describe("idempotency", () => {
  // Real races need sessions that run at the same time: a PostgreSQL server, not the embedded
  // PGlite (one session: the calls would only take turns). Each race holds every contender back at
  // the INSERT (a SHARE lock on "Conversion" blocks inserts, not reads) until all of them are past
  // the "already recorded?" look-up and waiting there at once, each on its own connection.
  const RACE_AT = ['%INSERT INTO "Conversion"%'];
  const raceOnInsert = <T>(contenders: number, call: () => Promise<T>) =>
    raceBehindLock({
      lockSql: `LOCK TABLE "Conversion" IN SHARE MODE`,
      contenders,
      waitingIn: RACE_AT,
      call,
    });

  it("8 concurrent retries create exactly one conversion; all answer it (one 201, the rest 200)", async (ctx) => {
    ctx.skip(!(await isRealServer()), EMBEDDED_SKIP_REASON);
    const { key } = await newKey(a);
    const { click } = await shareWithClick(a);
    const body = {
      clickId: click.id,
      outcome: "signup",
      value: 10,
      idempotencyKey: `order-${randomString(8)}`,
    };
    const { results, waitingAtOnce } = await raceOnInsert(8, () => post(key, body));
    expect(waitingAtOnce).toBe(8); // all eight at the insert together
    const responses = fulfilled(results);
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(responses.map((r) => r.json.id));
    expect(ids.size).toBe(1);
    expect(await getDb().conversion.count({ where: { clickId: click.id } })).toBe(1);
    const replay = responses.find((r) => r.status === 200)!;
    const first = responses.find((r) => r.status === 201)!;
    expect(replay.json).toEqual(first.json);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
  });

  it("holds when the domain function itself is called 8 times at once (the insert race)", async (ctx) => {
    ctx.skip(!(await isRealServer()), EMBEDDED_SKIP_REASON);
    const { key } = await newKey(a);
    const check = await authenticateApiKey(key);
    if (!check.ok) throw new Error("key should authenticate");
    const { click } = await shareWithClick(a);
    const input = {
      clickId: click.id,
      outcome: "hire" as const,
      idempotencyKey: `race-${randomString(8)}`,
    };
    const { results, waitingAtOnce } = await raceOnInsert(8, () =>
      recordConversion(check.apiKey, input),
    );
    expect(waitingAtOnce).toBe(8);
    const recorded = fulfilled(results);
    expect(recorded.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(recorded.map((r) => r.conversion.id)).size).toBe(1);
    expect(await getDb().conversion.count({ where: { clickId: click.id } })).toBe(1);
  });

  it("a publishable key's 8 concurrent reports of one click and outcome record one conversion", async (ctx) => {
    ctx.skip(!(await isRealServer()), EMBEDDED_SKIP_REASON);
    const { key } = await newKey(a, "publishable");
    const check = await authenticateApiKey(key);
    if (!check.ok) throw new Error("key should authenticate");
    const { click } = await shareWithClick(a);
    const { results, waitingAtOnce } = await raceOnInsert(8, () =>
      recordConversion(check.apiKey, { clickId: click.id, outcome: "signup" }),
    );
    expect(waitingAtOnce).toBe(8);
    expect(fulfilled(results).filter((r) => r.created)).toHaveLength(1);
    expect(await getDb().conversion.count({ where: { clickId: click.id } })).toBe(1);
  });

  it("a retry after the first request finished answers it (everywhere, also embedded)", async () => {
    const { key } = await newKey(a);
    const { click } = await shareWithClick(a);
    const body = { clickId: click.id, outcome: "signup", idempotencyKey: `seq-${randomString(8)}` };
    const first = await post(key, body);
    const again = await post(key, body);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.json).toEqual(first.json);
    expect(await getDb().conversion.count({ where: { clickId: click.id } })).toBe(1);
  });

  it("takes the key from the Idempotency-Key header too, and a later retry without occurredAt still matches", async () => {
    const { key } = await newKey(a);
    const { click } = await shareWithClick(a);
    const headers = { "idempotency-key": `hdr-${randomString(8)}` };
    const first = await post(key, { clickId: click.id, outcome: "lead" }, { headers });
    expect(first.status).toBe(201);
    const again = await post(key, { clickId: click.id, outcome: "lead" }, { headers });
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    const mismatch = await post(
      key,
      { clickId: click.id, outcome: "lead", idempotencyKey: "other" },
      { headers },
    );
    expect(mismatch.status).toBe(400);
    expect(await getDb().conversion.count({ where: { clickId: click.id } })).toBe(1);
  });

  it("answers 409 for the same key with a different body", async () => {
    const { key } = await newKey(a);
    const { click } = await shareWithClick(a);
    const idempotencyKey = `deal-${randomString(8)}`;
    const first = await post(key, {
      clickId: click.id,
      outcome: "deal",
      value: 100,
      idempotencyKey,
    });
    expect(first.status).toBe(201);
    for (const changed of [
      { clickId: click.id, outcome: "deal", value: 101, idempotencyKey },
      { clickId: click.id, outcome: "lead", value: 100, idempotencyKey },
      { clickId: click.id, outcome: "deal", value: 100, currency: "USD", idempotencyKey },
    ]) {
      const res = await post(key, changed);
      expect(res.status, JSON.stringify(changed)).toBe(409);
      expect(res.json.error?.message).toMatch(/already used for a different conversion/);
    }
    expect(await getDb().conversion.count({ where: { clickId: click.id } })).toBe(1);
  });

  it("without an idempotency key, each request is a new conversion", async () => {
    const { key } = await newKey(a);
    const { click } = await shareWithClick(a);
    await post(key, { clickId: click.id, outcome: "visit" });
    await post(key, { clickId: click.id, outcome: "visit" });
    expect(await getDb().conversion.count({ where: { clickId: click.id } })).toBe(2);
  });
});

describe("publishable keys (browser snippet)", () => {
  it("record one conversion per click and outcome, from the URL key and a text/plain body, with CORS", async () => {
    const { key } = await newKey(a, "publishable");
    const { click } = await shareWithClick(a);
    const call = (outcome: string) =>
      post(null, undefined, {
        path: `/api/v1/conversions?key=${key}`,
        rawBody: JSON.stringify({
          clickId: click.id,
          outcome,
          idempotencyKey: `${click.id}:${outcome}`,
        }),
        headers: { "content-type": "text/plain;charset=UTF-8", origin: "https://shop.example" },
      });
    const results = await Promise.all(Array.from({ length: 10 }, () => call("signup")));
    expect(results.map((r) => r.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    for (const r of results) expect(r.headers.get("access-control-allow-origin")).toBe("*");
    expect(await getDb().conversion.count({ where: { clickId: click.id } })).toBe(1);
    const other = await call("lead");
    expect(other.status).toBe(201);
    expect(await getDb().conversion.count({ where: { clickId: click.id } })).toBe(2);
  });

  it("cannot report by share code, nor a value, currency or time", async () => {
    const { key } = await newKey(a, "publishable");
    const { share, click } = await shareWithClick(a);
    const byCode = await post(key, { shareCode: share.code, outcome: "signup" });
    expect(byCode.status).toBe(403);
    expect(byCode.json.error?.message).toMatch(/only report a conversion for a click id/);
    const valued = await post(key, { clickId: click.id, outcome: "deal", value: 1_000_000 });
    expect(valued.status).toBe(400);
    expect(valued.json.error).toMatchObject({ fields: { value: expect.any(String) } });
    const backdated = await post(key, {
      clickId: click.id,
      outcome: "deal",
      occurredAt: new Date(Date.now() - 1000).toISOString(),
    });
    expect(backdated.status).toBe(400);
    expect(await getDb().conversion.count({ where: { shareId: share.id } })).toBe(0);
  });

  it("answers the CORS preflight", async () => {
    const res = await callRoute(conversionsRoute.OPTIONS, {
      method: "OPTIONS",
      path: "/api/v1/conversions",
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toMatch(/POST/);
    expect(res.headers.get("access-control-allow-headers")).toMatch(/Authorization/);
  });
});
