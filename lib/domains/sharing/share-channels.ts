import { AppError } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import type { ShareStatus, SocialNetwork } from "@/lib/generated/prisma/enums";
import { intentUrl, isIntentNetwork } from "@/lib/domains/sharing/social-networks";

export type ShareChannelId = "LINKEDIN_DIALOG" | "COPY" | "LINKEDIN_API" | "INTENT" | "WEB_SHARE";

/** What the browser does after the share is recorded. */
export type ChannelAction =
  | { kind: "open-window"; url: string; clipboard: string }
  /** A mailto: link: followed in the same window (the mail app opens, the page stays). */
  | { kind: "mailto"; url: string }
  | { kind: "copy"; clipboard: string }
  /** The phone's share sheet: navigator.share(data). */
  | { kind: "web-share"; data: { title: string; text: string; url: string } }
  | { kind: "posted" };

/**
 * The share-channel interface. A channel says whether this member can use it now, which status a
 * new share starts in, and what the browser does next. The LinkedIn API channel is implemented by
 * the LinkedIn integration (it posts on the member's behalf once they connect their account).
 */
export interface ShareChannel {
  id: ShareChannelId;
  label: string;
  initialStatus: ShareStatus;
  assertAvailable(access: Access): Promise<void>;
}

const NOT_CONNECTED =
  "Connect your LinkedIn account to post directly (on your profile page). Until then, use “Share on LinkedIn” or copy the text.";

const LINKEDIN_SHARE_OFFSITE = "https://www.linkedin.com/sharing/share-offsite/";

export function linkedinShareDialogUrl(trackedUrl: string): string {
  return `${LINKEDIN_SHARE_OFFSITE}?url=${encodeURIComponent(trackedUrl)}`;
}

const CHANNELS: Record<ShareChannelId, ShareChannel> = {
  LINKEDIN_DIALOG: {
    id: "LINKEDIN_DIALOG",
    label: "Share on LinkedIn",
    // Opening LinkedIn's dialog posts nothing: the share counts once confirmed (share-status.ts).
    initialStatus: "OPENED",
    assertAvailable: async () => {},
  },
  COPY: {
    id: "COPY",
    label: "Copy text and link",
    initialStatus: "OPENED",
    assertAvailable: async () => {},
  },
  // A network's share page, or the phone's share sheet: like the dialog, nothing is known to be
  // posted until the person confirms it (or the first human click does).
  INTENT: {
    id: "INTENT",
    label: "Share on another network",
    initialStatus: "OPENED",
    assertAvailable: async () => {},
  },
  WEB_SHARE: {
    id: "WEB_SHARE",
    label: "Share…",
    initialStatus: "OPENED",
    assertAvailable: async () => {},
  },
  LINKEDIN_API: {
    id: "LINKEDIN_API",
    label: "Post to LinkedIn for me",
    initialStatus: "SCHEDULED",
    // Available when the member has a usable LinkedIn connection. Without one: the message
    // below; with an expired one: lib/domains/linkedin/connection.ts's "reconnect" message (409).
    assertAvailable: async (access) => {
      const { getUsableConnection } = await import("@/lib/domains/linkedin/connection");
      const { db } = await import("@/lib/core/db/client");
      const connected = await db.linkedInConnection.count({
        where: { orgId: access.orgId, membershipId: access.membershipId },
      });
      if (!connected) throw new AppError("CONFLICT", NOT_CONNECTED);
      await getUsableConnection(access.orgId, access.membershipId);
    },
  },
};

export function getShareChannel(id: ShareChannelId): ShareChannel {
  return CHANNELS[id];
}

/** Lets the LinkedIn integration plug its channel in. */
export function registerShareChannel(channel: ShareChannel): void {
  CHANNELS[channel.id] = channel;
}

export function channelAction(
  id: ShareChannelId,
  trackedUrl: string,
  text: string,
  { network = "LINKEDIN", title = "" }: { network?: SocialNetwork; title?: string } = {},
): ChannelAction {
  switch (id) {
    case "INTENT": {
      if (!isIntentNetwork(network)) return { kind: "copy", clipboard: `${text}\n\n${trackedUrl}` };
      const url = intentUrl(network, { text, trackedUrl, subject: title });
      if (network === "EMAIL") return { kind: "mailto", url };
      return { kind: "open-window", url, clipboard: text };
    }
    case "WEB_SHARE":
      return { kind: "web-share", data: { title, text, url: trackedUrl } };
    case "LINKEDIN_DIALOG":
      // LinkedIn ignores pre-filled text in this dialog: the text goes on the clipboard to paste.
      return { kind: "open-window", url: linkedinShareDialogUrl(trackedUrl), clipboard: text };
    case "COPY":
      return { kind: "copy", clipboard: `${text}\n\n${trackedUrl}` };
    case "LINKEDIN_API":
      return { kind: "posted" };
  }
}
