import { db } from "@/lib/core/db/client";
import { RECONNECT_WARNING_DAYS } from "@/lib/domains/linkedin/connection";
import { createNotificationOnce } from "@/lib/domains/notifications/create-notification-once";

const DAY_MS = 24 * 60 * 60 * 1000;
const PAGE = 500;

export const LINKEDIN_EXPIRING = "linkedin.expiring";
export const LINKEDIN_EXPIRED = "linkedin.expired";
/** Where a person reconnects: the LinkedIn card of their profile. */
export const RECONNECT_URL = "/profile#linkedin";

/** Whole days left, as the profile's LinkedIn card counts them. */
function expiresIn(msLeft: number): string {
  const days = Math.floor(msLeft / DAY_MS);
  if (days < 1) return "within a day";
  return days === 1 ? "in 1 day" : `in ${days} days`;
}

/**
 * The bell's LinkedIn reminders (run by the linkedin-reconnect-reminders job): a member whose
 * connection expires within RECONNECT_WARNING_DAYS is told once, and told again once it has
 * expired (by date), or LinkedIn refused its token (worded as such). Each reminder is sent once per
 * connection: reconnecting starts a new one (its connectedAt), so the next expiry is announced
 * again. Only active members are reminded. Returns how many notifications were created.
 */
export async function remindLinkedInReconnects(now: Date = new Date()): Promise<number> {
  const warnFrom = new Date(now.getTime() + RECONNECT_WARNING_DAYS * DAY_MS);
  let created = 0;
  let cursor: string | undefined;
  for (;;) {
    const connections = await db.linkedInConnection.findMany({
      where: {
        membership: { status: "ACTIVE" },
        OR: [{ status: "EXPIRED" }, { expiresAt: { lte: warnFrom } }],
      },
      select: {
        id: true,
        orgId: true,
        userId: true,
        status: true,
        expiresAt: true,
        connectedAt: true,
      },
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const c of connections) {
      const msLeft = c.expiresAt.getTime() - now.getTime();
      const expired = c.status === "EXPIRED" || msLeft <= 0;
      // Marked EXPIRED before its date: LinkedIn refused the token (a 401/403), as the profile's
      // LinkedIn card says; the person should not read "expired" for a connection with days left.
      const refused = c.status === "EXPIRED" && msLeft > 0;
      const id = await createNotificationOnce(
        expired
          ? {
              orgId: c.orgId,
              userId: c.userId,
              kind: LINKEDIN_EXPIRED,
              ...(refused
                ? {
                    title: "LinkedIn refused your connection",
                    body: "LinkedIn no longer accepts Chorus's access to your account (it was revoked, or your LinkedIn password changed). Reconnect LinkedIn on your profile so Chorus can post for you.",
                  }
                : {
                    title: "Your LinkedIn connection has expired",
                    body: "Chorus cannot post for you until you reconnect LinkedIn on your profile.",
                  }),
              url: RECONNECT_URL,
            }
          : {
              orgId: c.orgId,
              userId: c.userId,
              kind: LINKEDIN_EXPIRING,
              title: `Your LinkedIn connection expires ${expiresIn(msLeft)}`,
              body: "Reconnect LinkedIn on your profile so Chorus can keep posting for you.",
              url: RECONNECT_URL,
            },
        { since: c.connectedAt },
      );
      if (id) created++;
    }
    if (connections.length < PAGE) return created;
    cursor = connections[connections.length - 1]!.id;
  }
}
