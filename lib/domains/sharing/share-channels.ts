import { AppError } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import type { ShareStatus } from "@/lib/generated/prisma/enums";

export type ShareChannelId = "LINKEDIN_DIALOG" | "COPY" | "LINKEDIN_API";

/** What the browser does after the share is recorded. */
export type ChannelAction =
  | { kind: "open-window"; url: string; clipboard: string }
  | { kind: "copy"; clipboard: string }
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

export function channelAction(id: ShareChannelId, trackedUrl: string, text: string): ChannelAction {
  switch (id) {
    case "LINKEDIN_DIALOG":
      // LinkedIn ignores pre-filled text in this dialog: the text goes on the clipboard to paste.
      return { kind: "open-window", url: linkedinShareDialogUrl(trackedUrl), clipboard: text };
    case "COPY":
      return { kind: "copy", clipboard: `${text}\n\n${trackedUrl}` };
    case "LINKEDIN_API":
      return { kind: "posted" };
  }
}
