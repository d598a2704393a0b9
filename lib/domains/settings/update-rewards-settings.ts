import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { badRequest } from "@/lib/core/errors/app-error";
import type { Access } from "@/lib/domains/access/resolve-access";
import { auditChange } from "@/lib/domains/audit/audit-change";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { REWARDS_SETTINGS_SELECT } from "@/lib/domains/settings/get-rewards-settings";
import {
  DEFAULT_REWARDS_SETTINGS,
  MAX_INCENTIVE_DISCLOSURE_CHARS,
  MAX_REWARDS_NOTE_CHARS,
  type RewardsSettingsView,
} from "@/lib/domains/settings/rewards-rules";

const DISCLOSURE_LENGTH = `The disclosure is at most ${MAX_INCENTIVE_DISCLOSURE_CHARS} characters.`;
export const DISCLOSURE_REQUIRED =
  "Enter the disclosure every share must carry while sharing is rewarded, e.g. “I may be rewarded for sharing. #employee”.";

export const updateRewardsSettingsSchema = z
  .strictObject({
    rewardsEnabled: z.boolean({ error: "rewardsEnabled is true or false." }),
    rewardsNote: z
      .string({ error: "The note is text." })
      .trim()
      .max(MAX_REWARDS_NOTE_CHARS, {
        error: `The note is at most ${MAX_REWARDS_NOTE_CHARS} characters.`,
      })
      .nullable()
      .transform((v) => v || null),
    incentiveDisclosure: z
      .string({ error: DISCLOSURE_REQUIRED })
      .trim()
      .max(MAX_INCENTIVE_DISCLOSURE_CHARS, { error: DISCLOSURE_LENGTH })
      // It is appended to posts as one line of its own.
      .regex(/^[^\r\n\t]*$/, { error: "The disclosure is one line, without line breaks." }),
  })
  .partial();

export type UpdateRewardsSettingsInput = z.infer<typeof updateRewardsSettingsSchema>;

/**
 * Turns rewards on or off and sets what they are and the disclosure they oblige, audit-logged.
 * Rewards cannot be on without a disclosure: the rule is checked on the settings as they will be
 * (a partial update keeps the stored values). New shares follow the change at once; shares made
 * before keep the disclosure they carried (Share.incentiveDisclosure).
 */
export async function updateRewardsSettings(
  access: Access,
  input: UpdateRewardsSettingsInput,
): Promise<RewardsSettingsView> {
  return db.$transaction(async (tx) => {
    // Two admins saving at once are checked one after the other (the rule spans two fields).
    await tx.$executeRaw`SELECT 1 FROM "OrgSettings" WHERE "orgId" = ${access.orgId} FOR UPDATE`;
    const before = await tx.orgSettings.findUnique({
      where: { orgId: access.orgId },
      select: REWARDS_SETTINGS_SELECT,
    });
    const next = { ...(before ?? DEFAULT_REWARDS_SETTINGS), ...input };
    if (next.rewardsEnabled && !next.incentiveDisclosure) {
      throw badRequest(DISCLOSURE_REQUIRED, { incentiveDisclosure: DISCLOSURE_REQUIRED });
    }
    const saved = await tx.orgSettings.upsert({
      where: { orgId: access.orgId },
      create: { ...input, orgId: access.orgId },
      update: input,
      select: REWARDS_SETTINGS_SELECT,
    });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "settings.rewards_update",
      targetType: "organization",
      targetId: access.orgId,
      metadata: auditChange(before, input),
    });
    return saved;
  });
}
