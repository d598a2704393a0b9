import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { DisconnectLinkedInButton } from "@/components/linkedin/disconnect-linkedin-button";
import { daysText, formatExpiry } from "@/components/linkedin/linkedin-dates";
import { CONNECT_MESSAGES, type ConnectOutcome } from "@/lib/domains/linkedin/connect-linkedin";
import type { LinkedInConnectionView } from "@/lib/domains/linkedin/connection";
import type { DateFormat } from "@/lib/core/time/format-date";

/**
 * A plain GET form, not a link: Next's <Link> would prefetch the route and start an OAuth attempt.
 */
export function ConnectLinkedInButton({
  label,
  returnTo,
}: {
  label: string;
  /** The page to come back to afterwards (default: the profile). */
  returnTo?: string;
}) {
  return (
    <form action="/api/linkedin/connect" method="get">
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      <button type="submit" className={buttonClass("primary")}>
        {label}
      </button>
    </form>
  );
}

/**
 * The "LinkedIn" card on /profile: connect, who is connected, when access expires, a reconnect
 * prompt from 7 days before expiry, disconnect. `outcome` is the callback's result code (from the
 * query string, already checked against the known codes): its message is fixed text.
 */
export function LinkedInCard({
  status,
  outcome,
  dates,
}: {
  status: LinkedInConnectionView;
  outcome: ConnectOutcome | null;
  dates: DateFormat;
}) {
  const message = outcome ? CONNECT_MESSAGES[outcome] : null;
  return (
    <section id="linkedin" aria-labelledby="linkedin-title" className="space-y-4">
      <div>
        <h2 id="linkedin-title" className="text-lg font-semibold">
          LinkedIn
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Connect your LinkedIn account so Chorus can publish the posts you choose, now or at the
          time you schedule, and show how they do. Chorus never posts without you asking.
        </p>
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {status.state === "not_connected" ? (
        status.configured ? (
          <ConnectLinkedInButton label="Connect LinkedIn" />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Posting to LinkedIn is not set up on this Chorus server. Ask an admin.
          </p>
        )
      ) : (
        <div className="space-y-3">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500 dark:text-slate-400">Connected as</dt>
            <dd className="font-medium" data-testid="linkedin-connected-as">
              {status.name ?? "your LinkedIn account"}
            </dd>
            {status.ended?.reason === "refused" ? (
              <>
                <dt className="text-slate-500 dark:text-slate-400">Access</dt>
                <dd data-testid="linkedin-expires">
                  Refused by LinkedIn on{" "}
                  <time dateTime={status.ended.at.toISOString()}>
                    {formatExpiry(status.ended.at, dates)}
                  </time>
                </dd>
              </>
            ) : (
              <>
                <dt className="text-slate-500 dark:text-slate-400">
                  Access {status.ended ? "ended" : "until"}
                </dt>
                <dd data-testid="linkedin-expires">
                  <time dateTime={status.expiresAt.toISOString()}>
                    {formatExpiry(status.expiresAt, dates)}
                  </time>
                  {status.ended ? null : ` (${daysText(status.daysLeft)})`}
                </dd>
              </>
            )}
          </dl>
          {status.state === "expiring" ? (
            <Alert tone="info">
              Your LinkedIn access ends {daysText(status.daysLeft)}. Reconnect now so scheduled
              posts keep going out.
            </Alert>
          ) : null}
          {status.ended?.reason === "refused" ? (
            <Alert tone="error">
              LinkedIn no longer accepts your connection: it was revoked, or LinkedIn withdrew the
              access it granted{status.lastError ? ` (${status.lastError})` : ""}. Chorus cannot
              post for you until you reconnect.
            </Alert>
          ) : status.ended ? (
            <Alert tone="error">
              Your LinkedIn connection has expired
              {status.lastError ? ` (${status.lastError})` : ""}. Chorus cannot post for you until
              you reconnect.
            </Alert>
          ) : null}
          <div className="flex flex-wrap items-start gap-2">
            {status.state !== "active" && status.configured ? (
              <ConnectLinkedInButton label="Reconnect LinkedIn" />
            ) : null}
            <DisconnectLinkedInButton />
          </div>
        </div>
      )}
    </section>
  );
}
