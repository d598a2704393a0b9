import { orgRoute } from "@/lib/domains/access/route";
import { parseJsonBody } from "@/lib/core/http/parse-body";
import {
  getLeaderboardOptOut,
  leaderboardOptOutSchema,
  setLeaderboardOptOut,
} from "@/lib/domains/recognition/set-leaderboard-opt-out";

/** The signed-in person's choice to appear on leaderboards (their own membership only). */
export const GET = orgRoute("profile:update", async ({ access }) => ({
  optOut: await getLeaderboardOptOut(access),
}));

export const PUT = orgRoute("profile:update", async ({ req, access }) => {
  const input = await parseJsonBody(req, leaderboardOptOutSchema, { maxBytes: 1024 });
  return setLeaderboardOptOut(access, input.optOut);
});
