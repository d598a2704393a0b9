"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { AnalyticsSettingsView } from "@/lib/domains/settings/get-analytics-settings";

type Draft = Record<Exclude<keyof AnalyticsSettingsView, "leaderboardsEnabled">, string>;

function toDraft(s: AnalyticsSettingsView): Draft {
  return {
    clickIdParam: s.clickIdParam,
    attributionDays: String(s.attributionDays),
    cpm: String(s.cpm),
    cpc: String(s.cpc),
    currency: s.currency,
    // Shown as a percentage; stored as a share (0..1).
    reachRate: String(Math.round(s.reachRate * 10000) / 100),
    defaultNetworkSize: String(s.defaultNetworkSize),
    pointsPerShare: String(s.pointsPerShare),
    pointsPerVisit: String(s.pointsPerVisit),
    pointsPerConversion: String(s.pointsPerConversion),
    pointsOwnWords: String(s.pointsOwnWords),
    pointsVariety: String(s.pointsVariety),
    visitPointsCap: String(s.visitPointsCap),
  };
}

const NUMERIC: (keyof Draft)[] = [
  "attributionDays",
  "cpm",
  "cpc",
  "reachRate",
  "defaultNetworkSize",
  "pointsPerShare",
  "pointsPerVisit",
  "pointsPerConversion",
  "pointsOwnWords",
  "pointsVariety",
  "visitPointsCap",
];

/**
 * Attribution (click-id parameter, window), earned-media-value estimates (CPM, CPC, currency,
 * reach rate, default network size) and leaderboard points. Saved in one update.
 */
export function AnalyticsSettingsForm({ settings }: { settings: AnalyticsSettingsView }) {
  const router = useRouter();
  const id = useId();
  const noticeRef = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [leaderboards, setLeaderboards] = useState(settings.leaderboardsEnabled);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState(false);

  const field = (name: keyof Draft) => ({
    value: draft[name],
    onChange: (e: { target: { value: string } }) =>
      setDraft((d) => ({ ...d, [name]: e.target.value })),
    error: fields[name],
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const body: Record<string, string | number | boolean> = {
      leaderboardsEnabled: leaderboards,
      clickIdParam: draft.clickIdParam.trim(),
      currency: draft.currency.trim().toUpperCase(),
    };
    for (const name of NUMERIC) {
      const text = draft[name].trim().replace(",", ".");
      const value = Number(text);
      if (!text || !Number.isFinite(value)) {
        problems[name] = "Enter a number.";
        continue;
      }
      body[name] = name === "reachRate" ? Math.round(value * 100) / 10000 : value;
    }
    if (Object.keys(problems).length) {
      setFields(problems);
      setNotice({ tone: "error", text: "Check the highlighted fields: they take numbers." });
      focusNoticeSoon(noticeRef);
      return;
    }
    setPending(true);
    setFields({});
    const result = await apiFetch<{ settings: AnalyticsSettingsView }>("/api/settings/analytics", {
      method: "PATCH",
      body,
    });
    setPending(false);
    if (!result.ok) {
      setFields(result.fields ?? {});
      setNotice({ tone: "error", text: result.message });
      focusNoticeSoon(noticeRef);
      return;
    }
    setDraft(toDraft(result.data.settings));
    setLeaderboards(result.data.settings.leaderboardsEnabled);
    setNotice({ tone: "success", text: "Analytics settings saved." });
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-labelledby={`${id}-title`}>
      <div>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Analytics and attribution
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          How clicks lead to conversions, how reach and earned media value are estimated, and the
          points of the leaderboard.
        </p>
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium">Attribution</legend>
        <TextField
          label="Click-id parameter"
          {...field("clickIdParam")}
          maxLength={32}
          autoComplete="off"
          hint="Added to every tracked destination (e.g. ?aid=clk_…). 1–32 letters, digits, _ or -."
        />
        <TextField
          label="Attribution window (days)"
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          {...field("attributionDays")}
          hint="Conversions up to this many days after a click count for it (1–365)."
        />
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium">
          Earned media value and reach <span className="font-normal">(estimates)</span>
        </legend>
        <TextField
          label="Estimated CPM (cost per 1,000 impressions)"
          type="number"
          inputMode="decimal"
          min={0}
          step="0.01"
          {...field("cpm")}
          hint="What 1,000 impressions would cost as paid media."
        />
        <TextField
          label="Estimated CPC (cost per click)"
          type="number"
          inputMode="decimal"
          min={0}
          step="0.01"
          {...field("cpc")}
          hint="What one click would cost as paid media."
        />
        <TextField
          label="Currency"
          {...field("currency")}
          maxLength={3}
          autoComplete="off"
          hint="ISO 4217 code, e.g. EUR, USD, GBP. Also the default currency of conversion values."
        />
        <TextField
          label="Estimated reach rate (%)"
          type="number"
          inputMode="decimal"
          min={0}
          max={100}
          step="0.1"
          {...field("reachRate")}
          hint="Share of an advocate's network that sees a post (an estimate, 0–100 %)."
        />
        <TextField
          label="Default network size"
          type="number"
          inputMode="numeric"
          min={0}
          {...field("defaultNetworkSize")}
          hint="Assumed for people who have not entered their LinkedIn network size."
        />
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-medium">Leaderboard points</legend>
        <p className="text-sm text-slate-600 sm:col-span-3 dark:text-slate-400">
          Points reward what makes advocacy work — sharing, your own words, variety, real visitors
          and outcomes — never raw clicks, bots or repeat visits. New values apply to points earned
          from now on.
        </p>
        <label className="flex items-start gap-3 sm:col-span-3">
          <input
            type="checkbox"
            name="leaderboardsEnabled"
            className="mt-1 h-4 w-4"
            checked={leaderboards}
            onChange={(e) => setLeaderboards(e.target.checked)}
          />
          <span>
            <span className="block text-sm font-medium">Show leaderboards to employees</span>
            <span className="block text-sm text-slate-600 dark:text-slate-400">
              Team and organisation rankings on the Leaderboard page. Off: nobody sees a ranking
              (people still see their own points).
            </span>
          </span>
        </label>
        <TextField
          label="Points per share"
          type="number"
          inputMode="numeric"
          min={0}
          {...field("pointsPerShare")}
        />
        <TextField
          label="Points per unique visit"
          type="number"
          inputMode="numeric"
          min={0}
          {...field("pointsPerVisit")}
        />
        <TextField
          label="Points per conversion"
          type="number"
          inputMode="numeric"
          min={0}
          {...field("pointsPerConversion")}
        />
        <TextField
          label="Points for own words"
          type="number"
          inputMode="numeric"
          min={0}
          {...field("pointsOwnWords")}
          hint="× the share's authenticity (100 % own words earns all of it)."
        />
        <TextField
          label="Points for variety"
          type="number"
          inputMode="numeric"
          min={0}
          {...field("pointsVariety")}
          hint="A value type the person has not shared in 30 days."
        />
        <TextField
          label="Visits that earn points"
          type="number"
          inputMode="numeric"
          min={0}
          {...field("visitPointsCap")}
          hint="At most this many unique visits per share and day."
        />
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save analytics settings"}
      </Button>
      <LiveNotice notice={notice} ref={noticeRef} />
    </form>
  );
}
