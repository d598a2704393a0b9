import type { ChatMessage } from "@/lib/domains/ai/chat-completions";
import { VALUE_TYPES } from "@/lib/domains/content/value-types";
import type { ValueType } from "@/lib/generated/prisma/enums";

/**
 * Prompts are built here, on the server, from the organisation's own records; the browser only
 * sends ids and short answers. Answers are asked for in a plain, line-based shape so they can be
 * shown word by word while they stream and read back afterwards.
 */
export interface PromptItem {
  title: string;
  body: string;
  language: string;
  linkUrl: string | null;
  linkTitle: string | null;
  hashtags: string[];
}

const SYSTEM =
  "You help the people of an organisation write LinkedIn posts. Be concrete and honest: never invent facts, numbers, names or quotes that are not in the material you are given. No emojis unless the material uses them.";

function describeItem(item: PromptItem): string {
  return [
    `Title: ${item.title}`,
    `Language: ${item.language}`,
    item.linkUrl ? `Link: ${item.linkTitle ? `${item.linkTitle} — ` : ""}${item.linkUrl}` : null,
    item.hashtags.length ? `Hashtags: ${item.hashtags.map((h) => `#${h}`).join(" ")}` : null,
    "Suggested post text:",
    item.body,
  ]
    .filter(Boolean)
    .join("\n");
}

export function captionsPrompt(item: PromptItem, tones: string[]): ChatMessage[] {
  return [
    { role: "system", content: SYSTEM },
    {
      role: "user",
      content: `${describeItem(item)}\n\nWrite ${tones.length} caption variants of this post in its language (${item.language}), one for each tone: ${tones.join(", ")}. Each at most 600 characters. Answer exactly in this shape and nothing else:\n${tones.map((t) => `### ${t}\n<caption>`).join("\n")}`,
    },
  ];
}

/** "### formal\ntext\n### short\ntext" → the variants, in order (empty ones left out). */
export function parseCaptions(text: string): { label: string; text: string }[] {
  const out: { label: string; text: string }[] = [];
  for (const part of text.split(/^#{2,}\s*/m).slice(1)) {
    const newline = part.indexOf("\n");
    const label = (newline === -1 ? part : part.slice(0, newline)).trim().slice(0, 40);
    const body = newline === -1 ? "" : part.slice(newline + 1).trim();
    if (label && body) out.push({ label, text: body });
  }
  return out;
}

export function hashtagsPrompt(item: PromptItem): ChatMessage[] {
  return [
    { role: "system", content: SYSTEM },
    {
      role: "user",
      content: `${describeItem(item)}\n\nSuggest up to 5 relevant LinkedIn hashtags for this post (not ones it already has). Answer with the hashtags only, one per line, each starting with #.`,
    },
  ];
}

/** The hashtags in an answer, without "#", distinct (case-insensitively), at most 5. */
export function parseHashtags(text: string, existing: string[] = []): string[] {
  const seen = new Set(existing.map((h) => h.toLowerCase()));
  const out: string[] = [];
  for (const match of text.matchAll(/#([\p{L}\p{N}_]{1,60})/gu)) {
    const tag = match[1]!;
    if (seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
    if (out.length === 5) break;
  }
  return out;
}

export function valueTypePrompt(item: PromptItem): ChatMessage[] {
  const list = VALUE_TYPES.map((v) => `${v.id}: ${v.explanation}`).join("\n");
  return [
    { role: "system", content: SYSTEM },
    {
      role: "user",
      content: `${describeItem(item)}\n\nWhich one of these value types does this post give its readers?\n${list}\n\nAnswer with the value type's name in capitals on the first line, then one short sentence saying why.`,
    },
  ];
}

/** The first value type named in the answer, with the reason after it; null when none is named. */
export function parseValueType(text: string): { valueType: ValueType; reason: string } | null {
  const ids = VALUE_TYPES.map((v) => v.id);
  const match = new RegExp(`\\b(${ids.join("|")})\\b`, "i").exec(text);
  if (!match) return null;
  const valueType = match[1]!.toUpperCase() as ValueType;
  const reason = text
    .slice(match.index + match[0].length)
    .replace(/^[\s:.\-–—]+/, "")
    .trim()
    .slice(0, 300);
  return { valueType, reason };
}

export function translatePrompt(
  item: PromptItem,
  captions: { label: string; text: string }[],
  language: string,
): ChatMessage[] {
  const captionText = captions.map((c) => `# Caption: ${c.label}\n${c.text}`).join("\n");
  return [
    { role: "system", content: SYSTEM },
    {
      role: "user",
      content: `Translate this LinkedIn post from ${item.language} into the language with code "${language}". Keep hashtags, links and names as they are. Answer exactly in the same shape, headings unchanged, and nothing else:\n# Title\n${item.title}\n# Text\n${item.body}${captionText ? `\n${captionText}` : ""}`,
    },
  ];
}

export interface DraftTranslation {
  title: string;
  body: string;
  captions: { label: string; text: string }[];
}

/** Reads "# Title / # Text / # Caption: label" sections; null without a title and a text. */
export function parseTranslation(text: string): DraftTranslation | null {
  let title = "";
  let body = "";
  const captions: { label: string; text: string }[] = [];
  for (const part of text.split(/^#\s+/m).slice(1)) {
    const newline = part.indexOf("\n");
    const heading = (newline === -1 ? part : part.slice(0, newline)).trim();
    const content = newline === -1 ? "" : part.slice(newline + 1).trim();
    if (/^title$/i.test(heading)) title = content.slice(0, 200);
    else if (/^text$/i.test(heading)) body = content;
    else {
      const caption = /^caption:\s*(.+)$/i.exec(heading);
      if (caption && content)
        captions.push({ label: caption[1]!.trim().slice(0, 40), text: content });
    }
  }
  return title && body ? { title, body, captions } : null;
}

export function myWordsPrompt(item: PromptItem, did: string, learned: string): ChatMessage[] {
  return [
    { role: "system", content: SYSTEM },
    {
      role: "user",
      content: `An employee wants to share this post of their organisation in their own words.\n\n${describeItem(item)}\n\nWhat they did: ${did}\nWhat they learned: ${learned}\n\nDraft a short first-person LinkedIn post (at most 700 characters) built from THEIR two answers, in the language of their answers. Use only what they said and what the post says; add nothing else about them. Answer with the post text only.`,
    },
  ];
}
