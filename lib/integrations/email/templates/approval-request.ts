import {
  button,
  esc,
  layout,
  paragraph,
  subjectLine,
  textLayout,
  type RenderedEmail,
} from "@/lib/integrations/email/templates/layout";

export interface ApprovalRequestEmailInput {
  recipientName: string;
  submitterName: string;
  itemTitle: string;
  orgName: string;
  comment?: string | null;
  reviewUrl: string;
}

/** "Content waiting for your approval" to the other admins (category "approvals"). */
export function approvalRequestEmail(input: ApprovalRequestEmailInput): RenderedEmail {
  const { recipientName, submitterName, itemTitle, orgName, comment, reviewUrl } = input;
  const reason = `You receive this because you are an admin of ${orgName} on Chorus and approval is required before content is published. You can turn these emails off in your profile.`;
  const lines = [
    `Hi ${recipientName},`,
    "",
    `${submitterName} submitted "${itemTitle}" for review.`,
    ...(comment ? [`Their note: ${comment}`] : []),
    "",
    `Review it: ${reviewUrl}`,
  ];
  const html = layout({
    title: "Content waiting for your approval",
    reason,
    bodyHtml: [
      paragraph(`Hi ${recipientName},`),
      `<p style="margin:0 0 12px"><strong>${esc(submitterName)}</strong> submitted <strong>${esc(itemTitle)}</strong> for review.</p>`,
      comment
        ? `<blockquote style="margin:0 0 12px;padding-left:12px;border-left:3px solid #d1d5db;color:#374151">${esc(comment)}</blockquote>`
        : "",
      button(reviewUrl, "Review it"),
    ].join("\n"),
  });
  return {
    subject: subjectLine(`Review requested: ${itemTitle}`),
    text: textLayout(lines, reason),
    html,
  };
}
