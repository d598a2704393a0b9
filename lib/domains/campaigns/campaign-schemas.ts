import { z } from "zod";
import { idField } from "@/lib/core/validation";
import { dayCount, isDayKey } from "@/lib/domains/analytics/day-range";

export const CAMPAIGN_GOALS = ["SHARES", "VISITS", "OUTCOMES"] as const;
export type CampaignGoalId = (typeof CAMPAIGN_GOALS)[number];

export const CAMPAIGN_NAME_MAX = 80;
export const CAMPAIGN_MAX_DAYS = 366;
export const CAMPAIGN_MAX_ITEMS = 50;
export const CAMPAIGN_MAX_TEAMS = 20;

const name = z
  .string({ error: "Enter a campaign name." })
  .trim()
  .min(1, { error: "Enter a campaign name." })
  .max(CAMPAIGN_NAME_MAX, {
    error: `Campaign names are at most ${CAMPAIGN_NAME_MAX} characters.`,
  });

const description = z
  .string()
  .trim()
  .max(1000, { error: "Descriptions are at most 1000 characters." })
  .nullable()
  .optional()
  // Absent stays absent (an edit leaves it alone); an empty text clears it.
  .transform((v) => (v === undefined ? undefined : v || null));

/** A calendar day of the organisation's time zone, as a date input writes it. */
const day = (what: string) =>
  z
    .string({ error: `Enter the ${what} date.` })
    .trim()
    .refine(isDayKey, { error: `The ${what} date must be a real day written YYYY-MM-DD.` });

const fields = {
  name,
  description,
  startDate: day("start"),
  endDate: day("end"),
  goal: z.enum(CAMPAIGN_GOALS, { error: "Choose a goal: shares, visits or outcomes." }),
  goalTarget: z
    .number({ error: "Enter the goal as a whole number." })
    .int({ error: "Enter the goal as a whole number." })
    .min(1, { error: "The goal must be at least 1." })
    .max(10_000_000, { error: "The goal must be at most 10,000,000." }),
  /** Content items of the organisation's library; replaces the list. */
  itemIds: z
    .array(idField)
    .min(1, { error: "Pick at least one post for the campaign." })
    .max(CAMPAIGN_MAX_ITEMS, { error: `A campaign has at most ${CAMPAIGN_MAX_ITEMS} posts.` }),
  /** Teams competing (a ranking of their contributions); empty: no competition. */
  teamIds: z
    .array(idField)
    .max(CAMPAIGN_MAX_TEAMS, { error: `At most ${CAMPAIGN_MAX_TEAMS} teams can compete.` }),
};

/** Refuses an end before the start, and a campaign longer than a year, naming the field. */
export function checkCampaignDates(
  dates: { startDate?: string; endDate?: string },
  ctx: z.RefinementCtx,
): void {
  const { startDate, endDate } = dates;
  if (!startDate || !endDate || !isDayKey(startDate) || !isDayKey(endDate)) return;
  if (endDate < startDate) {
    ctx.addIssue({
      code: "custom",
      path: ["endDate"],
      message: "The end date must be on or after the start date.",
    });
  } else if (dayCount({ from: startDate, to: endDate }) > CAMPAIGN_MAX_DAYS) {
    ctx.addIssue({
      code: "custom",
      path: ["endDate"],
      message: `A campaign lasts at most ${CAMPAIGN_MAX_DAYS} days.`,
    });
  }
}

export const createCampaignSchema = z
  .object({ ...fields, teamIds: fields.teamIds.default([]) })
  .strict()
  .superRefine(checkCampaignDates);

export const updateCampaignSchema = z
  .object(fields)
  .partial()
  .strict()
  .superRefine(checkCampaignDates);

export const listCampaignsQuery = z
  .object({ archived: z.enum(["true", "false"]).optional() })
  .strict();

export type CreateCampaignInput = z.infer<typeof createCampaignSchema>;
export type UpdateCampaignInput = z.infer<typeof updateCampaignSchema>;
