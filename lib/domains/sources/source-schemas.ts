import { z } from "zod";
import { idField } from "@/lib/core/validation";
import { httpUrlField } from "@/lib/domains/content/content-schemas";
import { GOAL_IDS, VALUE_TYPE_IDS } from "@/lib/domains/content/value-types";
import { topicIdsField } from "@/lib/domains/topics/topic-schemas";

/** How often a source may be polled, in minutes: from every 5 minutes to once a day. */
export const INTERVAL_MIN = 5;
export const INTERVAL_MAX = 24 * 60;
export const DEFAULT_INTERVAL = 30;

const sourceFields = {
  name: z
    .string({ error: "Name the source." })
    .trim()
    .min(1, { error: "Name the source (e.g. Company blog)." })
    .max(80, { error: "Source names are at most 80 characters." }),
  url: httpUrlField,
  intervalMinutes: z.coerce
    .number({ error: "Enter the minutes between polls." })
    .int({ error: "Enter whole minutes." })
    .min(INTERVAL_MIN, { error: `Poll at most every ${INTERVAL_MIN} minutes.` })
    .max(INTERVAL_MAX, { error: "Poll at least once a day (1,440 minutes)." }),
  enabled: z.boolean(),
  autoDraft: z.boolean(),
  /** null: suggested from each entry's text (see suggest-value-type.ts). */
  defaultValueType: z
    .enum(VALUE_TYPE_IDS, { error: `Value types are ${VALUE_TYPE_IDS.join(", ")}.` })
    .nullable(),
  defaultGoals: z
    .array(z.enum(GOAL_IDS, { error: `Goals are ${GOAL_IDS.join(", ")}.` }))
    .min(1, { error: "Choose at least one business goal." })
    .max(3),
  /** Empty teams and locations: the whole organisation. */
  defaultTeamIds: z.array(idField).max(200),
  defaultLocationIds: z.array(idField).max(200),
  defaultTopicIds: topicIdsField,
};

export const createSourceSchema = z
  .object({
    ...sourceFields,
    intervalMinutes: sourceFields.intervalMinutes.default(DEFAULT_INTERVAL),
    enabled: sourceFields.enabled.default(true),
    autoDraft: sourceFields.autoDraft.default(false),
    defaultValueType: sourceFields.defaultValueType.default(null),
    defaultGoals: sourceFields.defaultGoals.default(["MARKETING"]),
    defaultTeamIds: sourceFields.defaultTeamIds.default([]),
    defaultLocationIds: sourceFields.defaultLocationIds.default([]),
    defaultTopicIds: sourceFields.defaultTopicIds.default([]),
  })
  .strict();

export const updateSourceSchema = z.object(sourceFields).partial().strict();

export type CreateSourceInput = z.infer<typeof createSourceSchema>;
export type UpdateSourceInput = z.infer<typeof updateSourceSchema>;
