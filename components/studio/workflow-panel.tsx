"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import { StatusBadge } from "@/components/content/badges";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { ContentStatus } from "@/lib/generated/prisma/enums";
import { contentDisplayStatus, DISPLAY_STATUS_LABELS } from "@/lib/domains/content/display-status";
import type { TransitionOption } from "@/lib/domains/content/workflow";

const FORWARD: ContentStatus[] = ["PUBLISHED", "IN_REVIEW"];

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Status, the next steps the workflow allows this person from it (with an optional comment),
 * deleting a draft, and the audit trail. The moves come from the server, judged by the rule the
 * transition itself applies: a move the rules forbid (an author approving their own item…) is not
 * offered, and the panel says why. A refusal that still happens (the item changed meanwhile) is
 * shown as sent.
 */
export function WorkflowPanel({
  itemId,
  title,
  status,
  options,
  publishAt = null,
  expireAt = null,
  requireApproval,
  approvalChain = false,
  beforeTransition,
}: {
  itemId: string;
  title: string;
  status: ContentStatus;
  /** The moves from `status`, each allowed or with the reason it is not (getWorkflowOptions). */
  options: TransitionOption[];
  /** The saved publish window (ISO): a published item before it is shown as scheduled. */
  publishAt?: string | null;
  expireAt?: string | null;
  requireApproval: boolean | null;
  /** The organisation's approval chain applies: its stages, a comment to send back. */
  approvalChain?: boolean;
  /** Saves unsaved edits first; false stops the transition. */
  beforeTransition: () => Promise<boolean>;
}) {
  const router = useRouter();
  const id = useId();
  const [comment, setComment] = useState("");
  const [pending, setPending] = useState<ContentStatus | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const forward = (to: ContentStatus) => Number(FORWARD.includes(to));
  const actions = options.filter((o) => o.allowed).sort((a, b) => forward(b.to) - forward(a.to));
  const withheld = options.filter((o) => !o.allowed);

  async function move(to: ContentStatus, action: string) {
    setPending(to);
    setNotice(null);
    if (!(await beforeTransition())) {
      setPending(null);
      return;
    }
    const result = await apiFetch<{ item: { status: ContentStatus } }>(
      `/api/content/${itemId}/transitions`,
      {
        method: "POST",
        body: { to, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      },
    );
    setPending(null);
    if (!result.ok) {
      setNotice({ tone: "error", text: result.message });
      focusNoticeSoon(noticeRef);
      return;
    }
    setComment("");
    // The status the server answers: an approval at an early stage of a chain stays in review.
    const now = result.data.item?.status;
    setNotice({
      tone: "success",
      text: `${sentenceCase(action)}: done. The post is now ${DISPLAY_STATUS_LABELS[
        contentDisplayStatus({ status: now ?? to, publishAt, expireAt }, new Date())
      ].toLowerCase()}.`,
    });
    router.refresh();
  }

  async function remove() {
    const result = await apiFetch(`/api/content/${itemId}`, { method: "DELETE" });
    if (!result.ok) {
      setNotice({ tone: "error", text: result.message });
      focusNoticeSoon(noticeRef);
      return;
    }
    router.push("/studio");
    router.refresh();
  }

  return (
    <div>
      <section aria-labelledby={`${id}-title`} className="space-y-3">
        <div className="flex items-center justify-between gap-2">
          <h2 id={`${id}-title`} className="text-base font-semibold">
            Workflow
          </h2>
          <StatusBadge status={contentDisplayStatus({ status, publishAt, expireAt }, new Date())} />
        </div>
        {approvalChain ? (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Publishing needs the approval chain: each stage in turn. Editing restarts it.
          </p>
        ) : requireApproval ? (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Publishing needs approval by a second admin.
          </p>
        ) : null}
        <div className="space-y-1.5">
          <label htmlFor={`${id}-comment`} className="block text-sm font-medium">
            {approvalChain && status === "IN_REVIEW"
              ? "Comment (required to send back)"
              : "Comment (optional)"}
          </label>
          <textarea
            id={`${id}-comment`}
            rows={2}
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder="Why, for the history"
            className={inputClass}
          />
        </div>
        <div className="flex flex-wrap gap-2">
          {actions.map(({ to, action }) => {
            const variant: ButtonVariant = FORWARD.includes(to) ? "primary" : "secondary";
            return (
              <Button
                key={to}
                variant={variant}
                disabled={pending !== null}
                onClick={() => move(to, action)}
              >
                {pending === to ? "Working…" : sentenceCase(action)}
              </Button>
            );
          })}
        </div>
        {withheld.length ? (
          <ul className="space-y-1 text-sm text-slate-700 dark:text-slate-300">
            {withheld.map((o) => (
              <li key={o.to}>
                <span className="font-medium">{sentenceCase(o.action)}</span> is not available:{" "}
                {o.reason}
              </li>
            ))}
          </ul>
        ) : null}
        <LiveNotice notice={notice} ref={noticeRef} />
        {status === "DRAFT" ? (
          <div className="border-t border-slate-200 pt-3 dark:border-slate-700">
            <ConfirmButton
              variant="ghost"
              className="!px-2 text-red-700 dark:text-red-400"
              title={`Delete the draft “${title}”?`}
              description={
                <p>
                  The draft, its captions, translations and images are deleted. This cannot be
                  undone. A suggestion it came from returns to the queue.
                </p>
              }
              confirmLabel="Delete draft"
              onConfirm={remove}
            >
              Delete draft
            </ConfirmButton>
          </div>
        ) : null}
      </section>
    </div>
  );
}
