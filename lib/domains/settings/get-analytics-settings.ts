import { db, type Tx } from "@/lib/core/db/client";

/** Attribution, earned media value (EMV) and leaderboard settings of an organisation. */
export interface AnalyticsSettingsView {
  /** Query parameter carrying the click id to the destination, e.g. "aid". */
  clickIdParam: string;
  /** Days after a click during which a conversion is attributed to it. */
  attributionDays: number;
  /** Estimated cost per 1,000 impressions, in `currency`. */
  cpm: number;
  /** Estimated cost per click, in `currency`. */
  cpc: number;
  currency: string;
  /** Share of an advocate's network that sees a post (0..1, an estimate). */
  reachRate: number;
  defaultNetworkSize: number;
  pointsPerShare: number;
  pointsPerVisit: number;
  pointsPerConversion: number;
  /** × the share's authenticity (0..1), rounded. */
  pointsOwnWords: number;
  /** For a value type the person has not shared in 30 days. */
  pointsVariety: number;
  /** Unique visits that earn points, per share and day. */
  visitPointsCap: number;
  /** Leaderboards shown to employees. */
  leaderboardsEnabled: boolean;
}

/** Bounds and default of the attribution window (OrgSettings.attributionDays), in days. */
export const DEFAULT_ATTRIBUTION_DAYS = 30;
export const MIN_ATTRIBUTION_DAYS = 1;
export const MAX_ATTRIBUTION_DAYS = 365;

/** The schema's defaults, for organisations that have not saved settings yet. */
export const DEFAULT_ANALYTICS_SETTINGS: AnalyticsSettingsView = {
  clickIdParam: "aid",
  attributionDays: DEFAULT_ATTRIBUTION_DAYS,
  cpm: 10,
  cpc: 5,
  currency: "EUR",
  reachRate: 0.1,
  defaultNetworkSize: 400,
  pointsPerShare: 10,
  pointsPerVisit: 1,
  pointsPerConversion: 25,
  pointsOwnWords: 10,
  pointsVariety: 15,
  visitPointsCap: 20,
  leaderboardsEnabled: true,
};

export const ANALYTICS_SETTINGS_SELECT = {
  clickIdParam: true,
  attributionDays: true,
  cpm: true,
  cpc: true,
  currency: true,
  reachRate: true,
  defaultNetworkSize: true,
  pointsPerShare: true,
  pointsPerVisit: true,
  pointsPerConversion: true,
  pointsOwnWords: true,
  pointsVariety: true,
  visitPointsCap: true,
  leaderboardsEnabled: true,
} as const;

type Row = Omit<AnalyticsSettingsView, "cpm" | "cpc"> & {
  cpm: { toString(): string };
  cpc: { toString(): string };
};

export function toAnalyticsSettingsView(row: Row): AnalyticsSettingsView {
  return { ...row, cpm: Number(row.cpm.toString()), cpc: Number(row.cpc.toString()) };
}

export async function getAnalyticsSettingsView(
  orgId: string,
  tx: Tx = db,
): Promise<AnalyticsSettingsView> {
  const row = await tx.orgSettings.findUnique({
    where: { orgId },
    select: ANALYTICS_SETTINGS_SELECT,
  });
  return row ? toAnalyticsSettingsView(row) : DEFAULT_ANALYTICS_SETTINGS;
}
