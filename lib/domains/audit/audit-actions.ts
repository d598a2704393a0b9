/**
 * The audit trail's vocabulary: every action name the app records, grouped by category (the part
 * before the dot), and the target types entries point at. The audit log's filters offer these;
 * recorded names are stable (old entries keep them), so rename nothing here, only add.
 */

export const AUDIT_CATEGORIES = {
  member: "Members",
  invitation: "Invitations",
  team: "Teams",
  location: "Locations",
  topic: "Topics",
  organization: "Organisation",
  settings: "Settings",
  content: "Content",
  campaign: "Campaigns",
  suggestion: "Suggestions",
  share: "Shares",
  apikey: "API keys",
  webhook: "Webhooks",
  email: "Emails",
  analytics: "Analytics exports",
  audit: "Audit log",
  ai: "AI assistance",
  sso: "Single sign-on",
} as const;

export type AuditCategory = keyof typeof AUDIT_CATEGORIES;

/** Action name → short label (for the filter list and the CSV). */
export const AUDIT_ACTIONS: Record<string, string> = {
  "member.role_change": "Role changed",
  "member.deactivate": "Member deactivated",
  "member.reactivate": "Member reactivated",
  "member.update": "Member updated",
  "invitation.create": "Invitation created",
  "invitation.import": "Invitations imported",
  "invitation.revoke": "Invitation revoked",
  "invitation.accept": "Invitation accepted",
  "team.create": "Team created",
  "team.update": "Team updated",
  "team.delete": "Team deleted",
  "location.create": "Location created",
  "location.rename": "Location renamed",
  "location.delete": "Location deleted",
  "topic.create": "Topic created",
  "topic.rename": "Topic renamed",
  "topic.delete": "Topic deleted",
  "organization.create": "Organisation created",
  "organization.update": "Organisation updated",
  "organization.logo_update": "Logo changed",
  "organization.logo_remove": "Logo removed",
  "settings.guardrails_update": "Guardrails changed",
  "settings.analytics_update": "Analytics settings changed",
  "settings.rewards_update": "Rewards settings changed",
  "settings.badge_update": "Badge switched on or off",
  "settings.ai_update": "AI settings changed",
  "settings.approval_stages_update": "Approval stages changed",
  "content.create": "Post created",
  "content.update": "Post edited",
  "content.delete": "Post deleted",
  "content.submit": "Post sent for review",
  "content.publish": "Post published",
  "content.approve": "Post approved",
  "content.approve_stage": "Post approved at a stage",
  "content.approval_restarted": "Approval restarted by an edit",
  "content.request_changes": "Changes requested",
  "content.archive": "Post archived",
  "content.unpublish": "Post unpublished",
  "content.restore": "Post restored",
  "content.transition": "Post status changed",
  "content.image_add": "Image added",
  "content.image_remove": "Image removed",
  "campaign.create": "Campaign created",
  "campaign.update": "Campaign changed",
  "campaign.archive": "Campaign archived",
  "campaign.export": "Campaign results exported",
  "suggestion.create": "Story suggested",
  "suggestion.accept": "Suggestion accepted",
  "suggestion.reject": "Suggestion declined",
  "share.disclosed": "Shared with the reward disclosure",
  "apikey.create": "API key created",
  "apikey.revoke": "API key revoked",
  "webhook.create": "Webhook added",
  "webhook.update": "Webhook changed",
  "webhook.delete": "Webhook removed",
  "webhook.test": "Webhook test sent",
  "webhook.retry": "Webhook message resent",
  "email.retry": "Email resent",
  "analytics.export": "Analytics exported",
  "audit.export": "Audit log exported",
  "ai.call": "AI assistance used",
  "sso.update": "Single sign-on changed",
  "sso.domain_add": "Email domain claimed",
  "sso.domain_verify": "Email domain verified",
  "sso.domain_remove": "Email domain removed",
  "sso.jit_member": "Joined through single sign-on",
};

/** Target types entries point at, with a label for the filter. */
export const AUDIT_TARGET_TYPES = {
  membership: "Member",
  invitation: "Invitation",
  team: "Team",
  location: "Location",
  topic: "Topic",
  organization: "Organisation",
  content: "Post",
  campaign: "Campaign",
  suggestion: "Suggestion",
  api_key: "API key",
  webhook: "Webhook",
  webhook_delivery: "Webhook message",
  email_delivery: "Email",
  domain: "Email domain",
} as const;

export type AuditTargetType = keyof typeof AUDIT_TARGET_TYPES;

export function auditCategory(action: string): string {
  return action.split(".", 1)[0] ?? action;
}

export function auditActionLabel(action: string): string {
  return AUDIT_ACTIONS[action] ?? action;
}
