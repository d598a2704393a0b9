"use client";

import Image from "next/image";
import { FoldedText } from "@/components/content/folded-text";
import { ImageGrid, type GridImage } from "@/components/content/image-grid";
import { LinkCard, type LinkCardData } from "@/components/content/link-card";

export interface LinkedInPreviewProps {
  authorName: string;
  headline?: string | null;
  /** A photo URL; without one, the initials of the name are shown. */
  avatarUrl?: string | null;
  avatarInitials?: string;
  text: string;
  link?: LinkCardData | null;
  /** Images win over the link card, as on LinkedIn (a post shows one or the other). */
  images?: GridImage[];
  className?: string;
}

export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts;
  return letters.map((p) => [...p][0]!.toLocaleUpperCase()).join("") || "?";
}

const ACTIONS = [
  { label: "Like", icon: "👍" },
  { label: "Comment", icon: "💬" },
  { label: "Repost", icon: "🔁" },
  { label: "Send", icon: "➤" },
];

/**
 * How a post looks in LinkedIn's feed: author, headline, "now · 🌐", the text folded after about
 * three lines, then images or a link card. The reaction bar is decoration only.
 */
export function LinkedInPreview({
  authorName,
  headline,
  avatarUrl,
  avatarInitials,
  text,
  link,
  images = [],
  className = "",
}: LinkedInPreviewProps) {
  return (
    <article
      aria-label={`Preview of the post on LinkedIn, as ${authorName}`}
      className={`overflow-hidden rounded-lg bg-white text-[#000000e6] shadow-sm ring-1 ring-slate-200 dark:bg-[#1b1f23] dark:text-[#ffffffe6] dark:ring-slate-700 ${className}`}
    >
      <header className="flex items-start gap-2 px-4 pt-3">
        {avatarUrl ? (
          <Image
            src={avatarUrl}
            alt=""
            width={48}
            height={48}
            unoptimized
            className="h-12 w-12 shrink-0 rounded-full object-cover"
          />
        ) : (
          <span
            aria-hidden="true"
            className="flex h-12 w-12 shrink-0 items-center justify-center rounded-full bg-[#0a66c2] text-base font-semibold text-white"
          >
            {avatarInitials || initialsOf(authorName)}
          </span>
        )}
        <div className="min-w-0 flex-1 leading-tight">
          <p className="truncate text-sm font-semibold">{authorName}</p>
          {headline ? (
            <p className="truncate text-xs text-slate-600 dark:text-slate-400">{headline}</p>
          ) : null}
          <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
            now · <span role="img" aria-label="Visible to anyone on or off LinkedIn">🌐</span>
          </p>
        </div>
        <span aria-hidden="true" className="px-1 text-lg leading-none text-slate-500">
          ···
        </span>
      </header>
      <div className="px-4 pb-2 pt-2 text-sm leading-5">
        {text.trim() ? (
          <FoldedText text={text} />
        ) : (
          <p className="italic text-slate-500 dark:text-slate-400">The post text appears here.</p>
        )}
      </div>
      {images.length ? (
        <ImageGrid images={images} />
      ) : link?.url ? (
        <div className="sm:px-4 sm:pb-2">
          <LinkCard link={link} />
        </div>
      ) : null}
      <div aria-hidden="true" className="mx-4 border-t border-slate-200 dark:border-slate-700">
        <ul className="flex justify-between py-1 text-xs font-semibold text-slate-600 dark:text-slate-400">
          {ACTIONS.map((a) => (
            <li key={a.label} className="flex items-center gap-1 px-2 py-2">
              <span>{a.icon}</span>
              {a.label}
            </li>
          ))}
        </ul>
      </div>
    </article>
  );
}
