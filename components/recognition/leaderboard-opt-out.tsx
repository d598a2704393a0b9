"use client";

import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { LiveNotice, type Notice } from "@/components/admin/live-notice";

/** The profile's leaderboard choice: a checkbox saved at once (PUT /api/profile/leaderboard). */
export function LeaderboardOptOut({ optOut }: { optOut: boolean }) {
  const [hidden, setHidden] = useState(optOut);
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  async function change(next: boolean) {
    setPending(true);
    setHidden(next);
    const result = await apiFetch<{ optOut: boolean }>("/api/profile/leaderboard", {
      method: "PUT",
      body: { optOut: next },
    });
    setPending(false);
    if (!result.ok) {
      setHidden(!next);
      setNotice({ tone: "error", text: result.message });
      return;
    }
    setHidden(result.data.optOut);
    setNotice({
      tone: "success",
      text: result.data.optOut
        ? "You no longer appear on leaderboards. You still see your own points."
        : "You appear on leaderboards again.",
    });
  }

  return (
    <section aria-labelledby="leaderboard-title" id="leaderboard">
      <h2 id="leaderboard-title" className="text-lg font-semibold">
        Leaderboards
      </h2>
      <label className="mt-3 flex items-start gap-3">
        <input
          type="checkbox"
          className="mt-1 h-4 w-4"
          checked={hidden}
          disabled={pending}
          onChange={(e) => void change(e.target.checked)}
        />
        <span>
          <span className="block text-sm font-medium">Don&apos;t show me on leaderboards</span>
          <span className="block text-sm text-slate-600 dark:text-slate-400">
            Colleagues won&apos;t see you in any ranking. You still earn points and badges and see
            where you would stand.
          </span>
        </span>
      </label>
      <LiveNotice notice={notice} className="mt-3" />
    </section>
  );
}
