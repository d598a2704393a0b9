import type { Metadata } from "next";
import { SourceActions } from "@/components/sources/source-actions";
import { SourceForm } from "@/components/sources/source-form";
import { SourcesTabs } from "@/components/sources/sources-tabs";
import { StudioBreadcrumb } from "@/components/studio/breadcrumb";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { listLocations } from "@/lib/domains/orgs/list-locations";
import { listSources } from "@/lib/domains/sources/list-sources";
import { countNewSourceEntries } from "@/lib/domains/sources/list-source-entries";
import { listTeams } from "@/lib/domains/teams/list-teams";
import { listTopics } from "@/lib/domains/topics/list-topics";
import { dateFormatter } from "@/lib/core/time/format-date";
import { requestDateFormat } from "@/lib/core/http/request-date-format";

export const metadata: Metadata = { title: "Sources · Studio" };

const STATUS_TEXT = {
  PENDING: "Not polled yet",
  OK: "OK",
  NOT_MODIFIED: "OK (unchanged)",
  ERROR: "Failed",
} as const;

export default async function ManageSourcesPage() {
  const access = await requirePageAccess("content:manage");
  const [sources, newCount, teams, locations, topics] = await Promise.all([
    listSources(access.orgId),
    countNewSourceEntries(access.orgId),
    listTeams(access.orgId),
    listLocations(access.orgId),
    listTopics(access.orgId),
  ]);
  const options = {
    teams: teams.map((t) => ({ id: t.id, label: t.name })),
    locations: locations.map((l) => ({ id: l.id, label: l.name })),
    topics: topics.map((t) => ({ id: t.id, label: t.name })),
  };
  const date = dateFormatter("dateTime", await requestDateFormat(access.org.timeZone));
  const when = (d: Date | null) => (d ? date.format(d) : "never");

  return (
    <>
      <StudioBreadcrumb current="Sources" />
      <PageHeader
        title="Sources"
        description="Feeds and sitemaps Chorus reads for new posts: your blog, careers page and press room."
      />
      <SourcesTabs current="/studio/sources/manage" newCount={newCount} />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <section aria-labelledby="sources-title" className="min-w-0 space-y-4">
          <h2 id="sources-title" className="sr-only">
            Your sources
          </h2>
          {sources.length === 0 ? (
            <Card>
              <p className="text-sm text-slate-700 dark:text-slate-300">
                No sources yet. Add your blog&apos;s feed with the form.
              </p>
            </Card>
          ) : (
            <ul className="space-y-4">
              {sources.map((s) => (
                <li key={s.id}>
                  <Card className="space-y-3">
                    <div className="min-w-0">
                      <h3 className="text-base font-semibold break-words">{s.name}</h3>
                      <p className="text-xs break-all text-slate-600 dark:text-slate-400">
                        {s.url}
                      </p>
                    </div>
                    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                      <dt className="text-slate-600 dark:text-slate-400">Status</dt>
                      <dd>
                        <span
                          className={
                            s.lastStatus === "ERROR"
                              ? "font-medium text-red-700 dark:text-red-400"
                              : undefined
                          }
                        >
                          {s.lastStatus === "ERROR" ? "⚠ " : ""}
                          {STATUS_TEXT[s.lastStatus]}
                        </span>
                        {s.kind === "SITEMAP" ? " · sitemap" : " · feed"}
                        {s.enabled ? "" : " · paused"}
                        {s.autoDraft ? " · auto-draft" : ""}
                      </dd>
                      {s.lastError ? (
                        <>
                          <dt className="text-slate-600 dark:text-slate-400">Last error</dt>
                          <dd className="break-words text-red-700 dark:text-red-400">
                            {s.lastError}
                          </dd>
                        </>
                      ) : null}
                      <dt className="text-slate-600 dark:text-slate-400">Last polled</dt>
                      <dd>{when(s.lastPolledAt)}</dd>
                      <dt className="text-slate-600 dark:text-slate-400">Next poll</dt>
                      <dd>
                        {s.enabled ? when(s.nextPollAt) : "paused"}
                        {s.consecutiveFailures > 0
                          ? ` (backing off after ${s.consecutiveFailures} failed ${s.consecutiveFailures === 1 ? "poll" : "polls"})`
                          : ` (every ${s.intervalMinutes} min)`}
                      </dd>
                      <dt className="text-slate-600 dark:text-slate-400">In the inbox</dt>
                      <dd>{s.newEntries} new</dd>
                    </dl>
                    <SourceActions
                      source={{
                        id: s.id,
                        name: s.name,
                        url: s.url,
                        intervalMinutes: s.intervalMinutes,
                        enabled: s.enabled,
                        autoDraft: s.autoDraft,
                        defaultValueType: s.defaultValueType,
                        defaultGoals: s.defaultGoals,
                        defaultTeamIds: s.defaultTeamIds,
                        defaultLocationIds: s.defaultLocationIds,
                        defaultTopicIds: s.defaultTopicIds,
                      }}
                      options={options}
                    />
                  </Card>
                </li>
              ))}
            </ul>
          )}
        </section>
        <Card className="self-start">
          <h2 className="mb-4 text-base font-semibold">Add a source</h2>
          <SourceForm options={options} />
        </Card>
      </div>
    </>
  );
}
