import { z } from "zod";
import { defineJob } from "@/lib/core/jobs/define-job";

/** Attempts of one delivery before it is FAILED: 1 + EMAIL_RETRY_LIMIT. */
export const EMAIL_RETRY_LIMIT = 5;

/**
 * Account emails (password reset links, password changed) are urgent: they go ahead of whatever
 * is waiting in the queue, such as the invitations of a 1,000-row import (pg-boss fetches higher
 * priorities first). Given per send (`queueEmail` with category "account").
 */
export const URGENT_EMAIL_PRIORITY = 10;

/** Delivers one EmailDelivery: the row holds no body, so the job carries the content. */
export const sendEmailJob = defineJob({
  name: "email-send",
  schema: z.object({
    deliveryId: z.string().min(1),
    text: z.string(),
    html: z.string(),
  }),
  options: {
    policy: "standard",
    pollingIntervalSeconds: 1,
    expireInSeconds: 5 * 60,
    // 1 + 5 attempts over ~10 minutes: 20 s, 40 s, 80 s, 160 s, 320 s.
    retryLimit: EMAIL_RETRY_LIMIT,
    retryDelay: 20,
    retryBackoff: true,
    concurrency: 2,
  },
  async handler(payload, job) {
    const { sendDelivery } = await import("@/lib/domains/email/send-delivery");
    await sendDelivery(payload, job);
  },
});

/** What an email-send job carries. */
export type EmailJobData = z.infer<typeof sendEmailJob.schema>;
