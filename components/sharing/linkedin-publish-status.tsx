"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { Button } from "@/components/ui/button";
import { formatDate, type DateFormat } from "@/lib/core/time/format-date";

export interface PublishInfo {
  id: string;
  status: "OPENED" | "SHARED" | "SCHEDULED" | "POSTED" | "FAILED";
  scheduledAt: Date | string | null;
  postedAt: Date | string | null;
  linkedinPostId: string | null;
  error: string | null;
}

function postUrl(urn: string): string {
  return `https://www.linkedin.com/feed/update/${urn}/`;
}

/**
 * A post through the LinkedIn API in My activity: when it goes (or went) out, its LinkedIn id and
 * link, why it failed, and the owner's actions — cancel a scheduled post, retry a failed one.
 */
export function LinkedInPublishStatus({ share, dates }: { share: PublishInfo; dates: DateFormat }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const format = (value: Date | string) => formatDate(value, "dateTime", dates);

  async function act(method: "POST" | "DELETE", path: string) {
    setBusy(true);
    setMessage(null);
    const result = await apiFetch(`/api/shares/${share.id}/${path}`, { method });
    setBusy(false);
    if (!result.ok) {
      setMessage(result.message);
      return;
    }
    router.refresh();
  }

  return (
    <div className="mt-4 space-y-2 rounded-md bg-slate-50 px-3 py-2 text-sm dark:bg-slate-800/60">
      {share.status === "SCHEDULED" && share.scheduledAt ? (
        <p>
          Goes out on LinkedIn on <time>{format(share.scheduledAt)}</time>.
          {share.error ? ` ${share.error}` : ""}
        </p>
      ) : null}
      {share.status === "POSTED" && share.linkedinPostId ? (
        <p>
          Posted{share.postedAt ? ` on ${format(share.postedAt)}` : ""} · LinkedIn id{" "}
          <code className="break-all">{share.linkedinPostId}</code> ·{" "}
          <a
            href={postUrl(share.linkedinPostId)}
            target="_blank"
            rel="noopener noreferrer"
            className="font-medium text-brand-700 underline dark:text-brand-100"
          >
            See it on LinkedIn
          </a>
        </p>
      ) : null}
      {share.status === "FAILED" ? (
        <p className="text-red-800 dark:text-red-300">
          Not posted: {share.error ?? "LinkedIn did not accept the post."}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {share.status === "SCHEDULED" ? (
          <Button variant="secondary" disabled={busy} onClick={() => act("DELETE", "schedule")}>
            {busy ? "Cancelling…" : "Cancel scheduled post"}
          </Button>
        ) : null}
        {share.status === "FAILED" ? (
          <Button variant="secondary" disabled={busy} onClick={() => act("POST", "retry")}>
            {busy ? "Retrying…" : "Retry now"}
          </Button>
        ) : null}
      </div>
      {message ? (
        <p role="alert" className="text-red-800 dark:text-red-300">
          {message}
        </p>
      ) : null}
    </div>
  );
}
