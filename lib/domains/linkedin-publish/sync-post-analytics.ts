import { db } from "@/lib/core/db/client";
import { AppError } from "@/lib/core/errors/app-error";
import { getUsableConnection, markConnectionExpired } from "@/lib/domains/linkedin/connection";
import { getPostAnalytics, LinkedInApiError } from "@/lib/integrations/linkedin/linkedin-client";
import { announceVersionRefusal } from "@/lib/domains/linkedin-publish/announce-version-refusal";

export const ANALYTICS_SCOPE = "r_member_postAnalytics";
/** Posts older than this are not synced any more (their figures have settled). */
export const ANALYTICS_WINDOW_DAYS = 90;

export interface AnalyticsSyncResult {
  synced: number;
  failed: number;
  expiredConnections: number;
}

/**
 * The `linkedin-analytics` job: for shares posted through the API whose member granted the post
 * analytics scope, reads LinkedIn's lifetime figures (impressions, members reached, reactions,
 * comments, reshares) and stores them on the share. Share.impressions replaces the reach estimate
 * wherever reach is computed (lib/domains/analytics/emv.ts, impressionsSql): dashboards read reach from
 * Share itself, not from the daily rollups, so no rollup day needs to be marked. The least
 * recently synced go first; a 401 expires the connection and skips the member's other posts.
 * `orgId` limits the run to one organisation (tests).
 */
export async function syncPostAnalytics({
  limit = 200,
  orgId,
  now = new Date(),
}: { limit?: number; orgId?: string; now?: Date } = {}): Promise<AnalyticsSyncResult> {
  const since = new Date(now.getTime() - ANALYTICS_WINDOW_DAYS * 86_400_000);
  const shares = await db.share.findMany({
    where: {
      ...(orgId ? { orgId } : {}),
      channel: "LINKEDIN_API",
      status: "POSTED",
      linkedinPostId: { not: null },
      postedAt: { gte: since },
      membership: {
        linkedin: { status: "ACTIVE", scopes: { has: ANALYTICS_SCOPE } },
      },
    },
    orderBy: [{ analyticsSyncedAt: { sort: "asc", nulls: "first" } }, { postedAt: "desc" }],
    take: limit,
    select: { id: true, orgId: true, membershipId: true, linkedinPostId: true },
  });
  const result: AnalyticsSyncResult = { synced: 0, failed: 0, expiredConnections: 0 };
  const tokens = new Map<string, { id: string; accessToken: string } | null>();
  for (const share of shares) {
    let usable = tokens.get(share.membershipId);
    if (usable === undefined) {
      try {
        const found = await getUsableConnection(share.orgId, share.membershipId, now);
        usable = { id: found.connection.id, accessToken: found.accessToken };
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        usable = null;
      }
      tokens.set(share.membershipId, usable);
    }
    if (!usable) continue;
    try {
      const figures = await getPostAnalytics(usable.accessToken, share.linkedinPostId!);
      await db.share.update({
        where: { id: share.id },
        data: { ...figures, analyticsSyncedAt: new Date() },
      });
      result.synced++;
    } catch (error) {
      if (!(error instanceof LinkedInApiError)) throw error;
      result.failed++;
      if (error.code === "unauthorized") {
        await markConnectionExpired(usable.id, error.message);
        tokens.set(share.membershipId, null);
        result.expiredConnections++;
      } else if (error.code === "rate_limited") {
        break; // the rest waits for the next run
      } else if (error.code === "version_unsupported") {
        // Every other call would be refused too: the admins are told what to change.
        await announceVersionRefusal(share.orgId, error.message);
        break;
      }
    }
  }
  return result;
}
