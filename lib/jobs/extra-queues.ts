import type { JobQueue } from "@/lib/jobs/queues";
import { EMAIL_QUEUES } from "@/lib/email/email-queues";
import { WEBHOOK_QUEUES } from "@/lib/webhooks/webhook-queues";

/**
 * Queues of the LinkedIn, email and webhook domains. Each domain exports its own array from
 * lib/<domain>/<domain>-queues.ts; add it here.
 */
export const EXTRA_QUEUES: JobQueue[] = [...WEBHOOK_QUEUES, ...EMAIL_QUEUES];
