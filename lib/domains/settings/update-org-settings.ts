import { z } from "zod";
import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { auditChange } from "@/lib/domains/audit/audit-change";
import { DEFAULT_SETTINGS } from "@/lib/domains/settings/get-org-settings";

const phrase = z.string().trim().min(1).max(100, { error: "Phrases are at most 100 characters." });
const hashtag = z
  .string()
  .trim()
  .transform((t) => t.replace(/^#+/, ""))
  .pipe(
    z
      .string()
      .min(1, { error: "Enter a hashtag." })
      .max(60, { error: "Hashtags are at most 60 characters." })
      .regex(/^[\p{L}\p{N}_]+$/u, {
        error: "Hashtags contain only letters, digits and underscores.",
      }),
  )
  .transform((t) => `#${t}`);

const utmValue = z
  .string()
  .trim()
  .min(1, { error: "Enter a value." })
  .max(60, { error: "At most 60 characters." })
  .regex(/^[A-Za-z0-9_.-]+$/, { error: "Use letters, digits, dots, dashes and underscores only." });

export const updateOrgSettingsSchema = z
  .object({
    requireApproval: z.boolean(),
    disclosureText: z
      .string()
      .trim()
      .max(200, { error: "The disclosure is at most 200 characters." })
      .nullable()
      .transform((v) => v || null),
    blockedPhrases: z.array(phrase).max(200, { error: "At most 200 blocked phrases." }),
    requiredHashtags: z.array(hashtag).max(10, { error: "At most 10 required hashtags." }),
    maxSharesPerDay: z
      .number({ error: "The daily limit is a whole number." })
      .int({ error: "The daily limit is a whole number." })
      .min(1, { error: "The daily limit is at least 1 (or empty for no limit)." })
      .max(100, { error: "The daily limit is at most 100." })
      .nullable(),
    minAuthenticity: z
      .number({ error: "The minimum is a whole percentage." })
      .int({ error: "The minimum is a whole percentage." })
      .min(1, { error: "The minimum is at least 1 % (or empty for none)." })
      .max(90, { error: "The minimum is at most 90 %." })
      .nullable(),
    utmSource: utmValue,
    utmMedium: utmValue,
  })
  .partial()
  .strict();

export type UpdateOrgSettingsInput = z.infer<typeof updateOrgSettingsSchema>;

export async function updateOrgSettings(access: Access, input: UpdateOrgSettingsInput) {
  const data = {
    ...input,
    blockedPhrases: input.blockedPhrases ? [...new Set(input.blockedPhrases)] : undefined,
    requiredHashtags: input.requiredHashtags ? [...new Set(input.requiredHashtags)] : undefined,
  };
  return db.$transaction(async (tx) => {
    const previous = await tx.orgSettings.findUnique({ where: { orgId: access.orgId } });
    const settings = await tx.orgSettings.upsert({
      where: { orgId: access.orgId },
      create: { ...DEFAULT_SETTINGS, ...data, orgId: access.orgId },
      update: data,
      select: {
        requireApproval: true,
        disclosureText: true,
        blockedPhrases: true,
        requiredHashtags: true,
        maxSharesPerDay: true,
        minAuthenticity: true,
        utmSource: true,
        utmMedium: true,
      },
    });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "settings.guardrails_update",
      targetType: "organization",
      targetId: access.orgId,
      metadata: auditChange(previous, data),
    });
    return settings;
  });
}
