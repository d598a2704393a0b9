"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import { PostTextArea } from "@/components/content/post-text-area";
import { GoalPicker, ValueTypePicker } from "@/components/content/value-type-picker";
import { Button } from "@/components/ui/button";
import { inputClass, TextField } from "@/components/ui/field";
import type { BusinessGoal, ValueType } from "@/lib/generated/prisma/enums";
import { evaluateGuardrails, violationSummary } from "@/lib/domains/content/guardrails";
import type { OrgSettingsView } from "@/lib/domains/settings/get-org-settings";

type Mode = "idle" | "accept" | "reject";

/** Fields of the accept form; a refusal naming another field is only told in the notice. */
const ACCEPT_FIELDS = new Set(["valueType", "goals", "title", "body"]);

/**
 * The moderator's two answers to a pending suggestion: turn it into a draft post (value type,
 * goals, optionally an edited title and text) or reject it with a reason the employee sees. The
 * text is checked against the guardrails as it is typed, like in the studio editor, and a refusal
 * by the server is shown at the field it names.
 */
export function SuggestionReview({
  suggestion,
}: {
  suggestion: { id: string; title: string; body: string; valueType: ValueType | null };
}) {
  const router = useRouter();
  const id = useId();
  const noticeRef = useRef<HTMLDivElement>(null);
  const [mode, setMode] = useState<Mode>("idle");
  const [valueType, setValueType] = useState<ValueType | null>(suggestion.valueType);
  const [goals, setGoals] = useState<BusinessGoal[]>([]);
  const [title, setTitle] = useState(suggestion.title);
  const [body, setBody] = useState(suggestion.body);
  const [reason, setReason] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState(false);
  const [rules, setRules] = useState<OrgSettingsView | null>(null);

  // The guardrails, once the form opens: the text box checks them as the moderator types.
  useEffect(() => {
    if (mode !== "accept" || rules) return;
    let live = true;
    void apiFetch<{ settings: OrgSettingsView }>("/api/settings/guardrails").then((result) => {
      if (live && result.ok) setRules(result.data.settings);
    });
    return () => {
      live = false;
    };
  }, [mode, rules]);

  function fail(message: string, problems: Record<string, string> = {}) {
    setFields(problems);
    setNotice({ tone: "error", text: message });
    focusNoticeSoon(noticeRef);
  }

  async function accept(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!valueType) problems.valueType = "Choose a value type.";
    if (!goals.length) problems.goals = "Choose at least one business goal.";
    if (!title.trim()) problems.title = "Enter a title.";
    const violations = rules ? evaluateGuardrails(body, rules) : [];
    if (violations.length) problems.body = violationSummary(violations);
    if (Object.keys(problems).length) return fail(Object.values(problems).join(" "), problems);
    setPending(true);
    const result = await apiFetch<{ item: { id: string } }>(
      `/api/suggestions/${suggestion.id}/accept`,
      {
        method: "POST",
        body: {
          valueType,
          goals,
          ...(title.trim() !== suggestion.title ? { title: title.trim() } : {}),
          ...(body !== suggestion.body ? { body } : {}),
        },
      },
    );
    setPending(false);
    if (!result.ok) {
      const known = Object.entries(result.fields ?? {}).filter(([key]) => ACCEPT_FIELDS.has(key));
      return fail(result.message, Object.fromEntries(known));
    }
    router.push(`/studio/${result.data.item.id}?created=1`);
  }

  async function reject(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) return fail("Tell the employee why.", { reason: "Tell the employee why." });
    setPending(true);
    const result = await apiFetch(`/api/suggestions/${suggestion.id}/reject`, {
      method: "POST",
      body: { reason: reason.trim() },
    });
    setPending(false);
    if (!result.ok) return fail(result.message, result.fields);
    setMode("idle");
    setNotice({
      tone: "success",
      text: `Rejected “${suggestion.title}”. The author sees your reason.`,
    });
    router.refresh();
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Button
          variant={mode === "accept" ? "secondary" : "primary"}
          aria-expanded={mode === "accept"}
          aria-controls={`${id}-accept`}
          onClick={() => {
            setMode(mode === "accept" ? "idle" : "accept");
            setFields({});
          }}
        >
          Turn into a post
        </Button>
        <Button
          variant="secondary"
          aria-expanded={mode === "reject"}
          aria-controls={`${id}-reject`}
          onClick={() => {
            setMode(mode === "reject" ? "idle" : "reject");
            setFields({});
          }}
        >
          Reject
        </Button>
      </div>
      {mode === "accept" ? (
        <form
          id={`${id}-accept`}
          onSubmit={accept}
          noValidate
          aria-label={`Turn “${suggestion.title}” into a post`}
          className="space-y-4 rounded-md p-4 ring-1 ring-slate-200 dark:ring-slate-700"
        >
          <ValueTypePicker
            value={valueType}
            onChange={setValueType}
            error={fields.valueType}
            showExamples={false}
            description={suggestion.valueType ? "Prefilled with the employee's choice." : undefined}
          />
          <GoalPicker value={goals} onChange={setGoals} error={fields.goals} />
          <TextField
            label="Title"
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
            error={fields.title}
            autoComplete="off"
          />
          <PostTextArea
            label="Suggested post text"
            value={body}
            onChange={(value) => {
              setBody(value);
              // A refusal of the old text no longer applies; the live checks take over.
              if (fields.body) setFields(({ body: _old, ...rest }) => rest);
            }}
            rules={rules}
            rows={6}
            error={fields.body}
            hint="Edit it now or later in the editor. The post starts as a draft."
          />
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create the draft post"}
          </Button>
        </form>
      ) : null}
      {mode === "reject" ? (
        <form
          id={`${id}-reject`}
          onSubmit={reject}
          noValidate
          aria-label={`Reject “${suggestion.title}”`}
          className="space-y-3 rounded-md p-4 ring-1 ring-slate-200 dark:ring-slate-700"
        >
          <div className="space-y-1.5">
            <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
              Reason (the employee sees it)
            </label>
            <textarea
              id={`${id}-reason`}
              rows={3}
              maxLength={500}
              required
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={fields.reason ? true : undefined}
              aria-describedby={fields.reason ? `${id}-reason-error` : undefined}
              className={inputClass}
            />
            {fields.reason ? (
              <p id={`${id}-reason-error`} className="text-sm text-red-700 dark:text-red-400">
                {fields.reason}
              </p>
            ) : null}
          </div>
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? "Rejecting…" : "Reject suggestion"}
          </Button>
        </form>
      ) : null}
      <LiveNotice notice={notice} ref={noticeRef} />
    </div>
  );
}
