import { z } from "zod";
import { characterCount, LINKEDIN_MAX_CHARS } from "@/lib/domains/content/guardrails";
import { GOAL_IDS, VALUE_TYPE_IDS } from "@/lib/domains/content/value-types";
import { idField } from "@/lib/core/validation";
import { topicIdsField } from "@/lib/domains/topics/topic-schemas";

/** Only http(s) links, no credentials, at most 2,048 characters. */
export const httpUrlField = z
  .string()
  .trim()
  .max(2048, { error: "Links are at most 2,048 characters." })
  .refine(
    (v) => {
      try {
        const url = new URL(v);
        return (
          (url.protocol === "http:" || url.protocol === "https:") && !url.username && !url.password
        );
      } catch {
        return false;
      }
    },
    { error: "Enter a full web address starting with https:// (or http://)." },
  );

export const languageField = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, {
    error: 'Use a language code such as "en", "de" or "pt-BR".',
  });

export const postTextField = (what: string) =>
  z
    .string({ error: `Enter the ${what}.` })
    .refine((v) => v.trim().length > 0, { error: `Enter the ${what}.` })
    .refine((v) => characterCount(v) <= LINKEDIN_MAX_CHARS, {
      error: `The ${what} is longer than LinkedIn's ${LINKEDIN_MAX_CHARS.toLocaleString("en")} characters.`,
    });

const hashtagField = z
  .string()
  .trim()
  .transform((t) => t.replace(/^#+/, ""))
  .pipe(
    z
      .string()
      .min(1)
      .max(60, { error: "Hashtags are at most 60 characters." })
      .regex(/^[\p{L}\p{N}_]+$/u, {
        error: "Hashtags contain only letters, digits and underscores.",
      }),
  );

export const captionSchema = z
  .object({
    label: z
      .string()
      .trim()
      .min(1, { error: "Name the caption (e.g. formal, personal, short)." })
      .max(40, { error: "Caption names are at most 40 characters." }),
    text: postTextField("caption text"),
  })
  .strict();

export const linkPreviewSchema = z
  .object({
    title: z.string().trim().max(300).nullable(),
    description: z.string().trim().max(1000).nullable(),
    imageUrl: httpUrlField.nullable(),
    siteName: z.string().trim().max(120).nullable(),
  })
  .strict();

const contentFields = {
  title: z
    .string({ error: "Enter a title." })
    .trim()
    .min(1, { error: "Enter a title." })
    .max(200, { error: "Titles are at most 200 characters." }),
  body: postTextField("suggested post text"),
  language: languageField,
  linkUrl: httpUrlField.nullable(),
  linkPreview: linkPreviewSchema.nullable(),
  hashtags: z.array(hashtagField).max(20, { error: "At most 20 hashtags." }),
  notes: z.string().trim().max(2000, { error: "Notes are at most 2,000 characters." }).nullable(),
  valueType: z.enum(VALUE_TYPE_IDS, {
    error: `Choose one value type: ${VALUE_TYPE_IDS.join(", ")}.`,
  }),
  goals: z
    .array(z.enum(GOAL_IDS, { error: `Goals are ${GOAL_IDS.join(", ")}.` }))
    .min(1, { error: "Choose at least one business goal." })
    .max(3),
  audience: z
    .object({
      all: z.boolean(),
      teamIds: z.array(idField).max(200).default([]),
      locationIds: z.array(idField).max(200).default([]),
    })
    .strict()
    .refine((a) => a.all || a.teamIds.length + a.locationIds.length > 0, {
      error: "Choose the whole organisation, or at least one team or location.",
    }),
  /** What the post is about: the organisation's topics (people who follow them see it first). */
  topicIds: topicIdsField,
  publishAt: z.coerce.date({ error: "Enter a valid publish date." }).nullable(),
  expireAt: z.coerce.date({ error: "Enter a valid expiry date." }).nullable(),
  captions: z.array(captionSchema).max(10, { error: "At most 10 captions." }),
  translations: z
    .array(
      z
        .object({
          language: languageField,
          title: z.string().trim().min(1, { error: "Enter the translated title." }).max(200),
          body: postTextField("translated post text"),
          captions: z.array(captionSchema).max(10).default([]),
        })
        .strict(),
    )
    .max(20, { error: "At most 20 translations." }),
};

function checkDates(v: { publishAt?: Date | null; expireAt?: Date | null }) {
  return !(v.publishAt && v.expireAt && v.expireAt <= v.publishAt);
}

function checkTranslations(v: { language?: string; translations?: { language: string }[] }) {
  const langs = (v.translations ?? []).map((t) => t.language);
  return new Set(langs).size === langs.length && !langs.includes(v.language ?? "");
}

const datesMessage = {
  error: "The expiry date must be after the publish date.",
  path: ["expireAt"],
};
const translationsMessage = {
  error: "Each translation needs its own language, different from the item's language.",
  path: ["translations"],
};

export const createContentSchema = z
  .object({
    ...contentFields,
    language: contentFields.language.default("en"),
    linkUrl: contentFields.linkUrl.default(null),
    linkPreview: contentFields.linkPreview.default(null),
    hashtags: contentFields.hashtags.default([]),
    notes: contentFields.notes.default(null),
    audience: contentFields.audience.default({ all: true, teamIds: [], locationIds: [] }),
    topicIds: contentFields.topicIds.default([]),
    publishAt: contentFields.publishAt.default(null),
    expireAt: contentFields.expireAt.default(null),
    captions: contentFields.captions.default([]),
    translations: contentFields.translations.default([]),
  })
  .strict()
  .refine(checkDates, datesMessage)
  .refine(checkTranslations, translationsMessage);

export const updateContentSchema = z
  .object(contentFields)
  .partial()
  .strict()
  .refine(checkDates, datesMessage)
  .refine(checkTranslations, translationsMessage);

export type CreateContentInput = z.infer<typeof createContentSchema>;
export type UpdateContentInput = z.infer<typeof updateContentSchema>;
