/**
 * Honest authenticity: words an AI drafted for a person count as suggested text, not as their own
 * words — in the share's authenticity (and so in own-words points) — and the share is marked
 * AI-assisted, shown in the analytics export. Read from our record of the calls, not the browser.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { parseCsv } from "@/lib/core/csv/parse-csv";
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
let itemId: string;
let myWords: Handler;
let sharePost: Handler;
let exportRoute: Handler;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  process.env.AI_BASE_URL = fake.url;
  process.env.AI_API_KEY = FAKE_AI_KEY;
  process.env.AI_MODEL = FAKE_AI_MODEL;
  myWords = (await import("@/app/api/ai/my-words/route")).POST;
  sharePost = (await import("@/app/api/shares/route")).POST;
  exportRoute = (await import("@/app/api/analytics/export/route")).GET;
  f = await createOrgFixture();
  itemId = (await createAiItem(f.org.id)).id;
  await enableAi(f.org.id);
});

afterAll(async () => {
  await fake.close();
});

async function share(userId: string, text: string) {
  const res = await callRoute(sharePost, {
    method: "POST",
    userId,
    body: { itemId, channel: "COPY", text, startedFrom: null },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return (res.json as { share: { id: string; authenticity: number; aiAssisted: boolean } }).share;
}

describe("AI words are suggested text", () => {
  it("a pasted AI draft scores like a pasted caption and is marked AI-assisted", async () => {
    const drafted = await readAi(
      await postAi(myWords, f.employee.user.id, {
        itemId,
        did: "wired the inverters on site",
        learned: "how much planning a grid connection takes",
      }),
    );
    const draft = (drafted.events.at(-1)!.data.result as { text: string }).text;
    const pasted = await share(f.employee.user.id, draft);
    expect(pasted.authenticity).toBe(0);
    expect(pasted.aiAssisted).toBe(true);

    // Half AI, half their own sentence: about half their own words, still AI-assisted.
    const mixed = await share(
      f.employee.user.id,
      `${draft} Honestly the hardest part was the paperwork with the grid operator in winter.`,
    );
    expect(mixed.authenticity).toBeGreaterThan(0.3);
    expect(mixed.authenticity).toBeLessThan(0.7);
    expect(mixed.aiAssisted).toBe(true);
  });

  it("the same person's own words (no AI text in the post) are not AI-assisted", async () => {
    const own = await share(
      f.employee.user.id,
      "Spent three cold days on the roof with our crew and it was worth every minute of it.",
    );
    expect(own.authenticity).toBe(1);
    expect(own.aiAssisted).toBe(false);
  });

  it("another person's AI draft does not count against a colleague who wrote their own", async () => {
    const own = await share(
      f.manager.user.id,
      "Spent three cold days on the roof with our crew and it was worth every minute of it.",
    );
    expect(own.aiAssisted).toBe(false);
  });

  it("the analytics export has an ai_assisted column", async () => {
    // Copy shares count once confirmed: mark them shared as their sharers would.
    await getDb().share.updateMany({ where: { orgId: f.org.id }, data: { status: "SHARED" } });
    const res = await callRoute(exportRoute, {
      userId: f.admin.user.id,
      path: "/api/analytics/export?table=shares&range=7d",
    });
    expect(res.status).toBe(200);
    const [header, ...rows] = parseCsv(res.json as unknown as string).map((r) => r.cells);
    const column = header!.indexOf("ai_assisted");
    expect(column).toBeGreaterThan(0);
    expect(rows.map((r) => r[column]).sort()).toEqual(["no", "no", "yes", "yes"]);
  });
});
