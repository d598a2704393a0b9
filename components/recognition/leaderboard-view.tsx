import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { Leaderboard } from "@/lib/domains/recognition/get-leaderboard";
import {
  LEADERBOARD_PERIODS,
  type LeaderboardPeriod,
} from "@/lib/domains/recognition/leaderboard-period";

const muted = "text-sm text-slate-600 dark:text-slate-400";
const link = "touch-area font-medium text-brand-700 underline dark:text-brand-100";

export interface ScopeOption {
  /** "org" or a team id. */
  id: string;
  label: string;
}

/** Links that pick the ranking (organisation or one of my teams) and the period. */
export function LeaderboardTabs({
  scopes,
  scope,
  period,
}: {
  scopes: ScopeOption[];
  scope: string;
  period: LeaderboardPeriod;
}) {
  const href = (s: string, p: LeaderboardPeriod) =>
    `/leaderboard?${new URLSearchParams({ scope: s, period: p }).toString()}`;
  const tab = (current: boolean) =>
    `rounded-full px-3 py-1 text-sm pointer-coarse:inline-flex pointer-coarse:min-h-11 pointer-coarse:items-center font-medium ring-1 ring-inset ${
      current
        ? "bg-brand-700 text-white ring-brand-700 dark:bg-brand-100 dark:text-slate-900"
        : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-600"
    }`;
  return (
    <div className="space-y-3">
      <nav aria-label="Who is ranked">
        <ul className="flex flex-wrap gap-2">
          {scopes.map((s) => (
            <li key={s.id}>
              <Link
                href={href(s.id, period)}
                className={tab(s.id === scope)}
                aria-current={s.id === scope ? "page" : undefined}
              >
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label="Period">
        <ul className="flex flex-wrap gap-2">
          {LEADERBOARD_PERIODS.map((p) => (
            <li key={p.id}>
              <Link
                href={href(scope, p.id)}
                className={tab(p.id === period)}
                aria-current={p.id === period ? "page" : undefined}
              >
                {p.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

/** My points and rank (or where I would stand, opted out). */
export function MyStanding({ board }: { board: Leaderboard }) {
  const { me } = board;
  let standing: string;
  if (!board.enabled) standing = "Leaderboards are switched off in your organisation.";
  else if (me.rank === null) standing = "Not ranked yet: earn points to appear.";
  else if (me.optedOut)
    standing = `You would be #${me.rank} of ${me.ranked + 1}. You chose not to appear, so nobody else sees you here.`;
  else standing = `You are #${me.rank} of ${me.ranked}.`;
  return (
    <Card>
      <h2 className="text-lg font-semibold">Your points</h2>
      <p className="mt-2 text-3xl font-semibold tracking-tight" data-testid="my-points">
        {me.points.toLocaleString("en")}
      </p>
      <p className={`mt-1 ${muted}`} data-testid="my-rank">
        {standing}
      </p>
      <p className="mt-3 text-sm">
        <Link href="/profile#leaderboard" className={link}>
          {me.optedOut ? "Appear on leaderboards again" : "Choose not to appear on leaderboards"}
        </Link>
      </p>
    </Card>
  );
}

/** The top 10 as a table (rank, person, points); my row marked. */
export function LeaderboardTable({
  board,
  caption,
  myMembershipId,
}: {
  board: Leaderboard;
  caption: string;
  myMembershipId: string;
}) {
  if (board.top.length === 0) {
    return <p className={muted}>Nobody has points in this period yet. Share something!</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-700">
            <th scope="col" className="py-2 pr-3 font-medium">
              Rank
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Person
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Points
            </th>
          </tr>
        </thead>
        <tbody>
          {board.top.map((row) => {
            const mine = row.membershipId === myMembershipId;
            return (
              <tr
                key={row.membershipId}
                className={`border-b border-slate-100 last:border-0 dark:border-slate-800 ${mine ? "bg-brand-50 dark:bg-slate-800" : ""}`}
                aria-current={mine ? "true" : undefined}
              >
                <td className="py-2 pr-3 tabular-nums pointer-coarse:py-3">#{row.rank}</td>
                <td className="py-2 pr-3">
                  {row.handle ? (
                    <Link href={`/people/${row.handle}`} className="touch-area hover:underline">
                      {row.name}
                    </Link>
                  ) : (
                    row.name
                  )}
                  {mine ? <span className="ml-2 text-xs font-medium">(you)</span> : null}
                </td>
                <td className="py-2 text-right font-semibold tabular-nums">
                  {row.points.toLocaleString("en")}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** "How points work", from the organisation's own settings. */
export function HowPointsWork({ rules }: { rules: { what: string; points: string }[] }) {
  return (
    <Card>
      <h2 id="how-points-work" className="text-lg font-semibold">
        How points work
      </h2>
      <p className={`mt-1 ${muted}`}>
        Points reward what makes sharing worthwhile: your own words, variety, real people reading,
        and what it brings. Raw clicks, bots and the same person clicking again earn nothing.
      </p>
      <dl className="mt-3 divide-y divide-slate-100 dark:divide-slate-800">
        {rules.map((r) => (
          <div key={r.what} className="flex flex-wrap justify-between gap-x-4 gap-y-1 py-2">
            <dt className="text-sm">{r.what}</dt>
            <dd className="text-sm font-semibold">{r.points}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
