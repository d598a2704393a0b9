import { randomUUID } from "node:crypto";
import { sendJob } from "@/lib/jobs/boss";
import { LINKEDIN_PUBLISH } from "@/lib/domains/linkedin-publish/queue-names";

/** Job data of the `linkedin-publish` queue. */
export interface PublishJobData {
  shareId: string;
}

/** A new id for the job that will publish a share; stored in Share.publishJobId before sending. */
export function newPublishJobId(): string {
  return randomUUID();
}

/**
 * Sends the job that publishes `shareId` at `startAfter`, under the id already stored on the share
 * (a job whose id is not the share's publishJobId does nothing, so a superseded job never posts).
 */
export async function sendPublishJob(jobId: string, shareId: string, startAfter: Date) {
  const data: PublishJobData = { shareId };
  const id = await sendJob(LINKEDIN_PUBLISH, { ...data }, { id: jobId, startAfter });
  if (id === null) throw new Error(`pg-boss refused publish job ${jobId}`);
  return id;
}
