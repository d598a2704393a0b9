import { db } from "@/lib/core/db/client";
import { env } from "@/lib/core/env";
import { createNotifications } from "@/lib/domains/notifications/create-notification";

export const VERSION_REFUSAL_KIND = "linkedin.api_version";
const ONCE_PER_MS = 24 * 3600_000;

/**
 * LinkedIn refused the server's LINKEDIN_API_VERSION: nothing posts through the API until an admin
 * moves it. Logged for the operator, and each active admin of the organisation gets one in-app
 * notification saying what to change — at most one a day each, however many posts fail.
 */
export async function announceVersionRefusal(
  orgId: string,
  detail: string,
  now = new Date(),
): Promise<number> {
  const version = env().LINKEDIN_API_VERSION;
  console.error(`[linkedin] API version ${version} refused (organisation ${orgId}): ${detail}`);
  const admins = await db.membership.findMany({
    where: { orgId, role: "ADMIN", status: "ACTIVE" },
    select: { userId: true },
  });
  if (admins.length === 0) return 0;
  const told = await db.notification.findMany({
    where: {
      orgId,
      kind: VERSION_REFUSAL_KIND,
      userId: { in: admins.map((a) => a.userId) },
      createdAt: { gt: new Date(now.getTime() - ONCE_PER_MS) },
    },
    select: { userId: true },
  });
  const recently = new Set(told.map((t) => t.userId));
  return createNotifications(
    admins
      .filter((a) => !recently.has(a.userId))
      .map((a) => ({
        orgId,
        userId: a.userId,
        kind: VERSION_REFUSAL_KIND,
        title: `LinkedIn refuses API version ${version}: posting through LinkedIn has stopped`,
        // `detail` is the client's admin-facing message: what LinkedIn said and what to change.
        body: `${detail} Then people can retry their failed posts from My activity.`,
        url: null,
      })),
  );
}
