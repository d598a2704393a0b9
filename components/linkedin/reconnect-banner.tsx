import { Alert } from "@/components/ui/alert";
import { daysText } from "@/components/linkedin/linkedin-dates";
import type { LinkedInConnectionView } from "@/lib/domains/linkedin/connection";

/**
 * A reconnect prompt for places that post to LinkedIn (e.g. the composer): shown when the
 * connection expires within 7 days, has expired or was refused by LinkedIn, nothing otherwise.
 * Pass the result of connectionStatusFor(access), and `returnTo` to come back to this page.
 */
export function LinkedInReconnectBanner({
  status,
  returnTo,
}: {
  status: LinkedInConnectionView;
  returnTo?: string;
}) {
  if (status.state !== "expiring" && status.state !== "expired") return null;
  return (
    <Alert tone={status.state === "expired" ? "error" : "info"}>
      {status.state === "expiring"
        ? `Your LinkedIn connection ends ${daysText(status.daysLeft)}. `
        : status.ended?.reason === "refused"
          ? "LinkedIn no longer accepts your connection, so Chorus cannot post for you. "
          : "Your LinkedIn connection has expired, so Chorus cannot post for you. "}
      <form action="/api/linkedin/connect" method="get" className="inline">
        {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
        <button type="submit" className="font-medium underline">
          Reconnect LinkedIn
        </button>
      </form>
    </Alert>
  );
}
