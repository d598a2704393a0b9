"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import {
  SourceForm,
  type SourceFormOptions,
  type SourceFormValues,
} from "@/components/sources/source-form";
import { Button } from "@/components/ui/button";

interface PollResult {
  status: "OK" | "NOT_MODIFIED" | "ERROR";
  newEntries: number;
  error: string | null;
}

function pollMessage(name: string, r: PollResult): Notice {
  if (r.status === "ERROR") return { tone: "error", text: `${name}: ${r.error}` };
  if (r.status === "NOT_MODIFIED") return { tone: "info", text: `${name} has not changed.` };
  return {
    tone: "success",
    text: `${name} read: ${r.newEntries === 1 ? "1 new post" : `${r.newEntries} new posts`}.`,
  };
}

/** Poll now, edit (the form opens below) and delete, for one source. */
export function SourceActions({
  source,
  options,
}: {
  source: SourceFormValues & { id: string };
  options: SourceFormOptions;
}) {
  const router = useRouter();
  const id = useId();
  const noticeRef = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState(false);
  const [polling, setPolling] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  async function poll() {
    setPolling(true);
    const result = await apiFetch<{ result: PollResult }>(`/api/sources/${source.id}/poll`, {
      method: "POST",
    });
    setPolling(false);
    setNotice(
      result.ok
        ? pollMessage(source.name, result.data.result)
        : { tone: "error", text: result.message },
    );
    focusNoticeSoon(noticeRef);
    router.refresh();
  }

  async function remove() {
    const result = await apiFetch(`/api/sources/${source.id}`, { method: "DELETE" });
    if (!result.ok) {
      setNotice({ tone: "error", text: result.message });
      focusNoticeSoon(noticeRef);
      return;
    }
    router.refresh();
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Button onClick={poll} disabled={polling}>
          {polling ? "Polling…" : "Poll now"}
          <span className="sr-only"> ({source.name})</span>
        </Button>
        <Button
          variant="secondary"
          aria-expanded={editing}
          aria-controls={`${id}-edit`}
          onClick={() => setEditing(!editing)}
        >
          {editing ? "Close" : "Edit"}
        </Button>
        <ConfirmButton
          title={`Delete ${source.name}?`}
          description="Its inbox goes with it. Drafts already made from it stay in the studio."
          confirmLabel="Delete source"
          onConfirm={remove}
          aria-label={`Delete ${source.name}`}
        >
          Delete
        </ConfirmButton>
      </div>
      <LiveNotice notice={notice} ref={noticeRef} />
      {editing ? (
        <div id={`${id}-edit`} className="rounded-md p-4 ring-1 ring-slate-200 dark:ring-slate-700">
          <SourceForm initial={source} options={options} onDone={() => setEditing(false)} />
        </div>
      ) : null}
    </div>
  );
}
