import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ActiveCampaigns } from "@/components/campaigns/active-campaigns";
import { listItemCampaigns } from "@/lib/domains/campaigns/list-item-campaigns";
import { FeedCard } from "@/components/feed/feed-card";
import { FeedFilters, type FeedFilterState } from "@/components/feed/feed-filters";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/domains/access/permissions";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import type { Access } from "@/lib/domains/access/resolve-access";
import { listForYouFeed, type FeedOrder } from "@/lib/domains/sharing/list-for-you-feed";
import { GOALS, VALUE_TYPES } from "@/lib/domains/content/value-types";
import { getMemberTeams } from "@/lib/domains/members/get-member-teams";
import { dateFormatter } from "@/lib/core/time/format-date";
import { requestDateFormat } from "@/lib/core/http/request-date-format";
import { OnboardingTopicsPanel } from "@/components/topics/onboarding-topics-panel";
import { onboardingTopics } from "@/lib/domains/topics/complete-onboarding";
import { PushPrompt } from "@/components/push/push-prompt";
import { shouldAskForPush } from "@/lib/domains/push/should-ask-for-push";

export const metadata: Metadata = { title: "Feed" };

type SearchParams = Record<string, string | string[] | undefined>;

function pick<T extends string>(ids: readonly T[], value: string | string[] | undefined) {
  const v = (Array.isArray(value) ? value[0] : value)?.toUpperCase();
  return ids.find((id) => id === v);
}

export default async function FeedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const access = await requirePageAccess("feed:read");
  const params = await searchParams;
  const valueType = pick(
    VALUE_TYPES.map((v) => v.id),
    params.valueType,
  );
  const goal = pick(
    GOALS.map((g) => g.id),
    params.goal,
  );
  const order: FeedOrder = params.order === "newest" ? "newest" : "for-you";
  const teams = await getMemberTeams(access.orgId, access.membershipId);
  const firstName = access.user.name.split(" ")[0];
  const canSuggest = can(access, "suggestions:create");
  const teamList = new Intl.ListFormat("en-GB").format(teams.map((t) => t.name));

  // The greeting goes out at once; the filters and posts stream in behind it (Suspense), so the
  // page paints while the feed is still being ranked (phone budget: LCP ≤ 1 s, README "Phone app").
  return (
    <div>
      <PageHeader
        title={`Hi ${firstName}`}
        description={
          teams.length
            ? `${access.org.name} publishes posts for ${teamList} and for everyone: make them your own and share them.`
            : `Posts from ${access.org.name} that you can make your own and share.`
        }
        actions={
          canSuggest ? (
            <Link href="/suggest" className={buttonClass("secondary")}>
              Suggest a story
            </Link>
          ) : null
        }
      />
      <Suspense fallback={<FeedSkeleton />}>
        <FeedPosts
          access={access}
          filters={{ valueType, goal, order }}
          teamList={teams.length ? teamList : null}
          canSuggest={canSuggest}
        />
      </Suspense>
    </div>
  );
}

/** While the posts load: the filters' and cards' outlines, and a status for screen readers. */
function FeedSkeleton() {
  return (
    <div>
      <p role="status" className="sr-only">
        Loading your feed…
      </p>
      <div aria-hidden="true" className="motion-safe:animate-pulse">
        <div className="mb-section h-11 w-full max-w-md rounded-lg bg-slate-200 dark:bg-slate-800" />
        <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-2">
          {[0, 1].map((i) => (
            <div key={i} className="h-72 rounded-xl bg-slate-200 dark:bg-slate-800" />
          ))}
        </div>
      </div>
    </div>
  );
}

async function FeedPosts({
  access,
  filters,
  teamList,
  canSuggest,
}: {
  access: Access;
  filters: FeedFilterState;
  teamList: string | null;
  canSuggest: boolean;
}) {
  const { valueType, goal, order } = filters;
  const filtered = Boolean(valueType || goal);
  const canShare = can(access, "shares:create");
  const [items, dateFormat, askTopics] = await Promise.all([
    listForYouFeed(access, { valueType, goal, order }),
    requestDateFormat(access.org.timeZone),
    onboardingTopics(access),
  ]);
  const date = dateFormatter("date", dateFormat);
  const [campaignsOf, pushKey] = await Promise.all([
    listItemCampaigns(
      access.orgId,
      items.map((i) => i.id),
    ),
    // Asked once, after a first share; never together with the topics question.
    askTopics ? null : shouldAskForPush(access),
  ]);

  return (
    <>
      {askTopics ? <OnboardingTopicsPanel topics={askTopics} /> : null}
      {pushKey ? <PushPrompt publicKey={pushKey} /> : null}
      <ActiveCampaigns access={access} />
      <div className="mb-section">
        <FeedFilters state={{ valueType, goal, order }} />
      </div>
      <p role="status" className="sr-only">
        {items.length} post{items.length === 1 ? "" : "s"}
        {filtered ? " match the filters" : " in your feed"}.
      </p>
      {items.length === 0 ? (
        <Card className="text-center">
          {filtered ? (
            <>
              <h2 className="text-lg font-medium">No posts match these filters</h2>
              <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
                <Link
                  href="/feed"
                  className="font-medium text-brand-700 underline dark:text-brand-100"
                >
                  Show all posts
                </Link>
              </p>
            </>
          ) : (
            <>
              <h2 className="text-lg font-medium">Nothing to share yet</h2>
              <p className="mx-auto mt-2 max-w-prose text-sm text-slate-600 dark:text-slate-400">
                When your comms team publishes posts for {teamList ?? "your organisation"}, they
                appear here, ready for you to put in your own words.
              </p>
              {canSuggest ? (
                <p className="mt-4">
                  <Link href="/suggest" className={buttonClass("primary")}>
                    Suggest a story
                  </Link>
                </p>
              ) : null}
            </>
          )}
        </Card>
      ) : (
        <ul className="grid grid-cols-1 items-start gap-6 xl:grid-cols-2">
          {items.map((item) => (
            <li key={item.id}>
              <FeedCard
                item={item}
                publishedLabel={item.publishedAt ? date.format(item.publishedAt) : null}
                expiresLabel={item.expireAt ? date.format(item.expireAt) : null}
                canShare={canShare}
                reason={item.reason}
                sharedCount={item.sharedCount}
                campaigns={campaignsOf.get(item.id)}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
