import type { JobQueue } from "@/lib/jobs/queues";
import { LINKEDIN_PUBLISH_QUEUES } from "@/lib/linkedin-publish/linkedin-publish-queues";

/**
 * Queues of the LinkedIn, email and webhook domains. Each domain exports its own array from
 * lib/<domain>/<domain>-queues.ts; add it here.
 */
export const EXTRA_QUEUES: JobQueue[] = [...LINKEDIN_PUBLISH_QUEUES];
