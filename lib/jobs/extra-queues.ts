import type { JobQueue } from "@/lib/jobs/queues";
import { EMAIL_QUEUES } from "@/lib/domains/email/email-queues";
import { LINKEDIN_PUBLISH_QUEUES } from "@/lib/domains/linkedin-publish/linkedin-publish-queues";
import { WEBHOOK_QUEUES } from "@/lib/domains/webhooks/webhook-queues";

/**
 * Queues of the LinkedIn, email and webhook domains. Each domain exports its own array from
 * lib/<domain>/<domain>-queues.ts; add it here.
 */
export const EXTRA_QUEUES: JobQueue[] = [
  ...LINKEDIN_PUBLISH_QUEUES,
  ...WEBHOOK_QUEUES,
  ...EMAIL_QUEUES,
];
