"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { CheckboxList } from "@/components/admin/checkbox-list";
import { LiveNotice, type Notice } from "@/components/admin/live-notice";
import type { TopicOption } from "@/components/topics/follow-topics-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/**
 * The first sign-in question, at the top of the feed: which topics to follow. Following some or
 * skipping both answer it (Membership.onboardedAt); it is not asked again. Changing the answer
 * later happens on the profile page.
 */
export function OnboardingTopicsPanel({ topics }: { topics: TopicOption[] }) {
  const router = useRouter();
  const [selected, setSelected] = useState<string[]>([]);
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState(false);

  async function answer(follow: boolean) {
    setPending(true);
    const result = follow
      ? await apiFetch("/api/profile/topics", { method: "PUT", body: { topicIds: selected } })
      : await apiFetch("/api/profile/onboarding", { method: "POST" });
    setPending(false);
    if (!result.ok) {
      setNotice({ tone: "error", text: result.message });
      return;
    }
    router.refresh();
  }

  return (
    <Card className="mb-section space-y-4">
      <section aria-labelledby="onboarding-topics-title" className="space-y-4">
        <div>
          <h2 id="onboarding-topics-title" className="text-lg font-semibold">
            What would you like to share about?
          </h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Follow a few topics and their posts come first in your feed. You can change this any
            time in your profile.
          </p>
        </div>
        <CheckboxList
          legend="Topics to follow"
          options={topics.map((t) => ({ id: t.id, label: t.name }))}
          selected={selected}
          onChange={setSelected}
        />
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => answer(true)} disabled={pending || selected.length === 0}>
            {selected.length
              ? `Follow ${selected.length} topic${selected.length === 1 ? "" : "s"}`
              : "Follow topics"}
          </Button>
          <Button variant="ghost" onClick={() => answer(false)} disabled={pending}>
            Skip for now
          </Button>
        </div>
        <LiveNotice notice={notice} />
      </section>
    </Card>
  );
}
