import { z } from "zod";
import { idField } from "@/lib/core/validation";

export const TOPIC_NAME_MAX = 40;

/** What a post is about, e.g. "Renewables" or "Careers": people follow topics, posts carry them. */
export const topicName = z
  .string({ error: "Enter a topic name." })
  .trim()
  .min(1, { error: "Enter a topic name." })
  .max(TOPIC_NAME_MAX, { error: `Topic names are at most ${TOPIC_NAME_MAX} characters.` });

export const createTopicSchema = z.object({ name: topicName }).strict();
export const updateTopicSchema = z.object({ name: topicName }).strict();

/** The topics a post carries or a person follows: a whole list, replaced each time. */
export const topicIdsField = z.array(idField).max(20, { error: "At most 20 topics." });

export const followTopicsSchema = z.object({ topicIds: topicIdsField }).strict();

export type CreateTopicInput = z.infer<typeof createTopicSchema>;
export type UpdateTopicInput = z.infer<typeof updateTopicSchema>;
