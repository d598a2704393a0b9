import type { Metadata } from "next";
import Link from "next/link";
import { ActivityShareList } from "@/components/people/activity-share-list";
import { ImpactPanel } from "@/components/people/impact-panel";
import { StatTiles } from "@/components/people/stat-tiles";
import { ValueTypeMix } from "@/components/people/value-type-mix";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { ScrollIntoView } from "@/components/ui/scroll-into-view";
import { MyBadges } from "@/components/recognition/member-badges";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { shortLinkBase } from "@/lib/core/http/app-url";
import { pageRequest } from "@/lib/core/http/page-request";
import { personalMixHint } from "@/lib/domains/people/personal-mix-hint";
import { getProfile } from "@/lib/domains/people/update-profile";
import { describeAuthenticity } from "@/lib/domains/sharing/authenticity";
import { getMyActivity, myActivityQuery } from "@/lib/domains/sharing/get-my-activity";
import { Pagination } from "@/components/ui/pagination";
import { listMyReminders } from "@/lib/domains/sharing/reminders/list-my-reminders";
import { MyReminders } from "@/components/sharing/my-reminders";
import { requestDateFormat } from "@/lib/core/http/request-date-format";
import { readAnalyticsParams, type SearchParams } from "@/lib/domains/analytics/analytics-params";
import { getMyImpact } from "@/lib/domains/impact/get-my-impact";

export const metadata: Metadata = { title: "My activity" };

const link = "touch-area font-medium text-brand-700 underline dark:text-brand-100";

export default async function ActivityPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const access = await requirePageAccess("shares:create");
  // The period of "Your impact" (?range=7d|30d|90d, or custom dates), as on the dashboard.
  const query = await searchParams;
  const { params } = readAnalyticsParams(query, access.org.timeZone);
  // ?page=<n> of "Your shares"; a milestone notification points at one share (?share=<id>): its
  // page is shown, and only one of the person's own is highlighted. Unusable values are ignored.
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const paging = myActivityQuery.safeParse({ page: first(query.page), share: first(query.share) });
  const listQuery = paging.success
    ? paging.data
    : (myActivityQuery.safeParse({ share: first(query.share) }).data ?? {});
  const [activity, profile, req, impact, reminders] = await Promise.all([
    getMyActivity(access, listQuery),
    getProfile(access),
    pageRequest(),
    getMyImpact(access.orgId, access.membershipId, params.range),
    listMyReminders(access),
  ]);
  const { shares, total, page, pages, highlightId, totalClicks, mix, streakWeeks } = activity;
  const { averageAuthenticity } = activity;
  // Page links keep the impact period (?range=…) and drop the pointer to a share.
  const pageHref = (n: number) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (key === "page" || key === "share" || value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) next.append(key, v);
    }
    if (n > 1) next.set("page", String(n));
    const qs = next.toString();
    return qs ? `/activity?${qs}#shares-title` : "/activity#shares-title";
  };
  const hint = personalMixHint(mix);

  return (
    <>
      <PageHeader
        title="My activity"
        description="What you shared, how personal it was and the links that track it."
        actions={
          profile.handle ? (
            <Link href={`/people/${profile.handle}`} className={buttonClass("secondary")}>
              View your public page
            </Link>
          ) : (
            <Link href="/profile" className={buttonClass("secondary")}>
              Set up your page
            </Link>
          )
        }
      />

      <section aria-labelledby="summary-title" className="mb-8">
        <h2 id="summary-title" className="sr-only">
          Summary
        </h2>
        <StatTiles
          columns={4}
          stats={[
            {
              label: "Weekly streak",
              value: streakWeeks > 0 ? `${streakWeeks}-week streak` : "No streak yet",
              note: "Weeks in a row with at least one share. This week counts as soon as you share.",
            },
            {
              label: "Shares",
              value: total.toLocaleString("en"),
              note: "Everything you have shared from the feed.",
            },
            {
              label: "Clicks",
              value: totalClicks.toLocaleString("en"),
              note: "Clicks on your tracked links, bots not counted (as on the dashboard).",
            },
            {
              label: "Average authenticity",
              value:
                averageAuthenticity === null ? "—" : `${Math.round(averageAuthenticity * 100)} %`,
              note:
                averageAuthenticity === null
                  ? "How much of your text is in your own words, once you share."
                  : `${describeAuthenticity(averageAuthenticity).label}: how much of your text is in your own words.`,
            },
          ]}
        />
      </section>

      <section aria-labelledby="impact-title" className="mb-8">
        <Card className="space-y-4">
          <div>
            <h2 id="impact-title" className="text-lg font-semibold">
              Your impact
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              What your shares brought: visits, reach and outcomes, from the same figures as the
              dashboard (updated every minute).
            </p>
          </div>
          <ImpactPanel
            impact={impact}
            basePath="/activity"
            preset={params.preset}
            locale={(await requestDateFormat(access.org.timeZone)).locale}
          />
        </Card>
      </section>

      {reminders.length ? (
        <section aria-labelledby="reminders-title" className="mb-8">
          <Card className="space-y-3">
            <h2 id="reminders-title" className="text-lg font-semibold">
              Share later
            </h2>
            <MyReminders
              reminders={reminders}
              dates={await requestDateFormat(access.org.timeZone)}
            />
          </Card>
        </section>
      ) : null}

      <MyBadges access={access} />
      {total === 0 ? (
        <Card className="text-center">
          <h2 className="text-lg font-medium">You haven&apos;t shared anything yet</h2>
          <p className="mx-auto mt-2 max-w-prose text-sm text-slate-600 dark:text-slate-400">
            Pick a post in your feed, put it in your own words and share it on LinkedIn. Each share
            gets its own tracked link, and it shows up here.
          </p>
          <p className="mt-4">
            <Link href="/feed" className={buttonClass("primary")}>
              Go to the feed
            </Link>
          </p>
        </Card>
      ) : (
        <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)] lg:items-start">
          <section aria-labelledby="mix-title" className="lg:sticky lg:top-4">
            <Card className="space-y-3">
              <h2 id="mix-title" className="text-lg font-semibold">
                Your mix
              </h2>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                What kind of value your {mix.total === 1 ? "share" : `${mix.total} shares`}{" "}
                {mix.total === 1 ? "gives" : "give"} your network. A varied mix reads as more
                genuine.
              </p>
              <ValueTypeMix
                valueTypes={mix.valueTypes}
                hint={hint}
                caption="Your shares by value type"
              />
              <p className="text-sm">
                <Link href="/feed" className={link}>
                  Find something new to share
                </Link>
              </p>
            </Card>
          </section>
          <section aria-labelledby="shares-title" className="min-w-0 space-y-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="shares-title" className="text-lg font-semibold">
                Your shares
              </h2>
              {pages > 1 ? (
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  Page {page} of {pages}, newest first
                </p>
              ) : null}
              <p className="text-xs text-slate-600 dark:text-slate-400">
                Dates in {access.org.timeZone.replaceAll("_", " ")} time. Clicks: clicks on the
                tracked link, bots not counted, updated every minute.
              </p>
            </div>
            <ActivityShareList
              shares={shares}
              dates={await requestDateFormat(access.org.timeZone)}
              linkBase={shortLinkBase(req)}
              highlightId={highlightId}
            />
            {shares.length === 0 ? (
              <p className="text-sm">
                No shares on this page.{" "}
                <Link href={pageHref(1)} className={link}>
                  Back to your latest shares
                </Link>
              </p>
            ) : null}
            {highlightId ? <ScrollIntoView targetId={`share-${highlightId}`} /> : null}
            <Pagination page={page} pages={pages} href={pageHref} />
          </section>
        </div>
      )}
    </>
  );
}
