import type { Metadata } from "next";
import { SuggestionCard } from "@/components/suggestions/suggestion-card";
import { SuggestForm } from "@/components/suggestions/suggest-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import type { SuggestionStatus } from "@/lib/generated/prisma/enums";
import { listMySuggestions } from "@/lib/domains/suggestions/list-suggestions";
import { dateFormatter } from "@/lib/core/time/format-date";
import { requestDateFormat } from "@/lib/core/http/request-date-format";

export const metadata: Metadata = { title: "Suggest a story" };

const STATUS: Record<SuggestionStatus, { label: string; className: string }> = {
  PENDING: {
    label: "Waiting for review",
    className:
      "bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-700",
  },
  ACCEPTED: {
    label: "Turned into a post",
    className:
      "bg-emerald-50 text-emerald-800 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-700",
  },
  REJECTED: {
    label: "Not taken up",
    className:
      "bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600",
  },
};

export default async function SuggestPage() {
  const access = await requirePageAccess("suggestions:create");
  const mine = await listMySuggestions(access.orgId, access.membershipId);
  const date = dateFormatter("dateTime", await requestDateFormat(access.org.timeZone));
  return (
    <>
      <PageHeader
        title="Suggest a story"
        description={`Something from your work at ${access.org.name} worth telling? A milestone, a lesson, a team moment: the comms team can turn it into a post for everyone to share.`}
      />
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <SuggestForm />
        </Card>
        <section aria-labelledby="mine-title" className="space-y-4">
          <h2 id="mine-title" className="text-lg font-semibold">
            Your suggestions
          </h2>
          {mine.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              You have not suggested a story yet.
            </p>
          ) : (
            <ul className="space-y-4">
              {mine.map((s) => (
                <li key={s.id}>
                  <SuggestionCard
                    suggestion={{
                      ...s,
                      createdAt: s.createdAt.toISOString(),
                      createdLabel: date.format(s.createdAt),
                    }}
                    status={
                      <span
                        className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS[s.status].className}`}
                      >
                        {STATUS[s.status].label}
                      </span>
                    }
                  >
                    {s.status === "REJECTED" && s.rejectionReason ? (
                      <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 dark:bg-slate-800 dark:text-slate-300">
                        <span className="font-medium">Why:</span> {s.rejectionReason}
                      </p>
                    ) : null}
                  </SuggestionCard>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
