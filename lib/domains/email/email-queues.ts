import type { JobQueue } from "@/lib/jobs/queues";
import { EMAIL_DIGEST, EMAIL_RETRY_LIMIT, EMAIL_SEND } from "@/lib/domains/email/email-queue-names";

/** Queues of the email domain (listed in lib/jobs/extra-queues.ts). */
export const EMAIL_QUEUES: JobQueue[] = [
  {
    name: EMAIL_SEND,
    policy: "standard",
    pollingIntervalSeconds: 1,
    expireInSeconds: 5 * 60,
    // 1 + 5 attempts over ~10 minutes: 20 s, 40 s, 80 s, 160 s, 320 s.
    retryLimit: EMAIL_RETRY_LIMIT,
    retryDelay: 20,
    retryBackoff: true,
    concurrency: 2,
    run: async (data, job) => {
      const { sendDelivery } = await import("@/lib/domains/email/send-delivery");
      await sendDelivery(
        {
          deliveryId: String(data.deliveryId),
          text: String(data.text ?? ""),
          html: String(data.html ?? ""),
        },
        job,
      );
    },
  },
  {
    name: EMAIL_DIGEST,
    policy: "stately",
    // Mondays 07:00 UTC.
    cron: "0 7 * * 1",
    pollingIntervalSeconds: 30,
    expireInSeconds: 30 * 60,
    retryLimit: 2,
    run: async () => {
      const { queueWeeklyDigests } = await import("@/lib/domains/digests/queue-weekly-digests");
      await queueWeeklyDigests(new Date());
    },
  },
];
