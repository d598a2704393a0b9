import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { PendingApproval } from "@/lib/domains/content/list-pending-approvals";

/**
 * The studio's "waiting for approval" list: every item in review, oldest first, who submitted it
 * and whether the viewer may approve it (else why not). Nothing when nothing waits.
 */
export function PendingApprovals({
  items: all,
  waitingForMe = false,
  formatDate,
}: {
  items: PendingApproval[];
  /** Only what the viewer may approve now ("Waiting for me", `?approvals=mine`). */
  waitingForMe?: boolean;
  /** The page's date format (the person's locale, the organisation's time zone). */
  formatDate: (date: Date) => string;
}) {
  if (all.length === 0) return null;
  const mine = all.filter((i) => i.canApprove).length;
  const items = waitingForMe ? all.filter((i) => i.canApprove) : all;
  const tab = (on: boolean) =>
    `rounded-md px-2.5 py-1 text-sm font-medium underline-offset-2 hover:underline ${
      on ? "bg-brand-600 text-white" : "text-slate-700 dark:text-slate-300"
    }`;
  return (
    <Card className="space-y-3">
      <section aria-labelledby="pending-approvals-title" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="pending-approvals-title" className="text-lg font-semibold">
            Waiting for approval
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {all.length} in review · {mine === 0 ? "none" : mine} for you to approve
          </p>
        </div>
        <nav aria-label="Approval queue" className="flex flex-wrap gap-2">
          <Link
            href="/studio"
            className={tab(!waitingForMe)}
            aria-current={waitingForMe ? undefined : "page"}
          >
            All in review
          </Link>
          <Link
            href="/studio?approvals=mine"
            className={tab(waitingForMe)}
            aria-current={waitingForMe ? "page" : undefined}
          >
            Waiting for me ({mine})
          </Link>
        </nav>
        {items.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">Nothing waits for you.</p>
        ) : null}
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {items.map((item) => (
            <li key={item.id} className="py-2.5 first:pt-0 last:pb-0">
              <Link
                href={`/studio/${item.id}`}
                className="font-medium text-slate-900 underline-offset-2 hover:underline dark:text-slate-100"
              >
                {item.title}
              </Link>
              <p className="mt-0.5 text-sm text-slate-600 dark:text-slate-400">
                {item.submittedBy ? `Submitted by ${item.submittedBy}` : "Submitted"}
                {item.submittedAt ? (
                  <>
                    {" "}
                    on{" "}
                    <time dateTime={item.submittedAt.toISOString()}>
                      {formatDate(item.submittedAt)}
                    </time>
                  </>
                ) : null}
                {item.stageLabel ? ` · At ${item.stageLabel}` : null}
                {" · "}
                {item.canApprove ? (
                  <span className="font-medium text-emerald-800 dark:text-emerald-300">
                    You can approve it
                  </span>
                ) : (
                  <span>{item.reason}</span>
                )}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </Card>
  );
}
