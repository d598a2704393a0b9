/**
 * Reach and earned media value (EMV).
 *
 *   impressions of a share = LinkedIn's figure (Share.impressions) when known, otherwise
 *                            round(network size × reach rate) — an estimate, labelled as such;
 *                            network size = the advocate's (Share.networkSize) or the org default
 *   EMV = impressions × CPM / 1000 + human clicks × CPC        (in the organisation's currency)
 *
 * The SQL of the dashboard queries computes the same per share (see get-overview.ts).
 */

export interface ReachSettings {
  /** Share of a network that sees a post, 0..1. */
  reachRate: number;
  /** Network size assumed when the advocate has not entered theirs. */
  defaultNetworkSize: number;
}

export interface EmvSettings {
  /** Cost per 1,000 impressions. */
  cpm: number;
  /** Cost per click. */
  cpc: number;
}

export function estimatedImpressions(
  share: { impressions: number | null; networkSize: number | null },
  settings: ReachSettings,
): { value: number; isEstimate: boolean } {
  if (share.impressions !== null) return { value: share.impressions, isEstimate: false };
  const network = share.networkSize ?? settings.defaultNetworkSize;
  return { value: Math.round(network * settings.reachRate), isEstimate: true };
}

/** Rounded to cents. */
export function earnedMediaValue(
  totals: { impressions: number; clicks: number },
  settings: EmvSettings,
): number {
  const value = (totals.impressions * settings.cpm) / 1000 + totals.clicks * settings.cpc;
  return Math.round(value * 100) / 100;
}
