import { describe, expect, it } from "vitest";
import {
  buildPostBody,
  escapeLittleText,
  parseRetryAfter,
} from "@/lib/integrations/linkedin/linkedin-client";

describe("escapeLittleText", () => {
  it("leaves ordinary text alone", () => {
    expect(escapeLittleText("Hello, world! Ça va? 100% sure.\nNew line.")).toBe(
      "Hello, world! Ça va? 100% sure.\nNew line.",
    );
  });

  it("backslash-escapes every reserved character", () => {
    expect(escapeLittleText("\\ | { } @ [ ] ( ) < > * _ ~")).toBe(
      "\\\\ \\| \\{ \\} \\@ \\[ \\] \\( \\) \\< \\> \\* \\_ \\~",
    );
    expect(escapeLittleText("mail me@example.com (soon)")).toBe("mail me\\@example.com \\(soon\\)");
  });

  it("turns #word into LinkedIn's hashtag template", () => {
    expect(escapeLittleText("#energy and #Énergie2026, (#wind)")).toBe(
      "{hashtag|\\#|energy} and {hashtag|\\#|Énergie2026}, \\({hashtag|\\#|wind}\\)",
    );
  });

  it("escapes a # that does not start a hashtag", () => {
    expect(escapeLittleText("C# and # alone and #")).toBe("C\\# and \\# alone and \\#");
    expect(escapeLittleText("#snake_case")).toBe("{hashtag|\\#|snake}\\_case");
  });

  it("cannot be used to inject a mention template", () => {
    const out = escapeLittleText("@[Jane](urn:li:person:123)");
    expect(out).toBe("\\@\\[Jane\\]\\(urn:li:person:123\\)");
    expect(out).not.toMatch(/(^|[^\\])[@[\]()]/);
  });
});

describe("buildPostBody", () => {
  it("builds an article post as the Posts API documents", () => {
    expect(
      buildPostBody({
        authorUrn: "urn:li:person:abc",
        commentary: "Read (this)",
        article: { source: "https://x.example/a", title: "T", thumbnailUrn: "urn:li:image:1" },
      }),
    ).toEqual({
      author: "urn:li:person:abc",
      commentary: "Read \\(this\\)",
      visibility: "PUBLIC",
      distribution: {
        feedDistribution: "MAIN_FEED",
        targetEntities: [],
        thirdPartyDistributionChannels: [],
      },
      lifecycleState: "PUBLISHED",
      isReshareDisabledByAuthor: false,
      content: {
        article: { source: "https://x.example/a", title: "T", thumbnail: "urn:li:image:1" },
      },
    });
  });

  it("builds an image post and refuses article plus image", () => {
    const body = buildPostBody({
      authorUrn: "urn:li:person:abc",
      commentary: "x",
      imageUrn: "urn:li:image:9",
      imageAlt: "A turbine",
    });
    expect(body.content).toEqual({ media: { id: "urn:li:image:9", altText: "A turbine" } });
    expect(() =>
      buildPostBody({
        authorUrn: "urn:li:person:abc",
        commentary: "x",
        imageUrn: "urn:li:image:9",
        article: { source: "https://x.example", title: "t" },
      }),
    ).toThrow(/either/);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("30")).toBe(30);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    expect(parseRetryAfter(inAMinute)).toBeGreaterThanOrEqual(58);
  });
});
