import type { ContentStatus } from "@/lib/generated/prisma/enums";

/**
 * What an item's status means to a person right now. A published item is only live inside its
 * publish window, so before `publishAt` it is "Scheduled" and from `expireAt` on "Expired" — the
 * same window the feed applies (visibleItemsWhere: publishAt ≤ now < expireAt). Every page that
 * shows an item's status (library, item page, calendar) shows this, never the stored status alone.
 * Pure and browser-safe.
 */
export type DisplayStatus =
  "DRAFT" | "IN_REVIEW" | "SCHEDULED" | "PUBLISHED" | "EXPIRED" | "ARCHIVED";

/** Every display status, in workflow order (the studio's status filter offers these). */
export const DISPLAY_STATUSES = [
  "DRAFT",
  "IN_REVIEW",
  "SCHEDULED",
  "PUBLISHED",
  "EXPIRED",
  "ARCHIVED",
] as const satisfies readonly DisplayStatus[];

export const DISPLAY_STATUS_LABELS: Record<DisplayStatus, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
  EXPIRED: "Expired",
  ARCHIVED: "Archived",
};

export interface StatusWindow {
  status: ContentStatus;
  publishAt: Date | string | null;
  expireAt: Date | string | null;
}

const time = (value: Date | string) => (typeof value === "string" ? Date.parse(value) : +value);

export function contentDisplayStatus(item: StatusWindow, now: Date): DisplayStatus {
  if (item.status !== "PUBLISHED") return item.status;
  if (item.publishAt !== null && time(item.publishAt) > +now) return "SCHEDULED";
  if (item.expireAt !== null && time(item.expireAt) <= +now) return "EXPIRED";
  return "PUBLISHED";
}
