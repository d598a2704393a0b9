import type { ContentStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Posts whose audience still matters: a draft, one in review or a published one. */
export const LIVE_AUDIENCE_STATUSES: ContentStatus[] = ["DRAFT", "IN_REVIEW", "PUBLISHED"];

/**
 * Live posts of the organisation aimed at this location and nothing else (no team, not everyone):
 * without the location they would reach nobody, so it cannot be deleted while one exists.
 */
export function postsOnlyAt(orgId: string, locationId: string): Prisma.ContentItemWhereInput {
  return {
    orgId,
    status: { in: LIVE_AUDIENCE_STATUSES },
    audienceAll: false,
    audienceTeams: { none: {} },
    audienceLocations: { some: { locationId }, every: { locationId } },
  };
}
