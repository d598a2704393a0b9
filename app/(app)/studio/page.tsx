import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { GoalChips, StatusBadge, ValueTypeChip } from "@/components/content/badges";
import { ContentMixPanel } from "@/components/studio/content-mix-panel";
import { PendingApprovals } from "@/components/studio/pending-approvals";
import { StudioFilterForm } from "@/components/studio/studio-filter-form";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { contentDisplayStatus } from "@/lib/domains/content/display-status";
import { getLibraryMix } from "@/lib/domains/content/get-library-mix";
import { listContentItems } from "@/lib/domains/content/list-content-items";
import { listPendingApprovals } from "@/lib/domains/content/list-pending-approvals";
import {
  hasStudioFilters,
  readStudioFilters,
  studioHref,
  toListQuery,
  type SearchParams,
} from "@/lib/domains/content/studio-filters";
import { listLocations } from "@/lib/domains/orgs/list-locations";
import { countPendingSuggestions } from "@/lib/domains/suggestions/count-pending-suggestions";
import { listTeams } from "@/lib/domains/teams/list-teams";
import { dateFormatter } from "@/lib/core/time/format-date";
import { requestDateFormat } from "@/lib/core/http/request-date-format";

export const metadata: Metadata = { title: "Studio" };

const PAGE_SIZE = 20;

export default async function StudioPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const access = await requirePageAccess("content:manage");
  const timeZone = access.org.timeZone;
  const params = await searchParams;
  const filters = readStudioFilters(params);
  const waitingForMe = params.approvals === "mine";
  const [result, mix, pending, teams, locations, approvals] = await Promise.all([
    listContentItems(access.orgId, toListQuery(filters, timeZone, PAGE_SIZE)),
    getLibraryMix(access.orgId),
    countPendingSuggestions(access.orgId),
    listTeams(access.orgId),
    listLocations(access.orgId),
    listPendingApprovals(access),
  ]);
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const from = result.total === 0 ? 0 : (filters.page - 1) * PAGE_SIZE + 1;
  const to = Math.min(result.total, filters.page * PAGE_SIZE);
  const now = new Date();
  const date = dateFormatter("dateTime", await requestDateFormat(timeZone));

  return (
    <>
      <PageHeader
        title="Studio"
        description="Your content library: write, review and schedule the posts your people share."
        actions={
          <>
            <Link href="/studio/calendar" className={buttonClass("secondary")}>
              Calendar
            </Link>
            <Link href="/studio/suggestions" className={buttonClass("secondary")}>
              Suggestions
              <span className="rounded-full bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white">
                {pending}
                <span className="sr-only"> pending</span>
              </span>
            </Link>
            <Link href="/studio/new" className={buttonClass("primary")}>
              <span aria-hidden="true">+</span> New post
            </Link>
          </>
        }
      />

      <div className="space-y-8">
        <PendingApprovals
          items={approvals}
          waitingForMe={waitingForMe}
          formatDate={(d) => date.format(d)}
        />
        <ContentMixPanel mix={mix} />

        <section aria-labelledby="library-title" className="space-y-4">
          <h2 id="library-title" className="text-lg font-semibold">
            Library
          </h2>
          <StudioFilterForm
            filters={filters}
            teams={teams.map((t) => ({ id: t.id, name: t.name }))}
            locations={locations}
          />
          <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
            {result.total === 0
              ? "No posts match."
              : `Showing ${from}–${to} of ${result.total} post${result.total === 1 ? "" : "s"}.`}
          </p>
          {result.items.length ? (
            <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
              <table className="w-full min-w-[56rem] text-left text-sm">
                <caption className="sr-only">
                  Content library, page {filters.page} of {pages}
                </caption>
                <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-700 dark:text-slate-400">
                  <tr>
                    <th scope="col" className="px-4 py-3 font-medium">
                      Title
                    </th>
                    <th scope="col" className="px-3 py-3 font-medium">
                      Status
                    </th>
                    <th scope="col" className="px-3 py-3 font-medium">
                      Value type
                    </th>
                    <th scope="col" className="px-3 py-3 font-medium">
                      Goals
                    </th>
                    <th scope="col" className="px-3 py-3 font-medium">
                      Audience
                    </th>
                    <th scope="col" className="px-3 py-3 font-medium">
                      Languages
                    </th>
                    <th scope="col" className="px-4 py-3 font-medium">
                      Publish window
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                  {result.items.map((item) => {
                    const start = item.publishAt ?? item.publishedAt;
                    return (
                      <tr
                        key={item.id}
                        className="align-top hover:bg-slate-50 dark:hover:bg-slate-800/50"
                      >
                        <td className="max-w-xs px-4 py-3">
                          <Link
                            href={`/studio/${item.id}`}
                            className="font-medium text-slate-900 underline-offset-2 hover:underline dark:text-slate-100"
                          >
                            {item.title}
                          </Link>
                          <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
                            {[
                              item.captionCount
                                ? `${item.captionCount} caption${item.captionCount === 1 ? "" : "s"}`
                                : null,
                              item.imageCount
                                ? `${item.imageCount} image${item.imageCount === 1 ? "" : "s"}`
                                : null,
                              item.linkUrl ? "link" : null,
                              item.originatorMembershipId ? "employee story" : null,
                            ]
                              .filter(Boolean)
                              .join(" · ")}
                          </p>
                        </td>
                        <td className="px-3 py-3">
                          <StatusBadge status={contentDisplayStatus(item, now)} />
                        </td>
                        <td className="px-3 py-3">
                          <ValueTypeChip valueType={item.valueType} />
                        </td>
                        <td className="px-3 py-3">
                          <GoalChips goals={item.goals} />
                        </td>
                        <td className="max-w-[12rem] px-3 py-3 text-slate-700 dark:text-slate-300">
                          {item.audience || "—"}
                        </td>
                        <td className="px-3 py-3 text-slate-700 dark:text-slate-300">
                          {item.languages.join(", ")}
                        </td>
                        <td className="whitespace-nowrap px-4 py-3 text-slate-700 dark:text-slate-300">
                          {start ? (
                            <time dateTime={start.toISOString()}>{date.format(start)}</time>
                          ) : (
                            <span className="text-slate-500 dark:text-slate-400">
                              When published
                            </span>
                          )}
                          {item.expireAt ? (
                            <span className="block text-xs text-slate-600 dark:text-slate-400">
                              until{" "}
                              <time dateTime={item.expireAt.toISOString()}>
                                {date.format(item.expireAt)}
                              </time>
                            </span>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ) : (
            <div className="rounded-lg bg-white p-6 text-sm shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
              {hasStudioFilters(filters) || filters.page > 1 ? (
                <p>
                  Nothing matches these filters.{" "}
                  <Link
                    href="/studio"
                    className="font-medium text-brand-700 underline dark:text-brand-100"
                  >
                    Show the whole library
                  </Link>
                </p>
              ) : (
                <p>
                  The library is empty.{" "}
                  <Link
                    href="/studio/new"
                    className="font-medium text-brand-700 underline dark:text-brand-100"
                  >
                    Write the first post
                  </Link>
                  .
                </p>
              )}
            </div>
          )}
          <Pagination
            page={filters.page}
            pages={pages}
            href={(page) => studioHref(filters, { page })}
          />
        </section>
      </div>
    </>
  );
}
