"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { CheckboxList } from "@/components/admin/checkbox-list";
import { ConfirmButton } from "@/components/admin/confirm-button";
import type { Notice } from "@/components/admin/live-notice";
import { Button, buttonClass } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import {
  CAPABILITIES,
  CAPABILITY_DESCRIPTIONS,
  CAPABILITY_LABELS,
  isCapability,
  ROLE_DESCRIPTIONS,
  ROLE_LABELS,
  ROLES,
} from "@/lib/domains/access/permissions";
import type { MembershipStatus, Role } from "@/lib/generated/prisma/enums";

export interface MemberRowData {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** Delegated capabilities (content approver, analytics viewer). */
  capabilities: string[];
  status: MembershipStatus;
  teams: { id: string; name: string }[];
  location: { id: string; name: string } | null;
  isSelf: boolean;
}

const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** One member: a summary row, an inline editor (role, teams, location) and (de)activation. */
export function MemberRow({
  member,
  teams,
  locations,
  onNotice,
}: {
  member: MemberRowData;
  teams: { id: string; name: string }[];
  locations: { id: string; name: string }[];
  onNotice: (notice: Notice, options?: { focus?: boolean }) => void;
}) {
  const router = useRouter();
  const id = useId();
  const editButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  const [role, setRole] = useState<Role>(member.role);
  const [teamIds, setTeamIds] = useState(member.teams.map((t) => t.id));
  const [locationId, setLocationId] = useState(member.location?.id ?? "");
  const [capabilities, setCapabilities] = useState(member.capabilities);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const active = member.status === "ACTIVE";

  function openEditor() {
    setRole(member.role);
    setTeamIds(member.teams.map((t) => t.id));
    setLocationId(member.location?.id ?? "");
    setCapabilities(member.capabilities);
    setError(null);
    setEditing(true);
  }

  function closeEditor() {
    setEditing(false);
    setError(null);
    editButton.current?.focus();
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const change: {
      role?: Role;
      teamIds?: string[];
      locationId?: string | null;
      capabilities?: string[];
    } = {};
    if (role !== member.role) change.role = role;
    if (
      !sameSet(
        teamIds,
        member.teams.map((t) => t.id),
      )
    )
      change.teamIds = teamIds;
    if (locationId !== (member.location?.id ?? "")) change.locationId = locationId || null;
    if (!sameSet(capabilities, member.capabilities)) change.capabilities = capabilities;
    if (Object.keys(change).length === 0) {
      closeEditor();
      onNotice({ tone: "info", text: `No changes to save for ${member.name}.` });
      return;
    }
    setPending(true);
    setError(null);
    const result = await apiFetch(`/api/members/${member.id}`, { method: "PATCH", body: change });
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      onNotice({ tone: "error", text: `${member.name}: ${result.message}` });
      return;
    }
    closeEditor();
    onNotice({ tone: "success", text: `Saved the changes to ${member.name}.` });
    router.refresh();
  }

  async function setStatus(status: MembershipStatus) {
    const result = await apiFetch(`/api/members/${member.id}`, {
      method: "PATCH",
      body: { status },
    });
    if (!result.ok) {
      onNotice({ tone: "error", text: `${member.name}: ${result.message}` }, { focus: true });
      return;
    }
    onNotice(
      {
        tone: "success",
        text:
          status === "DEACTIVATED"
            ? `${member.name} has been deactivated and can no longer sign in to this organisation.`
            : `${member.name} has been reactivated.`,
      },
      { focus: true },
    );
    router.refresh();
  }

  return (
    <tbody className="border-b border-slate-100 last:border-b-0 dark:border-slate-800">
      <tr className="align-top">
        <th scope="row" className="px-4 py-3 text-left font-normal">
          <span className="font-medium text-slate-900 dark:text-slate-100">{member.name}</span>
          {member.isSelf ? (
            <span className="ml-1.5 text-xs text-slate-600 dark:text-slate-400">(you)</span>
          ) : null}
          <span className="block break-all text-slate-600 dark:text-slate-400">{member.email}</span>
        </th>
        <td className="px-4 py-3">
          {ROLE_LABELS[member.role]}
          {member.capabilities.filter(isCapability).map((c) => (
            <span key={c} className="block text-xs text-slate-600 dark:text-slate-400">
              + {CAPABILITY_LABELS[c]}
            </span>
          ))}
        </td>
        <td className="px-4 py-3">
          {member.teams.length ? (
            member.teams.map((t) => t.name).join(", ")
          ) : (
            <span className="text-slate-600 dark:text-slate-400">No team</span>
          )}
        </td>
        <td className="px-4 py-3">
          {member.location ? (
            member.location.name
          ) : (
            <span className="text-slate-600 dark:text-slate-400">Not set</span>
          )}
        </td>
        <td className="px-4 py-3">
          <StatusBadge status={member.status} />
        </td>
        <td className="px-4 py-3">
          <div className="flex justify-end gap-2">
            <button
              ref={editButton}
              type="button"
              className={buttonClass("secondary", "px-2.5 py-1.5")}
              aria-expanded={editing}
              aria-controls={`${id}-editor`}
              aria-label={`Edit role, capabilities, teams and location of ${member.name}`}
              onClick={() => (editing ? closeEditor() : openEditor())}
            >
              Edit
            </button>
            {active ? (
              <ConfirmButton
                className="px-2.5 py-1.5"
                aria-label={`Deactivate ${member.name}`}
                title={`Deactivate ${member.name}?`}
                description={
                  <p>
                    They lose access to this organisation at once. Their history is kept and you can
                    reactivate them at any time.
                  </p>
                }
                confirmLabel="Deactivate"
                onConfirm={() => setStatus("DEACTIVATED")}
              >
                Deactivate
              </ConfirmButton>
            ) : (
              <ConfirmButton
                className="px-2.5 py-1.5"
                aria-label={`Reactivate ${member.name}`}
                title={`Reactivate ${member.name}?`}
                description={<p>They can sign in again, as {ROLE_LABELS[member.role]}.</p>}
                confirmLabel="Reactivate"
                confirmVariant="primary"
                onConfirm={() => setStatus("ACTIVE")}
              >
                Reactivate
              </ConfirmButton>
            )}
          </div>
        </td>
      </tr>
      <tr id={`${id}-editor`} hidden={!editing}>
        <td colSpan={6} className="bg-slate-50 px-4 py-4 dark:bg-slate-800/40">
          {editing ? (
            <form
              onSubmit={save}
              className="grid gap-4 md:grid-cols-2"
              aria-label={`Edit ${member.name}`}
            >
              <div className="space-y-2">
                <SelectField
                  label="Role"
                  value={role}
                  onChange={(e) => setRole(e.target.value as Role)}
                  hint={ROLE_DESCRIPTIONS[role]}
                  autoFocus
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABELS[r]}
                    </option>
                  ))}
                </SelectField>
                {member.role !== "EMPLOYEE" && role === "EMPLOYEE" ? (
                  <p className="text-xs text-amber-800 dark:text-amber-300">
                    Employees don&apos;t manage teams: {member.name} will no longer manage any team.
                  </p>
                ) : null}
              </div>
              {role === "ADMIN" ? null : (
                <CheckboxList
                  legend="Capabilities"
                  options={CAPABILITIES.map((c) => ({
                    id: c,
                    label: CAPABILITY_LABELS[c],
                    hint: CAPABILITY_DESCRIPTIONS[c],
                  }))}
                  selected={capabilities}
                  onChange={setCapabilities}
                />
              )}
              <CheckboxList
                legend="Teams"
                options={teams.map((t) => ({ id: t.id, label: t.name }))}
                selected={teamIds}
                onChange={setTeamIds}
                emptyText="This organisation has no teams yet."
              />
              <SelectField
                label="Location"
                value={locationId}
                onChange={(e) => setLocationId(e.target.value)}
                hint={
                  locations.length ? undefined : (
                    <>
                      No locations yet:{" "}
                      <Link href="/admin/locations" className="underline">
                        create them
                      </Link>
                      .
                    </>
                  )
                }
              >
                <option value="">Not set</option>
                {locations.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </SelectField>
              <div className="flex flex-wrap items-center gap-2 md:col-span-2">
                <Button type="submit" disabled={pending}>
                  {pending ? "Saving…" : "Save changes"}
                </Button>
                <Button variant="ghost" onClick={closeEditor} disabled={pending}>
                  Cancel
                </Button>
                {error ? (
                  <p className="text-sm text-red-700 dark:text-red-400">
                    <span aria-hidden="true">⚠ </span>
                    {error}
                  </p>
                ) : null}
              </div>
            </form>
          ) : null}
        </td>
      </tr>
    </tbody>
  );
}

export function StatusBadge({ status }: { status: MembershipStatus }) {
  return status === "ACTIVE" ? (
    <span className="inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-inset ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-900">
      <span aria-hidden="true">●</span> Active
    </span>
  ) : (
    <span className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-300 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-600">
      <span aria-hidden="true">○</span> Deactivated
    </span>
  );
}
