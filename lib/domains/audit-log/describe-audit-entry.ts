import { CAPABILITY_LABELS, isCapability, ROLE_LABELS } from "@/lib/domains/access/permissions";
import { AUDIT_TARGET_TYPES } from "@/lib/domains/audit/audit-actions";

/** What a sentence needs: the entry, its actor's name and its target's current name. */
export interface DescribableEntry {
  action: string;
  /** null: the system (a job) or a person who no longer exists. */
  actorName: string | null;
  targetType: string | null;
  /** The target's name today (a member's name, a team's, a post's title); null when gone. */
  targetLabel: string | null;
  metadata: unknown;
}

type Meta = Record<string, unknown>;

function meta(entry: DescribableEntry): Meta {
  const m = entry.metadata;
  return m && typeof m === "object" && !Array.isArray(m) ? (m as Meta) : {};
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value : null;
}

function role(value: unknown): string | null {
  return typeof value === "string" && value in ROLE_LABELS
    ? ROLE_LABELS[value as keyof typeof ROLE_LABELS]
    : null;
}

/** "the team “Field crews”", or "a team" when the name is not known. */
function named(kind: string, name: string | null): string {
  return name ? `the ${kind} “${name}”` : `a ${kind}`;
}

/** "requireApproval" → "require approval". */
function words(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
}

function fieldList(m: Meta, skip: readonly string[] = []): string {
  const source =
    m.after && typeof m.after === "object" && !Array.isArray(m.after) ? (m.after as Meta) : m;
  const keys = Object.keys(source).filter((k) => !skip.includes(k) && source[k] !== undefined);
  return keys.length ? ` (${keys.map(words).join(", ")})` : "";
}

function possessive(name: string): string {
  return name.endsWith("s") ? `${name}’` : `${name}’s`;
}

/**
 * One readable sentence per entry, e.g. "Priya Raman changed Sofia Ortiz’s role from Employee to
 * Manager". Pure: names come in resolved; unknown actions still read sensibly.
 */
export function describeAuditEntry(entry: DescribableEntry): string {
  const who = entry.actorName ?? "Chorus";
  const m = meta(entry);
  const target = entry.targetLabel;
  const member = target ?? "a member";
  const post = named("post", target ?? text(m.title));
  const change = m.change && typeof m.change === "object" ? (m.change as Meta) : m;
  const before = m.before && typeof m.before === "object" ? (m.before as Meta) : {};
  const as = (value: unknown) => (role(value) ? ` as ${role(value)}` : "");

  switch (entry.action) {
    case "member.role_change": {
      const from = role(before.role);
      const to = role(change.role);
      return to
        ? `${who} changed ${possessive(member)} role${from ? ` from ${from}` : ""} to ${to}`
        : `${who} changed ${possessive(member)} role`;
    }
    case "member.deactivate":
      return `${who} deactivated ${member}`;
    case "member.capabilities_change": {
      const list = Array.isArray(change.capabilities) ? change.capabilities : [];
      const labels = list.filter((c): c is string => typeof c === "string" && isCapability(c));
      return labels.length
        ? `${who} set ${possessive(member)} capabilities to ${labels.map((c) => CAPABILITY_LABELS[c as keyof typeof CAPABILITY_LABELS]).join(" and ")}`
        : `${who} changed ${possessive(member)} capabilities`;
    }
    case "member.provision":
      return `${who} added ${member} through provisioning (SCIM)`;
    case "member.provision_update":
      return `${who} updated ${member} through provisioning (SCIM)${fieldList(m, ["via", "tokenId"])}`;
    case "member.provision_deactivate":
      return `${who} deactivated ${member} through provisioning (SCIM)`;
    case "member.provision_reactivate":
      return `${who} reactivated ${member} through provisioning (SCIM)`;
    case "team.provision":
      return `${who} created ${named("team", target ?? text(m.name))} through provisioning (SCIM)`;
    case "team.provision_update":
      return `${who} updated ${named("team", target)} through provisioning (SCIM)`;
    case "team.provision_delete":
      return `${who} deleted ${named("team", text(m.name) ?? target)} through provisioning (SCIM)`;
    case "scim.token_create":
      return `${who} created ${named("SCIM token", text(m.name) ?? target)}`;
    case "scim.token_revoke":
      return `${who} revoked ${named("SCIM token", text(m.name) ?? target)}`;
    case "member.reactivate":
      return `${who} reactivated ${member}`;
    case "member.update":
      if (Array.isArray(change.teamIds) && change.title === undefined) {
        return `${who} changed ${possessive(member)} teams`;
      }
      return `${who} updated ${possessive(member)} membership${fieldList(change)}`;
    case "invitation.create":
      return text(m.email)
        ? `${who} invited ${text(m.email)}${as(m.role)}`
        : `${who} created an invitation link${role(m.role) ? ` for ${role(m.role)}s` : ""}`;
    case "invitation.import":
      return `${who} imported invitations: ${Number(m.invited) || 0} invited, ${Number(m.refused) || 0} refused`;
    case "invitation.revoke":
      return text(m.email)
        ? `${who} revoked the invitation for ${text(m.email)}`
        : `${who} revoked an invitation`;
    case "invitation.accept":
      return `${who} accepted an invitation and joined${as(m.role)}`;
    case "team.create":
      return `${who} created ${named("team", text(m.name) ?? target)}`;
    case "team.update":
      return `${who} updated ${named("team", target ?? text(m.name))}`;
    case "team.delete":
      return `${who} deleted ${named("team", text(m.name) ?? target)}`;
    case "location.create":
      return `${who} created ${named("location", text(m.name) ?? target)}`;
    case "location.rename":
      return text(m.before) && text(m.name)
        ? `${who} renamed the location “${text(m.before)}” to “${text(m.name)}”`
        : `${who} renamed ${named("location", target)}`;
    case "location.delete":
      return `${who} deleted ${named("location", text(m.name) ?? target)}`;
    case "topic.create":
      return `${who} created ${named("topic", text(m.name) ?? target)}`;
    case "topic.rename":
      return text(m.before) && text(m.name)
        ? `${who} renamed the topic “${text(m.before)}” to “${text(m.name)}”`
        : `${who} renamed ${named("topic", target)}`;
    case "topic.delete":
      return `${who} deleted ${named("topic", text(m.name) ?? target)}`;
    case "organization.create":
      return `${who} created the organisation`;
    case "organization.update":
      return `${who} changed the organisation’s details${fieldList(m, ["before"])}`;
    case "organization.logo_update":
      return `${who} changed the organisation’s logo`;
    case "organization.logo_remove":
      return `${who} removed the organisation’s logo`;
    case "settings.guardrails_update":
      return `${who} changed the content guardrails${fieldList(m, ["before"])}`;
    case "settings.analytics_update":
      return `${who} changed the analytics settings${fieldList(m, ["before"])}`;
    case "settings.rewards_update": {
      const after = m.after && typeof m.after === "object" ? (m.after as Meta) : {};
      if (after.rewardsEnabled === true) {
        return `${who} turned on rewards for sharing${text(after.incentiveDisclosure) ? ` with the disclosure “${text(after.incentiveDisclosure)}”` : ""}`;
      }
      if (after.rewardsEnabled === false) return `${who} turned off rewards for sharing`;
      return `${who} changed the rewards settings${fieldList(m, ["before"])}`;
    }
    case "settings.ai_update": {
      const after = m.after && typeof m.after === "object" ? (m.after as Meta) : {};
      if (after.enabled === true) return `${who} turned on AI assistance`;
      if (after.enabled === false) return `${who} turned off AI assistance`;
      return `${who} changed the AI settings${fieldList(m, ["before"])}`;
    }
    case "ai.call":
      return `${who} used AI assistance (${text(m.feature) ?? "?"}, ${typeof m.totalTokens === "number" ? m.totalTokens : 0} tokens${text(m.status) && m.status !== "ok" ? `, ${text(m.status)}` : ""})`;
    case "settings.badge_update":
      return `${who} switched the badge “${text(m.badge) ?? "?"}” ${m.enabled === true ? "on" : "off"}`;
    case "settings.approval_stages_update":
      return `${who} changed the approval stages${text(m.stage) ? ` (“${text(m.stage)}”)` : ""}`;
    case "content.create":
      return `${who} created ${post}`;
    case "content.update":
      return `${who} edited ${post}`;
    case "content.delete":
      return `${who} deleted ${post}`;
    case "content.submit":
      return `${who} sent ${post} for review`;
    case "content.publish":
      return `${who} published ${post}`;
    case "content.approve":
      return `${who} approved and published ${post}`;
    case "content.approve_stage":
      return `${who} approved ${post}${text(m.stage) ? ` at the stage “${text(m.stage)}”` : ""}`;
    case "content.approval_restarted":
      return `${who} edited ${post}, which restarted its approval`;
    case "content.request_changes":
      return `${who} asked for changes to ${post}`;
    case "content.archive":
      return `${who} archived ${post}`;
    case "content.unpublish":
      return `${who} took ${post} back to draft`;
    case "content.restore":
      return `${who} restored ${post} as a draft`;
    case "content.transition":
      return `${who} changed the status of ${post}${
        text(m.from) && text(m.to) ? ` from ${text(m.from)} to ${text(m.to)}` : ""
      }`;
    case "content.image_add":
      return `${who} added an image to ${entry.targetType === "suggestion" ? named("suggestion", target) : post}`;
    case "content.image_remove":
      return `${who} removed an image from ${post}`;
    case "campaign.create":
      return `${who} created ${named("campaign", text(m.name) ?? target)}`;
    case "campaign.update":
      return `${who} changed ${named("campaign", target ?? text(m.name))}`;
    case "campaign.archive":
      return `${who} archived ${named("campaign", target ?? text(m.name))}`;
    case "campaign.export":
      return `${who} exported the results of ${named("campaign", target ?? text(m.name))}`;
    case "suggestion.create":
      return `${who} suggested ${target ? `the story “${target}”` : "a story"}`;
    case "suggestion.accept":
      return `${who} accepted ${named("suggestion", target)} as a draft post`;
    case "suggestion.reject":
      return `${who} declined ${named("suggestion", target)}`;
    case "share.disclosed":
      return `${who} shared ${post}${text(m.disclosure) ? ` with the reward disclosure “${text(m.disclosure)}”` : " with the reward disclosure"}`;
    case "apikey.create":
      return `${who} created ${named("API key", text(m.name) ?? target).replace("a API", "an API")}`;
    case "apikey.revoke":
      return `${who} revoked ${named("API key", text(m.name) ?? target).replace("a API", "an API")}`;
    case "webhook.create":
      return `${who} added ${named("webhook", text(m.name) ?? target)}`;
    case "webhook.update": {
      const verb = m.active === false ? "turned off" : m.active === true ? "turned on" : "changed";
      return `${who} ${verb} ${named("webhook", target ?? text(m.name))}`;
    }
    case "webhook.delete":
      return `${who} removed ${named("webhook", text(m.name) ?? target)}`;
    case "webhook.test":
      return `${who} sent a test message to ${named("webhook", target ?? text(m.name))}`;
    case "connector.create":
      return `${who} added ${named("connector", text(m.name) ?? target)}`;
    case "connector.update":
      return `${who} changed ${named("connector", text(m.name) ?? target)}`;
    case "connector.delete":
      return `${who} removed ${named("connector", text(m.name) ?? target)}`;
    case "webhook.retry":
      return `${who} resent a failed webhook message`;
    case "devwebhook.create":
      return `${who} added ${named("developer webhook", text(m.name) ?? target)}`;
    case "devwebhook.update": {
      const verb = m.active === false ? "turned off" : m.active === true ? "turned on" : "changed";
      return `${who} ${verb} ${named("developer webhook", target ?? text(m.name))}`;
    }
    case "devwebhook.delete":
      return `${who} removed ${named("developer webhook", text(m.name) ?? target)}`;
    case "devwebhook.replay":
      return `${who} replayed a developer webhook message`;
    case "devwebhook.disabled":
      return `${who} turned off ${named("developer webhook", text(m.name) ?? target)} after its deliveries kept failing`;
    case "email.retry":
      return `${who} resent a failed email${text(m.to) ? ` to ${text(m.to)}` : ""}`;
    case "analytics.export":
      return text(m.table)
        ? `${who} exported the analytics table “${text(m.table)}”${
            text(m.from) && text(m.to) ? ` for ${text(m.from)} to ${text(m.to)}` : ""
          }`
        : `${who} exported an analytics table`;
    case "audit.export":
      return `${who} exported the audit log`;
    case "sso.update":
      return `${who} changed the single sign-on settings`;
    case "sso.domain_add":
      return `${who} claimed the email domain ${text(m.domain) ?? "(unknown)"}`;
    case "sso.domain_verify":
      return `${who} verified the email domain ${text(m.domain) ?? "(unknown)"}${
        text(m.method) === "admin" ? " on their word" : text(m.method) === "dns" ? " by DNS" : ""
      }`;
    case "sso.domain_remove":
      return `${who} removed an email domain`;
    case "sso.jit_member":
      return `${who} joined through single sign-on as an employee`;
    default: {
      const type = entry.targetType
        ? ((AUDIT_TARGET_TYPES as Record<string, string>)[entry.targetType] ?? entry.targetType)
        : null;
      return `${who}: ${entry.action}${type ? ` (${type.toLowerCase()}${target ? ` “${target}”` : ""})` : ""}`;
    }
  }
}
