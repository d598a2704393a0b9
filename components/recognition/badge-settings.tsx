"use client";

import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { LiveNotice, type Notice } from "@/components/admin/live-notice";
import type { BadgeDefinitionView } from "@/lib/domains/recognition/list-badges";

/** Admin settings: every badge with a switch (PATCH /api/badges/<id>), saved at once. */
export function BadgeSettings({ badges }: { badges: BadgeDefinitionView[] }) {
  const [enabled, setEnabled] = useState(
    () => new Map(badges.map((b) => [b.id, b.enabled] as const)),
  );
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState<string | null>(null);

  async function toggle(badge: BadgeDefinitionView, on: boolean) {
    setPending(badge.id);
    const result = await apiFetch<{ badge: { id: string; enabled: boolean } }>(
      `/api/badges/${encodeURIComponent(badge.id)}`,
      { method: "PATCH", body: { enabled: on } },
    );
    setPending(null);
    if (!result.ok) {
      setNotice({ tone: "error", text: result.message });
      return;
    }
    setEnabled((prev) => new Map(prev).set(badge.id, result.data.badge.enabled));
    setNotice({
      tone: "success",
      text: `“${badge.name}” is ${result.data.badge.enabled ? "on" : "off"}.`,
    });
  }

  return (
    <section aria-labelledby="badge-settings-title">
      <h2 id="badge-settings-title" className="text-lg font-semibold">
        Badges
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Earned automatically and shown on people&apos;s pages. A badge switched off is no longer
        awarded nor shown; the awards already made come back if you switch it on again.
      </p>
      <ul className="mt-4 space-y-3">
        {badges.map((b) => (
          <li key={b.id}>
            <label className="flex items-start gap-3">
              <input
                type="checkbox"
                className="mt-1 h-4 w-4"
                checked={enabled.get(b.id) ?? false}
                disabled={pending === b.id}
                onChange={(e) => void toggle(b, e.target.checked)}
              />
              <span>
                <span className="block text-sm font-medium">{b.name}</span>
                <span className="block text-sm text-slate-600 dark:text-slate-400">
                  {b.description} Earned by {b.earnedBy.toLocaleString("en")}{" "}
                  {b.earnedBy === 1 ? "person" : "people"}.
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <LiveNotice notice={notice} className="mt-3" />
    </section>
  );
}
