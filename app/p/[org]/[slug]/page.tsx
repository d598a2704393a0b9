import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPublicItem } from "@/lib/domains/content/get-public-item";
import { appUrl } from "@/lib/core/http/app-url";
import { requestDateFormat } from "@/lib/core/http/request-date-format";
import { formatDate } from "@/lib/core/time/format-date";

type Params = { params: Promise<{ org: string; slug: string }> };

function summary(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 200 ? `${flat.slice(0, 197)}…` : flat;
}

/** Open Graph tags so LinkedIn shows a card for shares of items that have no link of their own. */
export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { org, slug } = await params;
  const item = await getPublicItem(org, slug);
  if (!item) return { title: "Not found", robots: { index: false } };
  const base = appUrl();
  const image = item.images[0];
  return {
    title: `${item.title} — ${item.org.name}`,
    description: summary(item.body),
    openGraph: {
      type: "article",
      title: item.title,
      description: summary(item.body),
      siteName: item.org.name,
      url: `${base}/p/${org}/${slug}`,
      images: image ? [{ url: new URL(image.url, base).toString(), alt: image.alt }] : undefined,
    },
  };
}

export default async function PublicItemPage({ params }: Params) {
  const { org, slug } = await params;
  const item = await getPublicItem(org, slug);
  if (!item) notFound();
  return (
    <main className="mx-auto max-w-2xl px-4 py-12" lang={item.language}>
      <p className="flex items-center gap-2 text-sm font-medium text-slate-600 dark:text-slate-400">
        {item.org.logoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={item.org.logoUrl} alt="" className="h-6 w-6 rounded object-contain" />
        ) : null}
        {item.org.name}
      </p>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight">{item.title}</h1>
      {item.publishedAt ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          {formatDate(item.publishedAt, "longDate", await requestDateFormat(item.org.timeZone))}
        </p>
      ) : null}
      {item.images.length ? (
        <div className="mt-6 grid gap-3">
          {item.images.map((image) => (
            // eslint-disable-next-line @next/next/no-img-element
            <img key={image.url} src={image.url} alt={image.alt} className="w-full rounded-lg" />
          ))}
        </div>
      ) : null}
      <div className="mt-6 whitespace-pre-line text-lg leading-relaxed">{item.body}</div>
    </main>
  );
}
