"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { ConfirmButton } from "@/components/admin/confirm-button";
import type { Notice } from "@/components/admin/live-notice";
import { Button, buttonClass } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { TopicUsage } from "@/lib/domains/topics/list-topics";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What deleting a topic does, said before the admin confirms. */
function deleteConsequences(t: TopicUsage): string {
  const parts = [
    t.itemCount ? `${plural(t.itemCount, "post", "posts")} will lose the topic` : "",
    t.followerCount
      ? `${plural(t.followerCount, "person", "people")} will no longer follow it`
      : "",
  ].filter(Boolean);
  return parts.length ? `${parts.join("; ")}.` : "No post carries it and nobody follows it.";
}

/** One topic: its use, an inline rename form and delete. */
export function TopicRow({
  topic,
  onNotice,
}: {
  topic: TopicUsage;
  onNotice: (notice: Notice, options?: { focus?: boolean }) => void;
}) {
  const router = useRouter();
  const id = useId();
  const renameButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(topic.name);
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  function openEditor() {
    setName(topic.name);
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
    if (name.trim() === topic.name) return closeEditor();
    setPending(true);
    const result = await apiFetch(`/api/topics/${topic.id}`, { method: "PATCH", body: { name } });
    setPending(false);
    if (!result.ok) {
      setError(result.fields?.name ?? result.message);
      return;
    }
    closeEditor();
    onNotice({ tone: "success", text: `Renamed “${topic.name}” to “${name.trim()}”.` });
    router.refresh();
  }

  async function remove() {
    const result = await apiFetch(`/api/topics/${topic.id}`, { method: "DELETE" });
    if (!result.ok) {
      onNotice({ tone: "error", text: result.message }, { focus: true });
      return;
    }
    onNotice({ tone: "success", text: `Deleted the topic “${topic.name}”.` }, { focus: true });
    router.refresh();
  }

  return (
    <tbody className="border-b border-slate-100 last:border-b-0 dark:border-slate-800">
      <tr className="align-top">
        <th scope="row" className="px-4 py-3 text-left font-medium">
          {topic.name}
        </th>
        <td className="px-4 py-3 text-right tabular-nums">{topic.itemCount}</td>
        <td className="px-4 py-3 text-right tabular-nums">{topic.followerCount}</td>
        <td className="px-4 py-3">
          <div className="flex flex-wrap justify-end gap-2">
            <button
              ref={renameButton}
              type="button"
              className={buttonClass("secondary", "px-2.5 py-1.5")}
              aria-expanded={editing}
              aria-controls={`${id}-rename`}
              aria-label={`Rename ${topic.name}`}
              onClick={() => (editing ? closeEditor() : openEditor())}
            >
              Rename
            </button>
            <ConfirmButton
              className="px-2.5 py-1.5"
              aria-label={`Delete ${topic.name}`}
              title={`Delete the topic “${topic.name}”?`}
              description={<p>{deleteConsequences(topic)} This cannot be undone.</p>}
              confirmLabel="Delete topic"
              onConfirm={remove}
            >
              Delete
            </ConfirmButton>
          </div>
        </td>
      </tr>
      <tr id={`${id}-rename`} hidden={!editing}>
        <td colSpan={4} className="bg-slate-50 px-4 py-4 dark:bg-slate-800/40">
          {editing ? (
            <form
              onSubmit={rename}
              noValidate
              aria-label={`Rename ${topic.name}`}
              className="flex flex-wrap items-end gap-2"
            >
              <div className="min-w-48 flex-1">
                <TextField
                  label="New name"
                  required
                  maxLength={40}
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
