"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { CheckboxList, type CheckboxOption } from "@/components/admin/checkbox-list";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import { GoalPicker } from "@/components/content/value-type-picker";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { VALUE_TYPES } from "@/lib/domains/content/value-types";
import {
  createSourceSchema,
  DEFAULT_INTERVAL,
  INTERVAL_MAX,
  INTERVAL_MIN,
} from "@/lib/domains/sources/source-schemas";
import type { BusinessGoal, ValueType } from "@/lib/generated/prisma/enums";

export interface SourceFormValues {
  id?: string;
  name: string;
  url: string;
  intervalMinutes: number;
  enabled: boolean;
  autoDraft: boolean;
  defaultValueType: ValueType | null;
  defaultGoals: BusinessGoal[];
  defaultTeamIds: string[];
  defaultLocationIds: string[];
  defaultTopicIds: string[];
}

export interface SourceFormOptions {
  teams: CheckboxOption[];
  locations: CheckboxOption[];
  topics: CheckboxOption[];
}

export const EMPTY_SOURCE: SourceFormValues = {
  name: "",
  url: "",
  intervalMinutes: DEFAULT_INTERVAL,
  enabled: true,
  autoDraft: false,
  defaultValueType: null,
  defaultGoals: ["MARKETING"],
  defaultTeamIds: [],
  defaultLocationIds: [],
  defaultTopicIds: [],
};

/**
 * Adds or edits a content source: checked with the server's own zod schema before it is sent,
 * and a refusal by the server is shown at the field it names.
 */
export function SourceForm({
  initial = EMPTY_SOURCE,
  options,
  onDone,
}: {
  initial?: SourceFormValues;
  options: SourceFormOptions;
  onDone?: () => void;
}) {
  const router = useRouter();
  const noticeRef = useRef<HTMLDivElement>(null);
  const [values, setValues] = useState<SourceFormValues>(initial);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState(false);
  const editing = Boolean(initial.id);
  const set = <K extends keyof SourceFormValues>(key: K, value: SourceFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  function fail(message: string, problems: Record<string, string> = {}) {
    setFields(problems);
    setNotice({ tone: "error", text: message });
    focusNoticeSoon(noticeRef);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { id: _id, ...body } = values;
    const parsed = createSourceSchema.safeParse(body);
    if (!parsed.success) {
      const problems: Record<string, string> = {};
      for (const issue of parsed.error.issues) problems[String(issue.path[0])] ??= issue.message;
      return fail(Object.values(problems).join(" "), problems);
    }
    setPending(true);
    const result = await apiFetch(editing ? `/api/sources/${initial.id}` : "/api/sources", {
      method: editing ? "PATCH" : "POST",
      body: parsed.data,
    });
    setPending(false);
    if (!result.ok) return fail(result.message, result.fields);
    setFields({});
    setNotice({
      tone: "success",
      text: editing
        ? `Saved “${values.name}”.`
        : `Added “${values.name}”. It is polled within a minute; use Poll now to read it at once.`,
    });
    if (!editing) setValues(EMPTY_SOURCE);
    router.refresh();
    onDone?.();
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-4"
      aria-label={editing ? `Edit ${initial.name}` : "Add a source"}
    >
      <TextField
        label="Name"
        value={values.name}
        maxLength={80}
        onChange={(e) => set("name", e.target.value)}
        error={fields.name}
        placeholder="Company blog"
        autoComplete="off"
      />
      <TextField
        label="Feed or sitemap address"
        type="url"
        inputMode="url"
        value={values.url}
        onChange={(e) => set("url", e.target.value)}
        error={fields.url}
        placeholder="https://example.com/blog/feed.xml"
        hint="An RSS or Atom feed, or a sitemap (careers page, press room)."
        autoComplete="off"
      />
      <TextField
        label="Minutes between polls"
        type="number"
        min={INTERVAL_MIN}
        max={INTERVAL_MAX}
        value={String(values.intervalMinutes)}
        onChange={(e) => set("intervalMinutes", Number(e.target.value))}
        error={fields.intervalMinutes}
        hint={`From ${INTERVAL_MIN} to ${INTERVAL_MAX.toLocaleString("en")} (a day).`}
      />
      <SelectField
        label="Value type of drafts"
        value={values.defaultValueType ?? ""}
        onChange={(e) => set("defaultValueType", (e.target.value || null) as ValueType | null)}
        error={fields.defaultValueType}
      >
        <option value="">Suggest from each post&apos;s text</option>
        {VALUE_TYPES.map((v) => (
          <option key={v.id} value={v.id}>
            {v.label}
          </option>
        ))}
      </SelectField>
      <GoalPicker
        value={values.defaultGoals}
        onChange={(goals) => set("defaultGoals", goals)}
        error={fields.defaultGoals}
      />
      <CheckboxList
        legend="Audience teams (none: everyone)"
        options={options.teams}
        selected={values.defaultTeamIds}
        onChange={(ids) => set("defaultTeamIds", ids)}
        emptyText="No teams yet: drafts go to everyone."
        error={fields.defaultTeamIds}
      />
      <CheckboxList
        legend="Audience locations (none: everyone)"
        options={options.locations}
        selected={values.defaultLocationIds}
        onChange={(ids) => set("defaultLocationIds", ids)}
        emptyText="No locations yet."
        error={fields.defaultLocationIds}
      />
      <CheckboxList
        legend="Topics"
        options={options.topics}
        selected={values.defaultTopicIds}
        onChange={(ids) => set("defaultTopicIds", ids)}
        emptyText="No topics yet."
        error={fields.defaultTopicIds}
      />
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          checked={values.autoDraft}
          onChange={(e) => set("autoDraft", e.target.checked)}
          className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600"
        />
        <span>
          <span className="font-medium">Make drafts automatically</span>
          <span className="block text-xs text-slate-600 dark:text-slate-400">
            Each new post becomes a draft in the studio when it is polled.
          </span>
        </span>
      </label>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          checked={values.enabled}
          onChange={(e) => set("enabled", e.target.checked)}
          className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600"
        />
        <span className="font-medium">Poll on schedule</span>
      </label>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : editing ? "Save source" : "Add source"}
      </Button>
      <LiveNotice notice={notice} ref={noticeRef} />
    </form>
  );
}
