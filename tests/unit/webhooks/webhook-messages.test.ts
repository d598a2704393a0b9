import { describe, expect, it } from "vitest";
import { parseWebhookUrl } from "@/lib/integrations/webhooks/webhook-url";
import {
  excerptOf,
  slackMessage,
  teamsMessage,
} from "@/lib/integrations/webhooks/webhook-messages";

describe("webhook URL shapes", () => {
  it.each([
    ["SLACK", "https://hooks.slack.com/services/T01/B02/abc"],
    ["SLACK", "https://hooks.slack.com/workflows/T01/A02/123/abc"],
    ["TEAMS", "https://contoso.webhook.office.com/webhookb2/a@b/IncomingWebhook/c/d"],
    [
      "TEAMS",
      "https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x",
    ],
    [
      "TEAMS",
      "https://default1234.56.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/abc",
    ],
  ] as const)("accepts %s %s", (kind, url) => {
    expect(parseWebhookUrl(kind, url).href).toBe(new URL(url).href);
  });

  it.each([
    ["SLACK", "http://hooks.slack.com/services/T01/B02/abc", /https/],
    ["SLACK", "https://hooks.slack.com.evil.example/services/T01/B02/abc", /hooks\.slack\.com/],
    ["SLACK", "https://hooks.slack.com/", /services/],
    ["TEAMS", "https://webhook.office.com.evil.example/webhookb2/x", /webhook\.office\.com/],
    ["TEAMS", "https://evil-logic.azure.com.example/x", /Power Automate/],
    ["TEAMS", "ftp://contoso.webhook.office.com/x", /https/],
  ] as const)("refuses %s %s", (kind, url, message) => {
    expect(() => parseWebhookUrl(kind, url)).toThrow(message);
  });
});

describe("messages", () => {
  const a = {
    itemId: "cnt_1",
    title: "Q3 results <b>",
    excerpt: excerptOf("Revenue   grew\n\n12 %. ".repeat(40)),
    valueTypeLabel: "Information",
    shareUrl: "https://chorus.example/share/cnt_1",
    orgName: "Fernhill & Co",
  };

  it("shortens and flattens the excerpt", () => {
    expect(a.excerpt.length).toBe(280);
    expect(a.excerpt).not.toMatch(/\s{2}|\n/);
    expect(a.excerpt.endsWith("…")).toBe(true);
  });

  it("Slack: escaped mrkdwn, a Share it button", () => {
    const m = slackMessage(a);
    expect(m.text).toBe("New to share: Q3 results <b>");
    expect(JSON.stringify(m.blocks[2])).toContain("Fernhill &amp; Co");
    expect(m.blocks[3]).toEqual({
      type: "actions",
      elements: [expect.objectContaining({ type: "button", url: a.shareUrl })],
    });
  });

  it("Teams: an Adaptive Card in a message envelope", () => {
    const m = teamsMessage(a);
    const card = m.attachments[0]!;
    expect(card.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(card.content.type).toBe("AdaptiveCard");
    expect(card.content.actions).toEqual([
      { type: "Action.OpenUrl", title: "Share it", url: a.shareUrl },
    ]);
  });
});
