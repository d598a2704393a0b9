import Link from "next/link";
import { CampaignProgressBar } from "@/components/campaigns/progress-bar";
import { Card } from "@/components/ui/card";
import type { Access } from "@/lib/domains/access/resolve-access";
import { can } from "@/lib/domains/access/permissions";
import { goalAmount } from "@/lib/domains/campaigns/campaign-goals";
import {
  listActiveCampaigns,
  type ActiveCampaign,
} from "@/lib/domains/campaigns/list-active-campaigns";
import { formatDay } from "@/lib/core/time/format-date";
import { requestDateFormat } from "@/lib/core/http/request-date-format";

/**
 * The campaigns running now, at the top of the feed: the goal, progress, days left, the member's
 * own contribution, the competing teams and the campaign's posts to share. Nothing when none runs.
 */
export async function ActiveCampaigns({ access }: { access: Access }) {
  const campaigns = await listActiveCampaigns(access);
  if (!campaigns.length) return null;
  const { locale } = await requestDateFormat(access.org.timeZone);
  const canShare = can(access, "shares:create");
  return (
    <section aria-label="Campaigns running now" className="mb-section space-y-4">
      {campaigns.map((c) => (
        <CampaignCard key={c.id} campaign={c} locale={locale} canShare={canShare} />
      ))}
    </section>
  );
}

function CampaignCard({
  campaign: c,
  locale,
  canShare,
}: {
  campaign: ActiveCampaign;
  locale: string;
  canShare: boolean;
}) {
  const { goal, target, total, own, teams } = c.progress;
  const titleId = `campaign-${c.id}-title`;
  const mine = new Set(c.myTeamIds);
  return (
    // A group, not an article: the feed's articles are its posts (keyboard and e2e paths go to
    // the first post's "Make it yours"; a campaign card before them was taken for the first post).
    <div
      id={`campaign-${c.id}`}
      role="group"
      aria-labelledby={titleId}
      data-campaign={c.id}
      className="scroll-mt-24"
    >
      <Card className="space-y-4 border-l-4 border-brand-600 dark:border-brand-400">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <p className="text-xs font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-100">
              Campaign
            </p>
            <h2 id={titleId} className="text-lg font-semibold">
              {c.name}
            </h2>
            {c.description ? (
              <p className="mt-1 max-w-prose text-sm text-slate-700 dark:text-slate-300">
                {c.description}
              </p>
            ) : null}
          </div>
          <p className="rounded-full bg-brand-50 px-2.5 py-0.5 text-sm font-medium text-brand-700 ring-1 ring-inset ring-brand-100 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600">
            {c.daysLeft === 1 ? "Last day" : `${c.daysLeft} days left`}
          </p>
        </div>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Goal: <strong className="font-semibold">{goalAmount(goal, target)}</strong> from{" "}
          {formatDay(c.startDate, "dayMonth", locale)} to {formatDay(c.endDate, "date", locale)}.
        </p>
        <CampaignProgressBar
          id={`campaign-${c.id}`}
          label="Progress"
          goal={goal}
          total={total}
          target={target}
        />
        <p className="text-sm" data-testid={`campaign-${c.id}-mine`}>
          Your contribution:{" "}
          <strong className="font-semibold">{goalAmount(goal, own.value)}</strong>
          {goal !== "SHARES" && own.shares ? ` from ${goalAmount("SHARES", own.shares)}` : ""}
          {own.value === 0 && c.items.length ? " so far: share one of its posts below." : "."}
        </p>
        {teams.length ? (
          <div>
            <h3 className="text-sm font-medium">Teams</h3>
            <ol className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {teams.map((t) => (
                <li key={t.teamId} className="tabular-nums">
                  <span className="font-semibold">{t.rank}.</span> {t.name}
                  {mine.has(t.teamId) ? (
                    <span className="font-medium"> (your team)</span>
                  ) : null}: {t.value.toLocaleString("en")}
                </li>
              ))}
            </ol>
          </div>
        ) : null}
        {c.items.length ? (
          <div>
            <h3 className="text-sm font-medium">Posts in this campaign</h3>
            <ul className="mt-1 space-y-1 text-sm">
              {c.items.map((item) => (
                <li key={item.id}>
                  {canShare ? (
                    <Link
                      href={`/share/${item.id}`}
                      className="font-medium text-brand-700 underline hover:no-underline pointer-coarse:inline-flex pointer-coarse:min-h-11 pointer-coarse:items-center dark:text-brand-100"
                    >
                      Share “{item.title}”
                    </Link>
                  ) : (
                    item.title
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
