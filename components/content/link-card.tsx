import Image from "next/image";

export interface LinkCardData {
  url: string;
  title: string | null;
  description?: string | null;
  imageUrl: string | null;
  siteName: string | null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/**
 * A link preview card like LinkedIn's: the page's image, its title and site. `interactive` makes
 * it a real link (the feed); the studio preview shows it without navigating away.
 */
export function LinkCard({
  link,
  interactive = false,
}: {
  link: LinkCardData;
  interactive?: boolean;
}) {
  const title = link.title?.trim() || hostOf(link.url);
  const body = (
    <>
      {link.imageUrl && isWebUrl(link.imageUrl) ? (
        <Image
          src={link.imageUrl}
          alt=""
          width={552}
          height={289}
          unoptimized
          referrerPolicy="no-referrer"
          className="aspect-[1.91/1] w-full bg-slate-100 object-cover dark:bg-slate-800"
        />
      ) : null}
      <span className="block bg-slate-50 px-3 py-2 dark:bg-slate-800/60">
        <span className="line-clamp-2 block text-sm font-semibold text-slate-900 dark:text-slate-100">
          {title}
        </span>
        <span className="mt-0.5 block truncate text-xs text-slate-600 dark:text-slate-400">
          {link.siteName?.trim() || hostOf(link.url)}
        </span>
      </span>
    </>
  );
  const frame =
    "block overflow-hidden border-y border-slate-200 dark:border-slate-700 sm:rounded-md sm:border";
  if (interactive && isWebUrl(link.url)) {
    return (
      <a
        href={link.url}
        target="_blank"
        rel="noopener noreferrer"
        className={`${frame} hover:bg-slate-50 dark:hover:bg-slate-800`}
      >
        {body}
        <span className="sr-only"> (opens in a new tab)</span>
      </a>
    );
  }
  return <div className={frame}>{body}</div>;
}
