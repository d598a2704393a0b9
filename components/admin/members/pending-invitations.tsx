"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";

export interface PendingInvitation {
  id: string;
  kind: "EMAIL" | "LINK";
  email: string | null;
  role: string;
  teams: string;
  uses: string;
  expires: string;
}

const VISIBLE = 50;

/** Pending invitations with Revoke; the result is announced above the table. */
export function PendingInvitations({
  invitations,
  capped = false,
}: {
  invitations: PendingInvitation[];
  /** True when the server sent only the most recent ones. */
  capped?: boolean;
}) {
  const router = useRouter();
  const [notice, setNotice] = useState<Notice>(null);
  const [showAll, setShowAll] = useState(false);
  const visible = showAll ? invitations : invitations.slice(0, VISIBLE);
  const noticeRef = useRef<HTMLDivElement>(null);

  async function revoke(inv: PendingInvitation) {
    const what = inv.email ? `The invitation for ${inv.email}` : "The invite link";
    const result = await apiFetch(`/api/invitations/${inv.id}`, { method: "DELETE" });
    setNotice(
      result.ok
        ? { tone: "success", text: `${what} has been revoked; its link no longer works.` }
        : { tone: "error", text: result.message },
    );
    focusNoticeSoon(noticeRef);
    if (result.ok) router.refresh();
  }

  return (
    <div className="space-y-3">
      <LiveNotice notice={notice} ref={noticeRef} />
      {invitations.length === 0 ? (
        <p className="rounded-lg bg-white p-5 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:text-slate-400 dark:ring-slate-800">
          No pending invitations.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="sr-only">Pending invitations</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:bg-slate-800/50 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Kind
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Email
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Role
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Teams
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Uses
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Expires
                </th>
                <th scope="col" className="px-4 py-2.5 text-right font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {visible.map((inv) => (
                <tr key={inv.id}>
                  <td className="px-4 py-3">{inv.kind === "EMAIL" ? "Email" : "Link"}</td>
                  <td className="break-all px-4 py-3">
                    {inv.email ?? <span className="text-slate-600 dark:text-slate-400">link</span>}
                  </td>
                  <td className="px-4 py-3">{inv.role}</td>
                  <td className="px-4 py-3">
                    {inv.teams || <span className="text-slate-600 dark:text-slate-400">None</span>}
                  </td>
                  <td className="px-4 py-3 tabular-nums">{inv.uses}</td>
                  <td className="px-4 py-3">{inv.expires}</td>
                  <td className="px-4 py-3 text-right">
                    <ConfirmButton
                      className="px-2.5 py-1.5"
                      aria-label={`Revoke ${inv.email ? `the invitation for ${inv.email}` : "this invite link"}`}
                      title="Revoke this invitation?"
                      description={
                        <p>
                          {inv.email ? `The link sent to ${inv.email}` : "This invite link"} stops
                          working at once. People who already joined keep their access.
                        </p>
                      }
                      confirmLabel="Revoke"
                      onConfirm={() => revoke(inv)}
                    >
                      Revoke
                    </ConfirmButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {invitations.length > VISIBLE ? (
        <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600 dark:text-slate-400">
          <span>
            Showing {visible.length} of {invitations.length}
            {capped ? " most recent" : ""} invitations.
          </span>
          <Button variant="ghost" aria-expanded={showAll} onClick={() => setShowAll((v) => !v)}>
            {showAll ? `Show the first ${VISIBLE} only` : "Show all"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
