import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { notFound } from "@/lib/core/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { GOAL_IDS, VALUE_TYPE_IDS } from "@/lib/domains/content/value-types";
import { localizeItem } from "@/lib/domains/content/localize-item";

export const feedQuery = z.object({
  valueType: z.enum(VALUE_TYPE_IDS).optional(),
  goal: z.enum(GOAL_IDS).optional(),
});

/**
 * What a member may see and share: published, inside its publish window, and aimed at the whole
 * organisation or at one of the member's teams or their location.
 */
export async function visibleItemsWhere(
  access: Access,
  now = new Date(),
): Promise<Prisma.ContentItemWhereInput> {
  const membership = await db.membership.findUniqueOrThrow({
    where: { id: access.membershipId },
    select: { locationId: true, teams: { select: { teamId: true } } },
  });
  const teamIds = membership.teams.map((t) => t.teamId);
  return {
    orgId: access.orgId,
    status: "PUBLISHED",
    AND: [
      { OR: [{ publishAt: null }, { publishAt: { lte: now } }] },
      { OR: [{ expireAt: null }, { expireAt: { gt: now } }] },
      {
        OR: [
          { audienceAll: true },
          ...(teamIds.length ? [{ audienceTeams: { some: { teamId: { in: teamIds } } } }] : []),
          ...(membership.locationId
            ? [{ audienceLocations: { some: { locationId: membership.locationId } } }]
            : []),
        ],
      },
    ],
  };
}

export const feedSelect = {
  id: true,
  slug: true,
  title: true,
  body: true,
  language: true,
  valueType: true,
  goals: true,
  hashtags: true,
  notes: true,
  linkUrl: true,
  linkTitle: true,
  linkDescription: true,
  linkImageUrl: true,
  linkSiteName: true,
  publishAt: true,
  publishedAt: true,
  expireAt: true,
  translations: { select: { language: true, title: true, body: true } },
  captions: { orderBy: { position: "asc" }, select: { language: true, label: true, text: true } },
  images: { orderBy: { position: "asc" }, select: { id: true, storageKey: true, alt: true } },
  topics: { select: { topic: { select: { id: true, name: true } } } },
} satisfies Prisma.ContentItemSelect;

export type FeedRow = Prisma.ContentItemGetPayload<{ select: typeof feedSelect }>;

export function toFeedItem(row: FeedRow, locale: string) {
  const text = localizeItem(row, locale);
  return {
    id: row.id,
    slug: row.slug,
    valueType: row.valueType,
    goals: row.goals,
    hashtags: row.hashtags,
    notes: row.notes,
    link: row.linkUrl
      ? {
          url: row.linkUrl,
          title: row.linkTitle,
          description: row.linkDescription,
          imageUrl: row.linkImageUrl,
          siteName: row.linkSiteName,
        }
      : null,
    images: row.images.map((i) => ({ id: i.id, url: `/api/files/${i.storageKey}`, alt: i.alt })),
    publishedAt: row.publishAt ?? row.publishedAt,
    expireAt: row.expireAt,
    topics: row.topics.map((t) => t.topic).sort((a, b) => a.name.localeCompare(b.name)),
    ...text,
  };
}

export type FeedItem = ReturnType<typeof toFeedItem>;

async function userLocale(userId: string): Promise<string> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { locale: true } });
  return user?.locale ?? "en";
}

/** The member's feed, newest first, in their language where a translation exists. */
export async function listFeedItems(access: Access, query: z.infer<typeof feedQuery> = {}) {
  const where = await visibleItemsWhere(access);
  const rows = await db.contentItem.findMany({
    where: {
      ...where,
      valueType: query.valueType,
      ...(query.goal ? { goals: { has: query.goal } } : {}),
    },
    // Newest by the date it went live (publishAt ?? publishedAt, sorted below); read enough rows
    // that a recently scheduled item published long ago is not cut off.
    orderBy: [
      { publishAt: { sort: "desc", nulls: "last" } },
      { publishedAt: "desc" },
      { id: "asc" },
    ],
    take: 300,
    select: feedSelect,
  });
  const locale = await userLocale(access.userId);
  return rows
    .map((row) => toFeedItem(row, locale))
    .sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0));
}

/** One item the member may see, or 404 (unpublished, outside its window, not for them, other org). */
export async function getVisibleItem(access: Access, itemId: string) {
  const where = await visibleItemsWhere(access);
  const row = await db.contentItem.findFirst({
    where: { ...where, id: itemId },
    select: feedSelect,
  });
  if (!row) throw notFound("Post");
  return toFeedItem(row, await userLocale(access.userId));
}
