"use client";

import { plural, TOPIC_KIND } from "@/components/admin/named-records/named-record-kind";
import { NamedRecordsTable } from "@/components/admin/named-records/named-records-table";
import type { TopicUsage } from "@/lib/domains/topics/list-topics";

/** What deleting a topic does, said before the admin confirms. */
function deleteConsequences(t: TopicUsage): string {
  const parts = [
    t.itemCount ? `${plural(t.itemCount, "post", "posts")} will lose the topic` : "",
    t.followerCount
      ? `${plural(t.followerCount, "person", "people")} will no longer follow it`
      : "",
  ].filter(Boolean);
  return parts.length ? `${parts.join("; ")}.` : "No post carries it and nobody follows it.";
}

/** Every topic with the posts that carry it and its followers. */
export function TopicsTable({ topics }: { topics: TopicUsage[] }) {
  return (
    <NamedRecordsTable
      kind={TOPIC_KIND}
      countHeaders={["Posts", "Followers"]}
      rows={topics.map((t) => ({
        id: t.id,
        name: t.name,
        counts: [t.itemCount, t.followerCount],
        deleteConsequences: deleteConsequences(t),
      }))}
    />
  );
}
