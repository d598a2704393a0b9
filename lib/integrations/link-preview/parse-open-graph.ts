import { decodeHtmlEntities } from "@/lib/core/text/decode-html-entities";

export interface OpenGraphFields {
  title: string | null;
  description: string | null;
  /** Absolute http(s) URL, or null. */
  imageUrl: string | null;
  siteName: string | null;
}

export const TITLE_MAX_LENGTH = 300;
export const DESCRIPTION_MAX_LENGTH = 1000;
const SITE_NAME_MAX_LENGTH = 200;
const IMAGE_URL_MAX_LENGTH = 2048;

// Candidates in order; one that is not an http(s) URL (data:, javascript:…) gives way to the next.
const IMAGE_KEYS = [
  "og:image",
  "og:image:url",
  "og:image:secure_url",
  "twitter:image",
  "twitter:image:src",
];

// A tag up to its closing `>`, where a `>` inside a quoted attribute value does not count.
const tagPattern = (name: string) => new RegExp(`<${name}\\b(?:[^>"']|"[^"]*"|'[^']*')*>`, "gi");
const META_TAG = tagPattern("meta");
const BASE_TAG = tagPattern("base");

const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const inner = tag.replace(/^<[a-z]+/i, "").replace(/\/?>$/, "");
  for (const m of inner.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    if (!attributes.has(name)) attributes.set(name, decodeHtmlEntities(m[2] ?? m[3] ?? m[4] ?? ""));
  }
  return attributes;
}

/** `<meta property|name=… content=…>` values by lower-cased key; the first occurrence wins. */
function metaValues(html: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const [tag] of html.matchAll(META_TAG)) {
    const attributes = attributesOf(tag);
    const key = (attributes.get("property") ?? attributes.get("name"))?.trim().toLowerCase();
    const content = attributes.get("content");
    if (key && content !== undefined && !values.has(key)) values.set(key, content);
  }
  return values;
}

function clean(value: string | undefined, maxLength: number): string | null {
  const text = value?.replace(/\s+/g, " ").trim();
  if (!text) return null;
  const chars = Array.from(text);
  return chars.length <= maxLength
    ? text
    : `${chars
        .slice(0, maxLength - 1)
        .join("")
        .trimEnd()}…`;
}

function absoluteHttpUrl(value: string | undefined, base: string): string | null {
  const raw = value?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw, base);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.href.length <= IMAGE_URL_MAX_LENGTH ? url.href : null;
  } catch {
    return null;
  }
}

/** The document's `<base href>` resolved against the page URL, else the page URL itself. */
function baseUrlOf(html: string, pageUrl: string): string {
  const tag = html.match(BASE_TAG)?.[0];
  const href = tag ? attributesOf(tag).get("href") : undefined;
  return absoluteHttpUrl(href, pageUrl) ?? pageUrl;
}

/**
 * Preview fields from a page's HTML (usually only its `<head>`): Open Graph tags first, then
 * Twitter card tags, then `<title>` and `<meta name="description">`. Comments, scripts and styles
 * are ignored, so a tag quoted inside them cannot be picked up.
 */
export function parseOpenGraph(html: string, pageUrl: string): OpenGraphFields {
  const markup = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, "")
    .replace(/<(script|style|noscript|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, "");
  const meta = metaValues(markup);
  const pick = (...keys: string[]) => keys.map((k) => meta.get(k)).find((v) => v?.trim());
  const base = baseUrlOf(markup, pageUrl);
  const titleTag = markup.match(/<title\b[^>]*>([\s\S]*?)<\/title\s*>/i)?.[1];

  return {
    title: clean(
      pick("og:title", "twitter:title") ?? (titleTag && decodeHtmlEntities(titleTag)),
      TITLE_MAX_LENGTH,
    ),
    description: clean(
      pick("og:description", "twitter:description", "description"),
      DESCRIPTION_MAX_LENGTH,
    ),
    imageUrl:
      IMAGE_KEYS.map((k) => absoluteHttpUrl(meta.get(k), base)).find((url) => url !== null) ?? null,
    siteName: clean(pick("og:site_name", "application-name"), SITE_NAME_MAX_LENGTH),
  };
}
