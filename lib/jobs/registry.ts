import type { JobDefinition } from "@/lib/core/jobs/define-job";
import { analyticsRollupJob } from "@/lib/domains/analytics/jobs/analytics-rollup";
import { announceItemsGoneLiveJob } from "@/lib/domains/content/jobs/announce-items-gone-live";
import { weeklyDigestJob } from "@/lib/domains/digests/jobs/weekly-digest";
import { sendEmailJob } from "@/lib/domains/email/jobs/send-email";
import { linkedInReconnectRemindersJob } from "@/lib/domains/linkedin/jobs/linkedin-reconnect-reminders";
import { publishShareJob } from "@/lib/domains/linkedin-publish/jobs/publish-share";
import { syncPostAnalyticsJob } from "@/lib/domains/linkedin-publish/jobs/sync-post-analytics";
import { visitorSaltCleanupJob } from "@/lib/domains/tracking/jobs/visitor-salt-cleanup";
import { deliverWebhookJob } from "@/lib/domains/webhooks/jobs/deliver-webhook";

/**
 * Every background job of the app, in one list: the worker start-up (run-jobs.ts) creates each
 * queue, registers its cron schedule (if any) and starts its workers. A new job is a definition
 * in lib/domains/<module>/jobs/<name>.ts, added here. Nothing else imports this list: producers
 * import the one definition they send.
 */
export const JOB_DEFINITIONS: readonly JobDefinition[] = [
  analyticsRollupJob,
  visitorSaltCleanupJob,
  publishShareJob,
  syncPostAnalyticsJob,
  linkedInReconnectRemindersJob,
  deliverWebhookJob,
  announceItemsGoneLiveJob,
  sendEmailJob,
  weeklyDigestJob,
];
