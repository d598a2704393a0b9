import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { badRequest, notFound } from "@/lib/core/errors/app-error";
import { idField } from "@/lib/core/validation";
import type { Access } from "@/lib/domains/access/resolve-access";
import type { ChatMessage } from "@/lib/domains/ai/chat-completions";
import {
  captionsPrompt,
  hashtagsPrompt,
  myWordsPrompt,
  parseCaptions,
  parseHashtags,
  parseTranslation,
  parseValueType,
  translatePrompt,
  valueTypePrompt,
  type PromptItem,
} from "@/lib/domains/ai/ai-prompts";
import { listOrgLanguages } from "@/lib/domains/ai/list-org-languages";
import { visibleItemsWhere } from "@/lib/domains/content/list-feed-items";

export type AiFeature = "captions" | "hashtags" | "value_type" | "translate" | "my_words";

export const AI_FEATURE_LABELS: Record<AiFeature, string> = {
  captions: "Caption variants",
  hashtags: "Hashtags",
  value_type: "Value type",
  translate: "Translation",
  my_words: "In my words",
};

/** One request to the AI service, built on the server from the organisation's records. */
export interface AiRequest {
  feature: AiFeature;
  itemId: string | null;
  messages: ChatMessage[];
  maxTokens: number;
  /** The answer read back (sent with the `done` event); null when it cannot be used. */
  parse: (text: string) => unknown;
  /** What to tell the person when `parse` gives null. */
  unusable: string;
}

const ITEM_SELECT = {
  id: true,
  title: true,
  body: true,
  language: true,
  linkUrl: true,
  linkTitle: true,
  hashtags: true,
} as const;

/** Any item of the organisation (the comms team's features). */
async function orgItem(access: Access, itemId: string): Promise<PromptItem & { id: string }> {
  const item = await db.contentItem.findFirst({
    where: { id: itemId, orgId: access.orgId },
    select: ITEM_SELECT,
  });
  if (!item) throw notFound("Post");
  return item;
}

const toneField = z
  .string({ error: "Each tone is a word or two, e.g. formal." })
  .trim()
  .min(1, { error: "Name each tone, e.g. formal, personal, short." })
  .max(30, { error: "A tone is at most 30 characters." })
  .regex(/^[^\r\n#]*$/, { error: "A tone is one line, without #." });

export const captionsSchema = z.strictObject({
  itemId: idField,
  tones: z
    .array(toneField)
    .length(3, { error: "Give three tones, e.g. formal, personal and short." })
    .default(["formal", "personal", "short"]),
});

export async function prepareCaptions(
  access: Access,
  input: z.infer<typeof captionsSchema>,
): Promise<AiRequest> {
  const item = await orgItem(access, input.itemId);
  return {
    feature: "captions",
    itemId: item.id,
    messages: captionsPrompt(item, input.tones),
    maxTokens: 1200,
    parse: (text) => {
      const captions = parseCaptions(text);
      return captions.length ? { captions } : null;
    },
    unusable: "The AI answer had no captions Chorus could read. Try again.",
  };
}

export const itemOnlySchema = z.strictObject({ itemId: idField });

export async function prepareHashtags(
  access: Access,
  input: z.infer<typeof itemOnlySchema>,
): Promise<AiRequest> {
  const item = await orgItem(access, input.itemId);
  return {
    feature: "hashtags",
    itemId: item.id,
    messages: hashtagsPrompt(item),
    maxTokens: 120,
    parse: (text) => {
      const hashtags = parseHashtags(text, item.hashtags);
      return hashtags.length ? { hashtags } : null;
    },
    unusable: "The AI answer had no new hashtags. Try again.",
  };
}

export async function prepareValueType(
  access: Access,
  input: z.infer<typeof itemOnlySchema>,
): Promise<AiRequest> {
  const item = await orgItem(access, input.itemId);
  return {
    feature: "value_type",
    itemId: item.id,
    messages: valueTypePrompt(item),
    maxTokens: 150,
    parse: parseValueType,
    unusable: "The AI answer named none of the value types. Choose one yourself or try again.",
  };
}

export const translateSchema = z.strictObject({
  itemId: idField,
  language: z
    .string({ error: "Choose a language." })
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, { error: "Choose a language, e.g. de or pt-BR." }),
});

/**
 * A draft translation of the item and its captions into one of the organisation's languages (the
 * languages its members read). The editor shows it for review; nothing is saved until the comms
 * team saves the item.
 */
export async function prepareTranslation(
  access: Access,
  input: z.infer<typeof translateSchema>,
): Promise<AiRequest> {
  const item = await orgItem(access, input.itemId);
  const languages = await listOrgLanguages(access.orgId);
  if (input.language === item.language || !languages.includes(input.language)) {
    throw badRequest(
      `Translate into one of your organisation's other languages: ${languages.filter((l) => l !== item.language).join(", ") || "none yet"}.`,
      { language: "Not one of your organisation's other languages." },
    );
  }
  const captions = await db.contentCaption.findMany({
    where: { orgId: access.orgId, itemId: item.id, language: item.language },
    orderBy: { position: "asc" },
    select: { label: true, text: true },
  });
  return {
    feature: "translate",
    itemId: item.id,
    messages: translatePrompt(item, captions, input.language),
    maxTokens: 2500,
    parse: (text) => {
      const translation = parseTranslation(text);
      return translation ? { language: input.language, ...translation } : null;
    },
    unusable: "The AI answer was not a translation Chorus could read. Try again.",
  };
}

const answerField = (what: string) =>
  z
    .string({ error: `Tell us ${what}.` })
    .trim()
    .max(1000, { error: "Keep each answer under 1,000 characters." });

export const MY_WORDS_EMPTY =
  "Answer both questions first: the draft is made from your own answers, never from nothing.";

export const myWordsSchema = z.strictObject({
  itemId: idField,
  did: answerField("what you did"),
  learned: answerField("what you learned"),
});

/** "Help me say it in my words": a draft built from the person's two answers, never from nothing. */
export async function prepareMyWords(
  access: Access,
  input: z.infer<typeof myWordsSchema>,
): Promise<AiRequest> {
  const fields: Record<string, string> = {};
  if (input.did.length < 3) fields.did = "Tell us what you did.";
  if (input.learned.length < 3) fields.learned = "Tell us what you learned.";
  if (Object.keys(fields).length) throw badRequest(MY_WORDS_EMPTY, fields);
  const where = await visibleItemsWhere(access);
  const item = await db.contentItem.findFirst({
    where: { ...where, id: input.itemId },
    select: ITEM_SELECT,
  });
  if (!item) throw notFound("Post");
  return {
    feature: "my_words",
    itemId: item.id,
    messages: myWordsPrompt(item, input.did, input.learned),
    maxTokens: 600,
    parse: (text) => (text.trim() ? { text: text.trim() } : null),
    unusable: "The AI answer was empty. Try again.",
  };
}
