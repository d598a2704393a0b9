"use client";

import { useRef, useState } from "react";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import { LocationRow } from "@/components/admin/locations/location-row";
import type { LocationUsage } from "@/lib/domains/locations/list-location-usage";

/** Every location with its use; one live region reports each rename and deletion. */
export function LocationsTable({ locations }: { locations: LocationUsage[] }) {
  const [notice, setNotice] = useState<Notice>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  return (
    <div className="space-y-3">
      <LiveNotice notice={notice} ref={noticeRef} />
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
        <table className="w-full min-w-[34rem] text-left text-sm">
          <caption className="sr-only">Locations ({locations.length})</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:bg-slate-800/50 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-4 py-2.5 font-medium">
                Location
              </th>
              <th scope="col" className="px-4 py-2.5 text-right font-medium">
                Members
              </th>
              <th scope="col" className="px-4 py-2.5 text-right font-medium">
                Posts aimed at it
              </th>
              <th scope="col" className="px-4 py-2.5 text-right font-medium">
                Actions
              </th>
            </tr>
          </thead>
          {locations.map((l) => (
            <LocationRow
              key={l.id}
              location={l}
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
