import { Alert } from "@/components/ui/alert";
import { daysText } from "@/components/linkedin/linkedin-dates";
import type { LinkedInConnectionView } from "@/lib/domains/linkedin/connection";

/**
 * A reconnect prompt for places that post to LinkedIn (e.g. the composer): shown when the
 * connection expires within 7 days or has expired, nothing otherwise. Pass the result of
 * connectionStatusFor(access).
 */
export function LinkedInReconnectBanner({ status }: { status: LinkedInConnectionView }) {
  if (status.state !== "expiring" && status.state !== "expired") return null;
  return (
    <Alert tone={status.state === "expired" ? "error" : "info"}>
      {status.state === "expired"
        ? "Your LinkedIn connection has expired, so Chorus cannot post for you. "
        : `Your LinkedIn connection ends ${daysText(status.daysLeft)}. `}
      <form action="/api/linkedin/connect" method="get" className="inline">
        <button type="submit" className="font-medium underline">
          Reconnect LinkedIn
        </button>
      </form>
    </Alert>
  );
}
