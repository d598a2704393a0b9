import type { Metadata } from "next";
import { CreateNamedRecordForm } from "@/components/admin/named-records/create-named-record-form";
import { TOPIC_KIND } from "@/components/admin/named-records/named-record-kind";
import { TopicsTable } from "@/components/admin/topics/topics-table";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { listTopicUsage } from "@/lib/domains/topics/list-topics";

export const metadata: Metadata = { title: "Topics" };

export default async function TopicsPage() {
  const access = await requirePageAccess("content:manage");
  const topics = await listTopicUsage(access.orgId);
  return (
    <>
      <PageHeader
        title="Topics"
        description="What posts are about. Tag posts with topics in the studio; people follow topics in their profile and see those posts first in their feed."
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="topics-title" className="min-w-0 space-y-3">
          <h2 id="topics-title" className="sr-only">
            All topics
          </h2>
          {topics.length === 0 ? (
            <Card>
              <p className="text-sm text-slate-700 dark:text-slate-300">
                No topics yet. Create the first one with the form.
              </p>
            </Card>
          ) : (
            <TopicsTable topics={topics} />
          )}
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Deleting a topic removes it from its posts and from the people who follow it.
          </p>
        </section>
        <Card className="self-start">
          <CreateNamedRecordForm kind={TOPIC_KIND} />
        </Card>
      </div>
    </>
  );
}
