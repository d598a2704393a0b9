import { describe, expect, it } from "vitest";
import { parseJsonPath, readJsonPath } from "@/lib/domains/connectors/json-path";
import { mapWebhookPayload } from "@/lib/domains/connectors/map-webhook-payload";
import { hintsFromUrl, hintsFromValue } from "@/lib/domains/connectors/attribution-hints";

describe("JSON paths of webhook mappings", () => {
  it("reads names, indexes and quoted keys, own properties only", () => {
    const data = { a: { "Click Id": "clk_1", list: [{ v: 2 }] } };
    expect(readJsonPath(data, parseJsonPath('$.a["Click Id"]')!)).toBe("clk_1");
    expect(readJsonPath(data, parseJsonPath("$.a.list[0].v")!)).toBe(2);
    expect(readJsonPath(data, parseJsonPath("$.a.list[3].v")!)).toBeUndefined();
    expect(readJsonPath(data, parseJsonPath("$.a.constructor")!)).toBeUndefined();
    expect(readJsonPath(data, parseJsonPath("$")!)).toBe(data);
  });

  it("refuses what is not in the subset", () => {
    for (const bad of ["a.b", "$..a", "$.a[*]", "$.a[?(@.b)]", "$.", "$[a]", ""]) {
      expect(parseJsonPath(bad), bad).toBeNull();
    }
  });
});

describe("mapWebhookPayload", () => {
  const mapping = {
    externalId: "$.id",
    clickId: "$.click",
    outcome: "$.stage",
    defaultOutcome: "lead" as const,
    value: "$.amount",
    currency: "$.cur",
    occurredAt: "$.at",
  };

  it("maps a payload, falling back to the default outcome", () => {
    expect(
      mapWebhookPayload(mapping, { id: 7, click: "clk_a", amount: "12.345", cur: "eur", at: 0 }),
    ).toEqual({
      ok: true,
      record: {
        externalId: "7",
        outcome: "lead",
        clickId: "clk_a",
        shareCode: null,
        value: 12.35,
        currency: "EUR",
        occurredAt: "1970-01-01T00:00:00.000Z",
      },
    });
  });

  it("names every field that does not fit", () => {
    const result = mapWebhookPayload(mapping, {
      stage: "promotion",
      amount: -1,
      cur: "EURO",
      at: "soon",
    });
    expect(result.ok).toBe(false);
    expect(Object.keys(result.ok ? {} : result.fields).sort()).toEqual([
      "currency",
      "externalId",
      "occurredAt",
      "outcome",
      "value",
    ]);
  });
});

describe("attribution hints", () => {
  it("reads the click-id parameter and utm_content of a landing URL", () => {
    expect(hintsFromUrl("https://x.example/?utm_content=a8F3kQ9zLm&ref=clk_9", "ref")).toEqual({
      clickId: "clk_9",
      shareCode: "a8F3kQ9zLm",
    });
    expect(hintsFromUrl("not a url", "aid")).toEqual({ clickId: null, shareCode: null });
  });

  it("tells a share code from a click id", () => {
    expect(hintsFromValue("a8F3kQ9zLm")).toEqual({ clickId: null, shareCode: "a8F3kQ9zLm" });
    expect(hintsFromValue(" clk_123 ")).toEqual({ clickId: "clk_123", shareCode: null });
    expect(hintsFromValue("")).toEqual({ clickId: null, shareCode: null });
  });
});
