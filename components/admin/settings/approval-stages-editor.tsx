"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { ApprovalStageView } from "@/lib/domains/approvals/list-approval-stages";
import type { ApproverOption } from "@/lib/domains/approvals/list-approver-options";
import type { Role } from "@/lib/generated/prisma/enums";

const ROLE_CHOICES: { role: Role; label: string }[] = [
  { role: "ADMIN", label: "Every admin" },
  { role: "MANAGER", label: "Every manager" },
];

type Saved = { stages: ApprovalStageView[] };

/**
 * Admin settings: the approval chain. Stages in order ("Comms", then "Legal"), each with its
 * approvers (roles and/or named members) and how many must approve; add, rename, reorder, delete.
 * No stage: the single-step rule of the guardrails applies.
 */
export function ApprovalStagesEditor({
  initialStages,
  options,
}: {
  initialStages: ApprovalStageView[];
  options: ApproverOption[];
}) {
  const [stages, setStages] = useState(initialStages);
  const [notice, setNotice] = useState<Notice>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  function done(result: Awaited<ReturnType<typeof apiFetch<Saved>>>, text: string): boolean {
    if (!result.ok) {
      setNotice({ tone: "error", text: result.message });
      focusNoticeSoon(noticeRef);
      return false;
    }
    setStages(result.data.stages);
    setNotice({ tone: "success", text });
    return true;
  }

  async function move(index: number, by: -1 | 1) {
    const ids = stages.map((s) => s.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    const result = await apiFetch<Saved>("/api/settings/approval-stages", {
      method: "PUT",
      body: { ids },
    });
    done(result, `“${stages[index]!.name}” is now stage ${index + by + 1}.`);
  }

  return (
    <section aria-labelledby="approval-stages-title" className="space-y-4">
      <div>
        <h2 id="approval-stages-title" className="text-lg font-semibold">
          Approval chain
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          While <em>Require approval</em> is on (guardrails above), posts submitted for review pass
          these stages in order before they can be published. The author and whoever edited the
          version never approve it; an edit restarts the chain at stage 1. With no stage, one other
          admin approves. Only people whose role may approve content (admins today) are asked.
        </p>
      </div>
      {stages.length ? (
        <ol className="space-y-4">
          {stages.map((stage, index) => (
            <li key={stage.id} className="rounded-lg p-3 ring-1 ring-slate-200 dark:ring-slate-700">
              <StageForm
                stage={stage}
                index={index}
                options={options}
                onSaved={done}
                actions={
                  <>
                    <Button
                      type="button"
                      variant="secondary"
                      disabled={index === 0}
                      onClick={() => void move(index, -1)}
                      aria-label={`Move “${stage.name}” up`}
                    >
                      Move up
                    </Button>
                    <Button
                      type="button"
                      variant="secondary"
                      disabled={index === stages.length - 1}
                      onClick={() => void move(index, 1)}
                      aria-label={`Move “${stage.name}” down`}
                    >
                      Move down
                    </Button>
                    <ConfirmButton
                      variant="ghost"
                      className="!px-2 text-red-700 dark:text-red-400"
                      title={`Delete the stage “${stage.name}”?`}
                      description={
                        <p>
                          Items in review skip it from now on; approvals already given at it stop
                          counting.
                        </p>
                      }
                      confirmLabel="Delete stage"
                      onConfirm={async () => {
                        const result = await apiFetch<Saved>(
                          `/api/settings/approval-stages/${encodeURIComponent(stage.id)}`,
                          { method: "DELETE" },
                        );
                        done(result, `“${stage.name}” was deleted.`);
                      }}
                    >
                      Delete
                    </ConfirmButton>
                  </>
                }
              />
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">No stages: one-step approval.</p>
      )}
      <div className="rounded-lg border border-dashed border-slate-300 p-3 dark:border-slate-600">
        <h3 className="mb-2 text-base font-semibold">Add a stage</h3>
        <StageForm index={stages.length} options={options} onSaved={done} />
      </div>
      <LiveNotice notice={notice} ref={noticeRef} />
    </section>
  );
}

function StageForm({
  stage,
  index,
  options,
  onSaved,
  actions,
}: {
  stage?: ApprovalStageView;
  index: number;
  options: ApproverOption[];
  onSaved: (result: Awaited<ReturnType<typeof apiFetch<Saved>>>, text: string) => boolean;
  actions?: React.ReactNode;
}) {
  const id = useId();
  const [name, setName] = useState(stage?.name ?? "");
  const [required, setRequired] = useState(String(stage?.requiredCount ?? 1));
  const [roles, setRoles] = useState<Role[]>(stage?.roles ?? []);
  const [members, setMembers] = useState<string[]>(stage?.approvers.map((a) => a.userId) ?? []);
  const [pending, setPending] = useState(false);
  const toggle = <T,>(list: T[], value: T, on: boolean) =>
    on ? [...list, value] : list.filter((v) => v !== value);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    const body = { name, requiredCount: Number(required), roles, memberIds: members };
    const result = await apiFetch<Saved>(
      stage
        ? `/api/settings/approval-stages/${encodeURIComponent(stage.id)}`
        : "/api/settings/approval-stages",
      { method: stage ? "PATCH" : "POST", body },
    );
    setPending(false);
    const ok = onSaved(
      result,
      stage ? `“${name.trim()}” was saved.` : `“${name.trim()}” was added.`,
    );
    if (ok && !stage) {
      setName("");
      setRequired("1");
      setRoles([]);
      setMembers([]);
    }
  }

  return (
    <form
      onSubmit={submit}
      className="space-y-3"
      aria-label={stage ? `Stage ${index + 1}` : "New stage"}
    >
      {stage ? <p className="text-sm font-semibold">Stage {index + 1}</p> : null}
      <div className="flex flex-wrap gap-3">
        <div className="min-w-0 flex-1 basis-48 space-y-1">
          <label htmlFor={`${id}-name`} className="block text-sm font-medium">
            Stage name
          </label>
          <input
            id={`${id}-name`}
            className={inputClass}
            value={name}
            maxLength={60}
            required
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="w-36 space-y-1">
          <label htmlFor={`${id}-required`} className="block text-sm font-medium">
            Approvals needed
          </label>
          <input
            id={`${id}-required`}
            type="number"
            min={1}
            max={20}
            className={inputClass}
            value={required}
            required
            onChange={(e) => setRequired(e.target.value)}
          />
        </div>
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Approvers</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {ROLE_CHOICES.map((r) => (
            <label key={r.role} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="h-4 w-4"
                checked={roles.includes(r.role)}
                onChange={(e) => setRoles(toggle(roles, r.role, e.target.checked))}
              />
              {r.label}
            </label>
          ))}
        </div>
        <ul
          aria-label="Members"
          className="max-h-48 space-y-1 overflow-y-auto rounded-md p-2 ring-1 ring-slate-200 dark:ring-slate-700"
        >
          {options.map((o) => (
            <li key={o.userId}>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="h-4 w-4"
                  checked={members.includes(o.userId)}
                  onChange={(e) => setMembers(toggle(members, o.userId, e.target.checked))}
                />
                {o.name}
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  ({o.role.toLowerCase()})
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : stage ? "Save stage" : "Add stage"}
        </Button>
        {actions}
      </div>
    </form>
  );
}
