import Link from "next/link";
import { GoalChips, ValueTypeChip } from "@/components/content/badges";
import { FoldedText } from "@/components/content/folded-text";
import { ImageGrid } from "@/components/content/image-grid";
import { LinkCard } from "@/components/content/link-card";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { FeedItem } from "@/lib/domains/content/list-feed-items";
import { VALUE_TYPES } from "@/lib/domains/content/value-types";

/** One post in the employee feed: what it is, the text to start from, and the captions. */
export function FeedCard({
  item,
  publishedLabel,
  expiresLabel,
  canShare,
  reason = null,
  sharedCount = 0,
  campaigns = [],
}: {
  item: FeedItem;
  /** Why the "for you" order moved it up, e.g. "You haven't shared anything inspiring lately". */
  reason?: string | null;
  /** How often the viewer has shared this post already. */
  sharedCount?: number;
  /** The running campaigns this post is part of (the banner at the top of the feed). */
  campaigns?: string[];
  publishedLabel: string | null;
  expiresLabel: string | null;
  /** Links to the share composer (/share/[id]). */
  canShare: boolean;
}) {
  const type = VALUE_TYPES.find((v) => v.id === item.valueType)!;
  const titleId = `feed-${item.id}-title`;
  return (
    <article aria-labelledby={titleId}>
      <Card className="space-y-4 !p-0">
        <div className="space-y-2 px-5 pt-5">
          {reason ? (
            <p className="text-sm font-medium text-emerald-800 dark:text-emerald-300">
              <span aria-hidden="true">✦ </span>
              {reason}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center gap-2">
            {campaigns.map((name) => (
              <span
                key={name}
                className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-inset ring-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-700"
              >
                <span aria-hidden="true">⚑ </span>
                <span className="sr-only">Part of the campaign </span>
                {name}
              </span>
            ))}
            <ValueTypeChip valueType={item.valueType} />
            <GoalChips goals={item.goals} />
            {item.topics.map((t) => (
              <span
                key={t.id}
                className="rounded-full bg-white px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-300 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-600"
              >
                <span className="sr-only">Topic: </span>
                {t.name}
              </span>
            ))}
            {sharedCount ? (
              <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600">
                <span aria-hidden="true">✓ </span>You shared this
                {sharedCount > 1 ? ` ${sharedCount}×` : ""}
              </span>
            ) : null}
          </div>
          <h2 id={titleId} className="text-lg font-semibold leading-snug">
            {item.title}
          </h2>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {type.label}: {type.explanation}
          </p>
          {publishedLabel || expiresLabel ? (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {publishedLabel ? `Published ${publishedLabel}` : null}
              {publishedLabel && expiresLabel ? " · " : null}
              {expiresLabel ? `Share until ${expiresLabel}` : null}
            </p>
          ) : null}
        </div>
        <FoldedText text={item.body} className="px-5 text-sm leading-relaxed" />
        {item.hashtags.length ? (
          <p className="px-5 text-sm font-semibold text-[#0a66c2] dark:text-[#71b7fb]">
            {item.hashtags.map((t) => `#${t}`).join(" ")}
          </p>
        ) : null}
        {item.images.length ? (
          <ImageGrid images={item.images} />
        ) : item.link ? (
          <div className="sm:px-5">
            <LinkCard link={item.link} interactive />
          </div>
        ) : null}
        <div className="space-y-3 px-5 pb-5">
          {item.notes ? (
            <div className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-700 ring-1 ring-inset ring-brand-100 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-700">
              <p className="font-medium">Note from the comms team</p>
              <p className="mt-0.5 whitespace-pre-wrap">{item.notes}</p>
            </div>
          ) : null}
          {item.captions.length ? (
            <details className="group rounded-md ring-1 ring-slate-200 dark:ring-slate-700">
              <summary className="cursor-pointer pointer-coarse:py-3 list-none rounded-md px-3 py-2 text-sm font-medium hover:bg-slate-50 dark:hover:bg-slate-800 [&::-webkit-details-marker]:hidden">
                <span
                  aria-hidden="true"
                  className="mr-1 inline-block transition-transform group-open:rotate-90"
                >
                  ▸
                </span>
                Suggested captions ({item.captions.length})
              </summary>
              <ol className="space-y-3 border-t border-slate-200 px-3 py-3 dark:border-slate-700">
                {item.captions.map((c, i) => (
                  <li key={`${c.label}-${i}`} className="text-sm">
                    <p className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
                      {c.label}
                    </p>
                    <p className="mt-1 whitespace-pre-wrap break-words">{c.text}</p>
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
          {canShare ? (
            <div className="flex justify-end border-t border-slate-200 pt-3 dark:border-slate-700">
              <Link href={`/share/${item.id}`} className={buttonClass("primary")}>
                Make it yours<span className="sr-only">: {item.title}</span>
              </Link>
            </div>
          ) : null}
        </div>
      </Card>
    </article>
  );
}
