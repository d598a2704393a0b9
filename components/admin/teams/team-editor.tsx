"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { CheckboxList, type CheckboxOption } from "@/components/admin/checkbox-list";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { ROLE_LABELS } from "@/lib/domains/access/permissions";
import type { MembershipStatus, Role } from "@/lib/generated/prisma/enums";

export interface TeamEditorProps {
  team: {
    id: string;
    name: string;
    description: string | null;
    managerIds: string[];
    memberIds: string[];
  };
  people: { id: string; name: string; email: string; role: Role; status: MembershipStatus }[];
}

function option(p: TeamEditorProps["people"][number]): CheckboxOption {
  const status = p.status === "DEACTIVATED" ? " · deactivated" : "";
  return { id: p.id, label: p.name, hint: `${p.email} · ${ROLE_LABELS[p.role]}${status}` };
}

/** Name, description, managers and members of one team, saved together; and deleting it. */
export function TeamEditor({ team, people }: TeamEditorProps) {
  const router = useRouter();
  const [name, setName] = useState(team.name);
  const [description, setDescription] = useState(team.description ?? "");
  const [managerIds, setManagerIds] = useState(team.managerIds);
  const [memberIds, setMemberIds] = useState(team.memberIds);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);

  const managerOptions = people
    .filter((p) => p.role !== "EMPLOYEE" || managerIds.includes(p.id))
    .map(option);
  const memberOptions = people.map(option);

  async function save(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setFields({});
    const result = await apiFetch(`/api/teams/${team.id}`, {
      method: "PATCH",
      body: { name, description: description.trim() || null, managerIds, memberIds },
    });
    setPending(false);
    if (!result.ok) {
      setFields(result.fields ?? {});
      setNotice({ tone: "error", text: result.message });
      focusNoticeSoon(noticeRef);
      return;
    }
    setNotice({ tone: "success", text: `Saved “${name.trim()}”.` });
    router.refresh();
  }

  async function remove() {
    const result = await apiFetch(`/api/teams/${team.id}`, { method: "DELETE" });
    if (!result.ok) {
      setNotice({ tone: "error", text: result.message });
      focusNoticeSoon(noticeRef);
      return;
    }
    router.push("/admin/teams");
    router.refresh();
  }

  return (
    <div className="space-y-6">
      <form onSubmit={save} noValidate className="space-y-6" aria-label={`Edit team ${team.name}`}>
        <Card className="space-y-4">
          <h2 className="text-lg font-semibold">Details</h2>
          <TextField
            label="Name"
            required
            maxLength={60}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={fields.name}
            autoComplete="off"
          />
          <TextField
            label="Description (optional)"
            maxLength={500}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            error={fields.description}
            autoComplete="off"
          />
        </Card>
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CheckboxList
              legend="Managers"
              options={managerOptions}
              selected={managerIds}
              onChange={setManagerIds}
              emptyText="Nobody can manage a team yet: give someone the Manager or Admin role first."
              error={fields.managerIds}
            />
            <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
              Managers and admins only. Managers see this team&apos;s dashboard.
            </p>
          </Card>
          <Card>
            <CheckboxList
              legend="Members"
              options={memberOptions}
              selected={memberIds}
              onChange={setMemberIds}
              emptyText="No active members yet."
              error={fields.memberIds}
            />
          </Card>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save team"}
          </Button>
          <LiveNotice notice={notice} ref={noticeRef} className="flex-1" />
        </div>
      </form>

      <Card className="space-y-3 ring-red-200 dark:ring-red-900">
        <h2 className="text-lg font-semibold">Delete this team</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Members stay in the organisation; only the team and its manager assignments go.
        </p>
        <ConfirmButton
          variant="danger"
          title={`Delete the team “${team.name}”?`}
          description={<p>This cannot be undone. Members keep their access to the organisation.</p>}
          confirmLabel="Delete team"
          onConfirm={remove}
        >
          Delete team
        </ConfirmButton>
      </Card>
    </div>
  );
}
