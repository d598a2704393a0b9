import type { ContentStatus } from "@/lib/generated/prisma/enums";
import type { LibraryTiming } from "./content-library";
import type { Random } from "./random";

const DAY_MS = 24 * 3600 * 1000;
const APPROVAL_COMMENTS = [null, "Looks good, thanks!", null, "Approved. Lovely photo.", null];

interface Transition {
  fromStatus: ContentStatus | null;
  toStatus: ContentStatus;
  actorId: string;
  comment: string | null;
  createdAt: Date;
}

/** A moment `days` from now (negative: past) at a random minute between the given UTC hours. */
export function clock(now: Date, random: Random) {
  return (days: number, fromHour: number, toHour = fromHour) => {
    const date = new Date(now.getTime() + days * DAY_MS);
    date.setUTCHours(
      random.int(fromHour, toHour),
      fromHour === toHour ? 0 : random.int(0, 59),
      0,
      0,
    );
    return date;
  };
}

/**
 * The workflow history of one item, oldest first: created as a draft, perhaps reviewed by the
 * other admin, published, archived. Past days only, so every step lies before `now`.
 */
export function planHistory(
  timing: LibraryTiming,
  {
    author,
    reviewer,
    createdAt,
    origin,
  }: { author: string; reviewer: string; createdAt?: Date; origin?: string },
  at: ReturnType<typeof clock>,
  random: Random,
) {
  const steps: Transition[] = [];
  const move = (toStatus: ContentStatus, when: Date, actorId: string, comment?: string | null) =>
    steps.push({
      fromStatus: steps.at(-1)?.toStatus ?? null,
      toStatus,
      actorId,
      comment: comment ?? null,
      createdAt: when,
    });
  const d = timing.daysAgo;
  let publishedAt: Date | null = null;
  let editedAt: Date | null = null;

  if (timing.status === "IN_REVIEW") {
    move("DRAFT", createdAt ?? at(-d - 2, 9, 16), author, origin);
    move("IN_REVIEW", at(-d, 9, 16), author);
  } else if (timing.status === "DRAFT") {
    if (timing.sentBack) {
      move("DRAFT", createdAt ?? at(-d - 4, 9, 16), author, origin);
      move("IN_REVIEW", at(-d - 3, 9, 16), author);
      move("DRAFT", at(-d - 2, 9, 16), reviewer, timing.sentBack);
    } else {
      move("DRAFT", createdAt ?? at(-d - 1, 9, 16), author, origin);
    }
    editedAt = at(-d, 9, 16);
  } else {
    move("DRAFT", createdAt ?? at(-d - random.int(2, 6), 9, 16), author, origin);
    publishedAt = at(-d, 7, 9);
    if (random.chance(0.4)) {
      move("IN_REVIEW", at(-d - 1, 10, 16), author);
      move("PUBLISHED", publishedAt, reviewer, random.pick(APPROVAL_COMMENTS));
    } else {
      move("PUBLISHED", publishedAt, author);
    }
    if (timing.status === "ARCHIVED") {
      move("ARCHIVED", at(-timing.archivedDaysAgo, 9, 16), reviewer, timing.comment);
    }
  }
  const publishAt = timing.status === "SCHEDULED" ? at(timing.liveInDays, 7) : null;
  const expireIn = "expireInDays" in timing ? timing.expireInDays : undefined;
  const expireAt = expireIn === undefined ? null : at(expireIn, 21);
  const archivedAt = timing.status === "ARCHIVED" ? steps.at(-1)!.createdAt : null;
  return {
    steps,
    createdAt: steps[0]!.createdAt,
    updatedAt: editedAt ?? steps.at(-1)!.createdAt,
    status: (timing.status === "SCHEDULED" ? "PUBLISHED" : timing.status) as ContentStatus,
    publishedAt,
    publishAt,
    expireAt,
    visibleFrom: publishAt ?? publishedAt,
    visibleUntil:
      archivedAt && expireAt && expireAt < archivedAt ? expireAt : (archivedAt ?? expireAt),
  };
}
