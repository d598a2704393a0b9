import { XMLParser, XMLValidator } from "fast-xml-parser";
import { badRequest } from "@/lib/core/errors/app-error";
import { htmlToText } from "@/lib/integrations/feeds/html-to-text";

/** One post of a feed or sitemap, ready to file in the inbox. */
export interface FeedEntry {
  /** The GUID / Atom id when there is one, else the canonical URL: unique within a source. */
  dedupeKey: string;
  url: string;
  title: string | null;
  summary: string | null;
  imageUrl: string | null;
  publishedAt: Date | null;
}

export interface ParsedFeed {
  format: "rss" | "atom" | "sitemap";
  title: string | null;
  entries: FeedEntry[];
}

/** Entries kept per poll, newest first: a huge sitemap does not flood the inbox. */
export const MAX_ENTRIES = 50;
const SUMMARY_MAX = 1000;
const TITLE_MAX = 300;
const URL_MAX = 2048;

type Node = Record<string, unknown>;

// Tags that may repeat: always arrays, so one item and many read the same way.
const ARRAYS = new Set(["item", "entry", "url", "link", "image:image", "media:content"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Entities declared in a DOCTYPE are expanded within fast-xml-parser's limits (no external
  // entities are ever fetched); a "billion laughs" document fails to parse.
  processEntities: { enabled: true, maxTotalExpansions: 200, maxExpandedLength: 50_000 },
  isArray: (name) => ARRAYS.has(name),
});

/**
 * Reads RSS 2.0 (and 1.0), Atom and sitemaps (urlset) with fast-xml-parser. Malformed XML, a
 * sitemap index or any other document is a BAD_REQUEST with a message for the source's status.
 */
export function parseFeed(xml: string, baseUrl: string): ParsedFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw badRequest(
      `The source is not well-formed XML (line ${valid.err.line}: ${valid.err.msg.slice(0, 120)})`,
    );
  }
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (error) {
    throw badRequest(
      `The source could not be read as XML (${error instanceof Error ? error.message.slice(0, 120) : "unknown error"}).`,
    );
  }
  const rss = node(doc.rss);
  if (rss) return fromRss(node(rss.channel) ?? {}, baseUrl);
  const rdf = node(doc["rdf:RDF"]);
  if (rdf) return fromRss({ ...node(rdf.channel), item: rdf.item }, baseUrl);
  const feed = node(doc.feed);
  if (feed) return fromAtom(feed, baseUrl);
  const urlset = node(doc.urlset);
  if (urlset) return fromSitemap(urlset, baseUrl);
  if (doc.sitemapindex !== undefined) {
    throw badRequest(
      "This is a sitemap index (a list of sitemaps): add one of the sitemaps it lists instead.",
    );
  }
  throw badRequest("The source is XML, but not an RSS or Atom feed or a sitemap.");
}

function fromRss(channel: Node, baseUrl: string): ParsedFeed {
  const entries = list(channel.item).map((item): Partial<FeedEntry> & { guid?: string } => {
    const url = absolute(text(item.link) ?? guidLink(item.guid), baseUrl);
    const description = text(item.description) ?? text(item["content:encoded"]);
    return {
      guid: text(item.guid) ?? undefined,
      url: url ?? undefined,
      title: clean(text(item.title), TITLE_MAX),
      summary: clean(description, SUMMARY_MAX),
      imageUrl: imageOf(item, baseUrl),
      publishedAt: date(text(item.pubDate) ?? text(item["dc:date"])),
    };
  });
  return { format: "rss", title: clean(text(channel.title), TITLE_MAX), entries: finish(entries) };
}

function fromAtom(feed: Node, baseUrl: string): ParsedFeed {
  const entries = list(feed.entry).map((entry): Partial<FeedEntry> & { guid?: string } => {
    const links = list(entry.link);
    const alternate =
      links.find((l) => attr(l, "rel") === "alternate" || attr(l, "rel") === null) ?? links[0];
    const enclosure = links.find(
      (l) => attr(l, "rel") === "enclosure" && attr(l, "type")?.startsWith("image/"),
    );
    return {
      guid: text(entry.id) ?? undefined,
      url: absolute(alternate ? attr(alternate, "href") : null, baseUrl) ?? undefined,
      title: clean(text(entry.title), TITLE_MAX),
      summary: clean(text(entry.summary) ?? text(entry.content), SUMMARY_MAX),
      imageUrl:
        absolute(enclosure ? attr(enclosure, "href") : null, baseUrl) ?? imageOf(entry, baseUrl),
      publishedAt: date(text(entry.published) ?? text(entry.updated)),
    };
  });
  return { format: "atom", title: clean(text(feed.title), TITLE_MAX), entries: finish(entries) };
}

function fromSitemap(urlset: Node, baseUrl: string): ParsedFeed {
  const entries = list(urlset.url).map((entry): Partial<FeedEntry> => {
    const news = node(entry["news:news"]);
    const image = list(entry["image:image"])[0];
    return {
      url: absolute(text(entry.loc), baseUrl) ?? undefined,
      title: clean(news ? text(news["news:title"]) : null, TITLE_MAX),
      summary: null,
      imageUrl: image ? absolute(text(image["image:loc"]), baseUrl) : null,
      publishedAt: date(text(entry.lastmod) ?? (news ? text(news["news:publication_date"]) : null)),
    };
  });
  return { format: "sitemap", title: null, entries: finish(entries) };
}

/** Entries with a usable link, one per key, newest first, at most MAX_ENTRIES. */
function finish(entries: (Partial<FeedEntry> & { guid?: string })[]): FeedEntry[] {
  const seen = new Set<string>();
  const out: FeedEntry[] = [];
  for (const e of entries) {
    if (!e.url) continue;
    const dedupeKey = e.guid ? `guid:${e.guid.slice(0, 500)}` : `url:${canonicalUrl(e.url)}`;
    if (seen.has(dedupeKey)) continue;
    seen.add(dedupeKey);
    out.push({
      dedupeKey,
      url: e.url,
      title: e.title ?? null,
      summary: e.summary ?? null,
      imageUrl: e.imageUrl ?? null,
      publishedAt: e.publishedAt ?? null,
    });
  }
  const time = (e: FeedEntry) => e.publishedAt?.getTime() ?? 0;
  return out.sort((a, b) => time(b) - time(a)).slice(0, MAX_ENTRIES);
}

/** The URL without its fragment and tracking parameters (utm_*), host lower-cased. */
export function canonicalUrl(link: string): string {
  const url = new URL(link);
  url.hash = "";
  for (const name of [...url.searchParams.keys()]) {
    if (name.toLowerCase().startsWith("utm_")) url.searchParams.delete(name);
  }
  return url.href;
}

function node(value: unknown): Node | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Node) : null;
}

function list(value: unknown): Node[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.map((v) => node(v) ?? { "#text": v });
}

/** The text of an element, whether it has attributes (`{ "#text": … }`) or not. */
function text(value: unknown): string | null {
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number") return String(value);
  const n = node(value);
  return n ? text(n["#text"]) : null;
}

function attr(value: Node, name: string): string | null {
  const v = value[`@${name}`];
  return typeof v === "string" ? v.trim() : null;
}

/** An RSS guid is the post's address when it is a permalink (the default). */
function guidLink(guid: unknown): string | null {
  const n = node(guid);
  if (n && attr(n, "isPermaLink") === "false") return null;
  return text(guid);
}

function absolute(link: string | null, baseUrl: string): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, baseUrl);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (url.username || url.password || url.href.length > URL_MAX) return null;
    return url.href;
  } catch {
    return null;
  }
}

function imageOf(item: Node, baseUrl: string): string | null {
  const enclosure = node(item.enclosure);
  if (enclosure && attr(enclosure, "type")?.startsWith("image/")) {
    const url = absolute(attr(enclosure, "url"), baseUrl);
    if (url) return url;
  }
  for (const media of [...list(item["media:content"]), node(item["media:thumbnail"]) ?? {}]) {
    const medium = attr(media, "medium");
    const type = attr(media, "type");
    if (medium && medium !== "image") continue;
    if (type && !type.startsWith("image/")) continue;
    const url = absolute(attr(media, "url"), baseUrl);
    if (url) return url;
  }
  return null;
}

function clean(value: string | null, max: number): string | null {
  if (!value) return null;
  const plain = htmlToText(value);
  if (!plain) return null;
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}

function date(value: string | null): Date | null {
  if (!value) return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}
