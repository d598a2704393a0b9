"use client";

import { useRef, useState } from "react";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import { MemberRow, type MemberRowData } from "@/components/admin/members/member-row";

/**
 * The members table. One live region above it reports every row action, so the message survives
 * when a row leaves the current filter (e.g. deactivating while showing active members only).
 */
export function MembersTable({
  members,
  teams,
  locations,
  caption,
}: {
  members: MemberRowData[];
  teams: { id: string; name: string }[];
  locations: { id: string; name: string }[];
  caption: string;
}) {
  const [notice, setNotice] = useState<Notice>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  return (
    <div className="space-y-3">
      <LiveNotice notice={notice} ref={noticeRef} />
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
        <table className="w-full min-w-[50rem] text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:bg-slate-800/50 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-4 py-2.5 font-medium">
                Member
              </th>
              <th scope="col" className="px-4 py-2.5 font-medium">
                Role
              </th>
              <th scope="col" className="px-4 py-2.5 font-medium">
                Teams
              </th>
              <th scope="col" className="px-4 py-2.5 font-medium">
                Location
              </th>
              <th scope="col" className="px-4 py-2.5 font-medium">
                Status
              </th>
              <th scope="col" className="px-4 py-2.5 text-right font-medium">
                Actions
              </th>
            </tr>
          </thead>
          {members.map((m) => (
            <MemberRow
              key={m.id}
              member={m}
              teams={teams}
              locations={locations}
              onNotice={(n, { focus = false } = {}) => {
                setNotice(n);
                if (focus) focusNoticeSoon(noticeRef);
              }}
            />
          ))}
        </table>
      </div>
    </div>
  );
}
