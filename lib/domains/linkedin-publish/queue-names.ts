/** pg-boss queues of LinkedIn publishing (lib/domains/linkedin-publish/linkedin-publish-queues.ts). */
export const LINKEDIN_PUBLISH = "linkedin-publish";
export const LINKEDIN_ANALYTICS = "linkedin-analytics";

/** Retries of a publish job on 429/5xx/time-outs: 30 s, 1, 2, 4, 8 min (backoff doubles). */
export const PUBLISH_RETRY_LIMIT = 5;
export const PUBLISH_RETRY_DELAY_SECONDS = 30;
/** Attempts in all (the first + the retries); the last one that fails marks the share FAILED. */
export const MAX_PUBLISH_ATTEMPTS = PUBLISH_RETRY_LIMIT + 1;
