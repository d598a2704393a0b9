/**
 * Content sources (issue 17): polling RSS, Atom and sitemaps served by a real HTTP server on
 * 127.0.0.1 — conditional GET (ETag, Last-Modified, 304), dedupe across polls and under concurrent
 * polls, link previews, auto-draft, backoff, and hostile feeds (malformed XML, huge bodies, wrong
 * content type, redirects to private addresses, timeouts) refused with a status on the source.
 * Loopback is a refused address: this file allow-lists 127.0.0.1 through
 * CONTENT_SOURCES_ALLOWED_HOSTS (read lazily by env()), like an intranet feed would be.
 */
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { claimDueSources } from "@/lib/domains/sources/claim-due-sources";
import { nextPollDelayMinutes, pollSource } from "@/lib/domains/sources/poll-source";
import { createSource } from "@/lib/domains/sources/save-source";
import { createSourceSchema } from "@/lib/domains/sources/source-schemas";
import { accessFor, createOrgFixture, type OrgFixture } from "@/tests/support/factories";
import { rss, serve, startFeedServer, type FeedServer } from "@/tests/support/feed-server";
import { randomString } from "@/lib/core/db/create-id";

process.env.CONTENT_SOURCES_ALLOWED_HOSTS = "127.0.0.1";

let server: FeedServer;
let f: OrgFixture;
let admin: Access;

beforeAll(async () => {
  server = await startFeedServer();
  f = await createOrgFixture();
  admin = accessFor(f.org, f.admin);
});

afterAll(async () => {
  await server.close();
});

/** A new path on the feed server and a source pointing at it. */
async function sourceFor(route: Parameters<FeedServer["routes"]["set"]>[1], extra = {}) {
  const path = `/feed-${randomString(8)}`;
  server.routes.set(path, route);
  const { id } = await createSource(
    admin,
    createSourceSchema.parse({ name: `Blog ${path}`, url: `${server.origin}${path}`, ...extra }),
  );
  return { id, path, url: `${server.origin}${path}` };
}

const entriesOf = (sourceId: string) =>
  getDb().sourceEntry.findMany({ where: { sourceId }, orderBy: { publishedAt: "desc" } });
const sourceRow = (id: string) => getDb().contentSource.findUniqueOrThrow({ where: { id } });

const OG_PAGE = `<!doctype html><html><head>
<meta property="og:title" content="Lisbon office opens">
<meta property="og:description" content="Our new home by the river.">
<meta property="og:image" content="/img/lisbon.jpg">
<meta property="og:site_name" content="Fernhill Energy">
</head><body></body></html>`;

describe("reading feeds", () => {
  it("files RSS items with title, plain-text summary, image, date and the page's link preview", async () => {
    server.routes.set("/news/lisbon", serve(OG_PAGE, "text/html; charset=utf-8"));
    const { id } = await sourceFor(
      serve(
        rss([
          {
            title: "We opened our Lisbon office",
            link: `${server.origin}/news/lisbon`,
            description: "<p>Forty people &amp; a <b>river</b> view.</p><script>alert(1)</script>",
            pubDate: new Date("2026-11-02T10:00:00Z"),
            image: "https://cdn.fernhill.example/lisbon.jpg",
          },
          {
            title: "How we test grid software",
            link: "https://blog.fernhill.example/grid-tests?utm_source=rss",
            pubDate: new Date("2026-11-01T10:00:00Z"),
          },
        ]),
      ),
    );
    const result = await pollSource(f.org.id, id);
    expect(result).toEqual({ status: "OK", newEntries: 2, error: null });
    const [lisbon, grid] = await entriesOf(id);
    expect(lisbon).toMatchObject({
      orgId: f.org.id,
      status: "NEW",
      title: "We opened our Lisbon office",
      summary: "Forty people & a river view.",
      imageUrl: "https://cdn.fernhill.example/lisbon.jpg",
      publishedAt: new Date("2026-11-02T10:00:00Z"),
      previewTitle: "Lisbon office opens",
      previewImageUrl: `${server.origin}/img/lisbon.jpg`,
      previewSiteName: "Fernhill Energy",
    });
    // No GUID: the canonical URL (tracking parameters dropped) is the key.
    expect(grid!.dedupeKey).toBe("url:https://blog.fernhill.example/grid-tests");
    const source = await sourceRow(id);
    expect(source).toMatchObject({ lastStatus: "OK", lastError: null, kind: "FEED" });
    expect(source.nextPollAt.getTime() - source.lastPolledAt!.getTime()).toBe(30 * 60_000);
  });

  it("reads Atom: the alternate link, the id as GUID, relative links against the feed", async () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
  <title>Press room</title>
  <entry>
    <id>tag:fernhill.example,2026:press-17</id>
    <title type="html">Fernhill &amp;amp; Partners sign PPA</title>
    <link rel="alternate" href="/press/ppa"/>
    <link rel="enclosure" type="image/png" href="https://cdn.fernhill.example/ppa.png"/>
    <summary>A 10-year power purchase agreement.</summary>
    <published>2026-10-30T08:00:00Z</published>
  </entry>
</feed>`;
    const { id } = await sourceFor(serve(atom, "application/atom+xml"));
    expect((await pollSource(f.org.id, id)).newEntries).toBe(1);
    const [entry] = await entriesOf(id);
    expect(entry).toMatchObject({
      dedupeKey: "guid:tag:fernhill.example,2026:press-17",
      url: `${server.origin}/press/ppa`,
      title: "Fernhill & Partners sign PPA",
      summary: "A 10-year power purchase agreement.",
      imageUrl: "https://cdn.fernhill.example/ppa.png",
      publishedAt: new Date("2026-10-30T08:00:00Z"),
    });
  });

  it("reads a sitemap (news title, image) and marks the source as one", async () => {
    const sitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
  xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"
  xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://careers.fernhill.example/jobs/field-engineer</loc><lastmod>2026-11-03</lastmod>
    <news:news><news:title>Field engineer, Porto</news:title></news:news>
    <image:image><image:loc>https://careers.fernhill.example/img/porto.jpg</image:loc></image:image>
  </url>
  <url><loc>https://careers.fernhill.example/jobs/data-analyst</loc><lastmod>2026-11-01</lastmod></url>
</urlset>`;
    const { id } = await sourceFor(serve(sitemap, "application/xml"));
    expect((await pollSource(f.org.id, id)).newEntries).toBe(2);
    const [porto, analyst] = await entriesOf(id);
    expect(porto).toMatchObject({
      title: "Field engineer, Porto",
      imageUrl: "https://careers.fernhill.example/img/porto.jpg",
      url: "https://careers.fernhill.example/jobs/field-engineer",
    });
    // No title anywhere (the page could not be previewed): the inbox shows the address.
    expect(analyst!.title).toBe("");
    expect((await sourceRow(id)).kind).toBe("SITEMAP");
  });

  it("refuses a sitemap index with a message saying what to add instead", async () => {
    const index = `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://fernhill.example/sitemap-1.xml</loc></sitemap></sitemapindex>`;
    const { id } = await sourceFor(serve(index, "text/xml"));
    const result = await pollSource(f.org.id, id);
    expect(result.status).toBe("ERROR");
    expect(result.error).toMatch(/sitemap index/);
  });
});

describe("conditional GET and dedupe", () => {
  it("sends the ETag back and handles 304 Not Modified", async () => {
    const feed = rss([{ title: "One", link: "https://blog.fernhill.example/one" }]);
    const { id, path } = await sourceFor((req, res) => {
      if (req.headers["if-none-match"] === '"v1"') res.writeHead(304).end();
      else res.writeHead(200, { "content-type": "application/rss+xml", etag: '"v1"' }).end(feed);
    });
    expect(await pollSource(f.org.id, id)).toMatchObject({ status: "OK", newEntries: 1 });
    expect((await sourceRow(id)).etag).toBe('"v1"');
    expect(await pollSource(f.org.id, id)).toEqual({
      status: "NOT_MODIFIED",
      newEntries: 0,
      error: null,
    });
    const asked = server.requests.filter((r) => r.url === path);
    expect(asked.map((r) => r.headers["if-none-match"] ?? null)).toEqual([null, '"v1"']);
    expect(asked[0]!.headers["user-agent"]).toBe("ChorusFeeds/1.0");
    expect((await sourceRow(id)).lastStatus).toBe("NOT_MODIFIED");
  });

  it("sends Last-Modified back as If-Modified-Since", async () => {
    const stamp = "Mon, 02 Nov 2026 10:00:00 GMT";
    const feed = rss([{ title: "One", link: "https://blog.fernhill.example/lm" }]);
    const { id, path } = await sourceFor((req, res) => {
      if (req.headers["if-modified-since"] === stamp) res.writeHead(304).end();
      else
        res
          .writeHead(200, { "content-type": "application/rss+xml", "last-modified": stamp })
          .end(feed);
    });
    await pollSource(f.org.id, id);
    expect((await pollSource(f.org.id, id)).status).toBe("NOT_MODIFIED");
    const asked = server.requests.filter((r) => r.url === path);
    expect(asked[1]!.headers["if-modified-since"]).toBe(stamp);
  });

  it("files each entry once across polls, and only the new ones later", async () => {
    const items = [
      { title: "A", link: "https://blog.fernhill.example/a", guid: "post-a" },
      { title: "B", link: "https://blog.fernhill.example/b#comments" },
    ];
    let body = rss(items);
    const { id } = await sourceFor((_req, res) =>
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(body),
    );
    expect((await pollSource(f.org.id, id)).newEntries).toBe(2);
    expect((await pollSource(f.org.id, id)).newEntries).toBe(0);
    // The same post with its link changed keeps its GUID; a fragment does not make a new URL.
    body = rss([
      { ...items[0]!, link: "https://blog.fernhill.example/a-renamed" },
      { title: "B", link: "https://blog.fernhill.example/b" },
      { title: "C", link: "https://blog.fernhill.example/c", guid: "post-c" },
    ]);
    expect((await pollSource(f.org.id, id)).newEntries).toBe(1);
    expect((await entriesOf(id)).map((e) => e.title).sort()).toEqual(["A", "B", "C"]);
  });

  it("files each entry once when polls run at the same time", async () => {
    const items = Array.from({ length: 8 }, (_, i) => ({
      title: `Post ${i}`,
      link: `https://blog.fernhill.example/concurrent/${i}`,
    }));
    const { id } = await sourceFor(serve(rss(items)));
    const results = await Promise.all(Array.from({ length: 4 }, () => pollSource(f.org.id, id)));
    expect(results.every((r) => r.status === "OK")).toBe(true);
    expect(results.reduce((sum, r) => sum + r.newEntries, 0)).toBe(8);
    expect(await entriesOf(id)).toHaveLength(8);
  });

  it("auto-drafts new entries once, with the source's defaults", async () => {
    const topic = await getDb().topic.create({
      data: { id: `top_${randomString(10)}`, orgId: f.org.id, name: `Careers ${randomString(4)}` },
    });
    const { id } = await sourceFor(
      serve(
        rss([
          {
            title: "Meet the team behind our wind farms",
            link: "https://careers.fernhill.example/team-wind",
            description: "Our culture, our colleagues.",
          },
        ]),
      ),
      { autoDraft: true, defaultGoals: ["HR"], defaultTopicIds: [topic.id] },
    );
    const results = await Promise.all([pollSource(f.org.id, id), pollSource(f.org.id, id)]);
    expect(results.reduce((sum, r) => sum + r.newEntries, 0)).toBe(1);
    const [entry] = await entriesOf(id);
    expect(entry!.status).toBe("DRAFTED");
    const item = await getDb().contentItem.findUniqueOrThrow({
      where: { id: entry!.itemId! },
      include: { topics: true },
    });
    expect(item).toMatchObject({
      orgId: f.org.id,
      status: "DRAFT",
      title: "Meet the team behind our wind farms",
      body: "Our culture, our colleagues.",
      linkUrl: "https://careers.fernhill.example/team-wind",
      valueType: "TOGETHERNESS",
      goals: ["HR"],
      authorId: f.admin.user.id,
    });
    expect(item.topics.map((t) => t.topicId)).toEqual([topic.id]);
  });
});

describe("hostile and broken sources", () => {
  async function pollFails(route: Parameters<typeof sourceFor>[0], options = {}) {
    const { id } = await sourceFor(route);
    const result = await pollSource(f.org.id, id, options);
    expect(result.status).toBe("ERROR");
    const row = await sourceRow(id);
    expect(row.lastStatus).toBe("ERROR");
    expect(row.lastError).toBe(result.error);
    expect(await entriesOf(id)).toHaveLength(0);
    return result.error!;
  }

  it("refuses malformed XML, and backs off: the wait doubles with each failure", async () => {
    const { id } = await sourceFor(serve("<rss><channel><item><title>x</channel></rss>"));
    const first = await pollSource(f.org.id, id);
    expect(first.error).toMatch(/^The source is not well-formed XML \(line 1/);
    let row = await sourceRow(id);
    expect(row.consecutiveFailures).toBe(1);
    expect(row.nextPollAt.getTime() - row.lastPolledAt!.getTime()).toBe(60 * 60_000);
    await pollSource(f.org.id, id);
    row = await sourceRow(id);
    expect(row.nextPollAt.getTime() - row.lastPolledAt!.getTime()).toBe(120 * 60_000);
    expect(nextPollDelayMinutes(30, 20)).toBe(24 * 60);
    // Fixed: one good poll resets the failures.
    server.routes.set(
      new URL((await sourceRow(id)).url).pathname,
      serve(rss([{ title: "ok", link: "https://blog.fernhill.example/ok" }])),
    );
    expect((await pollSource(f.org.id, id)).status).toBe("OK");
    expect(await sourceRow(id)).toMatchObject({ consecutiveFailures: 0, lastError: null });
  });

  it("refuses a body over the size cap, announced or streamed, and a compression bomb", async () => {
    const big = `<rss><channel>${"<item><title>x</title></item>".repeat(90_000)}</channel></rss>`;
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    const tooLarge = "The source is larger than 2 MB, which Chorus does not read.";
    expect(await pollFails(serve(big))).toBe(tooLarge);
    expect(
      await pollFails((_req, res) => {
        res.writeHead(200, { "content-type": "application/rss+xml" }); // chunked, no length
        res.write(big.slice(0, 1024 * 1024));
        res.end(big.slice(1024 * 1024));
      }),
    ).toBe(tooLarge);
    const bomb = zlib.gzipSync(Buffer.alloc(8 * 1024 * 1024, " "));
    expect(bomb.length).toBeLessThan(100_000);
    expect(await pollFails(serve(bomb, "application/xml", { "content-encoding": "gzip" }))).toBe(
      tooLarge,
    );
  });

  it("refuses content that is not XML", async () => {
    expect(await pollFails(serve("<html><title>Blog</title></html>", "text/html"))).toBe(
      "The source is not an RSS/Atom feed or a sitemap: its content is text/html, not XML.",
    );
    expect(await pollFails(serve('{"items":[]}', "application/json"))).toMatch(/application\/json/);
    expect(await pollFails(serve("<rss/>", ""))).toMatch(/of an unknown type/);
    expect(await pollFails(serve("<html><body>hi</body></html>", "text/xml"))).toBe(
      "The source is XML, but not an RSS or Atom feed or a sitemap.",
    );
  });

  it("refuses a redirect to a private address, before connecting to it", async () => {
    for (const location of [
      "http://169.254.169.254/latest/meta-data/",
      "http://10.0.0.7/feed.xml",
      "http://[::1]/feed.xml",
    ]) {
      expect(await pollFails((_req, res) => res.writeHead(302, { location }).end())).toBe(
        "The source address redirects to a private or local network address, which Chorus does not fetch.",
      );
    }
  });

  it("refuses loopback when it is not allow-listed", async () => {
    expect(await pollFails(serve(rss([])), { allowList: [] })).toBe(
      "The source address points to a private or local network address, which Chorus does not fetch.",
    );
  });

  it("gives up on a server that does not answer in time", async () => {
    const error = await pollFails(() => {}, { timeoutMs: 300 });
    expect(error).toMatch(/did not answer/);
  });

  it("reports a missing feed and a refused connection", async () => {
    expect(await pollFails((_req, res) => res.writeHead(404).end())).toBe(
      "The source answered 404.",
    );
    const closed = await startFeedServer();
    await closed.close();
    const { id } = await createSource(
      admin,
      createSourceSchema.parse({ name: "Gone", url: `${closed.origin}/feed` }),
    );
    expect((await pollSource(f.org.id, id)).error).toBe(
      "The source's server refused the connection.",
    );
  });
});

describe("the schedule", () => {
  it("claims each due, enabled source once until its poll sets the next time", async () => {
    const due = await sourceFor(serve(rss([])));
    const paused = await sourceFor(serve(rss([])), { enabled: false });
    const first = await claimDueSources();
    expect(first.map((s) => s.id)).toContain(due.id);
    expect(first.map((s) => s.id)).not.toContain(paused.id);
    expect((await claimDueSources()).map((s) => s.id)).not.toContain(due.id);
    await pollSource(f.org.id, due.id);
    const row = await sourceRow(due.id);
    expect(row.nextPollAt.getTime()).toBe(row.lastPolledAt!.getTime() + 30 * 60_000);
  });
});
