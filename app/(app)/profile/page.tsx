import type { Metadata } from "next";
import { ProfileForm } from "@/components/people/profile-form";
import { EmailPreferencesCard } from "@/components/email/email-preferences-card";
import { LinkedInCard } from "@/components/linkedin/linkedin-card";
import { Card, PageHeader } from "@/components/ui/card";
import { LeaderboardOptOut } from "@/components/recognition/leaderboard-opt-out";
import { getLeaderboardOptOut } from "@/lib/domains/recognition/set-leaderboard-opt-out";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { getProfile } from "@/lib/domains/people/update-profile";
import { connectionStatusFor } from "@/lib/domains/linkedin/connection";
import { CONNECT_MESSAGES, type ConnectOutcome } from "@/lib/domains/linkedin/connect-linkedin";
import { requestDateFormat } from "@/lib/core/http/request-date-format";
import { FollowTopicsForm } from "@/components/topics/follow-topics-form";
import { listFollowedTopics } from "@/lib/domains/topics/follow-topics";
import { listTopics } from "@/lib/domains/topics/list-topics";
import { PushSettingsSection } from "@/components/push/push-settings";
import { getPushSettings } from "@/lib/domains/push/get-push-settings";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await requirePageAccess("profile:update");
  const [profile, linkedin, params] = await Promise.all([
    getProfile(access),
    connectionStatusFor(access),
    searchParams,
  ]);
  const [topics, followed] = await Promise.all([
    listTopics(access.orgId),
    listFollowedTopics(access),
  ]);
  // Only known outcome codes are shown, as fixed text: nothing from the URL is reflected.
  const code = typeof params.linkedin === "string" ? params.linkedin : null;
  const outcome = code && Object.hasOwn(CONNECT_MESSAGES, code) ? (code as ConnectOutcome) : null;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader
        title="Your profile"
        description={`How you appear to colleagues at ${access.org.name}, and what your page shows. Signed in as ${profile.email}.`}
      />
      <Card>
        <ProfileForm profile={profile} />
      </Card>
      <Card>
        <FollowTopicsForm topics={topics} followedIds={followed.map((t) => t.id)} />
      </Card>
      <Card>
        <LinkedInCard
          status={linkedin}
          outcome={outcome}
          dates={await requestDateFormat(access.org.timeZone)}
        />
      </Card>
      <Card>
        <PushSettingsSection settings={await getPushSettings(access)} />
      </Card>
      <EmailPreferencesCard access={access} />
      <Card>
        <LeaderboardOptOut optOut={await getLeaderboardOptOut(access)} />
      </Card>
    </div>
  );
}
