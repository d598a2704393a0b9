import { z } from "zod";
import { db } from "@/lib/core/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { GOAL_IDS, VALUE_TYPE_IDS } from "@/lib/domains/content/value-types";
import { DISPLAY_STATUSES, type DisplayStatus } from "@/lib/domains/content/display-status";

export const listContentQuery = z.object({
  q: z.string().trim().max(100).optional(),
  /** The status as shown (contentDisplayStatus): PUBLISHED is live now, SCHEDULED and EXPIRED apart. */
  status: z.enum(DISPLAY_STATUSES).optional(),
  valueType: z.enum(VALUE_TYPE_IDS).optional(),
  goal: z.enum(GOAL_IDS).optional(),
  /** "all" = whole organisation, or a team id / location id. */
  audience: z.string().trim().max(64).optional(),
  language: z.string().trim().max(10).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export type ListContentQuery = z.infer<typeof listContentQuery>;

/**
 * Items whose display status (contentDisplayStatus at `now`) is `status`: a published item is
 * Scheduled before publishAt, Expired from expireAt, Published only in between — so the filter
 * lists what the badges say, not the stored status.
 */
export function displayStatusWhere(status: DisplayStatus, now: Date): Prisma.ContentItemWhereInput {
  const started = { OR: [{ publishAt: null }, { publishAt: { lte: now } }] };
  switch (status) {
    case "SCHEDULED":
      return { status: "PUBLISHED", publishAt: { gt: now } };
    case "PUBLISHED":
      return {
        status: "PUBLISHED",
        AND: [started, { OR: [{ expireAt: null }, { expireAt: { gt: now } }] }],
      };
    case "EXPIRED":
      return { status: "PUBLISHED", AND: [started, { expireAt: { lte: now } }] };
    default:
      return { status };
  }
}

/** The studio list: search and filters, newest first. Dates filter on the publish window start. */
export async function listContentItems(
  orgId: string,
  query: ListContentQuery,
  now: Date = new Date(),
) {
  const and: Prisma.ContentItemWhereInput[] = [];
  if (query.status) and.push(displayStatusWhere(query.status, now));
  if (query.goal) and.push({ goals: { has: query.goal } });
  if (query.language) {
    and.push({
      OR: [{ language: query.language }, { translations: { some: { language: query.language } } }],
    });
  }
  if (query.audience === "all") and.push({ audienceAll: true });
  else if (query.audience) {
    and.push({
      audienceAll: false,
      OR: [
        { audienceTeams: { some: { teamId: query.audience } } },
        { audienceLocations: { some: { locationId: query.audience } } },
      ],
    });
  }
  if (query.from || query.to) {
    const range = { gte: query.from, lte: query.to };
    // The date an item goes (or went) live, as in the feed and the calendar: its scheduled
    // publishAt, else when it was published; unpublished items by their creation date.
    and.push({
      OR: [
        { publishAt: range },
        { publishAt: null, publishedAt: range },
        { publishAt: null, publishedAt: null, createdAt: range },
      ],
    });
  }
  if (query.q) {
    and.push({
      OR: [
        { title: { contains: query.q, mode: "insensitive" } },
        { body: { contains: query.q, mode: "insensitive" } },
        { hashtags: { has: query.q.replace(/^#/, "") } },
        { hashtags: { has: query.q.replace(/^#/, "").toLowerCase() } },
      ],
    });
  }
  const where: Prisma.ContentItemWhereInput = {
    orgId,
    valueType: query.valueType,
    AND: and,
  };
  const [total, items] = await Promise.all([
    db.contentItem.count({ where }),
    db.contentItem.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        slug: true,
        title: true,
        status: true,
        valueType: true,
        goals: true,
        language: true,
        audienceAll: true,
        publishAt: true,
        expireAt: true,
        publishedAt: true,
        updatedAt: true,
        linkUrl: true,
        originatorMembershipId: true,
        translations: { select: { language: true } },
        audienceTeams: { select: { team: { select: { id: true, name: true } } } },
        audienceLocations: { select: { location: { select: { id: true, name: true } } } },
        _count: { select: { images: true, captions: true } },
      },
    }),
  ]);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: items.map(({ translations, audienceTeams, audienceLocations, _count, ...item }) => ({
      ...item,
      languages: [item.language, ...translations.map((t) => t.language)],
      audience: item.audienceAll
        ? "Everyone"
        : [
            ...audienceTeams.map((a) => a.team.name),
            ...audienceLocations.map((a) => a.location.name),
          ].join(", "),
      imageCount: _count.images,
      captionCount: _count.captions,
    })),
  };
}
