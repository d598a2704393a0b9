import { z } from "zod";
import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { auditChange } from "@/lib/domains/audit/audit-change";
import { invalidateLinks } from "@/lib/domains/tracking/invalidate-link";
import { isCurrencyCode } from "@/lib/core/validation";
import {
  ANALYTICS_SETTINGS_SELECT,
  MAX_ATTRIBUTION_DAYS,
  MIN_ATTRIBUTION_DAYS,
  toAnalyticsSettingsView,
  type AnalyticsSettingsView,
} from "@/lib/domains/settings/get-analytics-settings";

const whole = (what: string, min: number, max: number) => {
  const message = `${what} is a whole number from ${min.toLocaleString("en")} to ${max.toLocaleString("en")}.`;
  return z
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
};

const money = (what: string) => {
  const message = `${what} is an amount from 0 to 10,000 with at most 2 decimals.`;
  return z
    .number({ error: message })
    .min(0, { error: message })
    .max(10_000, { error: message })
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { error: message });
};

export const updateAnalyticsSettingsSchema = z
  .strictObject({
    clickIdParam: z
      .string({ error: "The parameter name is 1–32 letters, digits, _ or -." })
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,32}$/, {
        error: "The parameter name is 1–32 letters, digits, _ or - (e.g. aid).",
      })
      .refine((v) => !/^utm_/i.test(v), {
        error: "utm_ parameters are taken by the UTM tags; choose another name.",
      }),
    attributionDays: whole("The attribution window", MIN_ATTRIBUTION_DAYS, MAX_ATTRIBUTION_DAYS),
    cpm: money("CPM"),
    cpc: money("CPC"),
    currency: z
      .string({ error: "The currency is a 3-letter ISO 4217 code, e.g. EUR." })
      .trim()
      .toUpperCase()
      .refine(isCurrencyCode, { error: "The currency is a 3-letter ISO 4217 code, e.g. EUR." }),
    reachRate: z
      .number({ error: "The reach rate is between 0 % and 100 %." })
      .min(0, { error: "The reach rate is between 0 % and 100 %." })
      .max(1, { error: "The reach rate is between 0 % and 100 %." }),
    defaultNetworkSize: whole("The default network size", 0, 10_000_000),
    pointsPerShare: whole("Points per share", 0, 10_000),
    pointsPerVisit: whole("Points per unique visit", 0, 10_000),
    pointsPerConversion: whole("Points per conversion", 0, 10_000),
    pointsOwnWords: whole("Points for own words", 0, 10_000),
    pointsVariety: whole("Points for variety", 0, 10_000),
    visitPointsCap: whole("Visits that earn points per share and day", 0, 100_000),
    leaderboardsEnabled: z.boolean({ error: "leaderboardsEnabled must be true or false." }),
  })
  .partial();

export type UpdateAnalyticsSettingsInput = z.infer<typeof updateAnalyticsSettingsSchema>;

/**
 * Saves attribution, EMV and points settings in one update, audit-logged. A new click-id parameter
 * changes every tracked destination, so cached link look-ups are dropped everywhere.
 */
export async function updateAnalyticsSettings(
  access: Access,
  input: UpdateAnalyticsSettingsInput,
): Promise<AnalyticsSettingsView> {
  const { saved, paramChanged } = await db.$transaction(async (tx) => {
    const before = await tx.orgSettings.findUnique({ where: { orgId: access.orgId } });
    const row = await tx.orgSettings.upsert({
      where: { orgId: access.orgId },
      create: { ...input, orgId: access.orgId },
      update: input,
      select: ANALYTICS_SETTINGS_SELECT,
    });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "settings.analytics_update",
      targetType: "organization",
      targetId: access.orgId,
      metadata: auditChange(before, input),
    });
    return {
      saved: toAnalyticsSettingsView(row),
      paramChanged: row.clickIdParam !== (before?.clickIdParam ?? "aid"),
    };
  });
  if (paramChanged) await invalidateLinks({ kind: "org", orgId: access.orgId });
  return saved;
}
