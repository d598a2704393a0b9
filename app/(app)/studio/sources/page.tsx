import type { Metadata } from "next";
import Link from "next/link";
import { ValueTypeChip } from "@/components/content/badges";
import { InboxEntryActions } from "@/components/sources/inbox-entry-actions";
import { SourcesTabs } from "@/components/sources/sources-tabs";
import { StudioBreadcrumb } from "@/components/studio/breadcrumb";
import { PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import {
  countNewSourceEntries,
  listSourceEntries,
} from "@/lib/domains/sources/list-source-entries";
import type { SourceEntryStatus } from "@/lib/generated/prisma/enums";
import { dateFormatter } from "@/lib/core/time/format-date";
import { requestDateFormat } from "@/lib/core/http/request-date-format";

export const metadata: Metadata = { title: "Source inbox · Studio" };

const FILTERS: { status: SourceEntryStatus; label: string; param: string }[] = [
  { status: "NEW", label: "New", param: "new" },
  { status: "DRAFTED", label: "Made drafts", param: "drafted" },
  { status: "DISMISSED", label: "Dismissed", param: "dismissed" },
];

export default async function SourceInboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await requirePageAccess("content:manage");
  const requested = (await searchParams).status;
  const filter = FILTERS.find((f) => f.param === requested) ?? FILTERS[0]!;
  const [entries, newCount] = await Promise.all([
    listSourceEntries(access.orgId, filter.status),
    countNewSourceEntries(access.orgId),
  ]);
  const date = dateFormatter("dateTime", await requestDateFormat(access.org.timeZone));

  return (
    <>
      <StudioBreadcrumb current="Sources" />
      <PageHeader
        title="Source inbox"
        description="New posts from your blog, careers page and press room. Make a draft of the ones worth sharing; dismiss the rest."
      />
      <SourcesTabs current="/studio/sources" newCount={newCount} />
      <nav aria-label="Inbox entries" className="mb-4 flex flex-wrap gap-2 text-sm">
        {FILTERS.map((f) => (
          <Link
            key={f.param}
            href={f.param === "new" ? "/studio/sources" : `/studio/sources?status=${f.param}`}
            aria-current={f === filter ? "page" : undefined}
            className="touch-area rounded-full px-3 py-1 ring-1 ring-slate-300 hover:bg-slate-50 aria-[current=page]:bg-brand-600 aria-[current=page]:text-white aria-[current=page]:ring-brand-600 dark:ring-slate-700 dark:hover:bg-slate-800"
          >
            {f.label}
          </Link>
        ))}
      </nav>
      {entries.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:text-slate-400 dark:ring-slate-800">
          {filter.status === "NEW" ? (
            <>
              Nothing new. Posts from your{" "}
              <Link
                href="/studio/sources/manage"
                className="text-brand-700 underline dark:text-brand-100"
              >
                sources
              </Link>{" "}
              appear here when they are polled.
            </>
          ) : (
            "Nothing here yet."
          )}
        </p>
      ) : (
        <ul className="space-y-4">
          {entries.map((e) => (
            <li key={e.id}>
              <article
                aria-labelledby={`entry-${e.id}`}
                className="flex flex-col gap-4 rounded-card bg-white p-4 shadow-card ring-1 ring-slate-200 sm:flex-row dark:bg-slate-900 dark:ring-slate-800"
              >
                {e.imageUrl ? (
                  // Remote images of any site: the link preview's own picture, not optimised.
                  // eslint-disable-next-line @next/next/no-img-element
                  <img
                    src={e.imageUrl}
                    alt=""
                    loading="lazy"
                    referrerPolicy="no-referrer"
                    className="h-32 w-full shrink-0 rounded-md object-cover sm:h-24 sm:w-36"
                  />
                ) : null}
                <div className="min-w-0 flex-1 space-y-2">
                  <h2 id={`entry-${e.id}`} className="text-base font-semibold break-words">
                    <a
                      href={e.url}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="hover:underline"
                    >
                      {e.title}
                      <span className="sr-only"> (opens the original in a new tab)</span>
                    </a>
                  </h2>
                  <p className="text-xs text-slate-600 dark:text-slate-400">
                    {e.source.name}
                    {e.siteName ? ` · ${e.siteName}` : ""}
                    {e.publishedAt ? ` · ${date.format(e.publishedAt)}` : ""}
                  </p>
                  {e.summary ? (
                    <p className="line-clamp-3 text-sm text-slate-700 dark:text-slate-300">
                      {e.summary}
                    </p>
                  ) : null}
                  <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
                    Value type: <ValueTypeChip valueType={e.valueType} />
                  </p>
                  {filter.status === "NEW" ? (
                    <InboxEntryActions entry={{ id: e.id, title: e.title }} />
                  ) : filter.status === "DRAFTED" ? (
                    e.itemId ? (
                      <Link
                        href={`/studio/${e.itemId}`}
                        className="text-sm font-medium text-brand-700 underline hover:no-underline dark:text-brand-100"
                      >
                        Open the draft
                      </Link>
                    ) : (
                      <p className="text-sm text-slate-600 dark:text-slate-400">
                        The post made from it has been deleted.
                      </p>
                    )
                  ) : null}
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
