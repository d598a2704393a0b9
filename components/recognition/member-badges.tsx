import { Card } from "@/components/ui/card";
import { dateFormatter, type DateFormat } from "@/lib/core/time/format-date";
import { requestDateFormat } from "@/lib/core/http/request-date-format";
import type { Access } from "@/lib/domains/access/resolve-access";
import { listMemberBadges } from "@/lib/domains/recognition/list-badges";

/**
 * The badges a member has earned (personal page, My activity), each with what earned it. A small
 * section of its own, so pages add it with one line.
 */
export async function MemberBadges({
  orgId,
  member,
  isSelf,
  firstName,
  dates,
}: {
  orgId: string;
  member: { membershipId: string } | { handle: string };
  isSelf: boolean;
  firstName: string;
  dates: DateFormat;
}) {
  const badges = await listMemberBadges(orgId, member);
  const date = dateFormatter("date", dates);
  return (
    <section aria-labelledby="badges-title" id="badges">
      <Card className="space-y-3">
        <h2 id="badges-title" className="text-lg font-semibold">
          Badges
        </h2>
        {badges.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {isSelf
              ? "None yet. Share all six value types, keep a four-week streak, write in your own words — badges come by themselves."
              : `${firstName} has no badges yet.`}
          </p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2" aria-label="Badges earned">
            {badges.map((b) => (
              <li
                key={b.key}
                id={`badge-${b.key}`}
                className="flex items-start gap-3 rounded-md bg-slate-50 p-3 dark:bg-slate-800/60"
              >
                <span
                  aria-hidden="true"
                  className="mt-0.5 inline-flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-amber-100 text-base text-amber-800 ring-1 ring-inset ring-amber-300 dark:bg-amber-900/40 dark:text-amber-200 dark:ring-amber-700"
                >
                  ★
                </span>
                <span className="min-w-0">
                  <span className="block text-sm font-semibold">{b.name}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    {b.description}
                  </span>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    Earned{" "}
                    <time dateTime={b.awardedAt.toISOString()}>{date.format(b.awardedAt)}</time>
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </section>
  );
}

/** My activity's badges section: one line in the page. */
export async function MyBadges({ access }: { access: Access }) {
  return (
    <div className="mb-8">
      <MemberBadges
        orgId={access.orgId}
        member={{ membershipId: access.membershipId }}
        isSelf
        firstName=""
        dates={await requestDateFormat(access.org.timeZone)}
      />
    </div>
  );
}
