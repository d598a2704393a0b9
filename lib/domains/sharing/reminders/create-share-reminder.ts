import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { AppError, notFound } from "@/lib/core/errors/app-error";
import { sendJob } from "@/lib/core/jobs/send-job";
import { idField } from "@/lib/core/validation";
import type { Access } from "@/lib/domains/access/resolve-access";
import { languageField, postTextField } from "@/lib/domains/content/content-schemas";
import { visibleItemsWhere } from "@/lib/domains/content/list-feed-items";
import { checkShareText } from "@/lib/domains/sharing/check-share-text";
import { sendShareReminderJob } from "@/lib/domains/sharing/jobs/send-share-reminder";
import { reminderPath } from "@/lib/domains/sharing/reminders/reminder-link";
import { resolveReminderTime } from "@/lib/domains/sharing/reminders/reminder-time";
import { SOCIAL_NETWORKS } from "@/lib/domains/sharing/social-networks";

/** Waiting reminders a person may have at once. */
export const MAX_PENDING_REMINDERS = 20;

export const createReminderSchema = z
  .object({
    itemId: idField,
    network: z
      .enum(SOCIAL_NETWORKS, { error: `network must be one of ${SOCIAL_NETWORKS.join(", ")}.` })
      .default("LINKEDIN"),
    text: postTextField("post text"),
    startedFrom: z.string().trim().max(40).nullable().default(null),
    language: languageField.optional(),
    /** When to remind: an ISO date-time with offset (the composer reads the person's zone). */
    remindAt: z
      .string({ error: "Pick when to be reminded." })
      .trim()
      .pipe(
        z.iso.datetime({
          offset: true,
          error: "remindAt must be a date and time with offset, e.g. 2026-12-01T18:00:00+01:00.",
        }),
      ),
  })
  .strict();

export type CreateReminderInput = z.infer<typeof createReminderSchema>;

/**
 * "Remind me later": keeps the prepared post (text, network, caption) and sends a job that, at
 * `remindAt`, rings the bell and emails a one-tap link back to it. The text passes the same
 * guardrails as a share to that network now (checked again when it is shared). Should the queue be
 * unreachable, the reminder stays PENDING and the sweep sends it once it is overdue.
 */
export async function createShareReminder(
  access: Access,
  input: CreateReminderInput,
  { shortLinkBase }: { shortLinkBase: string },
  now = new Date(),
) {
  const remindAt = resolveReminderTime(input.remindAt, now);
  const where = await visibleItemsWhere(access, now);
  const item = await db.contentItem.findFirst({
    where: { ...where, id: input.itemId },
    select: { id: true, language: true, translations: { select: { language: true } } },
  });
  if (!item) throw notFound("Post");
  await checkShareText(access.orgId, input.text, input.network, shortLinkBase);

  const pending = await db.shareReminder.count({
    where: { orgId: access.orgId, membershipId: access.membershipId, status: "PENDING" },
  });
  if (pending >= MAX_PENDING_REMINDERS) {
    throw new AppError(
      "CONFLICT",
      `You have ${MAX_PENDING_REMINDERS} reminders waiting already. Share or cancel one in My activity first.`,
    );
  }
  const language =
    input.language && item.translations.some((t) => t.language === input.language)
      ? input.language
      : item.language;
  const jobId = randomUUID();
  const reminder = await db.shareReminder.create({
    data: {
      id: createId("rem"),
      orgId: access.orgId,
      membershipId: access.membershipId,
      userId: access.userId,
      itemId: item.id,
      network: input.network,
      text: input.text,
      language,
      startedFrom: input.startedFrom,
      remindAt,
      jobId,
    },
    select: { id: true, itemId: true, network: true, remindAt: true, status: true },
  });
  try {
    await sendJob(
      sendShareReminderJob,
      { reminderId: reminder.id },
      { id: jobId, startAfter: remindAt },
    );
  } catch (error) {
    console.error("[share-reminders] could not queue the reminder; the sweep will send it", error);
  }
  return { ...reminder, url: reminderPath(reminder.itemId, reminder.id) };
}
