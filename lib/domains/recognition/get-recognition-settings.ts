import { db, type Tx } from "@/lib/core/db/client";
import {
  DEFAULT_POINTS_SETTINGS,
  type PointsSettings,
} from "@/lib/domains/recognition/points-rules";

export interface RecognitionSettings extends PointsSettings {
  leaderboardsEnabled: boolean;
}

/** The organisation's points and leaderboard settings, with the schema's defaults. */
export async function getRecognitionSettings(
  orgId: string,
  client: Tx = db,
): Promise<RecognitionSettings> {
  const row = await client.orgSettings.findUnique({
    where: { orgId },
    select: {
      pointsPerShare: true,
      pointsOwnWords: true,
      pointsVariety: true,
      pointsPerVisit: true,
      visitPointsCap: true,
      pointsPerConversion: true,
      leaderboardsEnabled: true,
    },
  });
  return row ?? { ...DEFAULT_POINTS_SETTINGS, leaderboardsEnabled: true };
}
