import Link from "next/link";
import { CampaignProgressBar } from "@/components/campaigns/progress-bar";
import { DataTable } from "@/components/analytics/data-table";
import { EmptyState } from "@/components/analytics/dashboard-section";
import { buttonClass } from "@/components/ui/button";
import { CAMPAIGN_GOAL_LABELS } from "@/lib/domains/campaigns/campaign-goals";
import type { CampaignPhase } from "@/lib/domains/campaigns/campaign-window";
import type {
  CampaignContributor,
  CampaignProgress,
  CampaignTeamResult,
} from "@/lib/domains/campaigns/get-campaign-progress";
import { formatDay } from "@/lib/core/time/format-date";

export interface CampaignResultView {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  phase: CampaignPhase;
  daysLeft: number;
  progress: CampaignProgress;
}

const PHASE_TEXT: Record<CampaignPhase, (daysLeft: number) => string> = {
  upcoming: () => "Not started",
  running: (n) => (n === 1 ? "Last day" : `${n} days left`),
  ended: () => "Ended",
};

/**
 * One campaign's results: progress towards the goal, shares, visits and outcomes, the competing
 * teams' ranking and the top contributors, with the CSV download.
 */
export function CampaignResults({
  result: r,
  locale,
  canExport,
  headingLevel = 3,
  link = false,
}: {
  result: CampaignResultView;
  locale: string;
  canExport: boolean;
  headingLevel?: 2 | 3;
  /** Link the name to the campaign's studio page. */
  link?: boolean;
}) {
  const { goal, figures, teams, contributors } = r.progress;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const count = (n: number) => n.toLocaleString("en");
  return (
    <div className="space-y-4" data-campaign-results={r.id}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <Heading className="text-base font-semibold">
            {link ? (
              <Link
                href={`/studio/campaigns/${r.id}`}
                className="text-brand-700 underline hover:no-underline dark:text-brand-100"
              >
                {r.name}
              </Link>
            ) : (
              r.name
            )}
          </Heading>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {formatDay(r.startDate, "dayMonth", locale)} – {formatDay(r.endDate, "date", locale)} ·{" "}
            {PHASE_TEXT[r.phase](r.daysLeft)}
          </p>
        </div>
        {canExport ? (
          <a
            href={`/api/campaigns/${r.id}/export`}
            download
            className={buttonClass("secondary", "text-xs")}
          >
            <span aria-hidden="true">⤓</span> Download CSV
            <span className="sr-only"> of the results of {r.name}</span>
          </a>
        ) : null}
      </div>
      <CampaignProgressBar
        id={`results-${r.id}`}
        label={`Progress of ${r.name}`}
        goal={goal}
        total={r.progress.total}
        target={r.progress.target}
      />
      <dl className="grid grid-cols-3 gap-3 text-sm">
        {(
          [
            ["Shares", figures.shares],
            ["Unique visits", figures.visits],
            ["Outcomes", figures.outcomes],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="rounded-md bg-slate-50 px-3 py-2 dark:bg-slate-800/60">
            <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{count(value)}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-4 lg:grid-cols-2">
        {teams.length ? (
          <DataTable<CampaignTeamResult>
            caption={`Teams competing in ${r.name}, best first`}
            captionHidden={false}
            rows={teams}
            rowKey={(t) => t.teamId}
            columns={[
              { header: "Rank", cell: (t) => t.rank, numeric: true },
              { header: "Team", cell: (t) => t.name, rowHeader: true },
              {
                header: CAMPAIGN_GOAL_LABELS[goal].label,
                cell: (t) => count(t.value),
                numeric: true,
              },
            ]}
          />
        ) : null}
        {contributors.length ? (
          <DataTable<CampaignContributor>
            caption={`Top contributors to ${r.name}`}
            captionHidden={false}
            rows={contributors}
            rowKey={(c) => c.membershipId}
            columns={[
              { header: "Person", cell: (c) => c.name, rowHeader: true },
              { header: "Shares", cell: (c) => count(c.shares), numeric: true },
              { header: "Visits", cell: (c) => count(c.visits), numeric: true },
              { header: "Outcomes", cell: (c) => count(c.outcomes), numeric: true },
            ]}
          />
        ) : (
          <EmptyState>No contributions yet.</EmptyState>
        )}
      </div>
    </div>
  );
}
