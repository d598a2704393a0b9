import { CopyLink } from "@/components/admin/copy-link";
import { ValueTypeChip } from "@/components/content/badges";
import { FoldedText } from "@/components/content/folded-text";
import { AuthenticityMeter } from "@/components/people/authenticity-meter";
import { ShareStatusBadge } from "@/components/people/share-status-badge";
import { LinkedInPublishStatus } from "@/components/sharing/linkedin-publish-status";
import { ConfirmShareButton } from "@/components/sharing/confirm-share-button";
import type {
  ShareChannel,
  ShareStatus,
  SocialNetwork,
  ValueType,
} from "@/lib/generated/prisma/enums";
import { networkLabel } from "@/lib/domains/sharing/social-networks";
import { SHARE_CHANNEL_LABELS } from "@/lib/domains/sharing/share-labels";
import { dateFormatter, type DateFormat } from "@/lib/core/time/format-date";

export interface ActivityShare {
  id: string;
  code: string;
  channel: ShareChannel;
  /** Where it went (LinkedIn for older shares). */
  network?: SocialNetwork;
  status: ShareStatus;
  text: string;
  authenticity: number;
  createdAt: Date;
  /** Human clicks on its tracked link (bots excluded), as the dashboard counts them. */
  clicks: number;
  item: { title: string; valueType: ValueType };
  /** Posts through the LinkedIn API: schedule, outcome, LinkedIn's post id, error. */
  scheduledAt?: Date | null;
  postedAt?: Date | null;
  linkedinPostId?: string | null;
  error?: string | null;
}

const term = "text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400";

/** Everything a person shared, newest first: what, when, how, how personal, and its link. */
export function ActivityShareList({
  shares,
  dates,
  linkBase,
  highlightId = null,
}: {
  shares: ActivityShare[];
  dates: DateFormat;
  /** Where tracked links live (`${linkBase}/${code}`). */
  linkBase: string;
  /** The share a notification pointed at (?share=<id>): marked, scrolled to and focused. */
  highlightId?: string | null;
}) {
  const date = dateFormatter("date", dates);
  return (
    <ol className="space-y-4" aria-label="Your shares, newest first">
      {shares.map((share) => {
        const titleId = `share-${share.id}-title`;
        return (
          <li key={share.id}>
            <article
              id={`share-${share.id}`}
              aria-labelledby={titleId}
              aria-describedby={share.id === highlightId ? `${titleId}-pointed` : undefined}
              tabIndex={share.id === highlightId ? -1 : undefined}
              className={`scroll-mt-4 rounded-lg bg-white p-5 shadow-sm dark:bg-slate-900 ${
                share.id === highlightId
                  ? "ring-2 ring-brand-600 dark:ring-brand-300"
                  : "ring-1 ring-slate-200 dark:ring-slate-800"
              }`}
            >
              {share.id === highlightId ? (
                <p
                  id={`${titleId}-pointed`}
                  className="mb-2 text-xs font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-200"
                >
                  From your notification
                </p>
              ) : null}
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <h3 id={titleId} className="font-semibold leading-snug">
                  {share.item.title}
                </h3>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  <span className="sr-only">Shared on </span>
                  <time dateTime={share.createdAt.toISOString()}>
                    {date.format(share.createdAt)}
                  </time>
                </p>
              </div>
              <div className="mt-2">
                <ValueTypeChip valueType={share.item.valueType} />
              </div>
              <FoldedText
                text={share.text}
                className="mt-3 rounded-md bg-slate-50 px-3 py-2 text-sm leading-relaxed dark:bg-slate-800/60"
              />
              <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-5">
                <div>
                  <dt className={term}>Network</dt>
                  <dd className="mt-1">{networkLabel(share.network ?? "LINKEDIN")}</dd>
                </div>
                <div>
                  <dt className={term}>Channel</dt>
                  <dd className="mt-1">{SHARE_CHANNEL_LABELS[share.channel]}</dd>
                </div>
                <div>
                  <dt className={term}>Status</dt>
                  <dd className="mt-1">
                    <ShareStatusBadge status={share.status} />
                  </dd>
                </div>
                <div>
                  <dt className={term}>Authenticity</dt>
                  <dd className="mt-1">
                    <AuthenticityMeter score={share.authenticity} />
                  </dd>
                </div>
                <div>
                  <dt className={term}>Clicks</dt>
                  <dd className="mt-1 tabular-nums">{share.clicks.toLocaleString("en")}</dd>
                </div>
              </dl>
              {share.status === "OPENED" ? (
                <div className="mt-4 space-y-2 rounded-md bg-slate-50 px-3 py-2 text-sm dark:bg-slate-800/60">
                  <p>
                    Not counted yet: once it is live on LinkedIn, confirm it. The first click on its
                    link confirms it too.
                  </p>
                  <ConfirmShareButton shareId={share.id} />
                </div>
              ) : null}
              {share.channel === "LINKEDIN_API" ? (
                <LinkedInPublishStatus
                  share={{
                    id: share.id,
                    status: share.status,
                    scheduledAt: share.scheduledAt ?? null,
                    postedAt: share.postedAt ?? null,
                    linkedinPostId: share.linkedinPostId ?? null,
                    error: share.error ?? null,
                  }}
                  dates={dates}
                />
              ) : null}
              <div className="mt-4">
                <CopyLink
                  url={`${linkBase}/${share.code}`}
                  label={`Tracked link of ${share.item.title}`}
                />
              </div>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
