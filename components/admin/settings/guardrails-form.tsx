"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import { HashtagInput } from "@/components/content/hashtag-input";
import { Button } from "@/components/ui/button";
import { inputClass, TextField } from "@/components/ui/field";
import type { OrgSettingsView } from "@/lib/domains/settings/get-org-settings";

function lines(text: string): string[] {
  return [
    ...new Set(
      text
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
}

/** The index in `blockedPhrases.3` style field names, as a line number people recognise. */
function fieldMessages(fields: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields ?? {})) {
    const [name, index] = key.split(".");
    const where = index !== undefined ? ` (line ${Number(index) + 1})` : "";
    out[name!] ??= `${message}${where}`;
  }
  return out;
}

/**
 * Governance rules: second-admin approval, the disclosure every post keeps, blocked phrases,
 * required hashtags and a daily share limit. The server validates and has the last word.
 */
export function GuardrailsForm({ settings }: { settings: OrgSettingsView }) {
  const router = useRouter();
  const id = useId();
  const noticeRef = useRef<HTMLDivElement>(null);
  const [requireApproval, setRequireApproval] = useState(settings.requireApproval);
  const [disclosure, setDisclosure] = useState(settings.disclosureText ?? "");
  const [blocked, setBlocked] = useState(settings.blockedPhrases.join("\n"));
  const [hashtags, setHashtags] = useState(
    settings.requiredHashtags.map((t) => t.replace(/^#/, "")),
  );
  const [maxShares, setMaxShares] = useState(settings.maxSharesPerDay?.toString() ?? "");
  const [minOwn, setMinOwn] = useState(settings.minAuthenticity?.toString() ?? "");
  const [utmSource, setUtmSource] = useState(settings.utmSource);
  const [utmMedium, setUtmMedium] = useState(settings.utmMedium);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const limit = maxShares.trim();
    const minimum = minOwn.trim();
    if ((limit && !/^\d+$/.test(limit)) || (minimum && !/^\d+$/.test(minimum))) {
      setFields({
        ...(limit && !/^\d+$/.test(limit)
          ? { maxSharesPerDay: "Enter a whole number, or leave it empty for no limit." }
          : {}),
        ...(minimum && !/^\d+$/.test(minimum)
          ? { minAuthenticity: "Enter a whole percentage, or leave it empty for no minimum." }
          : {}),
      });
      setNotice({ tone: "error", text: "Check the highlighted fields: they take whole numbers." });
      focusNoticeSoon(noticeRef);
      return;
    }
    setPending(true);
    setFields({});
    const result = await apiFetch<{ settings: OrgSettingsView }>("/api/settings/guardrails", {
      method: "PATCH",
      body: {
        requireApproval,
        disclosureText: disclosure.trim() || null,
        blockedPhrases: lines(blocked),
        requiredHashtags: hashtags,
        maxSharesPerDay: limit ? Number(limit) : null,
        minAuthenticity: minimum ? Number(minimum) : null,
        utmSource: utmSource.trim(),
        utmMedium: utmMedium.trim(),
      },
    });
    setPending(false);
    if (!result.ok) {
      setFields(fieldMessages(result.fields));
      setNotice({ tone: "error", text: result.message });
      focusNoticeSoon(noticeRef);
      return;
    }
    const saved = result.data.settings;
    setRequireApproval(saved.requireApproval);
    setDisclosure(saved.disclosureText ?? "");
    setBlocked(saved.blockedPhrases.join("\n"));
    setHashtags(saved.requiredHashtags.map((t) => t.replace(/^#/, "")));
    setMaxShares(saved.maxSharesPerDay?.toString() ?? "");
    setMinOwn(saved.minAuthenticity?.toString() ?? "");
    setUtmSource(saved.utmSource);
    setUtmMedium(saved.utmMedium);
    setNotice({ tone: "success", text: "Guardrails saved. They apply to every post from now on." });
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-labelledby={`${id}-title`}>
      <div>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Guardrails and approval
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Rules every post and every share follows. Texts are checked as people type and again when
          they save.
        </p>
      </div>
      <div className="space-y-1">
        <label className="flex items-start gap-2 text-sm font-medium">
          <input
            type="checkbox"
            checked={requireApproval}
            onChange={(e) => setRequireApproval(e.target.checked)}
            aria-describedby={`${id}-approval-hint`}
            className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600"
          />
          Require approval by a second admin
        </label>
        <p id={`${id}-approval-hint`} className="pl-6 text-xs text-slate-600 dark:text-slate-400">
          Posts go to review first, and the admin who wrote a post cannot approve it.
        </p>
      </div>
      <TextField
        label="Disclosure text (optional)"
        value={disclosure}
        maxLength={200}
        onChange={(e) => setDisclosure(e.target.value)}
        error={fields.disclosureText}
        hint="Must stay in every shared post, e.g. “#employee” or “I work at Fernhill.”"
        autoComplete="off"
      />
      <div className="space-y-1.5">
        <label htmlFor={`${id}-blocked`} className="block text-sm font-medium">
          Blocked words and phrases
        </label>
        <p id={`${id}-blocked-hint`} className="text-xs text-slate-600 dark:text-slate-400">
          One per line. Matched as whole words, ignoring case.
        </p>
        <textarea
          id={`${id}-blocked`}
          rows={5}
          value={blocked}
          onChange={(e) => setBlocked(e.target.value)}
          aria-invalid={fields.blockedPhrases ? true : undefined}
          aria-describedby={`${id}-blocked-hint${fields.blockedPhrases ? ` ${id}-blocked-error` : ""}`}
          className={inputClass}
        />
        {fields.blockedPhrases ? (
          <p id={`${id}-blocked-error`} className="text-sm text-red-700 dark:text-red-400">
            {fields.blockedPhrases}
          </p>
        ) : null}
      </div>
      <HashtagInput
        label="Required hashtags"
        value={hashtags}
        onChange={setHashtags}
        max={10}
        error={fields.requiredHashtags}
        hint="Every post must contain these. Press Enter after each."
      />
      <div className="max-w-xs">
        <TextField
          label="Maximum shares per employee per day"
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          value={maxShares}
          onChange={(e) => setMaxShares(e.target.value)}
          error={fields.maxSharesPerDay}
          hint="Empty: no limit."
        />
      </div>
      <div className="max-w-xs">
        <TextField
          label="Minimum share of own words (%)"
          type="number"
          inputMode="numeric"
          min={1}
          max={90}
          value={minOwn}
          onChange={(e) => setMinOwn(e.target.value)}
          error={fields.minAuthenticity}
          hint="How much of a shared text must be the person's own words. Empty: no minimum."
        />
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium">Tracking parameters of shared links</legend>
        <TextField
          label="utm_source"
          value={utmSource}
          onChange={(e) => setUtmSource(e.target.value)}
          error={fields.utmSource}
        />
        <TextField
          label="utm_medium"
          value={utmMedium}
          onChange={(e) => setUtmMedium(e.target.value)}
          error={fields.utmMedium}
          hint="utm_campaign is the post's slug and utm_content the share's code."
        />
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save guardrails"}
      </Button>
      <LiveNotice notice={notice} ref={noticeRef} />
    </form>
  );
}
