"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { CheckboxList } from "@/components/admin/checkbox-list";
import { LiveNotice, type Notice } from "@/components/admin/live-notice";
import { Button } from "@/components/ui/button";

export interface TopicOption {
  id: string;
  name: string;
}

/** The topics a person follows, on their profile: a checkbox per topic, saved together. */
export function FollowTopicsForm({
  topics,
  followedIds,
}: {
  topics: TopicOption[];
  followedIds: string[];
}) {
  const router = useRouter();
  const [selected, setSelected] = useState(followedIds);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await apiFetch("/api/profile/topics", {
      method: "PUT",
      body: { topicIds: selected },
    });
    setPending(false);
    if (!result.ok) {
      setFields(result.fields ?? {});
      setNotice({ tone: "error", text: result.message });
      return;
    }
    setFields({});
    setNotice({
      tone: "success",
      text: selected.length
        ? `You follow ${selected.length} topic${selected.length === 1 ? "" : "s"}.`
        : "You follow no topics.",
    });
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-labelledby="follow-topics-title">
      <div>
        <h2 id="follow-topics-title" className="text-lg font-semibold">
          Topics you follow
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Posts about these topics come first in your feed, and you hear when a new one goes live.
        </p>
      </div>
      <CheckboxList
        legend="Topics"
        options={topics.map((t) => ({ id: t.id, label: t.name }))}
        selected={selected}
        onChange={setSelected}
        emptyText="Your organisation has no topics yet."
        error={fields.topicIds}
      />
      {topics.length ? (
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save topics"}
        </Button>
      ) : null}
      <LiveNotice notice={notice} />
    </form>
  );
}
