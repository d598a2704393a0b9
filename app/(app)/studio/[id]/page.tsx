import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { StatusBadge } from "@/components/content/badges";
import { StudioBreadcrumb } from "@/components/studio/breadcrumb";
import { ContentEditor } from "@/components/studio/content-editor";
import type { EditorItem } from "@/components/studio/editor-types";
import { PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { contentDisplayStatus } from "@/lib/domains/content/display-status";
import { getContentItem, type ContentItemDetail } from "@/lib/domains/content/get-content-item";
import { getWorkflowOptions } from "@/lib/domains/content/get-workflow-options";
import { listChainStages } from "@/lib/domains/content/load-approval-chain";
import type { TransitionOption } from "@/lib/domains/content/workflow";
import { AppError } from "@/lib/core/errors/app-error";
import { getMemberProfile } from "@/lib/domains/members/get-member-profile";
import { listLocations } from "@/lib/domains/orgs/list-locations";
import { listTeams } from "@/lib/domains/teams/list-teams";
import { listTopics } from "@/lib/domains/topics/list-topics";
import { isAiAvailable } from "@/lib/domains/ai/get-ai-settings";
import { listOrgLanguages } from "@/lib/domains/ai/list-org-languages";
import { dateFormatter, type DateFormat } from "@/lib/core/time/format-date";
import { requestDateFormat } from "@/lib/core/http/request-date-format";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** getContentItem answers NOT_FOUND for unknown ids and other organisations' items alike. */
const findItem = cache(async (orgId: string, itemId: string) => {
  try {
    return await getContentItem(orgId, itemId);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const access = await requirePageAccess("content:manage");
  const item = await findItem(access.orgId, (await params).id);
  return { title: `${item.title} · Studio` };
}

function toEditorItem(
  item: ContentItemDetail,
  dates: DateFormat,
  transitions: TransitionOption[],
  approvalChain: boolean,
): EditorItem {
  const format = dateFormatter("dateTime", dates);
  return {
    id: item.id,
    status: item.status,
    transitions,
    authorId: item.authorId,
    title: item.title,
    body: item.body,
    language: item.language,
    linkUrl: item.linkUrl,
    linkPreview: item.linkPreview,
    hashtags: item.hashtags,
    notes: item.notes,
    valueType: item.valueType,
    goals: item.goals,
    audience: item.audience,
    topicIds: item.topicIds,
    publishAt: item.publishAt?.toISOString() ?? null,
    expireAt: item.expireAt?.toISOString() ?? null,
    captions: item.captions,
    translations: item.translations,
    images: item.images.map(({ id, url, alt }) => ({ id, url, alt })),
    history: item.history.map((h) => ({
      ...h,
      at: h.at.toISOString(),
      atLabel: format.format(h.at),
    })),
    originator: item.originator,
    approvalChain,
  };
}

export default async function EditPostPage({ params, searchParams }: Props) {
  const access = await requirePageAccess("content:manage");
  const { id } = await params;
  const { created } = await searchParams;
  const item = await findItem(access.orgId, id);
  const [teams, locations, author, transitions, topics, aiOn, stages] = await Promise.all([
    listTeams(access.orgId),
    listLocations(access.orgId),
    getMemberProfile(access.membershipId),
    getWorkflowOptions(access, item.id),
    listTopics(access.orgId),
    isAiAvailable(access.orgId),
    listChainStages(access.orgId),
  ]);
  return (
    <>
      <StudioBreadcrumb current={item.title} />
      <PageHeader
        title={item.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={contentDisplayStatus(item, new Date())} />
            {item.originator ? (
              <span>
                Story by <strong className="font-medium">{item.originator}</strong>
              </span>
            ) : null}
          </span>
        }
      />
      <ContentEditor
        key={item.id}
        item={toEditorItem(
          item,
          await requestDateFormat(access.org.timeZone),
          transitions,
          stages.length > 0,
        )}
        teams={teams.map((t) => ({ id: t.id, name: t.name }))}
        locations={locations}
        topics={topics}
        timeZone={access.org.timeZone}
        author={author}
        justCreated={created === "1"}
        ai={aiOn ? { languages: await listOrgLanguages(access.orgId) } : null}
      />
    </>
  );
}
