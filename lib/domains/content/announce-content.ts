import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { appUrl } from "@/lib/core/http/app-url";
import { VALUE_TYPES } from "@/lib/domains/content/value-types";
import { createNotification } from "@/lib/domains/notifications/create-notification";
import { notifyNewForYou } from "@/lib/domains/content/notify-new-for-you";
import { enqueueDelivery } from "@/lib/domains/webhooks/deliver-webhook";
import { announcementMessage, excerptOf } from "@/lib/integrations/webhooks/webhook-messages";

export const CONTENT_PUBLISHED = "content.published";

/** How far back the every-minute job looks for items that went live (its safety window). */
const LIVE_WINDOW_MS = 60 * 60_000;

function log(message: string, error?: unknown) {
  console.error(`[webhooks] ${message}`, error instanceof Error ? error.message : (error ?? ""));
}

/**
 * Announces a live item once: one PENDING delivery per active endpoint of its organisation that
 * has not had this item yet, then a job per delivery. Idempotent — an advisory lock per item and
 * the "not yet delivered for this endpoint" check mean the publish call and the every-minute job
 * never announce twice. Items not live yet (status other than PUBLISHED, or publishAt in the
 * future) are skipped; the job announces them when their time comes. Also tells the employee
 * whose suggestion became the item (in-app notification, once) and rings the bell of everyone in
 * its audience ("New for you", notifyNewForYou, once). Returns the deliveries created.
 */
export async function announceContentItem(orgId: string, itemId: string): Promise<string[]> {
  const now = new Date();
  const created = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`announce:${itemId}`}))`;
    const item = await tx.contentItem.findFirst({
      where: { id: itemId, orgId, status: "PUBLISHED", publishedAt: { not: null, lte: now } },
      select: {
        id: true,
        title: true,
        body: true,
        valueType: true,
        publishAt: true,
        publishedAt: true,
        authorId: true,
        org: { select: { name: true } },
        suggestion: { select: { id: true, membership: { select: { userId: true } } } },
      },
    });
    if (!item || (item.publishAt && item.publishAt > now)) return [];
    const liveSince = item.publishAt ?? item.publishedAt!;
    const endpoints = await tx.webhookEndpoint.findMany({
      where: {
        orgId,
        active: true,
        // An endpoint added later does not receive items that went live before it existed.
        createdAt: { lte: liveSince },
        deliveries: {
          none: { event: CONTENT_PUBLISHED, payload: { path: ["itemId"], equals: itemId } },
        },
      },
      select: { id: true, kind: true },
    });
    const shareUrl = `${appUrl()}/share/${item.id}`;
    const announcement = {
      itemId: item.id,
      title: item.title,
      excerpt: excerptOf(item.body),
      valueTypeLabel: VALUE_TYPES.find((v) => v.id === item.valueType)?.label ?? item.valueType,
      shareUrl,
      orgName: item.org.name,
    };
    const ids: string[] = [];
    for (const endpoint of endpoints) {
      const id = createId("whd");
      await tx.webhookDelivery.create({
        data: {
          id,
          orgId,
          endpointId: endpoint.id,
          event: CONTENT_PUBLISHED,
          payload: { itemId: item.id, ...announcementMessage(endpoint.kind, announcement) },
        },
      });
      ids.push(id);
    }
    const authorUserId = item.suggestion?.membership.userId;
    if (authorUserId) {
      const already = await tx.notification.count({
        where: { orgId, userId: authorUserId, kind: CONTENT_PUBLISHED, url: `/share/${item.id}` },
      });
      if (already === 0) {
        await createNotification(
          {
            orgId,
            userId: authorUserId,
            kind: CONTENT_PUBLISHED,
            title: `Your story is live: ${item.title}`,
            body: "The comms team published the story you suggested. Share it with your network.",
            url: `/share/${item.id}`,
          },
          tx,
        );
      }
    }
    await notifyNewForYou(tx, orgId, item, authorUserId ? [authorUserId] : []);
    return ids;
  });
  for (const id of created) await enqueueDelivery(id);
  return created;
}

/** For the publish call site: never fails the publish; the every-minute job catches up. */
export async function announceContentItemSafely(orgId: string, itemId: string): Promise<void> {
  try {
    await announceContentItem(orgId, itemId);
  } catch (error) {
    log(`could not announce ${itemId} now (the next run of the job will)`, error);
  }
}

/**
 * The every-minute job: items that went live in the last hour — by publishAt passing (no
 * transition happens then) or by a publish whose announcement did not get through — are announced
 * (webhooks and the audience's bell); announceContentItem skips what was already sent.
 */
export async function announceItemsGoneLive(): Promise<number> {
  const now = new Date();
  const since = new Date(now.getTime() - LIVE_WINDOW_MS);
  const items = await db.contentItem.findMany({
    where: {
      status: "PUBLISHED",
      publishedAt: { not: null, lte: now },
      OR: [
        { publishAt: { gte: since, lte: now } },
        { publishAt: null, publishedAt: { gte: since } },
      ],
    },
    select: { id: true, orgId: true },
    take: 500,
  });
  let count = 0;
  for (const item of items) {
    count += (await announceContentItem(item.orgId, item.id)).length;
  }
  return count;
}
