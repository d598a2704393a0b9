import { randomUUID } from "node:crypto";
import { sendJob } from "@/lib/core/jobs/send-job";
import { publishShareJob } from "@/lib/domains/linkedin-publish/jobs/publish-share";

/** A new id for the job that will publish a share; stored in Share.publishJobId before sending. */
export function newPublishJobId(): string {
  return randomUUID();
}

/**
 * Sends the job that publishes `shareId` at `startAfter`, under the id already stored on the share
 * (a job whose id is not the share's publishJobId does nothing, so a superseded job never posts).
 */
export async function sendPublishJob(jobId: string, shareId: string, startAfter: Date) {
  const id = await sendJob(publishShareJob, { shareId }, { id: jobId, startAfter });
  if (id === null) throw new Error(`pg-boss refused publish job ${jobId}`);
  return id;
}
