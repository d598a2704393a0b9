"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { CheckboxList } from "@/components/admin/checkbox-list";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass, SelectField, TextField } from "@/components/ui/field";
import { CAMPAIGN_GOAL_LABELS } from "@/lib/domains/campaigns/campaign-goals";
import { CAMPAIGN_GOALS, CAMPAIGN_NAME_MAX } from "@/lib/domains/campaigns/campaign-schemas";
import type { CampaignGoal, ContentStatus } from "@/lib/generated/prisma/enums";

export interface CampaignEditorValue {
  id: string;
  name: string;
  description: string | null;
  startDate: string;
  endDate: string;
  goal: CampaignGoal;
  goalTarget: number;
  itemIds: string[];
  teamIds: string[];
}

const STATUS_HINT: Partial<Record<ContentStatus, string>> = {
  PUBLISHED: "Published",
  IN_REVIEW: "In review",
  DRAFT: "Draft",
  ARCHIVED: "Archived",
};

/** A campaign's name, dates (days of the organisation's zone), goal, posts and teams. */
export function CampaignEditor({
  campaign,
  items,
  teams,
  timeZone,
  defaults,
}: {
  campaign: CampaignEditorValue | null;
  items: { id: string; title: string; status: ContentStatus }[];
  teams: { id: string; name: string }[];
  timeZone: string;
  /** Start and end offered for a new campaign (today and two weeks on). */
  defaults: { startDate: string; endDate: string };
}) {
  const router = useRouter();
  const descriptionId = useId();
  const [name, setName] = useState(campaign?.name ?? "");
  const [description, setDescription] = useState(campaign?.description ?? "");
  const [startDate, setStartDate] = useState(campaign?.startDate ?? defaults.startDate);
  const [endDate, setEndDate] = useState(campaign?.endDate ?? defaults.endDate);
  const [goal, setGoal] = useState<CampaignGoal>(campaign?.goal ?? "SHARES");
  const [goalTarget, setGoalTarget] = useState(String(campaign?.goalTarget ?? 50));
  const [itemIds, setItemIds] = useState(campaign?.itemIds ?? []);
  const [teamIds, setTeamIds] = useState(campaign?.teamIds ?? []);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  const zone = timeZone.replaceAll("_", " ");

  async function save(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setFields({});
    const body = {
      name,
      description: description.trim() || null,
      startDate,
      endDate,
      goal,
      goalTarget: Number(goalTarget),
      itemIds,
      teamIds,
    };
    const result = campaign
      ? await apiFetch(`/api/campaigns/${campaign.id}`, { method: "PATCH", body })
      : await apiFetch<{ campaign: { id: string } }>("/api/campaigns", { method: "POST", body });
    setPending(false);
    if (!result.ok) {
      setFields(result.fields ?? {});
      setNotice({ tone: "error", text: result.message });
      focusNoticeSoon(noticeRef);
      return;
    }
    if (!campaign) {
      const created = result.data as { campaign: { id: string } };
      router.push(`/studio/campaigns/${created.campaign.id}?created=1`);
      return;
    }
    setNotice({ tone: "success", text: `Saved “${name.trim()}”.` });
    router.refresh();
  }

  async function archive() {
    if (!campaign) return;
    const result = await apiFetch(`/api/campaigns/${campaign.id}`, { method: "DELETE" });
    if (!result.ok) {
      setNotice({ tone: "error", text: result.message });
      focusNoticeSoon(noticeRef);
      return;
    }
    router.push("/studio/campaigns");
    router.refresh();
  }

  return (
    <div className="space-y-6">
      <form
        onSubmit={save}
        noValidate
        className="space-y-6"
        aria-label={campaign ? `Edit campaign ${campaign.name}` : "New campaign"}
      >
        <Card className="space-y-4">
          <h2 className="text-lg font-semibold">Details</h2>
          <TextField
            label="Name"
            required
            maxLength={CAMPAIGN_NAME_MAX}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={fields.name}
            autoComplete="off"
          />
          <div className="space-y-1.5">
            <label
              htmlFor={descriptionId}
              className="block text-sm font-medium text-slate-800 dark:text-slate-200"
            >
              Description (optional)
            </label>
            <textarea
              id={descriptionId}
              rows={3}
              maxLength={1000}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              aria-invalid={fields.description ? true : undefined}
              className={inputClass}
            />
            {fields.description ? (
              <p className="text-sm text-red-700 dark:text-red-400">{fields.description}</p>
            ) : null}
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="First day"
              type="date"
              required
              value={startDate}
              onChange={(e) => setStartDate(e.target.value)}
              error={fields.startDate}
              hint={`Days in ${zone}.`}
            />
            <TextField
              label="Last day"
              type="date"
              required
              min={startDate || undefined}
              value={endDate}
              onChange={(e) => setEndDate(e.target.value)}
              error={fields.endDate}
              hint="The campaign runs until the end of this day."
            />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label="Goal"
              value={goal}
              onChange={(e) => setGoal(e.target.value as CampaignGoal)}
              error={fields.goal}
              hint={CAMPAIGN_GOAL_LABELS[goal].hint}
            >
              {CAMPAIGN_GOALS.map((g) => (
                <option key={g} value={g}>
                  {CAMPAIGN_GOAL_LABELS[g].label}
                </option>
              ))}
            </SelectField>
            <TextField
              label={`Target (${CAMPAIGN_GOAL_LABELS[goal].many})`}
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              required
              value={goalTarget}
              onChange={(e) => setGoalTarget(e.target.value)}
              error={fields.goalTarget}
            />
          </div>
        </Card>
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CheckboxList
              legend="Posts in the campaign"
              options={items.map((i) => ({
                id: i.id,
                label: i.title,
                hint: STATUS_HINT[i.status],
              }))}
              selected={itemIds}
              onChange={setItemIds}
              emptyText="The library has no posts yet: write one in the studio first."
              error={fields.itemIds}
            />
          </Card>
          <Card>
            <CheckboxList
              legend="Teams competing (optional)"
              options={teams.map((t) => ({ id: t.id, label: t.name }))}
              selected={teamIds}
              onChange={setTeamIds}
              emptyText="No teams yet."
              error={fields.teamIds}
            />
            <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
              Chosen teams are ranked by what their members bring to the goal.
            </p>
          </Card>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : campaign ? "Save campaign" : "Create campaign"}
          </Button>
          <LiveNotice notice={notice} ref={noticeRef} className="flex-1" />
        </div>
      </form>

      {campaign ? (
        <Card className="space-y-3">
          <h2 className="text-lg font-semibold">Archive this campaign</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            It leaves the feed and the dashboard; its page and results stay readable under Archived
            campaigns.
          </p>
          <ConfirmButton
            variant="secondary"
            title={`Archive the campaign “${campaign.name}”?`}
            description={<p>People no longer see it in their feed.</p>}
            confirmLabel="Archive campaign"
            onConfirm={archive}
          >
            Archive campaign
          </ConfirmButton>
        </Card>
      ) : null}
    </div>
  );
}
