import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import type { EmvSettings, ReachSettings } from "@/lib/analytics/emv";
import type { PointsSettings } from "@/lib/analytics/points";

export interface AnalyticsSettings extends ReachSettings, EmvSettings, PointsSettings {
  timeZone: string;
  currency: string;
}

/** An organisation's time zone and its EMV, reach and points settings (Decimal → number). */
export async function getAnalyticsSettings(orgId: string): Promise<AnalyticsSettings> {
  const org = await db.organization.findUnique({
    where: { id: orgId },
    select: { timeZone: true, settings: true },
  });
  if (!org) throw notFound("Organisation");
  const s = org.settings;
  return {
    timeZone: org.timeZone,
    currency: s?.currency ?? "EUR",
    cpm: s ? Number(s.cpm) : 10,
    cpc: s ? Number(s.cpc) : 5,
    reachRate: s?.reachRate ?? 0.1,
    defaultNetworkSize: s?.defaultNetworkSize ?? 400,
    pointsPerShare: s?.pointsPerShare ?? 10,
    pointsPerClick: s?.pointsPerClick ?? 1,
    pointsPerConversion: s?.pointsPerConversion ?? 25,
  };
}
