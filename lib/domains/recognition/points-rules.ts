/**
 * How points work (README "Recognition"), per organisation (OrgSettings):
 *
 *   a share that counts   pointsPerShare
 *                         + round(pointsOwnWords × authenticity)     (0..1: the share's own words)
 *                         + pointsVariety when no share of the same value type by this person
 *                           counted in the 30 days before it
 *   each share and day    min(unique human visits, visitPointsCap) × pointsPerVisit
 *                         + outcomes attributed × pointsPerConversion
 *
 * Raw clicks, bots and repeat visits (a visitor counts once per share and hour) give nothing.
 * Points are written to the PointsAward ledger when they are earned; the SQL that writes them
 * (award-share-points.ts, recount-activity-points.ts) follows these functions.
 */
export interface PointsSettings {
  pointsPerShare: number;
  pointsOwnWords: number;
  pointsVariety: number;
  pointsPerVisit: number;
  visitPointsCap: number;
  pointsPerConversion: number;
}

export const DEFAULT_POINTS_SETTINGS: PointsSettings = {
  pointsPerShare: 10,
  pointsOwnWords: 10,
  pointsVariety: 15,
  pointsPerVisit: 1,
  visitPointsCap: 20,
  pointsPerConversion: 25,
};

/** Days before a share in which the same value type makes it "not new" (no variety points). */
export const VARIETY_DAYS = 30;

export function sharePoints(
  share: { authenticity: number; newValueType: boolean },
  s: PointsSettings,
): { share: number; ownWords: number; variety: number } {
  const authenticity = Math.min(1, Math.max(0, share.authenticity));
  return {
    share: s.pointsPerShare,
    // Half up, with a hair of tolerance so 10 × 0.45 (4.4999…) gives 5 in SQL and here alike.
    ownWords: Math.floor(s.pointsOwnWords * authenticity + 0.5 + 1e-9),
    variety: share.newValueType ? s.pointsVariety : 0,
  };
}

export function dayPoints(
  day: { uniqueVisits: number; outcomes: number },
  s: PointsSettings,
): { visits: number; outcomes: number } {
  return {
    visits: Math.min(day.uniqueVisits, s.visitPointsCap) * s.pointsPerVisit,
    outcomes: day.outcomes * s.pointsPerConversion,
  };
}
