/** The events a developer webhook may subscribe to (README "Developer webhooks"). */
export const DEVELOPER_WEBHOOK_EVENTS = [
  "content.published",
  "share.created",
  "share.posted",
  "conversion.recorded",
  "member.joined",
  "campaign.ended",
] as const;

export type DeveloperWebhookEvent = (typeof DEVELOPER_WEBHOOK_EVENTS)[number];

export const EVENT_LABELS: Record<DeveloperWebhookEvent, string> = {
  "content.published": "Content published",
  "share.created": "Share created",
  "share.posted": "Share posted (LinkedIn API)",
  "conversion.recorded": "Conversion recorded",
  "member.joined": "Member joined",
  "campaign.ended": "Campaign ended",
};
