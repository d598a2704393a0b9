"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { AiSettingsView } from "@/lib/domains/ai/get-ai-settings";

const FEATURES: Record<string, string> = {
  captions: "Caption variants",
  hashtags: "Hashtags",
  value_type: "Value type",
  translate: "Translation",
  my_words: "In my words",
};

/**
 * The organisation's AI switch (off until an admin turns it on: no content leaves before) and its
 * monthly token budget, with this month's use and the latest calls.
 */
export function AiSettingsForm({ settings }: { settings: AiSettingsView }) {
  const router = useRouter();
  const id = useId();
  const noticeRef = useRef<HTMLDivElement>(null);
  const [enabled, setEnabled] = useState(settings.enabled);
  const [budget, setBudget] = useState(String(settings.monthlyTokenBudget));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const monthlyTokenBudget = Number(budget.trim());
    if (!budget.trim() || !Number.isInteger(monthlyTokenBudget) || monthlyTokenBudget < 0) {
      setFields({ monthlyTokenBudget: "Enter a whole number of tokens, e.g. 200000." });
      return;
    }
    setPending(true);
    setFields({});
    const result = await apiFetch<{ settings: AiSettingsView }>("/api/settings/ai", {
      method: "PATCH",
      body: { enabled, monthlyTokenBudget },
    });
    setPending(false);
    if (!result.ok) {
      setFields(result.fields ?? {});
      setNotice({ tone: "error", text: result.message });
      focusNoticeSoon(noticeRef);
      return;
    }
    setNotice({
      tone: "success",
      text: result.data.settings.enabled
        ? "AI assistance is on."
        : "AI settings saved. AI assistance is off: nothing is sent to the AI service.",
    });
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-labelledby={`${id}-title`}>
      <div>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          AI assistance
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Caption variants, hashtags, value types and draft translations for the comms team, and
          “Help me say it in my words” for employees, through the AI service this server is set up
          with. While it is off, no content is sent to it. Words the AI writes never count as
          anyone’s own words, and shares that use them are marked AI-assisted.
        </p>
      </div>
      <label className="flex items-start gap-2 text-sm font-medium">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(e) => setEnabled(e.target.checked)}
          className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600"
        />
        Use AI assistance in this organisation
      </label>
      <TextField
        label="Monthly token budget"
        inputMode="numeric"
        value={budget}
        onChange={(e) => setBudget(e.target.value)}
        error={fields.monthlyTokenBudget}
        hint={`Used this month: ${settings.usedThisMonth.toLocaleString("en")} tokens. When the budget is spent, AI requests are refused until the 1st.`}
        autoComplete="off"
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save AI settings"}
      </Button>
      <LiveNotice notice={notice} ref={noticeRef} />
      {settings.recentCalls.length ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="mb-2 text-left text-sm font-medium">Latest AI requests</caption>
            <thead>
              <tr className="text-slate-600 dark:text-slate-400">
                <th scope="col" className="py-1 pr-3 font-medium">
                  When (UTC)
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Who
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  For
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Result
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  Tokens
                </th>
              </tr>
            </thead>
            <tbody>
              {settings.recentCalls.map((c) => (
                <tr key={c.id} className="border-t border-slate-200 dark:border-slate-700">
                  <td className="py-1 pr-3 whitespace-nowrap">
                    {c.at.slice(0, 16).replace("T", " ")}
                  </td>
                  <td className="py-1 pr-3">{c.who}</td>
                  <td className="py-1 pr-3">{FEATURES[c.feature] ?? c.feature}</td>
                  <td className="py-1 pr-3">{c.status}</td>
                  <td className="py-1 text-right tabular-nums">
                    {c.totalTokens.toLocaleString("en")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </form>
  );
}
