"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { ConfirmButton } from "@/components/admin/confirm-button";
import type { Notice } from "@/components/admin/live-notice";
import { Button, buttonClass } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { LocationUsage } from "@/lib/domains/locations/list-location-usage";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What deleting a location does to what uses it, said before the admin confirms. */
function deleteConsequences(l: LocationUsage): string {
  const parts = [
    l.memberCount ? `${plural(l.memberCount, "member", "members")} will have no location` : "",
    l.invitationCount
      ? `${plural(l.invitationCount, "pending invitation", "pending invitations")} will no longer set one`
      : "",
    l.audienceCount
      ? `${plural(l.audienceCount, "post", "posts")} aimed at it and other groups keep the others`
      : "",
  ].filter(Boolean);
  return parts.length ? `${parts.join("; ")}.` : "Nobody and nothing uses it.";
}

/** One location: its use, an inline rename form and delete (refused while a post needs it). */
export function LocationRow({
  location,
  onNotice,
}: {
  location: LocationUsage;
  onNotice: (notice: Notice, options?: { focus?: boolean }) => void;
}) {
  const router = useRouter();
  const id = useId();
  const renameButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(location.name);
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const blocked = location.onlyAudienceCount > 0;

  function openEditor() {
    setName(location.name);
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
    if (name.trim() === location.name) return closeEditor();
    setPending(true);
    const result = await apiFetch(`/api/locations/${location.id}`, {
      method: "PATCH",
      body: { name },
    });
    setPending(false);
    if (!result.ok) {
      setError(result.fields?.name ?? result.message);
      return;
    }
    closeEditor();
    onNotice({ tone: "success", text: `Renamed “${location.name}” to “${name.trim()}”.` });
    router.refresh();
  }

  async function remove() {
    const result = await apiFetch(`/api/locations/${location.id}`, { method: "DELETE" });
    if (!result.ok) {
      onNotice({ tone: "error", text: result.message }, { focus: true });
      return;
    }
    onNotice(
      { tone: "success", text: `Deleted the location “${location.name}”.` },
      { focus: true },
    );
    router.refresh();
  }

  return (
    <tbody className="border-b border-slate-100 last:border-b-0 dark:border-slate-800">
      <tr className="align-top">
        <th scope="row" className="px-4 py-3 text-left font-medium">
          {location.name}
          {location.invitationCount ? (
            <span className="mt-0.5 block text-xs font-normal text-slate-600 dark:text-slate-400">
              {plural(location.invitationCount, "pending invitation", "pending invitations")}
            </span>
          ) : null}
        </th>
        <td className="px-4 py-3 text-right tabular-nums">{location.memberCount}</td>
        <td className="px-4 py-3 text-right tabular-nums">{location.audienceCount}</td>
        <td className="px-4 py-3">
          <div className="flex flex-wrap justify-end gap-2">
            <button
              ref={renameButton}
              type="button"
              className={buttonClass("secondary", "px-2.5 py-1.5")}
              aria-expanded={editing}
              aria-controls={`${id}-rename`}
              aria-label={`Rename ${location.name}`}
              onClick={() => (editing ? closeEditor() : openEditor())}
            >
              Rename
            </button>
            <ConfirmButton
              className="px-2.5 py-1.5"
              aria-label={`Delete ${location.name}`}
              disabled={blocked}
              title={`Delete the location “${location.name}”?`}
              description={<p>{deleteConsequences(location)} This cannot be undone.</p>}
              confirmLabel="Delete location"
              onConfirm={remove}
            >
              Delete
            </ConfirmButton>
          </div>
          {blocked ? (
            <p className="mt-1.5 text-right text-xs text-slate-600 dark:text-slate-400">
              {plural(location.onlyAudienceCount, "post is", "posts are")} aimed only here: change
              the audience in the studio to delete it.
            </p>
          ) : null}
        </td>
      </tr>
      <tr id={`${id}-rename`} hidden={!editing}>
        <td colSpan={4} className="bg-slate-50 px-4 py-4 dark:bg-slate-800/40">
          {editing ? (
            <form
              onSubmit={rename}
              noValidate
              aria-label={`Rename ${location.name}`}
              className="flex flex-wrap items-end gap-2"
            >
              <div className="min-w-48 flex-1">
                <TextField
                  label="New name"
                  required
                  maxLength={60}
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
