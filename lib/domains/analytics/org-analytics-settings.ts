import { db } from "@/lib/core/db/client";
import { notFound } from "@/lib/core/errors/app-error";
import type { EmvSettings, ReachSettings } from "@/lib/domains/analytics/emv";
import type { PointsSettings } from "@/lib/domains/recognition/points-rules";
import {
  ANALYTICS_SETTINGS_SELECT,
  DEFAULT_ANALYTICS_SETTINGS,
  toAnalyticsSettingsView,
} from "@/lib/domains/settings/get-analytics-settings";

export interface AnalyticsSettings extends ReachSettings, EmvSettings, PointsSettings {
  timeZone: string;
  currency: string;
}

/**
 * An organisation's time zone and its EMV, reach and points settings (Decimal → number), with the
 * same defaults as the settings page for organisations that have not saved any.
 */
export async function getOrgAnalyticsSettings(orgId: string): Promise<AnalyticsSettings> {
  const org = await db.organization.findUnique({
    where: { id: orgId },
    select: { timeZone: true, settings: { select: ANALYTICS_SETTINGS_SELECT } },
  });
  if (!org) throw notFound("Organisation");
  const view = org.settings ? toAnalyticsSettingsView(org.settings) : DEFAULT_ANALYTICS_SETTINGS;
  return {
    timeZone: org.timeZone,
    currency: view.currency,
    cpm: view.cpm,
    cpc: view.cpc,
    reachRate: view.reachRate,
    defaultNetworkSize: view.defaultNetworkSize,
    pointsPerShare: view.pointsPerShare,
    pointsPerVisit: view.pointsPerVisit,
    pointsPerConversion: view.pointsPerConversion,
    pointsOwnWords: view.pointsOwnWords,
    pointsVariety: view.pointsVariety,
    visitPointsCap: view.visitPointsCap,
  };
}
