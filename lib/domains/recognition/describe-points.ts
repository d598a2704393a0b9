import type { PointsSettings } from "@/lib/domains/recognition/points-rules";
import { VARIETY_DAYS } from "@/lib/domains/recognition/points-rules";

const pts = (n: number) => `${n.toLocaleString("en")} point${n === 1 ? "" : "s"}`;

/** "How points work", in words, from the organisation's own settings (points-rules.ts). */
export function describePoints(s: PointsSettings): { what: string; points: string }[] {
  return [
    { what: "Each share that counts (posted, not just opened)", points: pts(s.pointsPerShare) },
    {
      what: "Your own words: scaled by how much of the text is yours (100 % own words gets it all)",
      points: `up to ${pts(s.pointsOwnWords)}`,
    },
    {
      what: `Variety: a value type you have not shared in the ${VARIETY_DAYS} days before`,
      points: pts(s.pointsVariety),
    },
    {
      what: `Each unique person who visits your link (at most ${s.visitPointsCap.toLocaleString("en")} a day per share)`,
      points: pts(s.pointsPerVisit),
    },
    {
      what: "Each outcome your share brings: a sign-up, an applicant, a hire, a lead…",
      points: pts(s.pointsPerConversion),
    },
  ];
}

/** The same in one sentence (the dashboard's leaderboard). */
export function pointsSentence(s: PointsSettings): string {
  return `Points: ${s.pointsPerShare} per share, up to ${s.pointsOwnWords} for own words, ${s.pointsVariety} for variety, ${s.pointsPerVisit} per unique visit (at most ${s.visitPointsCap} per share and day), ${s.pointsPerConversion} per outcome. Raw clicks, bots and repeat visits earn nothing.`;
}
