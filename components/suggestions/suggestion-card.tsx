import type { ReactNode } from "react";
import { ValueTypeChip } from "@/components/content/badges";
import { ImageGrid } from "@/components/content/image-grid";
import { Card } from "@/components/ui/card";
import type { ValueType } from "@/lib/generated/prisma/enums";

export interface SuggestionView {
  id: string;
  title: string;
  body: string;
  linkUrl: string | null;
  valueType: ValueType | null;
  images: { id: string; url: string; alt: string }[];
  /** Formatted by the server in the organisation's time zone. */
  createdLabel: string;
  createdAt: string;
}

/** One suggested story: who, when, the text, link and photos; `children` holds the actions. */
export function SuggestionCard({
  suggestion,
  author,
  status,
  children,
  headingLevel = 3,
}: {
  suggestion: SuggestionView;
  author?: { name: string; title: string | null };
  status?: ReactNode;
  children?: ReactNode;
  /** 2 on pages without a section heading above the list, so heading levels never skip one. */
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <Card className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <Heading className="text-base font-semibold">{suggestion.title}</Heading>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {author ? (
              <>
                {author.name}
                {author.title ? `, ${author.title}` : ""} ·{" "}
              </>
            ) : null}
            <time dateTime={suggestion.createdAt}>{suggestion.createdLabel}</time>
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {suggestion.valueType ? <ValueTypeChip valueType={suggestion.valueType} /> : null}
          {status}
        </div>
      </div>
      <p className="whitespace-pre-wrap break-words text-sm">{suggestion.body}</p>
      {suggestion.linkUrl ? (
        <p className="truncate text-sm">
          <span className="text-slate-600 dark:text-slate-400">Link: </span>
          <a
            href={suggestion.linkUrl}
            target="_blank"
            rel="noopener noreferrer"
            className="text-brand-700 underline hover:no-underline dark:text-brand-100"
          >
            {suggestion.linkUrl}
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        </p>
      ) : null}
      {suggestion.images.length ? (
        <div className="max-w-md overflow-hidden rounded-md">
          <ImageGrid images={suggestion.images} />
        </div>
      ) : null}
      {children}
    </Card>
  );
}
