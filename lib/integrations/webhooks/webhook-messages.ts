import type { WebhookKind } from "@/lib/generated/prisma/enums";

/** What a "new content" message says, independent of the chat product. */
export interface ContentAnnouncement {
  itemId: string;
  title: string;
  excerpt: string;
  valueTypeLabel: string;
  /** `${appUrl}/share/<itemId>`: where an employee shares it. */
  shareUrl: string;
  orgName: string;
}

const EXCERPT_MAX = 280;

export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT_MAX ? `${flat.slice(0, EXCERPT_MAX - 1)}…` : flat;
}

/** Slack's mrkdwn treats &, < and > specially. */
const slackEscape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Slack incoming webhook body: `text` is the notification fallback, blocks the message. */
export function slackMessage(a: ContentAnnouncement) {
  return {
    text: `New to share: ${a.title}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: a.title.slice(0, 150), emoji: true } },
      { type: "section", text: { type: "mrkdwn", text: slackEscape(a.excerpt) } },
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: `*${slackEscape(a.valueTypeLabel)}* · ${slackEscape(a.orgName)}`,
          },
        ],
      },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            text: { type: "plain_text", text: "Share it" },
            url: a.shareUrl,
            style: "primary",
            action_id: "chorus_share",
          },
        ],
      },
    ],
  };
}

/**
 * Teams: an Adaptive Card in a message envelope — the format both Office 365 connector URLs
 * (…webhook.office.com) and Power Automate "post to a channel when a webhook request is received"
 * workflows accept.
 */
export function teamsMessage(a: ContentAnnouncement) {
  return {
    type: "message",
    summary: `New to share: ${a.title}`,
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            { type: "TextBlock", text: a.title, weight: "Bolder", size: "Medium", wrap: true },
            { type: "TextBlock", text: a.excerpt, wrap: true },
            {
              type: "TextBlock",
              text: `${a.valueTypeLabel} · ${a.orgName}`,
              isSubtle: true,
              spacing: "Small",
              wrap: true,
            },
          ],
          actions: [{ type: "Action.OpenUrl", title: "Share it", url: a.shareUrl }],
        },
      },
    ],
  };
}

export function announcementMessage(kind: WebhookKind, a: ContentAnnouncement) {
  return kind === "SLACK" ? slackMessage(a) : teamsMessage(a);
}

/** The "send test message" body. */
export function testMessage(kind: WebhookKind, orgName: string, appUrl: string) {
  const text = `Chorus is connected: new content of ${orgName} will be announced here.`;
  if (kind === "SLACK") {
    return {
      text,
      blocks: [{ type: "section", text: { type: "mrkdwn", text: slackEscape(text) } }],
    };
  }
  return {
    type: "message",
    summary: text,
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [{ type: "TextBlock", text, wrap: true }],
          actions: [{ type: "Action.OpenUrl", title: "Open Chorus", url: appUrl }],
        },
      },
    ],
  };
}
