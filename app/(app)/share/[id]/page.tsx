import type { Metadata } from "next";
import { isAiAvailable } from "@/lib/domains/ai/get-ai-settings";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ShareComposer } from "@/components/composer/share-composer";
import { LinkedInReconnectBanner } from "@/components/linkedin/reconnect-banner";
import { Alert } from "@/components/ui/alert";
import { requirePageAccess } from "@/lib/domains/access/require-page-access";
import { getVisibleItem } from "@/lib/domains/content/list-feed-items";
import { valueTypeLabel } from "@/lib/domains/content/value-types";
import { db } from "@/lib/core/db/client";
import { AppError } from "@/lib/core/errors/app-error";
import { getOrgSettings } from "@/lib/domains/settings/get-org-settings";
import { getRewardsSettings } from "@/lib/domains/settings/get-rewards-settings";
import { requiredIncentiveDisclosure } from "@/lib/domains/settings/rewards-rules";
import { connectionStatusFor } from "@/lib/domains/linkedin/connection";
import { CONNECT_MESSAGES, parseConnectOutcome } from "@/lib/domains/linkedin/connect-linkedin";
import { countedShare } from "@/lib/domains/sharing/share-status";
import { requestDateFormat } from "@/lib/core/http/request-date-format";
import { shortLinkBase } from "@/lib/core/http/app-url";
import { trackedLinkLength } from "@/lib/domains/sharing/check-share-text";
import { findOpenReminder } from "@/lib/domains/sharing/reminders/mark-reminder-shared";

export const metadata: Metadata = { title: "Make it yours" };

/** The composer: start from a caption or from scratch, make it personal, preview, share. */
export default async function SharePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await requirePageAccess("shares:create");
  const { id } = await params;
  // Back from "Connect LinkedIn": a known outcome code, shown as fixed text (nothing reflected).
  const query = await searchParams;
  const outcome = parseConnectOutcome(query.linkedin);
  const connectMessage = outcome ? CONNECT_MESSAGES[outcome] : null;
  const item = await getVisibleItem(access, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  // From a share-later reminder's one-tap link: the prepared post (the caller's own, still open).
  const reminderId = typeof query.reminder === "string" ? query.reminder : null;
  const [settings, me, sharedBefore, linkedin, rewards, reminder, aiOn] = await Promise.all([
    getOrgSettings(access.orgId),
    db.user.findUniqueOrThrow({
      where: { id: access.userId },
      select: { name: true, headline: true, image: true, timeZone: true },
    }),
    db.share.count({
      where: {
        orgId: access.orgId,
        membershipId: access.membershipId,
        itemId: id,
        ...countedShare,
      },
    }),
    connectionStatusFor(access),
    getRewardsSettings(access.orgId),
    reminderId ? findOpenReminder(db, access, reminderId, item.id) : null,
    isAiAvailable(access.orgId),
  ]);
  const incentiveDisclosure = requiredIncentiveDisclosure(rewards);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/feed" className="text-brand-700 underline dark:text-brand-100">
          Feed
        </Link>{" "}
        <span aria-hidden="true">/</span> <span>Make it yours</span>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight">{item.title}</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        {valueTypeLabel(item.valueType)} · Put it in your own words — people trust colleagues, not
        copy-paste.
        {sharedBefore
          ? ` You have shared this ${sharedBefore === 1 ? "once" : `${sharedBefore} times`} already.`
          : ""}
      </p>
      <div id="linkedin" className="mt-4 max-w-2xl space-y-2 empty:hidden">
        {reminderId && !reminder ? (
          <Alert tone="info">
            This reminder was already shared or cancelled. You can still share the post again.
          </Alert>
        ) : null}
        {connectMessage ? <Alert tone={connectMessage.tone}>{connectMessage.text}</Alert> : null}
        <LinkedInReconnectBanner status={linkedin} returnTo={`/share/${item.id}`} />
      </div>
      <ShareComposer
        item={{
          id: item.id,
          body: item.body,
          language: item.language,
          captions: item.captions,
          link: item.link,
          images: item.images,
          notes: item.notes,
        }}
        author={{ name: me.name, headline: me.headline, image: me.image }}
        rules={{
          disclosureText: settings.disclosureText,
          blockedPhrases: settings.blockedPhrases,
          requiredHashtags: settings.requiredHashtags,
          rewardDisclosure: incentiveDisclosure,
        }}
        rewardsNote={incentiveDisclosure ? rewards.rewardsNote : null}
        minAuthenticity={settings.minAuthenticity}
        ai={aiOn}
        linkLength={trackedLinkLength(shortLinkBase())}
        reminder={
          reminder
            ? {
                id: reminder.id,
                network: reminder.network,
                text: reminder.text,
                startedFrom: reminder.startedFrom,
              }
            : null
        }
        linkedin={{
          configured: linkedin.configured,
          state: linkedin.state,
          // Scheduled times are read in the person's own zone, else the organisation's.
          timeZone: me.timeZone ?? access.org.timeZone,
          locale: (await requestDateFormat(access.org.timeZone)).locale,
        }}
      />
    </>
  );
}
