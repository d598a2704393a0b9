"use client";

import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";
import { EMAIL_CATEGORY_LABELS, isEmailCategory } from "@/lib/domains/email/categories";
import { DeliveryStatusBadge } from "@/components/ui/delivery-status-badge";
import { dateFormatter, type DateFormat } from "@/lib/core/time/format-date";

export interface DeliveryView {
  id: string;
  to: string;
  category: string;
  subject: string;
  status: "PENDING" | "SENT" | "FAILED";
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** Email deliveries with status, attempts and error; Retry sends a failed one again. */
export function EmailDeliveriesTable({
  initial,
  dates,
}: {
  initial: DeliveryView[];
  dates: DateFormat;
}) {
  const [rows, setRows] = useState(initial);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const when = dateFormatter("dateTime", dates);

  async function retry(id: string) {
    setBusy(id);
    const result = await apiFetch(`/api/email/deliveries/${encodeURIComponent(id)}/retry`, {
      method: "POST",
    });
    setBusy(null);
    if (!result.ok) {
      setNotice({ tone: "error", text: result.message });
      return;
    }
    setRows((list) =>
      list.map((r) => (r.id === id ? { ...r, status: "PENDING", lastError: null } : r)),
    );
    setNotice({ tone: "success", text: "The email is queued again." });
  }

  if (rows.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No emails yet.</p>;
  }
  return (
    <>
      <LiveNotice notice={notice} className="mb-3" />
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Recent emails</caption>
          <thead className="text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">
                Created
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                To
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Email
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Status
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Attempts
              </th>
              <th scope="col" className="py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {rows.map((r) => (
              <tr key={r.id} className="align-top">
                <td className="py-2 pr-3 whitespace-nowrap">
                  {when.format(new Date(r.createdAt))}
                </td>
                <td className="py-2 pr-3 break-all">{r.to}</td>
                <td className="py-2 pr-3">
                  <span className="block">{r.subject}</span>
                  <span className="block text-xs text-slate-500 dark:text-slate-400">
                    {isEmailCategory(r.category)
                      ? EMAIL_CATEGORY_LABELS[r.category].label
                      : r.category}
                  </span>
                  {r.lastError ? (
                    <span className="mt-1 block text-xs text-red-700 dark:text-red-300">
                      {r.lastError}
                    </span>
                  ) : null}
                </td>
                <td className="py-2 pr-3">
                  <DeliveryStatusBadge status={r.status} pendingLabel="Waiting" />
                </td>
                <td className="py-2 pr-3 tabular-nums">{r.attempts}</td>
                <td className="py-2">
                  {r.status === "FAILED" ? (
                    <Button
                      variant="secondary"
                      disabled={busy === r.id}
                      onClick={() => retry(r.id)}
                      aria-label={`Retry the email to ${r.to}`}
                    >
                      {busy === r.id ? "Retrying…" : "Retry"}
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
