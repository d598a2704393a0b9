import { db } from "@/lib/core/db/client";
import { appUrl } from "@/lib/core/http/app-url";
import { queueEmail } from "@/lib/domains/email/queue-email";
import { shareResultEmail } from "@/lib/integrations/email/templates/share-result";
import { createNotification } from "@/lib/domains/notifications/create-notification";

/** The public address of a post on LinkedIn, from its URN. */
export function linkedInPostUrl(postUrn: string): string {
  return `https://www.linkedin.com/feed/update/${postUrn}/`;
}

/**
 * Tells the member how their post through the API went: an in-app notification and an email
 * (category "share-results", which they can turn off). The email's dedupe key is the share and
 * attempt count, so a job run twice never sends it twice.
 */
export async function announceShareResult(
  share: { id: string; orgId: string; userId: string },
  outcome: { kind: "posted"; postUrn: string } | { kind: "failed"; error: string },
): Promise<void> {
  const row = await db.share.findUniqueOrThrow({
    where: { id: share.id },
    select: {
      publishAttempts: true,
      item: { select: { title: true } },
    },
  });
  const user = await db.user.findUniqueOrThrow({
    where: { id: share.userId },
    select: { name: true, email: true },
  });
  const title = row.item.title;
  const posted = outcome.kind === "posted";
  await createNotification({
    orgId: share.orgId,
    userId: share.userId,
    kind: posted ? "share.posted" : "share.failed",
    title: posted ? "Your post is live on LinkedIn" : "Your post could not be posted",
    body: posted ? title : `${title}: ${outcome.error}`,
    url: "/activity",
  });
  const email = shareResultEmail({
    recipientName: user.name,
    itemTitle: title,
    status: posted ? "posted" : "failed",
    ...(posted ? { postUrl: linkedInPostUrl(outcome.postUrn) } : { error: outcome.error }),
    activityUrl: `${appUrl()}/activity`,
  });
  await queueEmail({
    orgId: share.orgId,
    userId: share.userId,
    to: user.email,
    category: "share-results",
    subject: email.subject,
    text: email.text,
    html: email.html,
    dedupeKey: `share-result:${share.id}:${row.publishAttempts}`,
  });
}
