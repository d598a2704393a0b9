"use client";

import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";
import {
  EMAIL_CATEGORY_LABELS,
  OPTIONAL_EMAIL_CATEGORIES,
  type OptionalEmailCategory,
} from "@/lib/domains/email/categories";

/** Which optional emails the person receives; saved with PUT /api/email/preferences. */
export function EmailPreferences({ optOuts, isAdmin }: { optOuts: string[]; isAdmin: boolean }) {
  const categories = OPTIONAL_EMAIL_CATEGORIES.filter((c) => isAdmin || c !== "approvals");
  const [wanted, setWanted] = useState(
    () => new Set(OPTIONAL_EMAIL_CATEGORIES.filter((c) => !optOuts.includes(c))),
  );
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState(false);

  function toggle(category: OptionalEmailCategory, on: boolean) {
    setWanted((prev) => {
      const next = new Set(prev);
      if (on) next.add(category);
      else next.delete(category);
      return next;
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await apiFetch<{ optOuts: string[] }>("/api/email/preferences", {
      method: "PUT",
      body: { optOuts: OPTIONAL_EMAIL_CATEGORIES.filter((c) => !wanted.has(c)) },
    });
    setPending(false);
    setNotice(
      result.ok
        ? { tone: "success", text: "Email preferences saved." }
        : { tone: "error", text: result.message },
    );
  }

  return (
    <form onSubmit={submit} aria-labelledby="email-preferences-title">
      <h2 id="email-preferences-title" className="text-lg font-semibold">
        Email
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Which emails Chorus sends you. Invitations are always sent.
      </p>
      <fieldset className="mt-4 space-y-3">
        <legend className="sr-only">Emails you receive</legend>
        {categories.map((category) => (
          <label key={category} className="flex items-start gap-3 pointer-coarse:min-h-11">
            <input
              type="checkbox"
              className="mt-1 h-4 w-4"
              checked={wanted.has(category)}
              onChange={(e) => toggle(category, e.target.checked)}
            />
            <span>
              <span className="block text-sm font-medium">
                {EMAIL_CATEGORY_LABELS[category].label}
              </span>
              <span className="block text-sm text-slate-600 dark:text-slate-400">
                {EMAIL_CATEGORY_LABELS[category].description}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="mt-4 flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save email preferences"}
        </Button>
      </div>
      <LiveNotice notice={notice} className="mt-3" />
    </form>
  );
}
