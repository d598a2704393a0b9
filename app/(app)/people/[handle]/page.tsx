import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import { ValueTypeChip } from "@/components/content/badges";
import { FoldedText } from "@/components/content/folded-text";
import { Avatar } from "@/components/people/avatar";
import { StatTiles } from "@/components/people/stat-tiles";
import { ValueTypeMix } from "@/components/people/value-type-mix";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { MemberBadges } from "@/components/recognition/member-badges";
import { can } from "@/lib/domains/access/permissions";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { AppError } from "@/lib/core/errors/app-error";
import { getPersonPage } from "@/lib/domains/people/get-person-page";
import {
  PAGE_SECTIONS,
  sectionList,
  splitVisibility,
  type PageSection,
} from "@/lib/domains/people/page-sections";
import { personalMixHint } from "@/lib/domains/people/personal-mix-hint";
import { dateFormatter } from "@/lib/core/time/format-date";
import { requestDateFormat } from "@/lib/core/http/request-date-format";
import { ImpactPanel } from "@/components/people/impact-panel";
import { readAnalyticsParams, type SearchParams } from "@/lib/domains/analytics/analytics-params";

type Params = Promise<{ handle: string }>;
type Search = Promise<SearchParams>;

/** The impact period of the query string (?range=7d|30d|90d or custom dates), as a cache key. */
async function periodKey(searchParams: Search): Promise<string> {
  const { range, from, to } = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  return new URLSearchParams({ range: first(range), from: first(from), to: first(to) }).toString();
}

/** One look-up per request, shared by the metadata and the page; null for an unknown handle. */
const loadPerson = cache(async (handle: string, period: string) => {
  const access = await requirePageAccess("org:read");
  const { params } = readAnalyticsParams(
    Object.fromEntries(new URLSearchParams(period)),
    access.org.timeZone,
  );
  try {
    return {
      access,
      preset: params.preset,
      person: await getPersonPage(access, handle, new Date(), { range: params.range }),
    };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
});

export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Search;
}): Promise<Metadata> {
  const loaded = await loadPerson((await params).handle, await periodKey(searchParams));
  return { title: loaded ? loaded.person.name : "Page not found" };
}

const link = "touch-area font-medium text-brand-700 underline dark:text-brand-100";
const muted = "text-sm text-slate-600 dark:text-slate-400";
const label = (id: PageSection) => PAGE_SECTIONS.find((s) => s.id === id)!.label;

function Section({
  id,
  onlyYou,
  children,
}: {
  id: PageSection;
  /** The person sees a section colleagues don't: say so. */
  onlyYou: boolean;
  children: ReactNode;
}) {
  const titleId = `section-${id}`;
  return (
    <section aria-labelledby={titleId}>
      <Card className="space-y-4">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id={titleId} className="text-lg font-semibold">
            {label(id)}
          </h2>
          {onlyYou ? (
            <span className="inline-flex items-center rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600">
              Only you see this
            </span>
          ) : null}
        </div>
        {children}
      </Card>
    </section>
  );
}

export default async function PersonPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Search;
}) {
  const loaded = await loadPerson((await params).handle, await periodKey(searchParams));
  if (!loaded) notFound();
  const { access, person, preset } = loaded;
  const { isSelf, visibility } = person;
  const firstName = person.name.split(" ")[0] ?? person.name;
  const date = dateFormatter("date", await requestDateFormat(access.org.timeZone));
  const onlyYou = (id: PageSection) => isSelf && !visibility[id];
  const { shown, hidden } = splitVisibility(visibility);
  const nothingShown = !person.stories && !person.shares && !person.mix && !person.reach;
  const details = [person.title, person.location].filter(Boolean);

  return (
    <div className="space-y-6">
      <Card className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <Avatar name={person.name} size="lg" />
        <div className="min-w-0 flex-1 space-y-2">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">{person.name}</h1>
            {person.headline ? (
              <p className="mt-1 text-slate-700 dark:text-slate-300">{person.headline}</p>
            ) : isSelf ? (
              <p className={`mt-1 ${muted}`}>
                No headline yet.{" "}
                <Link href="/profile" className={link}>
                  Add your LinkedIn headline
                </Link>
              </p>
            ) : null}
          </div>
          {details.length ? <p className={muted}>{details.join(" · ")}</p> : null}
          {person.teams.length ? (
            <ul aria-label="Teams" className="flex flex-wrap gap-1.5">
              {person.teams.map((team) => (
                <li
                  key={team.id}
                  className="rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-medium text-brand-700 ring-1 ring-inset ring-brand-100 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600"
                >
                  {team.name}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        {isSelf ? (
          <Link href="/profile" className={`${buttonClass("secondary")} shrink-0`}>
            Edit profile
          </Link>
        ) : null}
      </Card>

      {isSelf ? (
        <div className="rounded-md bg-brand-50 px-4 py-3 text-sm text-brand-700 ring-1 ring-inset ring-brand-100 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-700">
          <p>
            <span className="font-semibold">This is your page.</span> Colleagues see your name,
            headline, title and teams, and {sectionList(shown)}.
            {hidden.length ? ` Only you see ${sectionList(hidden)}.` : null}
          </p>
          <p className="mt-1">
            <Link href="/profile#visibility" className={link}>
              Choose what colleagues see
            </Link>
          </p>
        </div>
      ) : null}

      <MemberBadges
        orgId={access.orgId}
        member={{ handle: person.handle ?? "" }}
        isSelf={isSelf}
        firstName={firstName}
        dates={await requestDateFormat(access.org.timeZone)}
      />
      {nothingShown ? (
        <Card>
          <p className={muted}>{firstName} keeps the rest of their page to themselves.</p>
        </Card>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
          <div className="min-w-0 space-y-6">
            {person.stories ? (
              <Section id="stories" onlyYou={onlyYou("stories")}>
                {person.stories.length === 0 ? (
                  <p className={muted}>
                    {isSelf ? (
                      <>
                        None yet. When a story you suggest becomes a post, it shows here.
                        {can(access, "suggestions:create") ? (
                          <>
                            {" "}
                            <Link href="/suggest" className={link}>
                              Suggest a story
                            </Link>
                          </>
                        ) : null}
                      </>
                    ) : (
                      `None of ${firstName}'s story ideas have been published yet.`
                    )}
                  </p>
                ) : (
                  <ul className="divide-y divide-slate-100 dark:divide-slate-800">
                    {person.stories.map((story) => (
                      <li
                        key={story.id}
                        className="flex flex-wrap items-center justify-between gap-2 py-2 first:pt-0 last:pb-0"
                      >
                        <span className="font-medium">{story.title}</span>
                        <span className="flex items-center gap-2">
                          <ValueTypeChip valueType={story.valueType} />
                          {story.publishedAt ? (
                            <time dateTime={story.publishedAt.toISOString()} className={muted}>
                              {date.format(story.publishedAt)}
                            </time>
                          ) : null}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </Section>
            ) : null}

            {person.shares ? (
              <Section id="shares" onlyYou={onlyYou("shares")}>
                {person.shares.length === 0 ? (
                  <p className={muted}>
                    {isSelf ? (
                      <>
                        Nothing yet.{" "}
                        <Link href="/feed" className={link}>
                          Find a post to share in your feed
                        </Link>
                      </>
                    ) : (
                      `${firstName} hasn't shared anything yet.`
                    )}
                  </p>
                ) : (
                  <ol aria-label="Recent shares, newest first" className="space-y-5">
                    {person.shares.map((share) => (
                      <li key={share.id} className="space-y-2">
                        <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                          <h3 className="font-medium leading-snug">{share.item.title}</h3>
                          <time dateTime={share.createdAt.toISOString()} className={muted}>
                            {date.format(share.createdAt)}
                          </time>
                        </div>
                        <ValueTypeChip valueType={share.item.valueType} />
                        <FoldedText
                          text={share.text}
                          className="rounded-md bg-slate-50 px-3 py-2 text-sm leading-relaxed dark:bg-slate-800/60"
                        />
                      </li>
                    ))}
                  </ol>
                )}
                {isSelf && person.shares.length ? (
                  <p className="text-sm">
                    <Link href="/activity" className={link}>
                      All your shares and their tracked links
                    </Link>
                  </p>
                ) : null}
              </Section>
            ) : null}
          </div>

          <div className="min-w-0 space-y-6">
            {person.mix ? (
              <Section id="mix" onlyYou={onlyYou("mix")}>
                {person.mix.total === 0 ? (
                  <p className={muted}>
                    Once {isSelf ? "you share" : `${firstName} shares`} posts, this shows how they
                    split across value types.
                  </p>
                ) : (
                  <ValueTypeMix
                    valueTypes={person.mix.valueTypes}
                    hint={isSelf ? personalMixHint(person.mix) : null}
                    caption={`${isSelf ? "Your" : `${firstName}'s`} shares by value type`}
                  />
                )}
              </Section>
            ) : null}

            {person.reach ? (
              <Section id="reach" onlyYou={onlyYou("reach")}>
                <StatTiles
                  columns={2}
                  tile="inset"
                  stats={[
                    { label: "Shares", value: person.reach.shares.toLocaleString("en") },
                    {
                      label: "Weekly streak",
                      value:
                        person.reach.streakWeeks > 0
                          ? `${person.reach.streakWeeks} week${person.reach.streakWeeks === 1 ? "" : "s"}`
                          : "—",
                      note: "Weeks in a row with at least one share.",
                    },
                    {
                      label: "Network size",
                      value:
                        person.reach.networkSize === null
                          ? "—"
                          : person.reach.networkSize.toLocaleString("en"),
                      note:
                        person.reach.networkSize === null ? (
                          isSelf ? (
                            <Link href="/profile" className={link}>
                              Add your network size
                            </Link>
                          ) : (
                            "Not shared."
                          )
                        ) : (
                          "LinkedIn connections and followers."
                        ),
                    },
                    {
                      label: "Clicks",
                      value: person.reach.clicks.toLocaleString("en"),
                      note: "Clicks on tracked links, bots not counted.",
                    },
                  ]}
                />
              </Section>
            ) : null}
          </div>
        </div>
      )}

      {person.impact ? (
        <section aria-labelledby="section-impact">
          <Card className="space-y-4">
            <div className="flex flex-wrap items-center gap-2">
              <h2 id="section-impact" className="text-lg font-semibold">
                {isSelf ? "Your impact" : `${firstName}'s impact`}
              </h2>
              {onlyYou("reach") ? (
                <span className="inline-flex items-center rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600">
                  Only you see this
                </span>
              ) : null}
            </div>
            <ImpactPanel
              impact={person.impact}
              basePath={`/people/${person.handle}`}
              preset={preset}
              owner={isSelf ? "your" : `${firstName}'s`}
              showShares={isSelf || visibility.shares}
              showMix={isSelf || visibility.mix}
              locale={(await requestDateFormat(access.org.timeZone)).locale}
            />
          </Card>
        </section>
      ) : null}
    </div>
  );
}
