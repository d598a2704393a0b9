import type { Metadata } from "next";
import Link from "next/link";
import { StudioBreadcrumb } from "@/components/studio/breadcrumb";
import { SuggestionCard } from "@/components/suggestions/suggestion-card";
import { SuggestionReview } from "@/components/suggestions/suggestion-review";
import { PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import type { SuggestionStatus } from "@/lib/generated/prisma/enums";
import { listSuggestions } from "@/lib/domains/suggestions/list-suggestions";
import { dateFormatter } from "@/lib/core/time/format-date";
import { requestDateFormat } from "@/lib/core/http/request-date-format";

export const metadata: Metadata = { title: "Suggestions · Studio" };

const TABS: { status: SuggestionStatus; label: string; param: string }[] = [
  { status: "PENDING", label: "Waiting", param: "pending" },
  { status: "ACCEPTED", label: "Turned into posts", param: "accepted" },
  { status: "REJECTED", label: "Rejected", param: "rejected" },
];

export default async function SuggestionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await requirePageAccess("suggestions:moderate");
  const requested = (await searchParams).status;
  const tab = TABS.find((t) => t.param === requested) ?? TABS[0]!;
  const suggestions = await listSuggestions(access.orgId, tab.status);
  const date = dateFormatter("dateTime", await requestDateFormat(access.org.timeZone));

  return (
    <>
      <StudioBreadcrumb current="Suggestions" />
      <PageHeader
        title="Suggestions"
        description="Stories your people suggested. Turn the good ones into posts; tell the others why not."
      />
      <nav
        aria-label="Suggestion status"
        className="mb-6 border-b border-slate-200 dark:border-slate-800"
      >
        <ul className="-mb-px flex flex-wrap gap-1">
          {TABS.map((t) => (
            <li key={t.param}>
              <Link
                href={
                  t.param === "pending"
                    ? "/studio/suggestions"
                    : `/studio/suggestions?status=${t.param}`
                }
                aria-current={t === tab ? "page" : undefined}
                className="inline-block border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 aria-[current=page]:border-brand-600 aria-[current=page]:text-brand-700 dark:text-slate-400 dark:hover:text-slate-100 dark:aria-[current=page]:border-brand-500 dark:aria-[current=page]:text-white"
              >
                {t.label}
                {t === tab ? ` (${suggestions.length >= 200 ? "200+" : suggestions.length})` : ""}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {suggestions.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:text-slate-400 dark:ring-slate-800">
          {tab.status === "PENDING"
            ? "No suggestions are waiting. When employees suggest stories, they appear here."
            : tab.status === "ACCEPTED"
              ? "No suggestions have been turned into posts yet."
              : "No suggestions have been rejected."}
        </p>
      ) : (
        <ul className="space-y-4">
          {suggestions.map((s) => (
            <li key={s.id}>
              <SuggestionCard
                headingLevel={2}
                suggestion={{
                  ...s,
                  createdAt: s.createdAt.toISOString(),
                  createdLabel: date.format(s.createdAt),
                }}
                author={{ name: s.author.name, title: s.author.title }}
              >
                {s.status === "PENDING" ? (
                  <SuggestionReview
                    suggestion={{ id: s.id, title: s.title, body: s.body, valueType: s.valueType }}
                  />
                ) : s.status === "ACCEPTED" ? (
                  <p className="text-sm">
                    {s.itemId ? (
                      <Link
                        href={`/studio/${s.itemId}`}
                        className="font-medium text-brand-700 underline hover:no-underline dark:text-brand-100"
                      >
                        Open the post
                      </Link>
                    ) : (
                      <span className="text-slate-600 dark:text-slate-400">
                        The post made from it has been deleted.
                      </span>
                    )}
                    {s.reviewedAt ? (
                      <span className="text-slate-600 dark:text-slate-400">
                        {" "}
                        · accepted {date.format(s.reviewedAt)}
                      </span>
                    ) : null}
                  </p>
                ) : (
                  <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 dark:bg-slate-800 dark:text-slate-300">
                    <span className="font-medium">Reason:</span> {s.rejectionReason}
                  </p>
                )}
              </SuggestionCard>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
