/**
 * Email categories. Each email is sent under one; people can unsubscribe from the optional ones
 * (stored in User.emailOptOuts). Transactional categories (an invitation someone asked us to send)
 * have no unsubscribe: the email says why the person receives it instead.
 */
export const OPTIONAL_EMAIL_CATEGORIES = ["digest", "share-results", "approvals"] as const;
export type OptionalEmailCategory = (typeof OPTIONAL_EMAIL_CATEGORIES)[number];

export const TRANSACTIONAL_EMAIL_CATEGORIES = ["invitation", "account", "reminder"] as const;
export type TransactionalEmailCategory = (typeof TRANSACTIONAL_EMAIL_CATEGORIES)[number];

export type EmailCategory = OptionalEmailCategory | TransactionalEmailCategory;

export const EMAIL_CATEGORY_LABELS: Record<EmailCategory, { label: string; description: string }> =
  {
    digest: {
      label: "Weekly digest",
      description: "Every Monday: new content for you, your clicks last week and an idea to try.",
    },
    "share-results": {
      label: "Scheduled post results",
      description: "When a post you scheduled goes out on LinkedIn, or fails.",
    },
    approvals: {
      label: "Approval requests",
      description: "Admins: when content is submitted for review.",
    },
    invitation: {
      label: "Invitations",
      description: "Sent when an admin invites you; you cannot unsubscribe from these.",
    },
    reminder: {
      label: "Share-later reminders",
      description:
        "The reminders you set yourself to share a post; cancel a reminder in My activity to stop its email.",
    },
    account: {
      label: "Account security",
      description: "Password reset links and password changes; you cannot unsubscribe from these.",
    },
  };

export function isOptionalCategory(category: string): category is OptionalEmailCategory {
  return (OPTIONAL_EMAIL_CATEGORIES as readonly string[]).includes(category);
}

export function isEmailCategory(category: string): category is EmailCategory {
  return (
    isOptionalCategory(category) ||
    (TRANSACTIONAL_EMAIL_CATEGORIES as readonly string[]).includes(category)
  );
}
