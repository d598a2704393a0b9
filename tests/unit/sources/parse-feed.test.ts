import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/core/errors/app-error";
import { htmlToText } from "@/lib/integrations/feeds/html-to-text";
import { canonicalUrl, MAX_ENTRIES, parseFeed } from "@/lib/integrations/feeds/parse-feed";
import { suggestValueType } from "@/lib/domains/sources/suggest-value-type";

const BASE = "https://fernhill.example/feed.xml";

function refusal(xml: string): string {
  try {
    parseFeed(xml, BASE);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  }
  throw new Error("expected a refusal");
}

describe("parseFeed", () => {
  it("reads RSS 2.0 items, CDATA and media images, newest first", () => {
    const feed = parseFeed(
      `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
        <title>Blog</title>
        <item><title>Old</title><link>/old</link><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item>
        <item><title><![CDATA[New & <b>bold</b>]]></title><guid>https://fernhill.example/new</guid>
          <media:content url="https://cdn.fernhill.example/new.jpg" medium="image"/>
          <pubDate>Tue, 03 Nov 2026 10:00:00 GMT</pubDate></item>
      </channel></rss>`,
      BASE,
    );
    expect(feed.format).toBe("rss");
    expect(feed.entries.map((e) => [e.title, e.url, e.imageUrl])).toEqual([
      ["New & bold", "https://fernhill.example/new", "https://cdn.fernhill.example/new.jpg"],
      ["Old", "https://fernhill.example/old", null],
    ]);
    expect(feed.entries[0]!.dedupeKey).toBe("guid:https://fernhill.example/new");
  });

  it("skips items without a web link and keeps at most MAX_ENTRIES", () => {
    const items = Array.from(
      { length: MAX_ENTRIES + 5 },
      (_, i) => `<item><link>/p/${i}</link></item>`,
    );
    const feed = parseFeed(
      `<rss><channel><item><link>javascript:alert(1)</link></item>${items.join("")}</channel></rss>`,
      BASE,
    );
    expect(feed.entries).toHaveLength(MAX_ENTRIES);
    expect(feed.entries.every((e) => e.url.startsWith("https://fernhill.example/p/"))).toBe(true);
  });

  it("refuses what is not a feed, with a message", () => {
    expect(refusal("not xml at all")).toMatch(/not well-formed XML/);
    expect(refusal("<rss><channel></rss>")).toMatch(/not well-formed XML/);
    expect(refusal("<html><head/></html>")).toBe(
      "The source is XML, but not an RSS or Atom feed or a sitemap.",
    );
  });

  it("does not expand an entity bomb", () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">
      <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
      <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
      <rss><channel><item><title>&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;</title><link>/x</link></item></channel></rss>`;
    let title: string | null = null;
    try {
      title = parseFeed(lol, BASE).entries[0]?.title ?? null;
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
    }
    expect((title ?? "").length).toBeLessThanOrEqual(300);
  });
});

describe("canonicalUrl", () => {
  it("drops the fragment and utm_ parameters, keeps the rest", () => {
    expect(canonicalUrl("https://Fernhill.example/a?id=3&utm_source=rss&UTM_medium=x#top")).toBe(
      "https://fernhill.example/a?id=3",
    );
  });
});

describe("htmlToText", () => {
  it("keeps text, drops tags, scripts and styles, decodes entities", () => {
    expect(
      htmlToText(
        '<p>Hello&nbsp;<a href="x>y">world</a></p><script>bad()</script><style>p{}</style>ok',
      ),
    ).toBe("Hello world ok");
    expect(htmlToText("AT&amp;T <3 wind")).toBe("AT&T <3 wind");
  });
});

describe("suggestValueType", () => {
  it.each([
    ["We won the Green Grid award", "MOTIVATION"],
    ["How to read your energy bill: a guide", "EDUCATION"],
    ["Meet the team behind our wind farms", "TOGETHERNESS"],
    ["Our vision for the future of the grid", "INSPIRATION"],
    ["Office quiz night: the funny moments", "ENTERTAINMENT"],
    ["Fernhill announces Q3 results", "INFORMATION"],
    ["Plain words with no hints", "INFORMATION"],
  ] as const)("%s → %s", (title, type) => {
    expect(suggestValueType(title)).toBe(type);
  });

  it("counts the summary too, the title twice", () => {
    expect(suggestValueType("Update", "A guide: tips and lessons learned")).toBe("EDUCATION");
    expect(suggestValueType("Team celebration", "A guide")).toBe("TOGETHERNESS");
  });
});
