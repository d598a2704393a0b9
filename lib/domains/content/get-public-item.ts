import { cache } from "react";
import { db } from "@/lib/core/db/client";

/**
 * The public face of a published (or since archived) item, for shares of items without a link:
 * LinkedIn shows its Open Graph card. Drafts, items in review and scheduled items are never public;
 * a post aimed at some teams only becomes public when one of them shares it.
 */
export const getPublicItem = cache(async (orgSlug: string, itemSlug: string) => {
  const org = await db.organization.findUnique({
    where: { slug: orgSlug },
    select: { id: true, name: true, logoUrl: true, timeZone: true },
  });
  if (!org) return null;
  const item = await db.contentItem.findFirst({
    // Public only once it has gone live (its publish window has started), and — for posts aimed at
    // some teams only — once someone has actually shared it.
    where: {
      orgId: org.id,
      slug: itemSlug,
      status: { in: ["PUBLISHED", "ARCHIVED"] },
      publishedAt: { not: null, lte: new Date() },
      OR: [{ publishAt: null }, { publishAt: { lte: new Date() } }],
      AND: [{ OR: [{ audienceAll: true }, { shares: { some: {} } }] }],
    },
    select: {
      title: true,
      body: true,
      language: true,
      publishedAt: true,
      linkImageUrl: true,
      images: { orderBy: { position: "asc" }, select: { storageKey: true, alt: true } },
    },
  });
  if (!item) return null;
  return {
    org,
    title: item.title,
    body: item.body,
    language: item.language,
    publishedAt: item.publishedAt,
    images: item.images.map((i) => ({ url: `/api/files/${i.storageKey}`, alt: i.alt })),
  };
});
