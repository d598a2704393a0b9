import { z } from "zod";
import { db, type Tx } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { AppError, badRequest, conflict } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import { languageField, postTextField } from "@/lib/domains/content/content-schemas";
import { visibleItemsWhere } from "@/lib/domains/content/list-feed-items";
import { notFound } from "@/lib/core/errors/app-error";
import { checkShareText } from "@/lib/domains/sharing/check-share-text";
import { markReminderShared } from "@/lib/domains/sharing/reminders/mark-reminder-shared";
import { SOCIAL_NETWORKS, INTENT_NETWORKS } from "@/lib/domains/sharing/social-networks";
import {
  assertIncentiveDisclosure,
  recordDisclosedShare,
} from "@/lib/domains/rewards/incentive-disclosure";
import { isUniqueViolation } from "@/lib/core/db/is-unique-violation";
import { zonedDateKey, zonedLocalToDate } from "@/lib/core/time/zoned-time";
import { idField } from "@/lib/core/validation";
import { authenticityScore } from "@/lib/domains/sharing/authenticity";
import { listAiDrafts } from "@/lib/domains/ai/list-ai-drafts";
import { mergeUtm, shareUtm } from "@/lib/domains/sharing/merge-utm";
import { newShareCode } from "@/lib/domains/tracking/share-code";
import {
  channelAction,
  getShareChannel,
  type ShareChannelId,
} from "@/lib/domains/sharing/share-channels";
import { resolvePublishTime, scheduledAtField } from "@/lib/domains/linkedin-publish/publish-time";
import {
  newPublishJobId,
  sendPublishJob,
} from "@/lib/domains/linkedin-publish/schedule-publish-job";
import type { ShareStatus, SocialNetwork } from "@/lib/generated/prisma/enums";
import { emitEvent } from "@/lib/domains/developer-webhooks/emit-event";

/**
 * Sends the job that posts an API share at its time. Should the queue be unreachable, the share
 * is not left waiting for a job that does not exist: it becomes FAILED with a message, and its
 * owner retries it from My activity.
 */
async function startPublishing(shareId: string, jobId: string, at: Date): Promise<ShareStatus> {
  try {
    await sendPublishJob(jobId, shareId, at);
    return "SCHEDULED";
  } catch (error) {
    console.error("[linkedin-publish] could not queue the post", error);
    await db.share.updateMany({
      where: { id: shareId, status: "SCHEDULED", publishJobId: jobId },
      data: {
        status: "FAILED",
        error: "Your post could not be queued for LinkedIn. Retry it from My activity.",
      },
    });
    return "FAILED";
  }
}

export const createShareSchema = z
  .object({
    itemId: idField,
    channel: z.enum(["LINKEDIN_DIALOG", "COPY", "LINKEDIN_API", "INTENT", "WEB_SHARE"], {
      error: "channel must be LINKEDIN_DIALOG, COPY, LINKEDIN_API, INTENT or WEB_SHARE.",
    }),
    /** Where it goes: required with INTENT (X, FACEBOOK, XING, BLUESKY, WHATSAPP, EMAIL). */
    network: z
      .enum(SOCIAL_NETWORKS, { error: `network must be one of ${SOCIAL_NETWORKS.join(", ")}.` })
      .optional(),
    /** The share-later reminder this share comes from (marked SHARED with it). */
    reminderId: idField.optional(),
    text: postTextField("post text"),
    startedFrom: z.string().trim().max(40).nullable().default(null),
    /** The language version the person started from (the item's own language when omitted). */
    language: languageField.optional(),
    /**
     * LINKEDIN_API only: when to post, an ISO date-time with offset (the composer reads its
     * datetime-local in the person's time zone). Omitted = now.
     */
    scheduledAt: scheduledAtField.optional(),
  })
  .strict()
  .refine((v) => v.scheduledAt === undefined || v.channel === "LINKEDIN_API", {
    path: ["scheduledAt"],
    error: "scheduledAt only applies when posting through LinkedIn (channel LINKEDIN_API).",
  })
  .refine(
    (v) =>
      v.channel === "INTENT"
        ? (INTENT_NETWORKS as readonly string[]).includes(v.network ?? "")
        : v.network === undefined || v.network === shareNetwork(v.channel, undefined),
    {
      path: ["network"],
      error: `Pick the network to share on: with channel INTENT one of ${INTENT_NETWORKS.join(", ")}; the LinkedIn channels and copy go to LINKEDIN, the phone's share sheet (WEB_SHARE) to OTHER.`,
    },
  );

/** The network a share goes to: the intent's own, the share sheet's OTHER, else LinkedIn. */
export function shareNetwork(channel: string, network: SocialNetwork | undefined): SocialNetwork {
  if (channel === "INTENT") return network ?? "OTHER";
  if (channel === "WEB_SHARE") return "OTHER";
  return "LINKEDIN";
}

export type CreateShareInput = z.infer<typeof createShareSchema>;

export interface ShareUrls {
  /** Base of tracked links (SHORT_LINK_BASE_URL or the app's origin). */
  shortLinkBase: string;
  /** The app's public origin, for the public page of items without a link. */
  appUrl: string;
}

export function publicItemUrl(appUrl: string, orgSlug: string, itemSlug: string): string {
  return `${appUrl}/p/${encodeURIComponent(orgSlug)}/${encodeURIComponent(itemSlug)}`;
}

/** Start of "today" in the organisation's time zone, for the daily share limit. */
function startOfDay(now: Date, timeZone: string): Date {
  return zonedLocalToDate(`${zonedDateKey(now, timeZone)}T00:00`, timeZone) ?? now;
}

async function assertDailyLimit(tx: Tx, access: Access, limit: number | null, now: Date) {
  if (!limit) return;
  // Lock the member's row: two shares at the same moment are counted one after the other.
  await tx.$executeRaw`SELECT 1 FROM "Membership" WHERE "id" = ${access.membershipId} FOR UPDATE`;
  const today = await tx.share.count({
    where: {
      orgId: access.orgId,
      membershipId: access.membershipId,
      createdAt: { gte: startOfDay(now, access.org.timeZone) },
    },
  });
  if (today >= limit) {
    throw new AppError(
      "RATE_LIMITED",
      `You have reached today's limit of ${limit} share${limit === 1 ? "" : "s"}. Come back tomorrow.`,
      undefined,
      3600,
    );
  }
}

/**
 * Records one share with its own tracked link. Refused with a clear message — and nothing
 * recorded — when the item is not shareable by this member, the text breaks a guardrail or is too
 * little their own, or today's limit is reached. Share and link are one row in one transaction.
 */
export async function createShare(
  access: Access,
  input: CreateShareInput,
  urls: ShareUrls,
  now = new Date(),
) {
  const where = await visibleItemsWhere(access, now);
  const item = await db.contentItem.findFirst({
    where: { ...where, id: input.itemId },
    select: {
      id: true,
      slug: true,
      title: true,
      body: true,
      language: true,
      linkUrl: true,
      captions: { select: { text: true } },
      translations: { select: { body: true, language: true } },
    },
  });
  if (!item) throw notFound("Post");

  const network = shareNetwork(input.channel, input.network);
  // Guardrails on every network alike (the incentive disclosure while sharing is rewarded), and
  // the length the network allows.
  const { settings, incentive } = await checkShareText(
    access.orgId,
    input.text,
    network,
    urls.shortLinkBase,
  );

  // Words an AI drafted for this person count as suggested text, never as their own words.
  const aiDrafts = await listAiDrafts(access, item.id, now);
  const ignore = [settings.disclosureText, incentive];
  const authenticity = authenticityScore(
    input.text,
    [
      item.body,
      ...item.captions.map((c) => c.text),
      ...item.translations.map((t) => t.body),
      ...aiDrafts,
    ],
    { ignore },
  );
  const aiAssisted = aiDrafts.length > 0 && authenticityScore(input.text, aiDrafts, { ignore }) < 1;
  if (settings.minAuthenticity !== null && authenticity * 100 < settings.minAuthenticity) {
    throw badRequest(
      `Make it more your own: at least ${settings.minAuthenticity} % of the text should be your own words (now ${Math.round(authenticity * 100)} %).`,
      { text: "Add your own words." },
    );
  }

  const channel = getShareChannel(input.channel as ShareChannelId);
  // Through the API: when to post (400 naming scheduledAt for a past or too distant time).
  const viaApi = input.channel === "LINKEDIN_API";
  const publishAt = viaApi ? resolvePublishTime(input.scheduledAt, now) : null;
  await channel.assertAvailable(access);

  const [org, sharer] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: access.orgId }, select: { slug: true } }),
    db.user.findUniqueOrThrow({ where: { id: access.userId }, select: { networkSize: true } }),
  ]);
  const target = item.linkUrl ?? publicItemUrl(urls.appUrl, org.slug, item.slug);
  const language =
    input.language && item.translations.some((t) => t.language === input.language)
      ? input.language
      : item.language;

  for (let attempt = 0; ; attempt++) {
    const code = newShareCode();
    try {
      const share = await db.$transaction(async (tx) => {
        await assertDailyLimit(tx, access, settings.maxSharesPerDay, now);
        // Checked again under a lock on the settings: no share slips past rewards turned on.
        const disclosure = await assertIncentiveDisclosure(tx, access.orgId, input.text);
        const created = await tx.share.create({
          data: {
            id: createId("shr"),
            orgId: access.orgId,
            itemId: item.id,
            membershipId: access.membershipId,
            userId: access.userId,
            code,
            channel: input.channel,
            network,
            status: channel.initialStatus,
            text: input.text,
            language,
            startedFrom: input.startedFrom,
            authenticity,
            aiAssisted,
            destinationUrl: mergeUtm(target, shareUtm(settings, item.slug, code, network)),
            // Reach estimates use the network size at the time of sharing.
            networkSize: sharer.networkSize,
            incentiveDisclosure: disclosure,
            ...(publishAt ? { scheduledAt: publishAt, publishJobId: newPublishJobId() } : {}),
          },
          select: {
            id: true,
            code: true,
            destinationUrl: true,
            authenticity: true,
            aiAssisted: true,
            channel: true,
            network: true,
            status: true,
            scheduledAt: true,
            publishJobId: true,
          },
        });
        if (disclosure) {
          await recordDisclosedShare(tx, {
            orgId: access.orgId,
            userId: access.userId,
            shareId: created.id,
            itemId: item.id,
            channel: input.channel,
            disclosure,
          });
        }
        if (input.reminderId) {
          await markReminderShared(tx, access, input.reminderId, item.id, created.id);
        }
        await emitEvent(
          access.orgId,
          "share.created",
          {
            shareId: created.id,
            itemId: item.id,
            memberId: access.membershipId,
            shareCode: created.code,
            channel: created.channel,
            network: created.network,
            status: created.status,
          },
          { tx },
        );
        return created;
      });
      if (publishAt && share.publishJobId) {
        share.status = await startPublishing(share.id, share.publishJobId, publishAt);
      }
      const trackedUrl = `${urls.shortLinkBase}/${share.code}`;
      return {
        ...share,
        trackedUrl,
        action: channelAction(share.channel as ShareChannelId, trackedUrl, input.text, {
          network,
          title: item.title,
        }),
      };
    } catch (error) {
      // A code collision (≈ never at 59 bits) gets a new code; anything else is a real error.
      if (isUniqueViolation(error) && attempt < 3) continue;
      if (error instanceof AppError) throw error;
      if (isUniqueViolation(error))
        throw conflict("Could not create a unique link. Please try again.");
      throw error;
    }
  }
}
