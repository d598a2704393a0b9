import type { ShareChannel, ShareStatus } from "@/lib/generated/prisma/enums";

/** How a share left Chorus, in words. */
export const SHARE_CHANNEL_LABELS: Record<ShareChannel, string> = {
  LINKEDIN_DIALOG: "LinkedIn dialog",
  COPY: "Copied",
  LINKEDIN_API: "LinkedIn API",
  INTENT: "Network's share page",
  WEB_SHARE: "Phone's share sheet",
};

export const SHARE_STATUS_LABELS: Record<ShareStatus, string> = {
  OPENED: "Not confirmed yet",
  SHARED: "Shared",
  SCHEDULED: "Scheduled",
  POSTED: "Posted",
  FAILED: "Failed",
};
