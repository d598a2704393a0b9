import { db } from "@/lib/core/db/client";
import { conflict, notFound } from "@/lib/core/errors/app-error";
import { cancelJob } from "@/lib/core/jobs/send-job";
import type { Access } from "@/lib/domains/access/resolve-access";
import { getUsableConnection } from "@/lib/domains/linkedin/connection";
import { resolvePublishTime } from "@/lib/domains/linkedin-publish/publish-time";
import { publishShareJob } from "@/lib/domains/linkedin-publish/jobs/publish-share";
import {
  newPublishJobId,
  sendPublishJob,
} from "@/lib/domains/linkedin-publish/schedule-publish-job";

export const CANCELLED_MESSAGE = "Cancelled by you before it was posted.";

/** The caller's own API share; anyone else's (or another organisation's) is "not found". */
async function ownShare(access: Access, shareId: string) {
  const share = await db.share.findFirst({
    where: {
      id: shareId,
      orgId: access.orgId,
      membershipId: access.membershipId,
      channel: "LINKEDIN_API",
    },
    select: { id: true, status: true, publishJobId: true },
  });
  if (!share) throw notFound("Share");
  return share;
}

/**
 * Retries a FAILED post through the API (after a reconnect, or when LinkedIn was down): back to
 * SCHEDULED with a new job, now or at `scheduledAt`. The status change is conditional, so two
 * clicks start one job.
 */
export async function retryShare(
  access: Access,
  shareId: string,
  scheduledAt?: string,
  now = new Date(),
) {
  const share = await ownShare(access, shareId);
  if (share.status !== "FAILED") {
    throw conflict(
      share.status === "POSTED"
        ? "This post is already on LinkedIn."
        : "This post is already waiting to be posted.",
    );
  }
  const at = resolvePublishTime(scheduledAt, now);
  await getUsableConnection(access.orgId, access.membershipId, now); // 409: reconnect first
  const jobId = newPublishJobId();
  const taken = await db.share.updateMany({
    where: { id: share.id, status: "FAILED" },
    data: {
      status: "SCHEDULED",
      scheduledAt: at,
      publishJobId: jobId,
      publishAttempts: 0,
      error: null,
    },
  });
  if (taken.count === 0) throw conflict("This post is already waiting to be posted.");
  try {
    await sendPublishJob(jobId, share.id, at);
  } catch (error) {
    await db.share.updateMany({
      where: { id: share.id, publishJobId: jobId, status: "SCHEDULED" },
      data: { status: "FAILED", error: "Your post could not be queued. Try again in a moment." },
    });
    throw error;
  }
  return { id: share.id, status: "SCHEDULED" as const, scheduledAt: at };
}

/**
 * Calls off a scheduled post: the share becomes FAILED with "Cancelled by you" (kept, not deleted:
 * its tracked link exists and it stays visible, and it can be retried later) and the pg-boss job
 * is cancelled. The conditional update wins against a job that has not claimed the share yet; a
 * post already being sent cannot be called back (409).
 */
export async function cancelScheduledShare(access: Access, shareId: string) {
  const share = await ownShare(access, shareId);
  if (share.status !== "SCHEDULED") {
    throw conflict(
      share.status === "POSTED"
        ? "This post is already on LinkedIn: delete it there if you need to."
        : "This post is not scheduled.",
    );
  }
  // NOWAIT-free: a job holding the row (posting right now) makes this wait, then find it POSTED.
  const taken = await db.share.updateMany({
    where: { id: share.id, status: "SCHEDULED", publishJobId: share.publishJobId },
    data: { status: "FAILED", error: CANCELLED_MESSAGE, publishJobId: null },
  });
  if (taken.count === 0)
    throw conflict("This post was just sent to LinkedIn and cannot be cancelled.");
  if (share.publishJobId) {
    // The job would do nothing anyway (the share is no longer SCHEDULED); cancelling tidies up.
    await cancelJob(publishShareJob, share.publishJobId).catch(() => undefined);
  }
  return { id: share.id, status: "FAILED" as const, error: CANCELLED_MESSAGE };
}
