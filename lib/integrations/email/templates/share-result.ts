import {
  button,
  esc,
  layout,
  paragraph,
  subjectLine,
  textLayout,
  type RenderedEmail,
} from "@/lib/integrations/email/templates/layout";

export interface ShareResultEmailInput {
  recipientName: string;
  itemTitle: string;
  status: "posted" | "failed";
  /** Why it failed, in words a person understands (shown as given, escaped). */
  error?: string;
  /** The post on LinkedIn (when posted). */
  postUrl?: string;
  /** The person's activity page in Chorus, to see or retry the share. */
  activityUrl: string;
}

/** "Your scheduled post went out" / "…could not be posted" (category "share-results"). */
export function shareResultEmail(input: ShareResultEmailInput): RenderedEmail {
  const { recipientName, itemTitle, status, error, postUrl, activityUrl } = input;
  const reason =
    "You receive this because you scheduled a post in Chorus. You can turn these emails off in your profile.";
  if (status === "posted") {
    const title = "Your scheduled post went out";
    const lines = [
      `Hi ${recipientName},`,
      "",
      `Your post "${itemTitle}" is now live on LinkedIn.`,
      ...(postUrl ? ["", `See it on LinkedIn: ${postUrl}`] : []),
      "",
      `Your activity in Chorus: ${activityUrl}`,
    ];
    const html = layout({
      title,
      reason,
      bodyHtml: [
        paragraph(`Hi ${recipientName},`),
        `<p style="margin:0 0 12px">Your post <strong>${esc(itemTitle)}</strong> is now live on LinkedIn.</p>`,
        postUrl ? button(postUrl, "See it on LinkedIn") : "",
        `<p style="margin:0 0 12px"><a href="${esc(activityUrl)}">Your activity in Chorus</a></p>`,
      ].join("\n"),
    });
    return { subject: subjectLine(`Posted: ${itemTitle}`), text: textLayout(lines, reason), html };
  }
  const title = "Your scheduled post could not be posted";
  const why = error?.trim() || "LinkedIn did not accept the post.";
  const lines = [
    `Hi ${recipientName},`,
    "",
    `Your post "${itemTitle}" could not be posted on LinkedIn.`,
    `Reason: ${why}`,
    "",
    `Open your activity to try again or share it yourself: ${activityUrl}`,
  ];
  const html = layout({
    title,
    reason,
    bodyHtml: [
      paragraph(`Hi ${recipientName},`),
      `<p style="margin:0 0 12px">Your post <strong>${esc(itemTitle)}</strong> could not be posted on LinkedIn.</p>`,
      `<p style="margin:0 0 12px">Reason: ${esc(why)}</p>`,
      button(activityUrl, "Open your activity"),
    ].join("\n"),
  });
  return {
    subject: subjectLine(`Not posted: ${itemTitle}`),
    text: textLayout(lines, reason),
    html,
  };
}
