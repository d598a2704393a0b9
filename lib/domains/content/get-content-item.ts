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
      approvalSteps: { orderBy: { createdAt: "desc" }, take: 50 },
      suggestion: {
        select: { id: true, membership: { select: { user: { select: { name: true } } } } },
      },
    },
  });
  if (!item) throw notFound("Content item");
  const actorIds = [
    ...new Set(
      [...item.transitions, ...item.approvalSteps]
        .map((t) => t.actorId)
        .filter((v): v is string => !!v),
    ),
  ];
  const actors = await db.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, name: true },
  });
  const actorName = new Map(actors.map((a) => [a.id, a.name]));
  const {
    captions,
    translations,
    audienceTeams,
    audienceLocations,
    topics,
    transitions,
    approvalSteps,
    ...rest
  } = item;
  const by = (actorId: string | null) =>
    actorId ? (actorName.get(actorId) ?? "A former member") : null;
  // A step of the approval chain that came with a status change is shown instead of that change.
  const stepOf = new Map(
    approvalSteps.flatMap((s) => (s.transitionId ? [[s.transitionId, s]] : [])),
  );
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
    history: [
      ...transitions
        .filter((t) => !stepOf.has(t.id))
        .map((t) => ({
          from: t.fromStatus,
          to: t.toStatus,
          at: t.createdAt,
          by: by(t.actorId),
          comment: t.comment,
          label: null as string | null,
        })),
      ...approvalSteps.map((s) => {
        const moved = transitions.find((t) => t.id === s.transitionId);
        return {
          from: moved?.fromStatus ?? ("IN_REVIEW" as const),
          to: moved?.toStatus ?? ("IN_REVIEW" as const),
          at: s.createdAt,
          by: by(s.actorId),
          comment: s.comment,
          label: approvalStepLabel(s, Boolean(moved)),
        };
      }),
    ].sort((x, y) => y.at.getTime() - x.at.getTime()),
    originator: item.suggestion?.membership.user.name ?? null,
  };
}

export type ContentItemDetail = Awaited<ReturnType<typeof getContentItem>>;

/** "Approved at stage 1 of 2 (Comms)", "Sent back to draft at stage 2 of 2 (Legal)"… */
function approvalStepLabel(
  step: {
    kind: string;
    stageName: string | null;
    stageNumber: number | null;
    stageCount: number | null;
  },
  moved: boolean,
): string {
  const stage = `stage ${step.stageNumber ?? "?"} of ${step.stageCount ?? "?"} (${step.stageName ?? "removed"})`;
  switch (step.kind) {
    case "submitted":
      return `Submitted for approval, starting at ${stage}`;
    case "approved":
      return `Approved at ${stage}${moved ? ", and published" : ""}`;
    case "sent_back":
      return `Sent back to draft at ${stage}`;
    case "restarted":
      return `Edited: approval restarted at ${stage}`;
    default:
      return step.kind;
  }
}
