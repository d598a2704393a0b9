import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { ContentMixPanel } from "@/components/studio/content-mix-panel";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { getLibraryMix } from "@/lib/domains/content/get-library-mix";
import { RECONNECT_WARNING_DAYS } from "@/lib/domains/linkedin/connection";
import { getOrgOverview } from "@/lib/domains/orgs/get-org-overview";
import {
  FAILED_DELIVERY_DAYS,
  getAttentionSummary,
} from "@/lib/domains/overview/get-attention-summary";
import { getWeekParticipation } from "@/lib/domains/overview/get-week-participation";

export const metadata: Metadata = { title: "Overview" };

const link = "font-medium text-brand-700 underline hover:no-underline dark:text-brand-200";

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}

/** One thing that needs attention: a tone dot (never the only signal), the sentence, a link. */
function AttentionRow({
  tone,
  children,
  href,
  action,
}: {
  tone: "warn" | "error";
  children: ReactNode;
  href: string;
  action: string;
}) {
  return (
    <li className="flex flex-wrap items-start gap-x-3 gap-y-1 py-3 first:pt-0 last:pb-0">
      <span
        aria-hidden="true"
        className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${tone === "error" ? "bg-red-500" : "bg-amber-500"}`}
      />
      <div className="min-w-0 flex-1 text-body">{children}</div>
      <Link href={href} className={`${link} text-body`}>
        {action}
      </Link>
    </li>
  );
}

/** The admin's home: what needs attention, how this week went, and the content mix. */
export default async function AdminOverviewPage() {
  const access = await requirePageAccess("org:update");
  const [o, attention, week, mix] = await Promise.all([
    getOrgOverview(access.orgId),
    getAttentionSummary(access.orgId),
    getWeekParticipation(access.orgId),
    getLibraryMix(access.orgId, 30),
  ]);
  const stats = [
    { label: "Employees", value: o.employees, href: "/admin/members?role=EMPLOYEE" },
    { label: "Managers", value: o.managers, href: "/admin/members?role=MANAGER" },
    { label: "Admins", value: o.admins, href: "/admin/members?role=ADMIN" },
    { label: "Teams", value: o.teams, href: "/admin/teams" },
    {
      label: "Pending invitations",
      value: o.pendingInvitations,
      href: "/admin/members#invitations",
    },
    { label: "Deactivated", value: o.deactivated, href: "/admin/members?status=DEACTIVATED" },
  ];
  const a = attention;
  const failedDeliveries = a.failedEmails + a.failedWebhooks;
  const connections = a.expiringConnections + a.expiredConnections;
  const nothing =
    a.pendingApprovals.count === 0 &&
    a.pendingSuggestions === 0 &&
    failedDeliveries === 0 &&
    connections === 0;
  const ratePercent = Math.round(week.rate * 100);
  const change = week.thisWeek.shares - week.lastWeek.shares;
  return (
    <>
      <PageHeader title={access.org.name} description="Your advocacy programme at a glance." />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card className="space-y-4">
          <h2 className="text-heading font-semibold">Needs your attention</h2>
          {nothing ? (
            <p className="text-body text-slate-600 dark:text-slate-400">
              <span aria-hidden="true">✓ </span>All clear: nothing waits for review, no delivery
              failed this week, and every LinkedIn connection is current.
            </p>
          ) : (
            <ul className="divide-y divide-slate-200 dark:divide-slate-800">
              {a.pendingApprovals.count ? (
                <AttentionRow tone="warn" href="/studio?status=IN_REVIEW" action="Review">
                  <p>
                    <strong>{plural(a.pendingApprovals.count, "post waits", "posts wait")}</strong>{" "}
                    for approval.
                  </p>
                  <ul className="mt-1 space-y-0.5 text-caption">
                    {a.pendingApprovals.oldest.map((item) => (
                      <li key={item.id} className="truncate">
                        <Link href={`/studio/${item.id}`} className={link}>
                          {item.title}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </AttentionRow>
              ) : null}
              {a.pendingSuggestions ? (
                <AttentionRow tone="warn" href="/studio/suggestions" action="Read them">
                  <strong>
                    {plural(a.pendingSuggestions, "story suggestion", "story suggestions")}
                  </strong>{" "}
                  from employees {a.pendingSuggestions === 1 ? "waits" : "wait"} for an answer.
                </AttentionRow>
              ) : null}
              {a.failedEmails ? (
                <AttentionRow tone="error" href="/admin/emails" action="See emails">
                  <strong>{plural(a.failedEmails, "email", "emails")}</strong> could not be
                  delivered in the last {FAILED_DELIVERY_DAYS} days.
                </AttentionRow>
              ) : null}
              {a.failedWebhooks ? (
                <AttentionRow tone="error" href="/admin/integrations" action="See webhooks">
                  <strong>{plural(a.failedWebhooks, "webhook call", "webhook calls")}</strong>{" "}
                  failed in the last {FAILED_DELIVERY_DAYS} days.
                </AttentionRow>
              ) : null}
              {connections ? (
                <AttentionRow
                  tone={a.expiredConnections ? "error" : "warn"}
                  href="/admin/members"
                  action="See members"
                >
                  {a.expiringConnections ? (
                    <>
                      <strong>
                        {plural(
                          a.expiringConnections,
                          "LinkedIn connection",
                          "LinkedIn connections",
                        )}
                      </strong>{" "}
                      {a.expiringConnections === 1 ? "ends" : "end"} within {RECONNECT_WARNING_DAYS}{" "}
                      days.{" "}
                    </>
                  ) : null}
                  {a.expiredConnections ? (
                    <>
                      <strong>{plural(a.expiredConnections, "member", "members")}</strong> must
                      reconnect LinkedIn to post directly.
                    </>
                  ) : null}{" "}
                  Each of them gets a reminder in the app.
                </AttentionRow>
              ) : null}
            </ul>
          )}
        </Card>
        <Card className="space-y-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="text-heading font-semibold">This week</h2>
            <p className="text-caption text-slate-600 dark:text-slate-400">Last 7 days</p>
          </div>
          <div>
            <p className="text-display font-semibold tabular-nums">{ratePercent} %</p>
            <p className="text-body text-slate-600 dark:text-slate-400">
              of members shared ({week.thisWeek.sharers.toLocaleString("en")} of{" "}
              {week.members.toLocaleString("en")})
            </p>
          </div>
          <div
            role="meter"
            aria-label="Members who shared this week"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={ratePercent}
            aria-valuetext={`${ratePercent} %`}
            className="h-2.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
          >
            <div
              className="h-full rounded-full bg-brand-600"
              style={{ width: `${ratePercent}%` }}
            />
          </div>
          <dl className="grid grid-cols-2 gap-4 text-body">
            <div>
              <dt className="text-slate-600 dark:text-slate-400">Shares</dt>
              <dd className="text-heading font-semibold tabular-nums">
                {week.thisWeek.shares.toLocaleString("en")}
              </dd>
              <dd className="text-caption text-slate-600 dark:text-slate-400">
                {change === 0
                  ? "as many as the week before"
                  : `${Math.abs(change).toLocaleString("en")} ${change > 0 ? "more" : "fewer"} than the week before`}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600 dark:text-slate-400">People who shared</dt>
              <dd className="text-heading font-semibold tabular-nums">
                {week.thisWeek.sharers.toLocaleString("en")}
              </dd>
              <dd className="text-caption text-slate-600 dark:text-slate-400">
                {week.lastWeek.sharers.toLocaleString("en")} the week before
              </dd>
            </div>
          </dl>
          <p className="text-body">
            <Link href="/dashboard" className={link}>
              Open the dashboard
            </Link>
          </p>
        </Card>
      </div>
      <div className="mt-6">
        <ContentMixPanel mix={mix} />
      </div>
      <section aria-labelledby="people-title" className="mt-section">
        <h2 id="people-title" className="mb-3 text-heading font-semibold">
          People
        </h2>
        {/* A list of links: a <dl> may not hold links around its terms (axe definition-list). */}
        <ul className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-6">
          {stats.map((s) => (
            <li key={s.label}>
              <Link href={s.href} className="block h-full rounded-card focus-visible:outline-2">
                <Card className="h-full !p-4 transition-shadow hover:shadow-pop">
                  <span className="block text-body text-slate-600 dark:text-slate-400">
                    {s.label}
                  </span>
                  <span className="mt-1 block text-title font-semibold tabular-nums">
                    {s.value}
                  </span>
                </Card>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
