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

/** Outline icons (24×24 paths) for the decorative action bar, drawn so no emoji font is needed. */
const ACTIONS = [
  {
    label: "Like",
    path: "M7 10v11H3V10h4Zm0 0 4-7a2 2 0 0 1 3 2l-1 5h6a2 2 0 0 1 2 2l-2 7a2 2 0 0 1-2 2H7",
  },
  { label: "Comment", path: "M4 5h16v11H9l-5 4V5Z" },
  {
    label: "Repost",
    path: "M17 2l3 3-3 3M4 11V9a4 4 0 0 1 4-4h12M7 22l-3-3 3-3M20 13v2a4 4 0 0 1-4 4H4",
  },
  { label: "Send", path: "M22 2 11 13M22 2l-7 20-4-9-9-4 20-7Z" },
];

function Globe() {
  return (
    <svg
      role="img"
      aria-label="Visible to anyone on or off LinkedIn"
      viewBox="0 0 16 16"
      className="inline-block h-3 w-3 align-[-1px]"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
    >
      <circle cx="8" cy="8" r="6.3" />
      <path d="M1.7 8h12.6M8 1.7c1.8 1.9 2.6 4 2.6 6.3S9.8 12.4 8 14.3C6.2 12.4 5.4 10.3 5.4 8S6.2 3.6 8 1.7Z" />
    </svg>
  );
}

/**
 * How a post looks in LinkedIn's feed: author, headline, "now · (globe)", the text folded after about
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
            now · <Globe />
          </p>
        </div>
        <span aria-hidden="true" className="px-1 text-lg leading-none text-slate-500">
          •••
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
            <li key={a.label} className="flex items-center gap-1.5 px-2 py-2">
              <svg
                viewBox="0 0 24 24"
                className="h-4 w-4"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.8"
                strokeLinecap="round"
                strokeLinejoin="round"
              >
                <path d={a.path} />
              </svg>
              {a.label}
            </li>
          ))}
        </ul>
      </div>
    </article>
  );
}
