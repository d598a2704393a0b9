"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";

/** "Make draft" (opens the new draft in the studio) and "Dismiss" for one inbox entry. */
export function InboxEntryActions({ entry }: { entry: { id: string; title: string } }) {
  const router = useRouter();
  const noticeRef = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState<"draft" | "dismiss" | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  async function act(kind: "draft" | "dismiss") {
    setPending(kind);
    const result = await apiFetch<{ item?: { id: string } }>(
      `/api/source-entries/${entry.id}/${kind}`,
      { method: "POST" },
    );
    setPending(null);
    if (!result.ok) {
      setNotice({ tone: "error", text: result.message });
      focusNoticeSoon(noticeRef);
      return;
    }
    if (kind === "draft" && result.data.item) {
      router.push(`/studio/${result.data.item.id}?created=1`);
      return;
    }
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => act("draft")} disabled={pending !== null}>
          {pending === "draft" ? "Making draft…" : "Make draft"}
          <span className="sr-only"> of “{entry.title}”</span>
        </Button>
        <Button variant="secondary" onClick={() => act("dismiss")} disabled={pending !== null}>
          {pending === "dismiss" ? "Dismissing…" : "Dismiss"}
          <span className="sr-only"> “{entry.title}”</span>
        </Button>
      </div>
      <LiveNotice notice={notice} ref={noticeRef} />
    </div>
  );
}
