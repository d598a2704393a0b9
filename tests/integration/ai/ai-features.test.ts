/**
 * AI assistance against a real OpenAI-compatible server on loopback (tests/support/fake-openai.ts):
 * each feature streams its answer as Server-Sent Events and reads it back; the switch, the budget
 * and the roles refuse before any request leaves; upstream rate limits, refusals, errors, slow and
 * broken answers become clear messages (never a 500); every call is recorded with its tokens.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { createOrgFixture, type OrgFixture } from "../../support/factories";
import { callRoute, type Handler } from "../../support/http";
import {
  FAKE_AI_KEY,
  FAKE_AI_MODEL,
  startFakeOpenAi,
  type FakeOpenAi,
} from "../../support/fake-openai";
import { createAiItem, enableAi, postAi, readAi } from "./ai-support";

let fake: FakeOpenAi;
let f: OrgFixture;
let g: OrgFixture;
let itemId: string;
let routes: {
  captions: Handler;
  hashtags: Handler;
  valueType: Handler;
  translate: Handler;
  myWords: Handler;
  settingsGet: Handler;
  settingsPatch: Handler;
};

beforeAll(async () => {
  fake = await startFakeOpenAi();
  process.env.AI_BASE_URL = fake.url;
  process.env.AI_API_KEY = FAKE_AI_KEY;
  process.env.AI_MODEL = FAKE_AI_MODEL;
  process.env.AI_TIMEOUT_SECONDS = "1";
  // Loaded after the environment points at the fake (env() is read once per process).
  const [captions, hashtags, valueType, translate, myWords, settings] = await Promise.all([
    import("@/app/api/ai/captions/route"),
    import("@/app/api/ai/hashtags/route"),
    import("@/app/api/ai/value-type/route"),
    import("@/app/api/ai/translate/route"),
    import("@/app/api/ai/my-words/route"),
    import("@/app/api/settings/ai/route"),
  ]);
  routes = {
    captions: captions.POST,
    hashtags: hashtags.POST,
    valueType: valueType.POST,
    translate: translate.POST,
    myWords: myWords.POST,
    settingsGet: settings.GET,
    settingsPatch: settings.PATCH,
  };
  f = await createOrgFixture();
  g = await createOrgFixture();
  itemId = (await createAiItem(f.org.id)).id;
  // A member who reads German makes German one of the organisation's languages.
  await getDb().user.update({ where: { id: f.employee.user.id }, data: { locale: "de" } });
});

afterAll(async () => {
  await fake.close();
});

beforeEach(async () => {
  fake.reset();
  await getDb().aiCall.deleteMany({ where: { orgId: { in: [f.org.id, g.org.id] } } });
  await getDb().aiSettings.deleteMany({ where: { orgId: { in: [f.org.id, g.org.id] } } });
});

const calls = (orgId: string) =>
  getDb().aiCall.findMany({ where: { orgId }, orderBy: { createdAt: "asc" } });

describe("the organisation's switch and settings", () => {
  it("is off by default: 409 with a clear message and nothing sent to the AI service", async () => {
    const res = await readAi(await postAi(routes.captions, f.admin.user.id, { itemId }));
    expect(res.status).toBe(409);
    expect(res.error?.message).toMatch(/AI assistance is off for your organisation/);
    expect(fake.requests).toHaveLength(0);
    expect(await calls(f.org.id)).toHaveLength(0);
  });

  it("an admin switches it on and sets a budget (audit-logged); others cannot", async () => {
    const off = await callRoute(routes.settingsGet, { userId: f.admin.user.id });
    expect(off.json.settings).toMatchObject({ configured: true, enabled: false, usedThisMonth: 0 });
    const res = await callRoute(routes.settingsPatch, {
      method: "PATCH",
      userId: f.admin.user.id,
      body: { enabled: true, monthlyTokenBudget: 50_000 },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.settings).toMatchObject({ enabled: true, monthlyTokenBudget: 50_000 });
    const audit = await getDb().auditLog.findFirst({
      where: { orgId: f.org.id, action: "settings.ai_update" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.actorId).toBe(f.admin.user.id);
    const bad = await callRoute(routes.settingsPatch, {
      method: "PATCH",
      userId: f.admin.user.id,
      body: { monthlyTokenBudget: -1 },
    });
    expect(bad.status).toBe(400);
    for (const member of [f.manager, f.employee]) {
      const denied = await callRoute(routes.settingsPatch, {
        method: "PATCH",
        userId: member.user.id,
        body: { enabled: false },
      });
      expect(denied.status).toBe(403);
    }
    // The other organisation's switch stays off.
    expect((await getDb().aiSettings.findUnique({ where: { orgId: g.org.id } }))?.enabled).not.toBe(
      true,
    );
  });
});

describe("the comms team's features", () => {
  beforeEach(async () => {
    await enableAi(f.org.id);
  });

  it("drafts three caption variants in the given tones, streamed, and records the call", async () => {
    const res = await postAi(routes.captions, f.admin.user.id, {
      itemId,
      tones: ["formal", "playful", "short"],
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const { events } = await readAi(res);
    const deltas = events.filter((e) => e.event === "delta");
    expect(deltas.length).toBeGreaterThan(3); // word by word, not one block
    const done = events.at(-1)!;
    expect(done.event).toBe("done");
    const captions = (done.data.result as { captions: { label: string; text: string }[] }).captions;
    expect(captions.map((c) => c.label)).toEqual(["formal", "playful", "short"]);
    expect(deltas.map((d) => d.data.text).join("")).toBe(done.data.text);

    // The prompt was built on the server from the item; model and key from the configuration.
    const sent = fake.requests[0]!;
    expect(sent.authorization).toBe(`Bearer ${FAKE_AI_KEY}`);
    expect(sent.body).toMatchObject({ model: FAKE_AI_MODEL, stream: true });
    expect(sent.body.messages!.at(-1)!.content).toContain("40 MW solar park in Brandenburg");

    const [call] = await calls(f.org.id);
    expect(call).toMatchObject({
      userId: f.admin.user.id,
      membershipId: f.admin.membership.id,
      feature: "captions",
      itemId,
      status: "ok",
    });
    expect(call!.totalTokens).toBeGreaterThan(0);
    expect(call!.totalTokens).toBe(call!.promptTokens + call!.completionTokens);
    const audit = await getDb().auditLog.findFirst({
      where: { orgId: f.org.id, action: "ai.call" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.metadata).toMatchObject({ feature: "captions", totalTokens: call!.totalTokens });
  });

  it("suggests new hashtags and a value type", async () => {
    const tags = await readAi(await postAi(routes.hashtags, f.admin.user.id, { itemId }));
    // "#energy" is on the item already: left out.
    expect(tags.events.at(-1)!.data.result).toEqual({ hashtags: ["solarpower", "GridReady"] });
    const value = await readAi(await postAi(routes.valueType, f.admin.user.id, { itemId }));
    expect(value.events.at(-1)!.data.result).toEqual({
      valueType: "EDUCATION",
      reason: "It explains what the team learned.",
    });
    fake.next({ text: "Hmm, hard to say." });
    const none = await readAi(await postAi(routes.valueType, f.admin.user.id, { itemId }));
    expect(none.events.at(-1)).toMatchObject({
      event: "error",
      data: { message: expect.stringMatching(/named none of the value types/) },
    });
  });

  it("translates the item with its captions into one of the organisation's languages", async () => {
    const res = await readAi(
      await postAi(routes.translate, f.admin.user.id, { itemId, language: "de" }),
    );
    const result = res.events.at(-1)!.data.result as {
      language: string;
      title: string;
      body: string;
      captions: { label: string; text: string }[];
    };
    expect(result.language).toBe("de");
    expect(result.title).toBe("[de] Our 40 MW solar park is live");
    expect(result.body).toContain("[de] We connected");
    expect(result.captions).toEqual([
      { label: "formal", text: "[de] Fernhill Energy has connected a 40 MW solar park." },
    ]);
    // Nothing is saved: the editor shows it as a draft for review.
    expect(await getDb().contentTranslation.count({ where: { itemId } })).toBe(0);
    const notOurs = await readAi(
      await postAi(routes.translate, f.admin.user.id, { itemId, language: "ja" }),
    );
    expect(notOurs.status).toBe(400);
    expect(notOurs.error?.message).toMatch(/organisation's other languages: de/);
    expect(fake.requests).toHaveLength(1);
  });

  it("employees and managers cannot use them (403, nothing sent)", async () => {
    for (const member of [f.employee, f.manager]) {
      for (const route of [routes.captions, routes.hashtags, routes.valueType]) {
        const res = await readAi(await postAi(route, member.user.id, { itemId }));
        expect(res.status).toBe(403);
      }
    }
    expect(fake.requests).toHaveLength(0);
  });

  it("another organisation's item answers 404, nothing sent", async () => {
    await enableAi(g.org.id);
    const res = await readAi(await postAi(routes.captions, g.admin.user.id, { itemId }));
    expect(res.status).toBe(404);
    expect(fake.requests).toHaveLength(0);
    expect(await calls(g.org.id)).toHaveLength(0);
  });
});

describe("in my words (employees)", () => {
  beforeEach(async () => {
    await enableAi(f.org.id);
  });

  it("drafts from the person's two answers", async () => {
    const res = await readAi(
      await postAi(routes.myWords, f.employee.user.id, {
        itemId,
        did: "wired the inverters on site",
        learned: "how much planning a grid connection takes",
      }),
    );
    expect(res.status).toBe(200);
    const done = res.events.at(-1)!;
    expect(done.event).toBe("done");
    expect((done.data.result as { text: string }).text).toContain("wired the inverters on site");
    expect(fake.requests[0]!.body.messages!.at(-1)!.content).toContain(
      "What they learned: how much planning a grid connection takes",
    );
    expect((await calls(f.org.id))[0]).toMatchObject({
      feature: "my_words",
      membershipId: f.employee.membership.id,
    });
  });

  it("refuses empty answers with a clear message and no call", async () => {
    for (const body of [
      { itemId, did: "", learned: "" },
      { itemId, did: "   ", learned: "something real" },
      { itemId, did: "I did a thing", learned: "" },
    ]) {
      const res = await readAi(await postAi(routes.myWords, f.employee.user.id, body));
      expect(res.status).toBe(400);
      expect(res.error?.message).toMatch(/never from nothing/);
    }
    expect(fake.requests).toHaveLength(0);
  });
});

describe("the monthly budget", () => {
  it("once spent, refuses with 429 and Retry-After; no request reaches the AI service", async () => {
    await enableAi(f.org.id, 1);
    const first = await readAi(await postAi(routes.hashtags, f.admin.user.id, { itemId }));
    expect(first.status).toBe(200); // under budget when it started
    expect(fake.requests).toHaveLength(1);
    const second = await readAi(await postAi(routes.hashtags, f.admin.user.id, { itemId }));
    expect(second.status).toBe(429);
    expect(second.error?.message).toMatch(/used its AI budget for this month/);
    expect(Number(second.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(fake.requests).toHaveLength(1);
    // The other organisation's budget is its own.
    await enableAi(g.org.id, 1);
    const other = await readAi(
      await postAi(routes.hashtags, g.admin.user.id, { itemId: (await createAiItem(g.org.id)).id }),
    );
    expect(other.status).toBe(200);
  });

  it("counts tokens estimated from the text when the service reports none", async () => {
    await enableAi(f.org.id);
    fake.next({ mode: "no-usage" });
    await readAi(await postAi(routes.hashtags, f.admin.user.id, { itemId }));
    const [call] = await calls(f.org.id);
    expect(call!.totalTokens).toBeGreaterThan(10);
  });
});

describe("the AI service's failures become clear messages", () => {
  beforeEach(async () => {
    await enableAi(f.org.id);
  });

  it("a rate limit: 429 with its Retry-After", async () => {
    fake.next({ mode: "429", retryAfter: "12" });
    const res = await readAi(await postAi(routes.hashtags, f.admin.user.id, { itemId }));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("12");
    expect(res.error?.message).toMatch(/busy right now.*12 seconds/);
    expect((await calls(f.org.id))[0]).toMatchObject({ status: "error", totalTokens: 0 });
  });

  it("refusals, filters, outages, bad keys, slow and broken answers: never a 500", async () => {
    const cases: [Parameters<FakeOpenAi["next"]>[0], number, RegExp][] = [
      [{ mode: "content_filter" }, 422, /declined this request/],
      [{ mode: "500" }, 502, /had a problem \(500\)/],
      [{ mode: "401" }, 502, /AI_API_KEY/],
      [{ delayMs: 1500 }, 504, /took too long/],
    ];
    for (const [answer, status, message] of cases) {
      fake.next(answer);
      const res = await readAi(await postAi(routes.hashtags, f.admin.user.id, { itemId }));
      expect(res.status, JSON.stringify(answer)).toBe(status);
      expect(res.error?.message).toMatch(message);
    }
    // Inside a started stream: an `error` event.
    fake.next({ mode: "refusal" });
    const refused = await readAi(await postAi(routes.hashtags, f.admin.user.id, { itemId }));
    expect(refused.events.at(-1)).toMatchObject({
      event: "error",
      data: { message: expect.stringMatching(/declined this request: I can't help/) },
    });
    fake.next({ mode: "break", text: "#one #two #three #four #five #six" });
    const broken = await readAi(await postAi(routes.hashtags, f.admin.user.id, { itemId }));
    expect(broken.status).toBe(200);
    expect(broken.events.at(-1)?.event).toBe("error");
    fake.next({ chunkDelayMs: 400, text: "#a #b #c #d #e" });
    const slow = await readAi(await postAi(routes.hashtags, f.admin.user.id, { itemId }));
    expect(slow.events.at(-1)).toMatchObject({
      event: "error",
      data: { message: expect.stringMatching(/took too long/) },
    });
    const statuses = (await calls(f.org.id)).map((c) => c.status);
    expect(statuses).toEqual(["error", "error", "error", "error", "error", "error", "error"]);
  });

  it("a service that answers one JSON document instead of a stream still works", async () => {
    fake.next({ mode: "json" });
    const res = await readAi(await postAi(routes.hashtags, f.admin.user.id, { itemId }));
    expect(res.events.at(-1)!.data.result).toEqual({ hashtags: ["solarpower", "GridReady"] });
  });

  it("cancelling (the browser goes away) stops the call and records it as cancelled", async () => {
    fake.next({ chunkDelayMs: 100, text: "#a #b #c #d #e #f #g #h #i #j" });
    const abort = new AbortController();
    const res = await postAi(
      routes.hashtags,
      f.admin.user.id,
      { itemId },
      { signal: abort.signal },
    );
    const reader = res.body!.getReader();
    await reader.read();
    abort.abort();
    await reader.cancel();
    await expect
      .poll(async () => (await calls(f.org.id))[0]?.status, { timeout: 5000 })
      .toBe("cancelled");
  });
});
