"use client";

import Link from "next/link";
import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { Button } from "@/components/ui/button";
import { formatDate, type DateFormat } from "@/lib/core/time/format-date";
import type { MyReminder } from "@/lib/domains/sharing/reminders/list-my-reminders";
import { networkLabel } from "@/lib/domains/sharing/social-networks";

/** "Share later": the person's open reminders, each with its one-tap link and a cancel button. */
export function MyReminders({
  reminders: initial,
  dates,
}: {
  reminders: MyReminder[];
  dates: DateFormat;
}) {
  const [reminders, setReminders] = useState(initial);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);

  async function cancel(reminder: MyReminder) {
    setBusy(reminder.id);
    setMessage(null);
    const result = await apiFetch(`/api/reminders/${encodeURIComponent(reminder.id)}`, {
      method: "DELETE",
    });
    setBusy(null);
    if (!result.ok) {
      setMessage({ tone: "error", text: result.message });
      return;
    }
    setReminders((list) => list.filter((r) => r.id !== reminder.id));
    setMessage({ tone: "info", text: `Reminder for “${reminder.itemTitle}” cancelled.` });
  }

  return (
    <div className="space-y-3">
      {reminders.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No reminders waiting. In the composer, “Remind me later” keeps your post ready for the
          time you pick.
        </p>
      ) : (
        <ul className="space-y-2" aria-label="Your share-later reminders">
          {reminders.map((r) => (
            <li
              key={r.id}
              className="flex flex-wrap items-center justify-between gap-2 rounded-md px-3 py-2 ring-1 ring-slate-200 dark:ring-slate-700"
            >
              <div className="min-w-0 text-sm">
                <p className="font-medium">{r.itemTitle}</p>
                <p className="text-slate-600 dark:text-slate-400">
                  {networkLabel(r.network)} ·{" "}
                  {r.status === "SENT" ? "Ready since " : "Reminds you "}
                  <time dateTime={r.remindAt}>{formatDate(r.remindAt, "dateTime", dates)}</time>
                </p>
              </div>
              <div className="flex flex-wrap gap-2">
                <Link
                  href={r.url}
                  className="inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium text-brand-700 underline dark:text-brand-100"
                  aria-label={`Share “${r.itemTitle}” now`}
                >
                  Share now
                </Link>
                <Button
                  variant="secondary"
                  onClick={() => cancel(r)}
                  disabled={busy !== null}
                  aria-label={`Cancel the reminder for “${r.itemTitle}”`}
                >
                  {busy === r.id ? "Cancelling…" : "Cancel"}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {message ? (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={`text-sm ${message.tone === "error" ? "text-red-800 dark:text-red-300" : ""}`}
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
