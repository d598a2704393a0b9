import { z } from "zod";
import {
  BusinessGoal,
  CampaignGoal,
  ContentStatus,
  MembershipStatus,
  Role,
  ShareChannel,
  ShareStatus,
  SocialNetwork,
  ValueType,
} from "@/lib/generated/prisma/enums";
import { conversionResponseSchema } from "@/lib/domains/conversions/conversion-schema";

/**
 * What the read API answers, as zod schemas: the handlers build these shapes and the OpenAPI
 * document (lib/domains/public-api/openapi.ts) is generated from them, so the two cannot drift.
 * Nothing here is a secret, and no e-mail address is exposed (README "Read API").
 */
const dateTime = z.iso.datetime();
const id = (example: string) => z.string().meta({ examples: [example] });

export const itemSchema = z.object({
  id: id("cnt_3kTz9QmV2xLp7NcR4wYb"),
  slug: z.string(),
  title: z.string(),
  status: z.enum(ContentStatus),
  valueType: z.enum(ValueType),
  goals: z.array(z.enum(BusinessGoal)),
  language: z.string(),
  linkUrl: z.string().nullable(),
  hashtags: z.array(z.string()),
  publishAt: dateTime.nullable(),
  publishedAt: dateTime.nullable(),
  expireAt: dateTime.nullable(),
  createdAt: dateTime,
  updatedAt: dateTime,
});

export const shareSchema = z.object({
  id: id("shr_8QmV2xLp7NcR4wYb3kTz"),
  itemId: z.string(),
  memberId: z.string().meta({ description: "The sharer's member id (see /api/v1/members)." }),
  shareCode: z.string().meta({ description: "The code of the share's tracked link." }),
  channel: z.enum(ShareChannel),
  network: z.enum(SocialNetwork),
  status: z.enum(ShareStatus),
  language: z.string(),
  createdAt: dateTime,
  postedAt: dateTime.nullable(),
});

export const memberSchema = z.object({
  id: id("mem_4wYb3kTz8QmV2xLp7NcR"),
  name: z.string(),
  handle: z.string().nullable(),
  role: z.enum(Role),
  status: z.enum(MembershipStatus),
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  joinedAt: dateTime,
});

export const teamSchema = z.object({
  id: id("team_2xLp7NcR4wYb3kTz9QmV"),
  name: z.string(),
  description: z.string().nullable(),
  memberCount: z.number().int().min(0),
  createdAt: dateTime,
});

export const dailyStatSchema = z.object({
  day: z.iso.date(),
  itemId: z.string().optional().meta({ description: "With group_by=item." }),
  teamId: z
    .string()
    .nullable()
    .optional()
    .meta({ description: "With group_by=team; null for sharers in no team." }),
  shares: z.number().int().min(0).meta({ description: "Shares with activity that day." }),
  clicks: z.number().int().min(0),
  humanClicks: z.number().int().min(0),
  uniqueVisits: z.number().int().min(0),
  conversions: z.number().int().min(0),
  conversionValue: z.number().meta({ description: "In the organisation's currency." }),
});

export const conversionListItemSchema = conversionResponseSchema.extend({
  createdAt: dateTime,
});

export const campaignSchema = z.object({
  id: id("cmp_7NcR4wYb3kTz9QmV2xLp"),
  name: z.string(),
  description: z.string().nullable(),
  startsAt: dateTime,
  endsAt: dateTime,
  goal: z.enum(CampaignGoal),
  goalTarget: z.number().int(),
  itemIds: z.array(z.string()),
  teamIds: z.array(z.string()),
  archivedAt: dateTime.nullable(),
  createdAt: dateTime,
});

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    next_cursor: z
      .string()
      .nullable()
      .meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
  });
}

export type ItemView = z.infer<typeof itemSchema>;
export type ShareView = z.infer<typeof shareSchema>;
export type MemberView = z.infer<typeof memberSchema>;
export type TeamView = z.infer<typeof teamSchema>;
export type DailyStatView = z.infer<typeof dailyStatSchema>;
export type ConversionListItem = z.infer<typeof conversionListItemSchema>;
export type CampaignView = z.infer<typeof campaignSchema>;
