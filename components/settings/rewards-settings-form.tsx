"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import {
  MAX_INCENTIVE_DISCLOSURE_CHARS,
  MAX_REWARDS_NOTE_CHARS,
  type RewardsSettingsView,
} from "@/lib/domains/settings/rewards-rules";

/**
 * Rewards for sharing and the disclosure they oblige: while rewards are on, every share made
 * through Chorus carries the disclosure (added to the composer's text, checked on the server).
 */
export function RewardsSettingsForm({ settings }: { settings: RewardsSettingsView }) {
  const router = useRouter();
  const id = useId();
  const noticeRef = useRef<HTMLDivElement>(null);
  const [enabled, setEnabled] = useState(settings.rewardsEnabled);
  const [note, setNote] = useState(settings.rewardsNote ?? "");
  const [disclosure, setDisclosure] = useState(settings.incentiveDisclosure);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setFields({});
    const result = await apiFetch<{ settings: RewardsSettingsView }>("/api/settings/rewards", {
      method: "PATCH",
      body: {
        rewardsEnabled: enabled,
        rewardsNote: note.trim() || null,
        incentiveDisclosure: disclosure.trim(),
      },
    });
    setPending(false);
    if (!result.ok) {
      setFields(result.fields ?? {});
      setNotice({ tone: "error", text: result.message });
      focusNoticeSoon(noticeRef);
      return;
    }
    const saved = result.data.settings;
    setEnabled(saved.rewardsEnabled);
    setNote(saved.rewardsNote ?? "");
    setDisclosure(saved.incentiveDisclosure);
    setNotice({
      tone: "success",
      text: saved.rewardsEnabled
        ? "Rewards are on: every new share carries the disclosure."
        : "Rewards settings saved. Rewards are off: shares need no reward disclosure.",
    });
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-labelledby={`${id}-title`}>
      <div>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Rewards
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          If people can win or earn something for sharing, their posts must say so: advertising
          rules (the FTC endorsement guides in the US, the ASA/CAP code in the UK) treat a rewarded
          post as an endorsement. While rewards are on, Chorus adds your disclosure to every post
          and refuses shares without it.
        </p>
      </div>
      <div className="space-y-1">
        <label className="flex items-start gap-2 text-sm font-medium">
          <input
            type="checkbox"
            checked={enabled}
            onChange={(e) => setEnabled(e.target.checked)}
            aria-describedby={`${id}-enabled-hint`}
            className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600"
          />
          Reward people for sharing
        </label>
        <p id={`${id}-enabled-hint`} className="pl-6 text-xs text-slate-600 dark:text-slate-400">
          Turn this on when there is a prize, a draw, a gift or any other reward for sharing.
        </p>
      </div>
      <TextField
        label="What the reward is (shown to employees)"
        value={note}
        maxLength={MAX_REWARDS_NOTE_CHARS}
        onChange={(e) => setNote(e.target.value)}
        error={fields.rewardsNote}
        hint="E.g. “Monthly prize draw among everyone who shared”. Employees see it next to the disclosure."
        autoComplete="off"
      />
      <TextField
        label="Reward disclosure"
        value={disclosure}
        maxLength={MAX_INCENTIVE_DISCLOSURE_CHARS}
        onChange={(e) => setDisclosure(e.target.value)}
        error={fields.incentiveDisclosure}
        hint={`Added to every shared post while rewards are on, e.g. “I may be rewarded for sharing. #employee”. At most ${MAX_INCENTIVE_DISCLOSURE_CHARS} characters.`}
        autoComplete="off"
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save rewards"}
      </Button>
      <LiveNotice notice={notice} ref={noticeRef} />
    </form>
  );
}
