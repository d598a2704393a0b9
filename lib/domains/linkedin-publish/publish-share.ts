import { db, type Tx } from "@/lib/core/db/client";
import { AppError } from "@/lib/core/errors/app-error";
import { shortLinkBase } from "@/lib/core/http/app-url";
import { sendJob } from "@/lib/core/jobs/send-job";
import { getUsableConnection, markConnectionExpired } from "@/lib/domains/linkedin/connection";
import {
  createPost,
  LinkedInApiError,
  uploadImage,
  type CreatePostInput,
} from "@/lib/integrations/linkedin/linkedin-client";
import {
  MAX_PUBLISH_ATTEMPTS,
  PUBLISH_RETRY_DELAY_SECONDS,
} from "@/lib/domains/linkedin-publish/jobs/publish-share";
import { syncPostAnalyticsJob } from "@/lib/domains/linkedin-publish/jobs/sync-post-analytics";
import {
  newPublishJobId,
  sendPublishJob,
} from "@/lib/domains/linkedin-publish/schedule-publish-job";
import { announceShareResult } from "@/lib/domains/linkedin-publish/announce-share-result";
import { announceVersionRefusal } from "@/lib/domains/linkedin-publish/announce-version-refusal";
import { getStorage } from "@/lib/integrations/storage/get-storage";
import {
  incentiveDisclosureAtPublish,
  recordDisclosedShare,
} from "@/lib/domains/rewards/incentive-disclosure";
import { recordShareCounted } from "@/lib/domains/recognition/record-share-counted";
import { emitEvent } from "@/lib/domains/developer-webhooks/emit-event";

export const RECONNECT_MESSAGE =
  "LinkedIn needs you to reconnect: your connection expired or was revoked. Reconnect LinkedIn on your profile, then retry this post.";

/** For the member when LinkedIn refuses the server's API version (the admins get the details). */
export const VERSION_MESSAGE =
  "LinkedIn refused the post because this Chorus server uses a LinkedIn API version LinkedIn no longer serves. Your admins have been told; retry it from My activity once they have updated it.";

/** What one run of the publish job did (the job throws instead when it wants pg-boss to retry). */
export type PublishOutcome =
  | { kind: "posted"; postUrn: string }
  | { kind: "failed"; error: string }
  /** Not this job's business any more: posted, failed, cancelled, or superseded by a newer job. */
  | { kind: "skipped" }
  /** LinkedIn asked to wait longer than the next retry: a new job was sent for later. */
  | { kind: "rescheduled"; at: Date };

/** Thrown to make pg-boss retry the job (429, 5xx, time-out) with its backoff. */
export class RetryLaterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RetryLaterError";
  }
}

interface ShareToPublish {
  id: string;
  orgId: string;
  membershipId: string;
  userId: string;
  itemId: string;
  code: string;
  text: string;
  incentiveDisclosure: string | null;
  linkedinImageUrn: string | null;
  linkedinImageKey: string | null;
  item: {
    title: string;
    linkUrl: string | null;
    linkTitle: string | null;
    linkDescription: string | null;
    images: { storageKey: string; contentType: string; alt: string }[];
  };
}

/** The delay pg-boss waits before retry number `retryCount + 1` (retryBackoff doubles it). */
function nextBackoffSeconds(retryCount: number): number {
  return PUBLISH_RETRY_DELAY_SECONDS * 2 ** retryCount;
}

/**
 * Builds the post: an article card (the item's link preview, the card pointing at the tracked
 * link, the item's first image as thumbnail) under the share's text when the item has a link —
 * the link is the card, so it is not repeated in the text (LinkedIn would show it twice); an
 * image post (the first image) when it has images but no link, and text only otherwise, both with
 * the tracked link at the end of the text. LinkedIn does not scrape links sent through the API,
 * hence the explicit card.
 *
 * LinkedIn's Images API cannot delete an upload, so an image is uploaded once per share and
 * remembered (`remember`, in the publishing transaction): a retry after a refused or failed post
 * reuses it instead of leaving another copy behind at LinkedIn.
 */
async function buildPost(
  share: ShareToPublish,
  accessToken: string,
  authorUrn: string,
  remember: (image: { urn: string; storageKey: string }) => Promise<void>,
): Promise<CreatePostInput> {
  const trackedUrl = `${shortLinkBase()}/${share.code}`;
  const withLink = `${share.text}\n\n${trackedUrl}`;
  const image = share.item.images[0];
  const upload = async () => {
    if (!image) return undefined;
    if (share.linkedinImageUrn && share.linkedinImageKey === image.storageKey) {
      return share.linkedinImageUrn;
    }
    const file = await getStorage().get(image.storageKey);
    if (!file) return undefined; // the file is gone: post without it rather than not at all
    const urn = await uploadImage(accessToken, {
      ownerUrn: authorUrn,
      bytes: file.bytes,
      contentType: file.contentType,
    });
    await remember({ urn, storageKey: image.storageKey });
    return urn;
  };
  if (share.item.linkUrl) {
    const thumbnailUrn = await upload();
    return {
      authorUrn,
      commentary: share.text,
      article: {
        source: trackedUrl,
        title: share.item.linkTitle || share.item.title,
        ...(share.item.linkDescription ? { description: share.item.linkDescription } : {}),
        ...(thumbnailUrn ? { thumbnailUrn } : {}),
      },
    };
  }
  const imageUrn = await upload();
  if (imageUrn) {
    return { authorUrn, commentary: withLink, imageUrn, imageAlt: image!.alt || share.item.title };
  }
  return { authorUrn, commentary: withLink };
}

/**
 * Takes the share for this job: one conditional UPDATE, so only a SCHEDULED share whose current
 * job is this one is published. Its row lock is held until the transaction ends, so a second
 * worker running the same job at the same moment waits, then finds it no longer SCHEDULED.
 */
async function claim(tx: Tx, shareId: string, jobId: string): Promise<number | null> {
  const rows = await tx.$queryRaw<{ publishAttempts: number }[]>`
    UPDATE "Share" SET "publishAttempts" = "publishAttempts" + 1, "updatedAt" = now()
    WHERE "id" = ${shareId} AND "status" = 'SCHEDULED' AND "publishJobId" = ${jobId}
    RETURNING "publishAttempts"`;
  return rows[0]?.publishAttempts ?? null;
}

/** A share made before rewards were on went out after: it carried the disclosure, on record. */
async function recordPublishedDisclosure(tx: Tx, share: ShareToPublish, disclosure: string) {
  await tx.share.update({ where: { id: share.id }, data: { incentiveDisclosure: disclosure } });
  await recordDisclosedShare(tx, {
    orgId: share.orgId,
    userId: share.userId,
    shareId: share.id,
    itemId: share.itemId,
    channel: "LINKEDIN_API",
    disclosure,
  });
}

async function markFailed(tx: Tx, share: ShareToPublish, error: string) {
  await tx.share.update({ where: { id: share.id }, data: { status: "FAILED", error } });
}

/**
 * The `linkedin-publish` job: posts one scheduled share through the LinkedIn Posts API.
 *
 * - success → POSTED with postedAt and the post's URN; the member is told (in-app and email);
 * - 429 / 5xx / time-out → the share stays SCHEDULED and the job throws, so pg-boss retries with
 *   backoff (a Retry-After longer than the next retry sends a new job for then instead); the last
 *   attempt marks it FAILED;
 * - 401/403 → the connection is marked EXPIRED, the share FAILED ("reconnect"), no retry;
 * - LinkedIn no longer serves LINKEDIN_API_VERSION → FAILED for the member ("your admins have been
 *   told"), the connection untouched, the organisation's admins told what to change, no retry;
 * - another 4xx, or an answer we cannot read → FAILED with LinkedIn's message, no retry (an
 *   unreadable answer to a post may mean it went out: retrying could post it twice).
 * Never posts twice: see `claim`. `retryCount` is pg-boss's (0 on the first run).
 */
export async function publishShare(
  shareId: string,
  job: { id: string; retryCount: number },
): Promise<PublishOutcome> {
  const share = await db.share.findFirst({
    where: { id: shareId, status: "SCHEDULED", publishJobId: job.id, channel: "LINKEDIN_API" },
    select: {
      id: true,
      orgId: true,
      membershipId: true,
      userId: true,
      itemId: true,
      code: true,
      text: true,
      incentiveDisclosure: true,
      linkedinImageUrn: true,
      linkedinImageKey: true,
      item: {
        select: {
          title: true,
          linkUrl: true,
          linkTitle: true,
          linkDescription: true,
          images: {
            orderBy: { position: "asc" },
            take: 1,
            select: { storageKey: true, contentType: true, alt: true },
          },
        },
      },
    },
  });
  if (!share) return { kind: "skipped" };

  let usable: Awaited<ReturnType<typeof getUsableConnection>> | null = null;
  let connectionProblem: string | null = null;
  try {
    usable = await getUsableConnection(share.orgId, share.membershipId);
  } catch (error) {
    if (!(error instanceof AppError)) throw error; // the database, not the member: retry
    connectionProblem = RECONNECT_MESSAGE;
  }

  // Set inside the transaction, announced after it (never inside: the admins' notifications).
  const versionRefusal: { message: string | null } = { message: null };
  const outcome = await db.$transaction(
    async (tx): Promise<PublishOutcome | RetryLaterError> => {
      const attempts = await claim(tx, share.id, job.id);
      if (attempts === null) return { kind: "skipped" };
      if (!usable || connectionProblem) {
        const error = connectionProblem ?? RECONNECT_MESSAGE;
        await markFailed(tx, share, error);
        return { kind: "failed", error };
      }
      // Rewards turned on since the share was made: it must carry the disclosure now too.
      const incentive = await incentiveDisclosureAtPublish(tx, share.orgId, share.text);
      if (!incentive.ok) {
        await markFailed(tx, share, incentive.error);
        return { kind: "failed", error: incentive.error };
      }
      const { connection, accessToken } = usable;
      try {
        const post = await buildPost(share, accessToken, connection.memberUrn, (image) =>
          tx.share
            .update({
              where: { id: share.id },
              data: { linkedinImageUrn: image.urn, linkedinImageKey: image.storageKey },
            })
            .then(() => undefined),
        );
        const { postUrn } = await createPost(accessToken, post);
        await tx.share.update({
          where: { id: share.id },
          data: { status: "POSTED", postedAt: new Date(), linkedinPostId: postUrn, error: null },
        });
        await emitEvent(
          share.orgId,
          "share.posted",
          { shareId: share.id, itemId: share.itemId, linkedinPostId: postUrn },
          { tx },
        );
        if (incentive.disclosure && !share.incentiveDisclosure) {
          await recordPublishedDisclosure(tx, share, incentive.disclosure);
        }
        return { kind: "posted", postUrn };
      } catch (error) {
        if (!(error instanceof LinkedInApiError)) throw error;
        if (error.code === "unauthorized") {
          await markConnectionExpired(connection.id, error.message, tx);
          await markFailed(tx, share, RECONNECT_MESSAGE);
          return { kind: "failed", error: RECONNECT_MESSAGE };
        }
        if (error.code === "version_unsupported") {
          versionRefusal.message = error.message;
          await markFailed(tx, share, VERSION_MESSAGE);
          return { kind: "failed", error: VERSION_MESSAGE };
        }
        if (error.retryable) {
          if (attempts >= MAX_PUBLISH_ATTEMPTS) {
            const message = `LinkedIn did not take the post after ${attempts} attempts (${error.message}). Retry it later from My activity.`;
            await markFailed(tx, share, message);
            return { kind: "failed", error: message };
          }
          const waiting = `Attempt ${attempts} did not go through (${error.message}); trying again automatically.`;
          if (
            error.retryAfterSeconds !== undefined &&
            error.retryAfterSeconds > nextBackoffSeconds(job.retryCount)
          ) {
            // LinkedIn asked for a longer pause than pg-boss would wait: a new job for then.
            const at = new Date(Date.now() + error.retryAfterSeconds * 1000);
            const nextJobId = newPublishJobId();
            await sendPublishJob(nextJobId, share.id, at);
            await tx.share.update({
              where: { id: share.id },
              data: { error: waiting, publishJobId: nextJobId, scheduledAt: at },
            });
            return { kind: "rescheduled", at };
          }
          await tx.share.update({ where: { id: share.id }, data: { error: waiting } });
          return new RetryLaterError(error.message);
        }
        const message = `LinkedIn did not accept the post: ${error.message}`;
        await markFailed(tx, share, message);
        return { kind: "failed", error: message };
      }
    },
    { timeout: 120_000, maxWait: 10_000 },
  );

  if (outcome instanceof RetryLaterError) throw outcome;
  if (versionRefusal.message) {
    await announceVersionRefusal(share.orgId, versionRefusal.message).catch((error: unknown) =>
      console.error("[linkedin-publish] could not tell the admins", error),
    );
  }
  if (outcome.kind === "posted" || outcome.kind === "failed") {
    await announceShareResult(share, outcome).catch((error: unknown) =>
      console.error("[linkedin-publish] could not announce the result", error),
    );
  }
  if (outcome.kind === "posted") {
    // It counts now: points and badges (a failure here must not fail the post).
    await recordShareCounted(share.id).catch((error: unknown) =>
      console.error("[linkedin-publish] could not award the share's points", error),
    );
    // A first look at the post's analytics soon (the periodic sync keeps them fresh).
    await sendJob(syncPostAnalyticsJob, {}, { startAfter: 60 }).catch(() => null);
  }
  return outcome;
}
