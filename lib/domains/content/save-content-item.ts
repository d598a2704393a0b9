import { db, type Tx } from "@/lib/core/db/client";
import { createId, randomString } from "@/lib/core/db/create-id";
import { badRequest, conflict, notFound, unknownIds } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { slugify } from "@/lib/core/ids/slugify";
import { evaluateGuardrails, violationSummary } from "@/lib/domains/content/guardrails";
import { getOrgSettings } from "@/lib/domains/settings/get-org-settings";
import { isUniqueViolation } from "@/lib/core/db/is-unique-violation";
import { assertPublicLink } from "@/lib/domains/content/assert-public-link";
import type { CreateContentInput, UpdateContentInput } from "@/lib/domains/content/content-schemas";
import type { ContentStatus } from "@/lib/generated/prisma/enums";
import { assertTopicsInOrg } from "@/lib/domains/topics/assert-topics-in-org";
import { listChainStages } from "@/lib/domains/content/load-approval-chain";
import { restartApprovalChain } from "@/lib/domains/content/restart-approval-chain";
import { refreshChainRequestsSafely } from "@/lib/domains/content/refresh-chain-requests";

/** Each text with the label people read and the API path of its field (for the form to mark). */
type Texts = { label: string; field: string; text: string }[];

/** Every text a curator saves obeys the organisation's guardrails; the message names the text. */
async function assertTextsAllowed(tx: Tx, orgId: string, texts: Texts) {
  const settings = await getOrgSettings(orgId, tx);
  for (const { label, field, text } of texts) {
    const violations = evaluateGuardrails(text, settings);
    if (violations.length) {
      throw badRequest(`${label}: ${violationSummary(violations)}`, {
        [field]: violationSummary(violations),
      });
    }
  }
}

function textsOf(input: UpdateContentInput): Texts {
  const texts: Texts = [];
  if (input.body !== undefined) {
    texts.push({ label: "Suggested post text", field: "body", text: input.body });
  }
  (input.captions ?? []).forEach((c, i) =>
    texts.push({ label: `Caption "${c.label}"`, field: `captions.${i}.text`, text: c.text }),
  );
  (input.translations ?? []).forEach((t, i) => {
    texts.push({
      label: `Translation (${t.language})`,
      field: `translations.${i}.body`,
      text: t.body,
    });
    t.captions.forEach((c, j) =>
      texts.push({
        label: `Caption "${c.label}" (${t.language})`,
        field: `translations.${i}.captions.${j}.text`,
        text: c.text,
      }),
    );
  });
  return texts;
}

async function assertAudienceInOrg(
  tx: Tx,
  orgId: string,
  teamIds: string[],
  locationIds: string[],
) {
  const [teams, locations] = await Promise.all([
    teamIds.length ? tx.team.count({ where: { orgId, id: { in: [...new Set(teamIds)] } } }) : 0,
    locationIds.length
      ? tx.location.count({ where: { orgId, id: { in: [...new Set(locationIds)] } } })
      : 0,
  ]);
  if (teams !== new Set(teamIds).size)
    throw unknownIds("One of the chosen teams does not exist.", { audience: "Unknown team." });
  if (locations !== new Set(locationIds).size) {
    throw unknownIds("One of the chosen locations does not exist.", {
      audience: "Unknown location.",
    });
  }
}

async function uniqueSlug(tx: Tx, orgId: string, title: string): Promise<string> {
  // Titles without Latin letters still get a readable slug; the random part keeps it unique even
  // when two items with the same title are saved at the same moment.
  const base = (slugify(title) === "org" ? "post" : slugify(title)).slice(0, 60);
  const taken = await tx.contentItem.findUnique({
    where: { orgId_slug: { orgId, slug: base } },
    select: { id: true },
  });
  return taken ? `${base}-${randomString(6).toLowerCase()}` : base;
}

async function writeChildren(
  tx: Tx,
  orgId: string,
  itemId: string,
  language: string,
  input: UpdateContentInput,
) {
  if (input.audience) {
    await tx.contentAudienceTeam.deleteMany({ where: { itemId } });
    await tx.contentAudienceLocation.deleteMany({ where: { itemId } });
    if (!input.audience.all) {
      await tx.contentAudienceTeam.createMany({
        data: [...new Set(input.audience.teamIds)].map((teamId) => ({ orgId, itemId, teamId })),
      });
      await tx.contentAudienceLocation.createMany({
        data: [...new Set(input.audience.locationIds)].map((locationId) => ({
          orgId,
          itemId,
          locationId,
        })),
      });
    }
  }
  if (input.topicIds) {
    const topicIds = await assertTopicsInOrg(tx, orgId, input.topicIds);
    await tx.contentTopic.deleteMany({ where: { itemId } });
    await tx.contentTopic.createMany({
      data: topicIds.map((topicId) => ({ orgId, itemId, topicId })),
    });
  }
  if (input.captions) {
    await tx.contentCaption.deleteMany({ where: { itemId, language } });
    await tx.contentCaption.createMany({
      data: input.captions.map((c, position) => ({
        id: createId("cap"),
        orgId,
        itemId,
        language,
        position,
        ...c,
      })),
    });
  }
  if (input.translations) {
    await tx.contentTranslation.deleteMany({ where: { itemId } });
    await tx.contentCaption.deleteMany({ where: { itemId, language: { not: language } } });
    for (const t of input.translations) {
      await tx.contentTranslation.create({
        data: {
          id: createId("ctr"),
          orgId,
          itemId,
          language: t.language,
          title: t.title,
          body: t.body,
        },
      });
      await tx.contentCaption.createMany({
        data: t.captions.map((c, position) => ({
          id: createId("cap"),
          orgId,
          itemId,
          language: t.language,
          position,
          ...c,
        })),
      });
    }
  }
}

function linkColumns(input: UpdateContentInput) {
  if (input.linkUrl === undefined && input.linkPreview === undefined) return {};
  const preview = input.linkPreview;
  return {
    ...(input.linkUrl !== undefined ? { linkUrl: input.linkUrl } : {}),
    ...(preview !== undefined
      ? {
          linkTitle: preview?.title ?? null,
          linkDescription: preview?.description ?? null,
          linkImageUrl: preview?.imageUrl ?? null,
          linkSiteName: preview?.siteName ?? null,
          linkFetchedAt: preview ? new Date() : null,
        }
      : {}),
  };
}

/** A new draft, written whole in one transaction (item, captions, translations, audience, audit). */
export async function createContentItem(
  access: Pick<Access, "orgId" | "userId">,
  input: CreateContentInput,
  { originatorMembershipId = null }: { originatorMembershipId?: string | null } = {},
  tx?: Tx,
) {
  if (input.linkUrl) await assertPublicLink(input.linkUrl);
  const run = async (t: Tx) => {
    await assertTextsAllowed(t, access.orgId, textsOf(input));
    await assertAudienceInOrg(t, access.orgId, input.audience.teamIds, input.audience.locationIds);
    const id = createId("cnt");
    const slug = await uniqueSlug(t, access.orgId, input.title);
    await t.contentItem.create({
      data: {
        id,
        orgId: access.orgId,
        slug,
        title: input.title,
        body: input.body,
        language: input.language,
        hashtags: input.hashtags,
        notes: input.notes,
        valueType: input.valueType,
        goals: [...new Set(input.goals)],
        audienceAll: input.audience.all,
        publishAt: input.publishAt,
        expireAt: input.expireAt,
        authorId: access.userId,
        lastEditedById: access.userId,
        originatorMembershipId,
        ...linkColumns(input),
      },
    });
    await writeChildren(t, access.orgId, id, input.language, input);
    await t.contentTransition.create({
      data: {
        id: createId("ctt"),
        orgId: access.orgId,
        itemId: id,
        fromStatus: null,
        toStatus: "DRAFT",
        actorId: access.userId,
      },
    });
    await recordAudit(t, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "content.create",
      targetType: "content",
      targetId: id,
      metadata: { title: input.title },
    });
    return { id, slug };
  };
  if (tx) return run(tx);
  // Two items with the same title saved at the same moment can pick the same slug: the loser of
  // that race retries (a taken slug then gets a random suffix).
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(run);
    } catch (error) {
      if (attempt < 2 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

/** Edits an item of the caller's organisation (404 otherwise); lists given are replaced whole. */
export async function updateContentItem(access: Access, itemId: string, input: UpdateContentInput) {
  if (input.linkUrl) await assertPublicLink(input.linkUrl);
  const result = await db.$transaction(async (tx) => {
    // Row lock: an edit and an approval of the same item take turns (the chain restarts cleanly).
    await tx.$queryRaw`SELECT id FROM "ContentItem" WHERE id = ${itemId} AND "orgId" = ${access.orgId} FOR UPDATE`;
    const item = await tx.contentItem.findFirst({
      where: { id: itemId, orgId: access.orgId },
      select: { id: true, language: true, publishAt: true, expireAt: true, status: true },
    });
    if (!item) throw notFound("Content item");
    // Under an approval chain an edit in review or after approval restarts the chain at stage 1;
    // under the single-step rule, what is in review or approved cannot change.
    const stages = await listChainStages(access.orgId, tx);
    const restarts =
      stages.length > 0 && (item.status === "IN_REVIEW" || item.status === "PUBLISHED");
    if (!stages.length && (await lockedByApproval(tx, access.orgId, item.status)))
      throw approvalLockedError(item.status);
    const language = input.language ?? item.language;
    if (input.language && input.language !== item.language && !input.translations) {
      const clash = await tx.contentTranslation.count({
        where: { itemId, language: input.language },
      });
      if (clash) {
        throw badRequest(
          `The post already has a ${input.language} translation. Remove it or change the language of the translation first.`,
          { language: "A translation uses this language." },
        );
      }
    }
    if (input.translations?.some((t) => t.language === language)) {
      throw badRequest("A translation cannot use the item's own language.", {
        translations: "Duplicate language.",
      });
    }
    const publishAt = input.publishAt !== undefined ? input.publishAt : item.publishAt;
    const expireAt = input.expireAt !== undefined ? input.expireAt : item.expireAt;
    if (publishAt && expireAt && expireAt <= publishAt) {
      throw badRequest("The expiry date must be after the publish date.", {
        expireAt: "Must be after the publish date.",
      });
    }
    await assertTextsAllowed(tx, access.orgId, textsOf(input));
    if (input.audience) {
      await assertAudienceInOrg(
        tx,
        access.orgId,
        input.audience.teamIds,
        input.audience.locationIds,
      );
    }
    if (input.language && input.language !== item.language && !input.captions) {
      await tx.contentCaption.updateMany({
        where: { itemId, language: item.language },
        data: { language },
      });
    }
    await tx.contentItem.update({
      where: { id: itemId },
      data: {
        title: input.title,
        body: input.body,
        language: input.language,
        hashtags: input.hashtags,
        notes: input.notes,
        valueType: input.valueType,
        goals: input.goals ? [...new Set(input.goals)] : undefined,
        audienceAll: input.audience?.all,
        publishAt: input.publishAt,
        expireAt: input.expireAt,
        lastEditedById: access.userId,
        ...linkColumns(input),
      },
    });
    await writeChildren(tx, access.orgId, itemId, language, input);
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "content.update",
      targetType: "content",
      targetId: itemId,
      metadata: { fields: Object.keys(input) },
    });
    if (restarts) await restartApprovalChain(tx, access, itemId, item.status, stages);
    return { id: itemId, restarted: restarts };
  });
  if (result.restarted) await refreshChainRequestsSafely(access, itemId);
  return { id: result.id };
}

/**
 * With approval required, what is in review or approved is exactly what a second admin sees or
 * saw: it cannot change until it goes back to draft (and then through review again).
 */
export async function lockedByApproval(
  tx: Tx,
  orgId: string,
  status: ContentStatus,
): Promise<boolean> {
  if (status !== "IN_REVIEW" && status !== "PUBLISHED") return false;
  return (await getOrgSettings(orgId, tx)).requireApproval;
}

export function approvalLockedError(status: ContentStatus) {
  return conflict(
    status === "IN_REVIEW"
      ? "This post is waiting for approval. Send it back to draft to change it."
      : "This post was approved as it is. To change it, unpublish it (back to draft), edit, and submit it for review again.",
  );
}
