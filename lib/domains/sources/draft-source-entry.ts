import { db } from "@/lib/core/db/client";
import { isUniqueViolation } from "@/lib/core/db/is-unique-violation";
import { badRequest, conflict, notFound } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { createContentSchema } from "@/lib/domains/content/content-schemas";
import { createContentItem } from "@/lib/domains/content/save-content-item";
import { suggestValueType } from "@/lib/domains/sources/suggest-value-type";

type Actor = Pick<Access, "orgId" | "userId">;

const cut = (text: string | null, max: number) =>
  text && text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

/** The ids among `ids` that still exist in the organisation (a default may name a deleted team). */
async function existing(model: "team" | "location" | "topic", orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const where = { orgId, id: { in: ids } };
  const rows =
    model === "team"
      ? await db.team.findMany({ where, select: { id: true } })
      : model === "location"
        ? await db.location.findMany({ where, select: { id: true } })
        : await db.topic.findMany({ where, select: { id: true } });
  return rows.map((r) => r.id);
}

/**
 * Turns an inbox entry into a DRAFT content item with the source's defaults: its value type (or
 * one suggested from the text), goals, audience and topics; the entry's link and preview. The
 * entry is claimed first (NEW → DRAFTED) in the same transaction, so two clicks, or a click and an
 * auto-draft, make one item. Used by "Make draft" and by polling with auto-draft on.
 */
export async function draftSourceEntry(actor: Actor, entryId: string, { auto = false } = {}) {
  const entry = await db.sourceEntry.findFirst({
    where: { id: entryId, orgId: actor.orgId },
    include: { source: true },
  });
  if (!entry) throw notFound("Inbox entry");
  if (entry.status !== "NEW") throw alreadyReviewed(entry.status);
  const { source } = entry;
  const [teamIds, locationIds, topicIds] = await Promise.all([
    existing("team", actor.orgId, source.defaultTeamIds),
    existing("location", actor.orgId, source.defaultLocationIds),
    existing("topic", actor.orgId, source.defaultTopicIds),
  ]);
  const title = entry.title || entry.previewTitle || entry.url;
  const summary = entry.summary || entry.previewDescription;
  const parsed = createContentSchema.safeParse({
    title: cut(title, 200),
    body: summary || title,
    linkUrl: entry.url,
    linkPreview: {
      title: cut(entry.previewTitle ?? entry.title, 300),
      description: cut(entry.previewDescription ?? entry.summary, 1000),
      imageUrl: entry.previewImageUrl ?? entry.imageUrl,
      siteName: cut(entry.previewSiteName, 120),
    },
    notes: `From the source “${source.name}”.`,
    valueType: source.defaultValueType ?? suggestValueType(title, summary),
    goals: source.defaultGoals.length ? source.defaultGoals : ["MARKETING"],
    audience: {
      all: teamIds.length + locationIds.length === 0,
      teamIds,
      locationIds,
    },
    topicIds,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(`The entry cannot become a post as it is: ${issue?.message ?? "invalid"}`);
  }
  try {
    return await db.$transaction(async (tx) => {
      const claimed = await tx.sourceEntry.updateMany({
        where: { id: entryId, orgId: actor.orgId, status: "NEW" },
        data: { status: "DRAFTED", reviewedById: actor.userId, reviewedAt: new Date() },
      });
      if (claimed.count !== 1) throw conflict("Someone else handled this entry just now.");
      const item = await createContentItem(actor, parsed.data, {}, tx);
      await tx.sourceEntry.update({ where: { id: entryId }, data: { itemId: item.id } });
      await recordAudit(tx, {
        orgId: actor.orgId,
        actorId: actor.userId,
        action: auto ? "source.entry.auto_draft" : "source.entry.draft",
        targetType: "source_entry",
        targetId: entryId,
        metadata: { itemId: item.id, sourceId: source.id },
      });
      return item;
    });
  } catch (error) {
    // Two drafts with one title at the same moment may pick one slug: the loser asks again.
    if (isUniqueViolation(error)) throw conflict("Could not save the draft just now. Try again.");
    throw error;
  }
}

/** Dismisses an inbox entry of the caller's organisation: it stays, so later polls skip it. */
export async function dismissSourceEntry(access: Access, entryId: string) {
  const entry = await db.sourceEntry.findFirst({
    where: { id: entryId, orgId: access.orgId },
    select: { status: true },
  });
  if (!entry) throw notFound("Inbox entry");
  if (entry.status !== "NEW") throw alreadyReviewed(entry.status);
  await db.$transaction(async (tx) => {
    const updated = await tx.sourceEntry.updateMany({
      where: { id: entryId, orgId: access.orgId, status: "NEW" },
      data: { status: "DISMISSED", reviewedById: access.userId, reviewedAt: new Date() },
    });
    if (updated.count !== 1) throw conflict("Someone else handled this entry just now.");
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "source.entry.dismiss",
      targetType: "source_entry",
      targetId: entryId,
    });
  });
  return { ok: true };
}

function alreadyReviewed(status: string) {
  return conflict(
    status === "DRAFTED"
      ? "This entry was already made a draft."
      : "This entry was already dismissed.",
  );
}
