/**
 * Leaderboard points, configurable per organisation (OrgSettings.pointsPer*):
 *   points = shares × pointsPerShare + clicks × pointsPerVisit + conversions × pointsPerConversion
 * "Clicks" are unique visits (a human once per share per hour), so clicking one's own link
 * repeatedly earns nothing extra.
 */
export interface PointsSettings {
  pointsPerShare: number;
  pointsPerVisit: number;
  pointsPerConversion: number;
}

export function advocatePoints(
  totals: { shares: number; clicks: number; conversions: number },
  settings: PointsSettings,
): number {
  return (
    totals.shares * settings.pointsPerShare +
    totals.clicks * settings.pointsPerVisit +
    totals.conversions * settings.pointsPerConversion
  );
}
