import { createId } from "@/lib/core/db/create-id";
import { getStorage } from "@/lib/integrations/storage/get-storage";
import { createStorageKey } from "@/lib/integrations/storage/storage-key";
import { BANNERS, type BannerName, renderBanner } from "./banner-images";
import { clock, planHistory } from "./content-history";
import { LIBRARY, type LibraryItem, SUGGESTIONS } from "./content-library";
import type { SeedContext, SeedItem, SeedStep } from "./context";

/** Demo governance: no approval step, so the demo admin publishes at once (e2e tests enable it). */
export const DEMO_SETTINGS: SeedContext["settings"] = {
  requireApproval: false,
  disclosureText: null,
  blockedPhrases: ["guaranteed returns", "confidential"],
  requiredHashtags: [],
  maxSharesPerDay: 5,
};

/** Rewards stay off in the demo; an admin who turns them on finds what they are already written. */
export const DEMO_REWARDS_NOTE = "Monthly prize draw among everyone who shared";

/** The hashtags of a post: those in its last paragraph, without the "#". */
function hashtagsOf(body: string): string[] {
  const last = body.split("\n\n").at(-1) ?? "";
  return [...new Set([...last.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((m) => m[1]!))];
}

function byName<T extends { name: string }>(list: T[], name: string, what: string): T {
  const found = list.find((x) => x.name === name);
  if (!found) throw new Error(`Seed content refers to an unknown ${what}: ${name}`);
  return found;
}

/** Renders each banner once and stores a copy per use, so deleting one image keeps the others. */
async function storeImages(
  orgId: string,
  uses: { banner: BannerName; suggestionId: string | null }[],
) {
  const storage = getStorage();
  const rendered = new Map<BannerName, Uint8Array>();
  for (const name of new Set(uses.map((u) => u.banner))) rendered.set(name, renderBanner(name));
  // Photos of suggestions are private to the author and moderators (see lib/domains/files/file-access.ts).
  const stored = uses.map((use) => ({
    name: use.banner,
    key: createStorageKey([use.suggestionId ? "suggestions" : "content", orgId], "png"),
    bytes: rendered.get(use.banner)!,
  }));
  await Promise.all(stored.map((s) => storage.put(s.key, s.bytes, "image/png")));
  return stored;
}

/** Step 2: governance settings, ~40 library items with their history, and employee suggestions. */
export const seedContent: SeedStep = {
  name: "content library and suggestions",
  async run(ctx: SeedContext) {
    const { db, random, org } = ctx;
    const at = clock(ctx.now, random);
    const [amara, priya] = [
      byName(ctx.members, "Amara Okafor", "member"),
      byName(ctx.members, "Priya Raman", "member"),
    ];

    // Suggestions first: an accepted one decides when (and by whom) its item was created.
    const suggestions = SUGGESTIONS.map((s) => {
      const createdAt = at(-s.daysAgo, 8, 17);
      const reviewedAt = s.outcome.status === "PENDING" ? null : at(-s.daysAgo + 1, 8, 17);
      return { ...s, id: createId("sug"), createdAt, reviewedAt };
    });
    const acceptedBySlug = new Map<string, (typeof suggestions)[number]>();
    for (const s of suggestions) {
      if (s.outcome.status === "ACCEPTED") acceptedBySlug.set(s.outcome.itemSlug, s);
    }

    const items = LIBRARY.map((item: LibraryItem) => {
      const [author, reviewer] = random.chance(0.6) ? [priya, amara] : [amara, priya];
      const accepted = acceptedBySlug.get(item.slug);
      const history = planHistory(
        item.timing,
        {
          author: author.userId,
          reviewer: reviewer.userId,
          createdAt: accepted?.reviewedAt ?? undefined,
          origin: accepted ? `Created from ${accepted.by}'s suggestion.` : undefined,
        },
        at,
        random,
      );
      const audienceTeamIds = (item.audience?.teams ?? []).map(
        (n) => byName(ctx.teams, n, "team").id,
      );
      const audienceLocationIds = (item.audience?.locations ?? []).map(
        (n) => byName(ctx.locations, n, "location").id,
      );
      const originator = accepted ? byName(ctx.members, accepted.by, "member") : null;
      return {
        ...item,
        id: createId("cnt"),
        author,
        history,
        audienceTeamIds,
        audienceLocationIds,
        originator,
      };
    });

    const imageUses = [
      ...items.flatMap((i) =>
        i.image
          ? [{ itemId: i.id, suggestionId: null, banner: i.image, createdAt: i.history.createdAt }]
          : [],
      ),
      ...suggestions.flatMap((s) =>
        s.image
          ? [{ itemId: null, suggestionId: s.id, banner: s.image, createdAt: s.createdAt }]
          : [],
      ),
    ];
    const orgId = org.id;
    const rows = {
      items: items.map((i) => ({
        id: i.id,
        orgId,
        slug: i.slug,
        title: i.title,
        body: i.body,
        language: i.language ?? "en",
        linkUrl: i.link?.url ?? null,
        linkTitle: i.link?.title ?? null,
        linkDescription: i.link?.description ?? null,
        linkSiteName: i.link?.siteName ?? null,
        linkFetchedAt: i.link ? new Date(i.history.createdAt.getTime() + 60_000) : null,
        hashtags: hashtagsOf(i.body),
        notes: i.notes ?? null,
        valueType: i.valueType,
        goals: i.goals,
        status: i.history.status,
        audienceAll: !i.audience,
        publishAt: i.history.publishAt,
        expireAt: i.history.expireAt,
        publishedAt: i.history.publishedAt,
        authorId: i.author.userId,
        originatorMembershipId: i.originator?.membershipId ?? null,
        createdAt: i.history.createdAt,
        updatedAt: i.history.updatedAt,
      })),
      captions: items.flatMap((i) =>
        [{ language: i.language ?? "en", captions: i.captions }, ...(i.translations ?? [])].flatMap(
          ({ language, captions }) =>
            captions.map((c, position) => ({
              id: createId("cap"),
              orgId,
              itemId: i.id,
              language,
              label: c.label,
              text: c.text,
              position,
              createdAt: i.history.createdAt,
            })),
        ),
      ),
      translations: items.flatMap((i) =>
        (i.translations ?? []).map((t) => ({
          id: createId("ctr"),
          orgId,
          itemId: i.id,
          language: t.language,
          title: t.title,
          body: t.body,
          createdAt: i.history.createdAt,
        })),
      ),
      audienceTeams: items.flatMap((i) =>
        i.audienceTeamIds.map((teamId) => ({ orgId, itemId: i.id, teamId })),
      ),
      audienceLocations: items.flatMap((i) =>
        i.audienceLocationIds.map((locationId) => ({ orgId, itemId: i.id, locationId })),
      ),
      transitions: items.flatMap((i) =>
        i.history.steps.map((step) => ({ id: createId("ctt"), orgId, itemId: i.id, ...step })),
      ),
      suggestions: suggestions.map((s) => {
        const { outcome } = s;
        const item =
          outcome.status === "ACCEPTED" ? items.find((i) => i.slug === outcome.itemSlug) : null;
        if (outcome.status === "ACCEPTED" && !item) throw new Error(`No item ${outcome.itemSlug}`);
        const reviewer =
          outcome.status === "REJECTED"
            ? byName(ctx.members, outcome.reviewer, "member")
            : item?.author;
        return {
          id: s.id,
          orgId,
          membershipId: byName(ctx.members, s.by, "member").membershipId,
          title: s.title,
          body: s.body,
          linkUrl: s.linkUrl ?? null,
          valueType: s.valueType ?? null,
          status: outcome.status,
          rejectionReason: outcome.status === "REJECTED" ? outcome.reason : null,
          reviewedById: reviewer?.userId ?? null,
          reviewedAt: s.reviewedAt,
          itemId: item?.id ?? null,
          createdAt: s.createdAt,
          updatedAt: s.reviewedAt ?? s.createdAt,
        };
      }),
    };

    // Files first (a transaction cannot cover them); removed again if the rows fail.
    const stored = await storeImages(orgId, imageUses);
    try {
      await db.$transaction(
        async (tx) => {
          await tx.orgSettings.create({
            data: { orgId, ...DEMO_SETTINGS, rewardsNote: DEMO_REWARDS_NOTE },
          });
          await tx.contentItem.createMany({ data: rows.items });
          await tx.contentCaption.createMany({ data: rows.captions });
          await tx.contentTranslation.createMany({ data: rows.translations });
          await tx.contentAudienceTeam.createMany({ data: rows.audienceTeams });
          await tx.contentAudienceLocation.createMany({ data: rows.audienceLocations });
          await tx.contentTransition.createMany({ data: rows.transitions });
          await tx.suggestion.createMany({ data: rows.suggestions });
          await tx.contentImage.createMany({
            data: imageUses.map((use, n) => ({
              id: createId("img"),
              orgId,
              itemId: use.itemId,
              suggestionId: use.suggestionId,
              storageKey: stored[n]!.key,
              contentType: "image/png",
              bytes: stored[n]!.bytes.byteLength,
              alt: BANNERS[use.banner].alt,
              createdAt: use.createdAt,
            })),
          });
        },
        { timeout: 60_000 },
      );
    } catch (error) {
      const storage = getStorage();
      await Promise.all(stored.map((s) => storage.delete(s.key).catch(() => {})));
      throw error;
    }

    ctx.settings = { ...DEMO_SETTINGS };
    ctx.items = items.map((i): SeedItem => ({
      id: i.id,
      slug: i.slug,
      title: i.title,
      language: i.language ?? "en",
      valueType: i.valueType,
      goals: i.goals,
      status: i.history.status,
      authorId: i.author.userId,
      publishedAt: i.history.publishedAt,
      visibleFrom: i.history.visibleFrom,
      visibleUntil: i.history.visibleUntil,
      audienceAll: !i.audience,
      audienceTeamIds: i.audienceTeamIds,
      audienceLocationIds: i.audienceLocationIds,
      linkUrl: i.link?.url ?? null,
      originatorMembershipId: i.originator?.membershipId ?? null,
    }));
  },
};
