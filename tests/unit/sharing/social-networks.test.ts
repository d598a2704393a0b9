import { describe, expect, it } from "vitest";
import { mergeUtm, shareUtm, DEFAULT_UTM } from "@/lib/domains/sharing/merge-utm";
import { channelAction } from "@/lib/domains/sharing/share-channels";
import {
  intentUrl,
  networkCharacterCount,
  networkLengthProblem,
} from "@/lib/domains/sharing/social-networks";
import { reminderPresets } from "@/lib/domains/sharing/reminders/reminder-presets";
import { resolveReminderTime } from "@/lib/domains/sharing/reminders/reminder-time";
import { shareReminderEmail } from "@/lib/integrations/email/templates/share-reminder";

const LINK = "https://chorus.example/Ab3dE6gH9k";

describe("counting per network", () => {
  it("X counts the text plus a space and the tracked link at 23, and every link in the text at 23", () => {
    expect(networkCharacterCount("X", "hello", LINK.length)).toBe(5 + 1 + 23);
    const withUrl = `see https://example.com/${"a".repeat(80)} now`;
    expect(networkCharacterCount("X", withUrl, LINK.length)).toBe(4 + 23 + 4 + 24);
  });

  it("Bluesky counts the link as written; LinkedIn the text alone (code points)", () => {
    expect(networkCharacterCount("BLUESKY", "hello", LINK.length)).toBe(5 + 1 + LINK.length);
    expect(networkCharacterCount("LINKEDIN", "héllo 👋", LINK.length)).toBe(7);
  });

  it("names the network, the count and what to remove", () => {
    expect(networkLengthProblem("X", "a".repeat(256), LINK.length)).toBeNull();
    expect(networkLengthProblem("X", "a".repeat(260), LINK.length)).toBe(
      "Too long for X: 284 characters (your link counts as 23); X allows 280. Remove 4.",
    );
    expect(networkLengthProblem("WHATSAPP", "a".repeat(2000), LINK.length)).toBeNull();
  });
});

describe("intents", () => {
  it("builds each network's share page with the tracked link", () => {
    const text = "Proud & happy #solar";
    const opts = { text, trackedUrl: LINK, subject: "Solar park" };
    expect(intentUrl("X", opts)).toBe(
      `https://x.com/intent/post?text=Proud%20%26%20happy%20%23solar&url=${encodeURIComponent(LINK)}`,
    );
    expect(intentUrl("FACEBOOK", opts)).toBe(
      `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(LINK)}`,
    );
    expect(intentUrl("XING", opts)).toBe(
      `https://www.xing.com/spi/shares/new?url=${encodeURIComponent(LINK)}`,
    );
    expect(new URL(intentUrl("BLUESKY", opts)).searchParams.get("text")).toBe(`${text}\n${LINK}`);
    expect(new URL(intentUrl("WHATSAPP", opts)).searchParams.get("text")).toBe(`${text}\n${LINK}`);
    expect(intentUrl("EMAIL", opts)).toBe(
      `mailto:?subject=Solar%20park&body=${encodeURIComponent(`${text}\n\n${LINK}`)}`,
    );
  });

  it("the channel action: a window for intents, mailto for email, the share sheet for WEB_SHARE", () => {
    expect(channelAction("INTENT", LINK, "t", { network: "X", title: "T" }).kind).toBe(
      "open-window",
    );
    expect(channelAction("INTENT", LINK, "t", { network: "EMAIL", title: "T" }).kind).toBe(
      "mailto",
    );
    expect(channelAction("WEB_SHARE", LINK, "t", { network: "OTHER", title: "T" })).toEqual({
      kind: "web-share",
      data: { title: "T", text: "t", url: LINK },
    });
  });

  it("utm_source is the network's; LinkedIn keeps the organisation's setting", () => {
    const dest = (network: Parameters<typeof shareUtm>[3]) =>
      new URL(
        mergeUtm(
          "https://x.example/",
          shareUtm({ ...DEFAULT_UTM, utmSource: "li" }, "s", "c", network),
        ),
      ).searchParams.get("utm_source");
    expect(dest("LINKEDIN")).toBe("li");
    expect(dest("X")).toBe("x");
    expect(dest("WHATSAPP")).toBe("whatsapp");
    expect(dest("OTHER")).toBe("other");
  });
});

describe("share-later times", () => {
  const now = new Date("2026-12-07T15:00:00Z"); // 16:00 in Berlin

  it("presets: this evening 18:00 and tomorrow 08:00 in the person's zone", () => {
    expect(reminderPresets(now, "Europe/Berlin")).toEqual([
      { key: "evening", label: "This evening 18:00", at: "2026-12-07T17:00:00.000Z" },
      { key: "tomorrow", label: "Tomorrow 08:00", at: "2026-12-08T07:00:00.000Z" },
    ]);
    // After 17:55 the evening has passed.
    expect(
      reminderPresets(new Date("2026-12-07T17:00:00Z"), "Europe/Berlin").map((p) => p.key),
    ).toEqual(["tomorrow"]);
  });

  it("refuses the past and more than 30 days ahead", () => {
    expect(resolveReminderTime("2026-12-07T18:00:00+01:00", now).toISOString()).toBe(
      "2026-12-07T17:00:00.000Z",
    );
    expect(() => resolveReminderTime("2026-12-07T14:00:00Z", now)).toThrow(/already passed/);
    expect(() => resolveReminderTime("2027-01-07T15:00:01Z", now)).toThrow(/at most 30 days/);
  });

  it("the reminder email carries the one-tap link", () => {
    const email = shareReminderEmail({
      recipientName: "Ada",
      itemTitle: "Solar <park>",
      networkLabel: "X",
      shareUrl: "https://chorus.example/share/cnt_1?reminder=rem_1",
    });
    expect(email.subject).toBe("Ready to share: Solar <park>");
    expect(email.text).toContain("https://chorus.example/share/cnt_1?reminder=rem_1");
    expect(email.html).toContain('href="https://chorus.example/share/cnt_1?reminder=rem_1"');
    expect(email.html).toContain("Solar &lt;park&gt;");
  });
});
