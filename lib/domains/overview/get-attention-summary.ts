import { db } from "@/lib/core/db/client";
import { RECONNECT_WARNING_DAYS } from "@/lib/domains/linkedin/connection";

/** How far back a failed delivery still asks for attention on the admin home. */
export const FAILED_DELIVERY_DAYS = 7;
const DAY_MS = 86_400_000;

export interface AttentionSummary {
  /** Items waiting in review, oldest first (at most five named). */
  pendingApprovals: { count: number; oldest: { id: string; title: string }[] };
  /** Stories suggested by employees, not yet turned into a post or declined. */
  pendingSuggestions: number;
  /** Emails and webhook calls that gave up in the last FAILED_DELIVERY_DAYS days. */
  failedEmails: number;
  failedWebhooks: number;
  /** Active LinkedIn connections that end within RECONNECT_WARNING_DAYS days, and ended ones. */
  expiringConnections: number;
  expiredConnections: number;
}

/**
 * What needs an admin's attention in one organisation: work waiting for someone (approvals,
 * suggestions) and things that went wrong or are about to (deliveries, LinkedIn connections).
 */
export async function getAttentionSummary(
  orgId: string,
  now: Date = new Date(),
): Promise<AttentionSummary> {
  const failedSince = new Date(now.getTime() - FAILED_DELIVERY_DAYS * DAY_MS);
  const warnUntil = new Date(now.getTime() + RECONNECT_WARNING_DAYS * DAY_MS);
  const [
    approvals,
    oldest,
    pendingSuggestions,
    failedEmails,
    failedWebhooks,
    expiringConnections,
    expiredConnections,
  ] = await Promise.all([
    db.contentItem.count({ where: { orgId, status: "IN_REVIEW" } }),
    db.contentItem.findMany({
      where: { orgId, status: "IN_REVIEW" },
      select: { id: true, title: true },
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      take: 5,
    }),
    db.suggestion.count({ where: { orgId, status: "PENDING" } }),
    db.emailDelivery.count({ where: { orgId, status: "FAILED", createdAt: { gte: failedSince } } }),
    db.webhookDelivery.count({
      where: { orgId, status: "FAILED", createdAt: { gte: failedSince } },
    }),
    db.linkedInConnection.count({
      where: {
        orgId,
        status: "ACTIVE",
        expiresAt: { gt: now, lte: warnUntil },
        membership: { status: "ACTIVE" },
      },
    }),
    db.linkedInConnection.count({
      where: {
        orgId,
        OR: [{ status: "EXPIRED" }, { expiresAt: { lte: now } }],
        membership: { status: "ACTIVE" },
      },
    }),
  ]);
  return {
    pendingApprovals: { count: approvals, oldest },
    pendingSuggestions,
    failedEmails,
    failedWebhooks,
    expiringConnections,
    expiredConnections,
  };
}
