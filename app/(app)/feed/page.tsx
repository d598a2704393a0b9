import type { Metadata } from "next";
import Link from "next/link";
import { ActiveCampaigns } from "@/components/campaigns/active-campaigns";
import { FeedCard } from "@/components/feed/feed-card";
import { FeedFilters } from "@/components/feed/feed-filters";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/domains/access/permissions";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { listForYouFeed, type FeedOrder } from "@/lib/domains/sharing/list-for-you-feed";
import { GOALS, VALUE_TYPES } from "@/lib/domains/content/value-types";
import { getMemberTeams } from "@/lib/domains/members/get-member-teams";
import { dateFormatter } from "@/lib/core/time/format-date";
import { requestDateFormat } from "@/lib/core/http/request-date-format";
import { OnboardingTopicsPanel } from "@/components/topics/onboarding-topics-panel";
import { onboardingTopics } from "@/lib/domains/topics/complete-onboarding";

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
  const filtered = Boolean(valueType || goal);
  const order: FeedOrder = params.order === "newest" ? "newest" : "for-you";
  const [items, teams] = await Promise.all([
    listForYouFeed(access, { valueType, goal, order }),
    getMemberTeams(access.orgId, access.membershipId),
  ]);
  const date = dateFormatter("date", await requestDateFormat(access.org.timeZone));
  const firstName = access.user.name.split(" ")[0];
  const canSuggest = can(access.role, "suggestions:create");
  const canShare = can(access.role, "shares:create");
  const teamList = new Intl.ListFormat("en-GB").format(teams.map((t) => t.name));
  const askTopics = await onboardingTopics(access);

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
      {askTopics ? <OnboardingTopicsPanel topics={askTopics} /> : null}
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
                When your comms team publishes posts for{" "}
                {teams.length ? teamList : "your organisation"}, they appear here, ready for you to
                put in your own words.
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
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
