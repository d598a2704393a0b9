import type { JobDefinition } from "@/lib/core/jobs/define-job";
import { analyticsRollupJob } from "@/lib/domains/analytics/jobs/analytics-rollup";
import { announceItemsGoneLiveJob } from "@/lib/domains/content/jobs/announce-items-gone-live";
import { announceCampaignsJob } from "@/lib/domains/campaigns/jobs/announce-campaigns";
import { weeklyDigestJob } from "@/lib/domains/digests/jobs/weekly-digest";
import { sendEmailJob } from "@/lib/domains/email/jobs/send-email";
import { linkedInReconnectRemindersJob } from "@/lib/domains/linkedin/jobs/linkedin-reconnect-reminders";
import { publishShareJob } from "@/lib/domains/linkedin-publish/jobs/publish-share";
import { syncPostAnalyticsJob } from "@/lib/domains/linkedin-publish/jobs/sync-post-analytics";
import { sendShareReminderJob } from "@/lib/domains/sharing/jobs/send-share-reminder";
import { shareRemindersSweepJob } from "@/lib/domains/sharing/jobs/share-reminders-sweep";
import { pushFanOutJob } from "@/lib/domains/push/jobs/push-fan-out";
import { sendPushJob } from "@/lib/domains/push/jobs/send-push";
import { clickPartitionsJob } from "@/lib/domains/tracking/jobs/click-partitions";
import { visitorSaltCleanupJob } from "@/lib/domains/tracking/jobs/visitor-salt-cleanup";
import { pollDueSourcesJob } from "@/lib/domains/sources/jobs/poll-due-sources";
import { pollSourceJob } from "@/lib/domains/sources/jobs/poll-source";
import { deliverWebhookJob } from "@/lib/domains/webhooks/jobs/deliver-webhook";
import { deliverDeveloperWebhookJob } from "@/lib/domains/developer-webhooks/jobs/deliver-developer-webhook";
import { connectorSyncJob } from "@/lib/domains/connectors/jobs/connector-sync";
import { connectorsSweepJob } from "@/lib/domains/connectors/jobs/connectors-sweep";

/**
 * Every background job of the app, in one list: the worker start-up (run-jobs.ts) creates each
 * queue, registers its cron schedule (if any) and starts its workers. A new job is a definition
 * in lib/domains/<module>/jobs/<name>.ts, added here. Nothing else imports this list: producers
 * import the one definition they send.
 */
export const JOB_DEFINITIONS: readonly JobDefinition[] = [
  analyticsRollupJob,
  visitorSaltCleanupJob,
  clickPartitionsJob,
  publishShareJob,
  syncPostAnalyticsJob,
  linkedInReconnectRemindersJob,
  deliverWebhookJob,
  deliverDeveloperWebhookJob,
  announceItemsGoneLiveJob,
  sendEmailJob,
  weeklyDigestJob,
  sendShareReminderJob,
  shareRemindersSweepJob,
  pushFanOutJob,
  sendPushJob,
  announceCampaignsJob,
  connectorSyncJob,
  connectorsSweepJob,
  pollDueSourcesJob,
  pollSourceJob,
];
