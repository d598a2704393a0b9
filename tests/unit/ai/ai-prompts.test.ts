import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/core/env";
import {
  parseCaptions,
  parseHashtags,
  parseTranslation,
  parseValueType,
} from "@/lib/domains/ai/ai-prompts";
import { retryAfterSeconds } from "@/lib/domains/ai/chat-completions";

describe("reading AI answers back", () => {
  it("captions: one per ### heading, empty ones left out", () => {
    expect(
      parseCaptions("Sure!\n### formal\nLine one.\nLine two.\n### short\n\n### fun\nHi!"),
    ).toEqual([
      { label: "formal", text: "Line one.\nLine two." },
      { label: "fun", text: "Hi!" },
    ]);
    expect(parseCaptions("no headings at all")).toEqual([]);
  });

  it("hashtags: distinct, without #, not the ones the post has, at most five", () => {
    expect(parseHashtags("#Energy\n#solar #Solar #grid_ready #a #b #c #d", ["energy"])).toEqual([
      "solar",
      "grid_ready",
      "a",
      "b",
      "c",
    ]);
  });

  it("value type: the first one named, with the reason", () => {
    expect(parseValueType("Education — it teaches.")).toEqual({
      valueType: "EDUCATION",
      reason: "it teaches.",
    });
    expect(parseValueType("I am not sure")).toBeNull();
  });

  it("translation: title, text and captions by heading; null without title and text", () => {
    expect(
      parseTranslation("# Title\nHallo\n# Text\nWir haben…\n# Caption: formal\nFörmlich."),
    ).toEqual({
      title: "Hallo",
      body: "Wir haben…",
      captions: [{ label: "formal", text: "Förmlich." }],
    });
    expect(parseTranslation("# Title\nHallo")).toBeNull();
  });

  it("Retry-After in seconds or as a date, 30 s when absent", () => {
    expect(retryAfterSeconds("12")).toBe(12);
    expect(retryAfterSeconds(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThanOrEqual(4);
    expect(retryAfterSeconds(null)).toBe(30);
    expect(retryAfterSeconds("soon")).toBe(30);
  });
});

describe("AI configuration", () => {
  it("needs AI_BASE_URL and AI_MODEL together, an http(s) URL, and a model without spaces", () => {
    expect(() => parseEnv({ AI_BASE_URL: "https://api.openai.com/v1" })).toThrow(/AI_MODEL/);
    expect(() => parseEnv({ AI_BASE_URL: "ftp://x", AI_MODEL: "m" })).toThrow(/AI_BASE_URL/);
    expect(() => parseEnv({ AI_BASE_URL: "http://x/v1", AI_MODEL: "two words" })).toThrow(
      /AI_MODEL/,
    );
    const ok = parseEnv({ AI_BASE_URL: "http://localhost:11434/v1/", AI_MODEL: "llama3.1" });
    expect(ok.AI_BASE_URL).toBe("http://localhost:11434/v1");
    expect(ok.AI_TIMEOUT_SECONDS).toBe(60);
  });
});
