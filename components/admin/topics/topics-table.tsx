"use client";

import { useRef, useState } from "react";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import { TopicRow } from "@/components/admin/topics/topic-row";
import type { TopicUsage } from "@/lib/domains/topics/list-topics";

/** Every topic with its use; one live region reports each rename and deletion. */
export function TopicsTable({ topics }: { topics: TopicUsage[] }) {
  const [notice, setNotice] = useState<Notice>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  return (
    <div className="space-y-3">
      <LiveNotice notice={notice} ref={noticeRef} />
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
        <table className="w-full min-w-[34rem] text-left text-sm">
          <caption className="sr-only">Topics ({topics.length})</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:bg-slate-800/50 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-4 py-2.5 font-medium">
                Topic
              </th>
              <th scope="col" className="px-4 py-2.5 text-right font-medium">
                Posts
              </th>
              <th scope="col" className="px-4 py-2.5 text-right font-medium">
                Followers
              </th>
              <th scope="col" className="px-4 py-2.5 text-right font-medium">
                Actions
              </th>
            </tr>
          </thead>
          {topics.map((t) => (
            <TopicRow
              key={t.id}
              topic={t}
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
