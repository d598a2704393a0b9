"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { apiFetch } from "@/components/api-fetch";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import {
  capitalised,
  type NamedRecordKind,
} from "@/components/admin/named-records/named-record-kind";
import { Button, buttonClass } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export interface NamedRecordRowData {
  id: string;
  name: string;
  /** A line under the name (e.g. "2 pending invitations"). */
  detail?: ReactNode;
  /** The figures of the count columns, in their order. */
  counts: number[];
  /** What deleting it does to what uses it, said before the admin confirms. */
  deleteConsequences: string;
  /** Why it cannot be deleted now (delete is then disabled and this is shown), or null. */
  blockedNote?: string | null;
}

type OnNotice = (notice: Notice, options?: { focus?: boolean }) => void;

/** Every record of a kind with its use; one live region reports each rename and deletion. */
export function NamedRecordsTable({
  kind,
  countHeaders,
  rows,
}: {
  kind: NamedRecordKind;
  /** Headers of the count columns, e.g. ["Members", "Posts aimed at it"]. */
  countHeaders: string[];
  rows: NamedRecordRowData[];
}) {
  const [notice, setNotice] = useState<Notice>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const onNotice: OnNotice = (n, { focus = false } = {}) => {
    setNotice(n);
    if (focus) focusNoticeSoon(noticeRef);
  };
  const head = "px-4 py-2.5 font-medium";
  return (
    <div className="space-y-3">
      <LiveNotice notice={notice} ref={noticeRef} />
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
        <table className="w-full min-w-[34rem] text-left text-sm">
          <caption className="sr-only">
            {capitalised(kind.noun)}s ({rows.length})
          </caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:bg-slate-800/50 dark:text-slate-400">
            <tr>
              <th scope="col" className={head}>
                {capitalised(kind.noun)}
              </th>
              {countHeaders.map((h) => (
                <th key={h} scope="col" className={`${head} text-right`}>
                  {h}
                </th>
              ))}
              <th scope="col" className={`${head} text-right`}>
                Actions
              </th>
            </tr>
          </thead>
          {rows.map((row) => (
            <NamedRecordRow key={row.id} kind={kind} row={row} onNotice={onNotice} />
          ))}
        </table>
      </div>
    </div>
  );
}

/** One record: its use, an inline rename form and delete (refused while blocked). */
function NamedRecordRow({
  kind,
  row,
  onNotice,
}: {
  kind: NamedRecordKind;
  row: NamedRecordRowData;
  onNotice: OnNotice;
}) {
  const router = useRouter();
  const id = useId();
  const renameButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(row.name);
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const url = `${kind.apiPath}/${row.id}`;

  function openEditor() {
    setName(row.name);
    setError(undefined);
    setEditing(true);
  }

  function closeEditor() {
    setEditing(false);
    setError(undefined);
    renameButton.current?.focus();
  }

  async function rename(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === row.name) return closeEditor();
    setPending(true);
    const result = await apiFetch(url, { method: "PATCH", body: { name } });
    setPending(false);
    if (!result.ok) {
      setError(result.fields?.name ?? result.message);
      return;
    }
    closeEditor();
    onNotice({ tone: "success", text: `Renamed “${row.name}” to “${name.trim()}”.` });
    router.refresh();
  }

  async function remove() {
    const result = await apiFetch(url, { method: "DELETE" });
    if (!result.ok) {
      onNotice({ tone: "error", text: result.message }, { focus: true });
      return;
    }
    onNotice({ tone: "success", text: `Deleted the ${kind.noun} “${row.name}”.` }, { focus: true });
    router.refresh();
  }

  return (
    <tbody className="border-b border-slate-100 last:border-b-0 dark:border-slate-800">
      <tr className="align-top">
        <th scope="row" className="px-4 py-3 text-left font-medium">
          {row.name}
          {row.detail ? (
            <span className="mt-0.5 block text-xs font-normal text-slate-600 dark:text-slate-400">
              {row.detail}
            </span>
          ) : null}
        </th>
        {row.counts.map((n, i) => (
          <td key={i} className="px-4 py-3 text-right tabular-nums">
            {n}
          </td>
        ))}
        <td className="px-4 py-3">
          <div className="flex flex-wrap justify-end gap-2">
            <button
              ref={renameButton}
              type="button"
              className={buttonClass("secondary", "px-2.5 py-1.5")}
              aria-expanded={editing}
              aria-controls={`${id}-rename`}
              aria-label={`Rename ${row.name}`}
              onClick={() => (editing ? closeEditor() : openEditor())}
            >
              Rename
            </button>
            <ConfirmButton
              className="px-2.5 py-1.5"
              aria-label={`Delete ${row.name}`}
              disabled={Boolean(row.blockedNote)}
              title={`Delete the ${kind.noun} “${row.name}”?`}
              description={<p>{row.deleteConsequences} This cannot be undone.</p>}
              confirmLabel={`Delete ${kind.noun}`}
              onConfirm={remove}
            >
              Delete
            </ConfirmButton>
          </div>
          {row.blockedNote ? (
            <p className="mt-1.5 text-right text-xs text-slate-600 dark:text-slate-400">
              {row.blockedNote}
            </p>
          ) : null}
        </td>
      </tr>
      <tr id={`${id}-rename`} hidden={!editing}>
        <td colSpan={row.counts.length + 2} className="bg-slate-50 px-4 py-4 dark:bg-slate-800/40">
          {editing ? (
            <form
              onSubmit={rename}
              noValidate
              aria-label={`Rename ${row.name}`}
              className="flex flex-wrap items-end gap-2"
            >
              <div className="min-w-48 flex-1">
                <TextField
                  label="New name"
                  required
                  maxLength={kind.maxLength}
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  error={error}
                  autoComplete="off"
                  autoFocus
                />
              </div>
              <Button type="submit" disabled={pending}>
                {pending ? "Saving…" : "Save name"}
              </Button>
              <Button variant="ghost" onClick={closeEditor} disabled={pending}>
                Cancel
              </Button>
            </form>
          ) : null}
        </td>
      </tr>
    </tbody>
  );
}
