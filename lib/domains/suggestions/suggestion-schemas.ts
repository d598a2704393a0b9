import { z } from "zod";
import { httpUrlField, languageField, postTextField } from "@/lib/domains/content/content-schemas";
import { GOAL_IDS, VALUE_TYPE_IDS } from "@/lib/domains/content/value-types";

export const createSuggestionSchema = z
  .object({
    title: z
      .string({ error: "Give your story a title." })
      .trim()
      .min(1, { error: "Give your story a title." })
      .max(200, { error: "Titles are at most 200 characters." }),
    body: postTextField("story"),
    linkUrl: httpUrlField.nullable().default(null),
    valueType: z.enum(VALUE_TYPE_IDS).nullable().default(null),
  })
  .strict();

export const rejectSuggestionSchema = z
  .object({
    reason: z
      .string({ error: "Tell the employee why." })
      .trim()
      .min(1, { error: "Tell the employee why." })
      .max(500, { error: "Reasons are at most 500 characters." }),
  })
  .strict();

export const acceptSuggestionSchema = z
  .object({
    valueType: z.enum(VALUE_TYPE_IDS, {
      error: `Choose one value type: ${VALUE_TYPE_IDS.join(", ")}.`,
    }),
    goals: z.array(z.enum(GOAL_IDS)).min(1, { error: "Choose at least one business goal." }).max(3),
    title: z.string().trim().min(1).max(200).optional(),
    body: postTextField("suggested post text").optional(),
    language: languageField.optional(),
  })
  .strict();

export type CreateSuggestionInput = z.infer<typeof createSuggestionSchema>;
export type AcceptSuggestionInput = z.infer<typeof acceptSuggestionSchema>;
