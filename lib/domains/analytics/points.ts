/**
 * Leaderboard points, configurable per organisation (OrgSettings.pointsPer*):
 *   points = shares × pointsPerShare + clicks × pointsPerClick + conversions × pointsPerConversion
 * "Clicks" are unique visits (a human once per share per hour), so clicking one's own link
 * repeatedly earns nothing extra.
 */
export interface PointsSettings {
  pointsPerShare: number;
  pointsPerClick: number;
  pointsPerConversion: number;
}

export function advocatePoints(
  totals: { shares: number; clicks: number; conversions: number },
  settings: PointsSettings,
): number {
  return (
    totals.shares * settings.pointsPerShare +
    totals.clicks * settings.pointsPerClick +
    totals.conversions * settings.pointsPerConversion
  );
}
