import { z } from "zod";
import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { auditChange } from "@/lib/domains/audit/audit-change";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { getAiSettings, type AiSettingsView } from "@/lib/domains/ai/get-ai-settings";

export const MAX_MONTHLY_TOKENS = 100_000_000;

export const updateAiSettingsSchema = z
  .strictObject({
    enabled: z.boolean({ error: "enabled is true or false." }),
    monthlyTokenBudget: z
      .number({ error: "The monthly budget is a number of tokens." })
      .int({ error: "The monthly budget is a whole number of tokens." })
      .min(0, { error: "The monthly budget cannot be negative." })
      .max(MAX_MONTHLY_TOKENS, {
        error: `The monthly budget is at most ${MAX_MONTHLY_TOKENS.toLocaleString("en")} tokens.`,
      }),
  })
  .partial();

export type UpdateAiSettingsInput = z.infer<typeof updateAiSettingsSchema>;

/** Switches AI on or off for the organisation and sets its monthly token budget, audit-logged. */
export async function updateAiSettings(
  access: Access,
  input: UpdateAiSettingsInput,
): Promise<AiSettingsView> {
  await db.$transaction(async (tx) => {
    const before = await tx.aiSettings.findUnique({
      where: { orgId: access.orgId },
      select: { enabled: true, monthlyTokenBudget: true },
    });
    await tx.aiSettings.upsert({
      where: { orgId: access.orgId },
      create: { ...input, orgId: access.orgId },
      update: input,
    });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "settings.ai_update",
      targetType: "organization",
      targetId: access.orgId,
      metadata: auditChange(before, input),
    });
  });
  return getAiSettings(access.orgId);
}
