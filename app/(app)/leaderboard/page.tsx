import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import {
  HowPointsWork,
  LeaderboardTable,
  LeaderboardTabs,
  MyStanding,
} from "@/components/recognition/leaderboard-view";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { getMemberTeams } from "@/lib/domains/members/get-member-teams";
import { describePoints } from "@/lib/domains/recognition/describe-points";
import { getLeaderboard } from "@/lib/domains/recognition/get-leaderboard";
import { getRecognitionSettings } from "@/lib/domains/recognition/get-recognition-settings";
import {
  isLeaderboardPeriod,
  LEADERBOARD_PERIODS,
} from "@/lib/domains/recognition/leaderboard-period";

export const metadata: Metadata = { title: "Leaderboard" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function LeaderboardPage({ searchParams }: { searchParams: Search }) {
  const access = await requirePageAccess("feed:read");
  const [params, teams, settings] = await Promise.all([
    searchParams,
    getMemberTeams(access.orgId, access.membershipId),
    getRecognitionSettings(access.orgId),
  ]);
  const period = isLeaderboardPeriod(params.period) ? params.period : "month";
  // Only the organisation or one of my own teams; anything else falls back to the organisation.
  const team = teams.find((t) => t.id === params.scope) ?? null;
  const scope = team?.id ?? "org";
  const board = await getLeaderboard(access, { period, teamId: team?.id ?? null });
  const periodLabel = LEADERBOARD_PERIODS.find((p) => p.id === period)!.label.toLowerCase();
  const title = team ? `${team.name}, ${periodLabel}` : `${access.org.name}, ${periodLabel}`;

  return (
    <>
      <PageHeader
        title="Leaderboard"
        description="Points for sharing in your own words, for variety, for real visitors and for outcomes — by team and for the whole organisation."
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] lg:items-start">
        <div className="min-w-0 space-y-6">
          {board.enabled ? (
            <>
              <LeaderboardTabs
                scopes={[
                  { id: "org", label: access.org.name },
                  ...teams.map((t) => ({ id: t.id, label: t.name })),
                ]}
                scope={scope}
                period={period}
              />
              <section aria-labelledby="ranking-title">
                <Card className="space-y-3">
                  <h2 id="ranking-title" className="text-lg font-semibold">
                    Top 10: {title}
                  </h2>
                  <LeaderboardTable
                    board={board}
                    caption={`Top 10 by points: ${title}`}
                    myMembershipId={access.membershipId}
                  />
                </Card>
              </section>
            </>
          ) : (
            <Card>
              <h2 className="text-lg font-semibold">Leaderboards are switched off</h2>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                Your organisation has chosen not to rank people. You still earn points and badges
                for what you share.
              </p>
            </Card>
          )}
        </div>
        <div className="min-w-0 space-y-6">
          <MyStanding board={board} />
          <HowPointsWork rules={describePoints(settings)} />
        </div>
      </div>
    </>
  );
}
