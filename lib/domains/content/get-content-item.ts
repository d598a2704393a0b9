import { db } from "@/lib/core/db/client";
import { notFound } from "@/lib/core/errors/app-error";

/** Everything the editor shows about one item of the organisation (404 for any other id). */
export async function getContentItem(orgId: string, itemId: string) {
  const item = await db.contentItem.findFirst({
    where: { id: itemId, orgId },
    include: {
      captions: { orderBy: [{ language: "asc" }, { position: "asc" }] },
      translations: { orderBy: { language: "asc" } },
      images: { orderBy: { position: "asc" } },
      audienceTeams: { select: { teamId: true } },
      audienceLocations: { select: { locationId: true } },
      topics: { select: { topicId: true } },
      transitions: { orderBy: { createdAt: "desc" }, take: 50 },
      suggestion: {
        select: { id: true, membership: { select: { user: { select: { name: true } } } } },
      },
    },
  });
  if (!item) throw notFound("Content item");
  const actorIds = [
    ...new Set(item.transitions.map((t) => t.actorId).filter((v): v is string => !!v)),
  ];
  const actors = await db.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, name: true },
  });
  const actorName = new Map(actors.map((a) => [a.id, a.name]));
  const { captions, translations, audienceTeams, audienceLocations, topics, transitions, ...rest } =
    item;
  return {
    ...rest,
    captions: captions
      .filter((c) => c.language === item.language)
      .map(({ label, text }) => ({ label, text })),
    translations: translations.map((t) => ({
      language: t.language,
      title: t.title,
      body: t.body,
      captions: captions
        .filter((c) => c.language === t.language)
        .map(({ label, text }) => ({ label, text })),
    })),
    audience: {
      all: item.audienceAll,
      teamIds: audienceTeams.map((a) => a.teamId),
      locationIds: audienceLocations.map((a) => a.locationId),
    },
    topicIds: topics.map((t) => t.topicId),
    linkPreview: item.linkFetchedAt
      ? {
          title: item.linkTitle,
          description: item.linkDescription,
          imageUrl: item.linkImageUrl,
          siteName: item.linkSiteName,
        }
      : null,
    images: item.images.map((i) => ({
      id: i.id,
      url: `/api/files/${i.storageKey}`,
      alt: i.alt,
      contentType: i.contentType,
    })),
    history: transitions.map((t) => ({
      from: t.fromStatus,
      to: t.toStatus,
      at: t.createdAt,
      by: t.actorId ? (actorName.get(t.actorId) ?? "A former member") : null,
      comment: t.comment,
    })),
    originator: item.suggestion?.membership.user.name ?? null,
  };
}

export type ContentItemDetail = Awaited<ReturnType<typeof getContentItem>>;
