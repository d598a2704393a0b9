import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { env } from "@/lib/core/env";
import { AppError, notFound } from "@/lib/core/errors/app-error";
import { parseAllowList } from "@/lib/core/net/is-refused-address";
import { fetchFeed } from "@/lib/integrations/feeds/fetch-feed";
import { type FeedEntry, parseFeed } from "@/lib/integrations/feeds/parse-feed";
import { fetchLinkPreview } from "@/lib/integrations/link-preview/fetch-link-preview";
import { draftSourceEntry } from "@/lib/domains/sources/draft-source-entry";
import type { SourcePollStatus } from "@/lib/generated/prisma/enums";

export interface PollSourceOptions {
  /** Hosts fetched although private. Default: CONTENT_SOURCES_ALLOWED_HOSTS. */
  allowList?: readonly string[];
  /** Link previews fetched per poll (each new entry's page), the rest keep the feed's own data. */
  previewLimit?: number;
  timeoutMs?: number;
  maxBytes?: number;
}

export interface PollResult {
  status: SourcePollStatus;
  newEntries: number;
  error: string | null;
}

/** After failures in a row the next poll waits interval × 2^failures, at most a day. */
export const MAX_BACKOFF_MINUTES = 24 * 60;

export function nextPollDelayMinutes(intervalMinutes: number, failures: number): number {
  return Math.min(
    intervalMinutes * 2 ** Math.min(failures, 10),
    Math.max(MAX_BACKOFF_MINUTES, intervalMinutes),
  );
}

/**
 * Polls one source of the organisation (404 otherwise): conditional GET, parse, file new entries
 * in the inbox (one per GUID / canonical URL: the unique key makes concurrent polls insert each
 * once), fetch their link previews, and draft them when the source auto-drafts. A feed that fails
 * (unreachable, refused, malformed, too big…) never throws: the source keeps the message and
 * backs off. Returns what happened.
 */
export async function pollSource(
  orgId: string,
  sourceId: string,
  options: PollSourceOptions = {},
): Promise<PollResult> {
  const source = await db.contentSource.findFirst({ where: { id: sourceId, orgId } });
  if (!source) throw notFound("Source");
  const allowHosts = options.allowList ?? env().CONTENT_SOURCES_ALLOWED_HOSTS;
  const startedAt = new Date();
  try {
    const fetched = await fetchFeed(source.url, {
      etag: source.etag,
      lastModified: source.lastModified,
      allowList: parseAllowList(allowHosts),
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxBytes,
    });
    if (fetched.notModified) {
      await recordSuccess(sourceId, source.intervalMinutes, startedAt, "NOT_MODIFIED", {});
      return { status: "NOT_MODIFIED", newEntries: 0, error: null };
    }
    const feed = parseFeed(fetched.xml, fetched.url);
    const created = await fileEntries(orgId, sourceId, feed.entries);
    await addPreviews(created, allowHosts, options.previewLimit ?? 10);
    if (source.autoDraft && source.createdById) {
      for (const entry of created) {
        await draftSourceEntry({ orgId, userId: source.createdById }, entry.id, {
          auto: true,
        }).catch((error: unknown) => {
          // The entry stays in the inbox for a person to look at (e.g. a guardrail refused it).
          if (!(error instanceof AppError)) console.error("Auto-draft failed", entry.id, error);
        });
      }
    }
    await recordSuccess(sourceId, source.intervalMinutes, startedAt, "OK", {
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      kind: feed.format === "sitemap" ? "SITEMAP" : "FEED",
    });
    return { status: "OK", newEntries: created.length, error: null };
  } catch (error) {
    const message =
      error instanceof AppError
        ? error.message
        : "Polling failed unexpectedly. The server log has the details.";
    if (!(error instanceof AppError)) console.error("Polling source failed", sourceId, error);
    const failures = source.consecutiveFailures + 1;
    await db.contentSource.updateMany({
      where: { id: sourceId },
      data: {
        lastStatus: "ERROR",
        lastError: message.slice(0, 500),
        lastPolledAt: startedAt,
        consecutiveFailures: failures,
        nextPollAt: new Date(
          startedAt.getTime() + nextPollDelayMinutes(source.intervalMinutes, failures) * 60_000,
        ),
      },
    });
    return { status: "ERROR", newEntries: 0, error: message };
  }
}

async function recordSuccess(
  sourceId: string,
  intervalMinutes: number,
  at: Date,
  status: SourcePollStatus,
  data: { etag?: string | null; lastModified?: string | null; kind?: "FEED" | "SITEMAP" },
) {
  // updateMany: a source deleted while it was polled is simply gone.
  await db.contentSource.updateMany({
    where: { id: sourceId },
    data: {
      ...data,
      lastStatus: status,
      lastError: null,
      lastPolledAt: at,
      lastSuccessAt: at,
      consecutiveFailures: 0,
      nextPollAt: new Date(at.getTime() + intervalMinutes * 60_000),
    },
  });
}

type CreatedEntry = { id: string; url: string; untitled: boolean };

/** Inserts the entries the source does not have yet; returns only those this call inserted. */
async function fileEntries(orgId: string, sourceId: string, entries: FeedEntry[]) {
  if (entries.length === 0) return [];
  const rows = await db.sourceEntry.createManyAndReturn({
    data: entries.map((e) => ({
      id: createId("sen"),
      orgId,
      sourceId,
      dedupeKey: e.dedupeKey,
      url: e.url,
      title: e.title ?? "",
      summary: e.summary,
      imageUrl: e.imageUrl,
      publishedAt: e.publishedAt,
    })),
    skipDuplicates: true,
    select: { id: true, url: true, title: true },
  });
  return rows.map((r): CreatedEntry => ({ id: r.id, url: r.url, untitled: r.title === "" }));
}

/** Best effort: a page that cannot be previewed leaves the entry with the feed's own data. */
async function addPreviews(entries: CreatedEntry[], allowHosts: readonly string[], limit: number) {
  const chosen = entries.slice(0, limit);
  for (let i = 0; i < chosen.length; i += 4) {
    await Promise.all(
      chosen.slice(i, i + 4).map(async (entry) => {
        const preview = await fetchLinkPreview(entry.url, {
          allowList: allowHosts,
          timeoutMs: 5000,
        }).catch(() => null);
        if (!preview) return;
        await db.sourceEntry.updateMany({
          where: { id: entry.id },
          data: {
            previewTitle: preview.title,
            previewDescription: preview.description,
            previewImageUrl: preview.imageUrl,
            previewSiteName: preview.siteName,
            ...(entry.untitled && preview.title ? { title: preview.title } : {}),
          },
        });
      }),
    );
  }
}
