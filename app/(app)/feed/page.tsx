import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/access/require-page-access";
import { getMemberTeams } from "@/lib/members/get-member-teams";

export const metadata: Metadata = { title: "Feed" };

export default async function FeedPage() {
  const access = await requirePageAccess("feed:read");
  const teams = await getMemberTeams(access.orgId, access.membershipId);
  const firstName = access.user.name.split(" ")[0];
  return (
    <>
      <PageHeader
        title={`Hi ${firstName}`}
        description={`Posts from ${access.org.name} that you can make your own and share.`}
      />
      <Card className="text-center">
        <h2 className="text-lg font-medium">Nothing to share yet</h2>
        <p className="mx-auto mt-2 max-w-prose text-sm text-slate-600 dark:text-slate-400">
          When your comms team publishes posts for{" "}
          {teams.length ? teams.map((t) => t.name).join(", ") : "your organisation"}, they appear
          here, ready for you to put in your own words.
        </p>
      </Card>
    </>
  );
}
