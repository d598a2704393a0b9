/** Kept free of imports: lib/jobs/queues.ts reads the webhook queues while it is being loaded. */
export const WEBHOOK_DELIVER = "webhook-deliver";
export const WEBHOOK_ANNOUNCE_LIVE = "webhook-announce-live";
/** Retries after the first attempt (pg-boss retryLimit). */
export const WEBHOOK_RETRY_LIMIT = 5;
