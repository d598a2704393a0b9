"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatDate } from "@/lib/core/time/format-date";
import { utcToZonedLocal, zonedLocalToUtc } from "@/lib/core/time/zoned-time";
import { reminderPresets } from "@/lib/domains/sharing/reminders/reminder-presets";
import { networkLabel, SOCIAL_NETWORKS } from "@/lib/domains/sharing/social-networks";
import type { SocialNetwork } from "@/lib/generated/prisma/enums";

const CUSTOM = "custom";

/**
 * "Remind me later" (sharing without the LinkedIn API): keeps the prepared post and, at the time
 * picked — a preset or a date and time in the person's zone — rings the bell and emails a one-tap
 * link back to it.
 */
export function RemindLater({
  itemId,
  text,
  startedFrom,
  language,
  disabled,
  timeZone,
  locale,
  defaultNetwork = "LINKEDIN",
}: {
  itemId: string;
  text: string;
  startedFrom: string | null;
  language: string;
  disabled: boolean;
  timeZone: string;
  locale: string;
  defaultNetwork?: SocialNetwork;
}) {
  const presets = useMemo(() => reminderPresets(new Date(), timeZone), [timeZone]);
  const [network, setNetwork] = useState<SocialNetwork>(defaultNetwork);
  const [choice, setChoice] = useState<string>(presets[0]?.key ?? CUSTOM);
  const [local, setLocal] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [timeError, setTimeError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function remind() {
    setError(null);
    setTimeError(null);
    const at =
      choice === CUSTOM
        ? zonedLocalToUtc(local, timeZone)
        : presets.find((p) => p.key === choice)?.at;
    if (!at) {
      setTimeError("Pick the date and time to be reminded.");
      return;
    }
    setBusy(true);
    const result = await apiFetch<{ reminder: { remindAt: string } }>("/api/reminders", {
      method: "POST",
      body: { itemId, network, text, startedFrom, language, remindAt: at },
    });
    setBusy(false);
    if (!result.ok) {
      if (result.fields?.remindAt) setTimeError(result.fields.remindAt);
      else setError(result.message);
      return;
    }
    setSaved(
      `We'll remind you on ${formatDate(result.data.reminder.remindAt, "dateTime", { locale, timeZone })} (${timeZone.replaceAll("_", " ")} time) with a link back to this post, ready to share on ${networkLabel(network)}.`,
    );
  }

  return (
    <fieldset className="space-y-3 rounded-md p-3 ring-1 ring-slate-200 dark:ring-slate-700">
      <legend className="px-1 text-sm font-medium">Remind me later</legend>
      {saved ? (
        <Alert tone="success">
          <strong>Reminder set.</strong> {saved}{" "}
          <Link href="/activity" className="font-medium underline">
            See or cancel it in My activity
          </Link>
        </Alert>
      ) : (
        <>
          <div className="text-sm">
            <label htmlFor="remind-network" className="block font-medium">
              Share on
            </label>
            <select
              id="remind-network"
              value={network}
              onChange={(e) => setNetwork(e.target.value as SocialNetwork)}
              className="mt-1 min-h-11 rounded-md px-2 py-1.5 ring-1 ring-slate-300 dark:bg-slate-900 dark:ring-slate-600"
            >
              {SOCIAL_NETWORKS.filter((n) => n !== "OTHER").map((n) => (
                <option key={n} value={n}>
                  {networkLabel(n)}
                </option>
              ))}
            </select>
          </div>
          <div
            role="radiogroup"
            aria-label="When"
            className="flex flex-wrap gap-x-4 gap-y-2 text-sm"
          >
            {[
              ...presets.map((p) => ({ key: p.key, label: p.label })),
              { key: CUSTOM, label: "Pick a time" },
            ].map((option) => (
              <label key={option.key} className="flex min-h-11 items-center gap-2">
                <input
                  type="radio"
                  name="remind-when"
                  value={option.key}
                  checked={choice === option.key}
                  onChange={() => {
                    setChoice(option.key);
                    if (option.key === CUSTOM && !local) {
                      setLocal(utcToZonedLocal(new Date(Date.now() + 3_600_000), timeZone));
                    }
                  }}
                />
                {option.label}
              </label>
            ))}
          </div>
          {choice === CUSTOM ? (
            <div className="text-sm">
              <label htmlFor="remind-at" className="block font-medium">
                When ({timeZone.replaceAll("_", " ")} time)
              </label>
              <input
                id="remind-at"
                type="datetime-local"
                value={local}
                min={utcToZonedLocal(new Date(), timeZone)}
                onChange={(e) => setLocal(e.target.value)}
                aria-invalid={timeError ? true : undefined}
                aria-describedby={timeError ? "remind-at-error" : undefined}
                className="mt-1 min-h-11 rounded-md px-2 py-1.5 ring-1 ring-slate-300 dark:bg-slate-900 dark:ring-slate-600"
              />
            </div>
          ) : null}
          {timeError ? (
            <p id="remind-at-error" className="text-sm text-red-700 dark:text-red-300">
              {timeError}
            </p>
          ) : null}
          {error ? <Alert tone="error">{error}</Alert> : null}
          <Button
            variant="secondary"
            onClick={remind}
            disabled={disabled || busy}
            className="min-h-11"
          >
            {busy ? "Setting the reminder…" : "Remind me"}
          </Button>
        </>
      )}
    </fieldset>
  );
}
