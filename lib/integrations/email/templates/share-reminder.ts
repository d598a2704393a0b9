import {
  button,
  esc,
  layout,
  paragraph,
  subjectLine,
  textLayout,
  type RenderedEmail,
} from "@/lib/integrations/email/templates/layout";

export interface ShareReminderEmailInput {
  recipientName: string;
  itemTitle: string;
  /** Where the prepared post goes, in words ("LinkedIn", "X"…). */
  networkLabel: string;
  /** The one-tap link: the composer with the prepared post. */
  shareUrl: string;
}

/** "Ready to share: <title>" — the share-later reminder a person set (category "reminder"). */
export function shareReminderEmail(input: ShareReminderEmailInput): RenderedEmail {
  const { recipientName, itemTitle, networkLabel, shareUrl } = input;
  const reason =
    "You receive this because you asked Chorus to remind you to share this post. Cancel a reminder in My activity to stop its email.";
  const title = `Ready to share: ${itemTitle}`;
  const lines = [
    `Hi ${recipientName},`,
    "",
    `You asked to be reminded to share "${itemTitle}" on ${networkLabel}. Your post is ready:`,
    shareUrl,
  ];
  const html = layout({
    title,
    reason,
    bodyHtml: [
      paragraph(`Hi ${recipientName},`),
      `<p style="margin:0 0 12px">You asked to be reminded to share <strong>${esc(itemTitle)}</strong> on ${esc(networkLabel)}. Your post is ready.</p>`,
      button(shareUrl, "Open my post"),
    ].join("\n"),
  });
  return { subject: subjectLine(title), text: textLayout(lines, reason), html };
}
