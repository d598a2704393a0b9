import type { Metadata } from "next";
import { StudioBreadcrumb } from "@/components/studio/breadcrumb";
import { ContentEditor } from "@/components/studio/content-editor";
import { PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { getMemberProfile } from "@/lib/domains/members/get-member-profile";
import { listLocations } from "@/lib/domains/orgs/list-locations";
import { listTeams } from "@/lib/domains/teams/list-teams";
import { listTopics } from "@/lib/domains/topics/list-topics";

export const metadata: Metadata = { title: "New post · Studio" };

export default async function NewPostPage() {
  const access = await requirePageAccess("content:manage");
  const [teams, locations, author, topics] = await Promise.all([
    listTeams(access.orgId),
    listLocations(access.orgId),
    getMemberProfile(access.membershipId),
    listTopics(access.orgId),
  ]);
  return (
    <>
      <StudioBreadcrumb current="New post" />
      <PageHeader
        title="New post"
        description="Write the post, choose what it gives readers and who sees it, then save the draft."
      />
      <ContentEditor
        item={null}
        teams={teams.map((t) => ({ id: t.id, name: t.name }))}
        locations={locations}
        topics={topics}
        timeZone={access.org.timeZone}
        author={author}
      />
    </>
  );
}
