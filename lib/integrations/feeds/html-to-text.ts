import { decodeHtmlEntities } from "@/lib/core/text/decode-html-entities";

const BLOCKS = new Set(["p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr"]);
const SKIPPED = new Set(["script", "style"]);

/**
 * The readable text of a feed's HTML snippet (RSS descriptions carry escaped HTML): tags dropped
 * (a `<` not followed by a letter, `/` or `!` is text), script and style contents skipped, entities
 * decoded, white space collapsed. A small scanner, not a parser: only text comes out of it, and
 * React escapes that text wherever it is shown.
 */
export function htmlToText(html: string): string {
  let out = "";
  let skipping: string | null = null;
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    const next = html[i + 1] ?? "";
    if (ch === "<" && /[a-zA-Z/!]/.test(next)) {
      const end = tagEnd(html, i + 1);
      const name = tagName(html.slice(i + 1, end));
      const closing = next === "/";
      if (skipping) {
        if (closing && name === skipping) skipping = null;
      } else if (!closing && SKIPPED.has(name)) {
        skipping = name;
      } else if (BLOCKS.has(name)) {
        out += " ";
      }
      i = end + 1;
      continue;
    }
    if (!skipping) out += ch;
    i++;
  }
  return decodeHtmlEntities(out).replace(/\s+/g, " ").trim();
}

/** The index of the `>` that ends a tag, skipping quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < html.length; i++) {
    const ch = html[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === ">") {
      return i;
    }
  }
  return html.length;
}

function tagName(inside: string): string {
  let name = "";
  for (const ch of inside.replace(/^\//, "")) {
    if (!/[a-zA-Z0-9]/.test(ch)) break;
    name += ch.toLowerCase();
  }
  return name;
}
