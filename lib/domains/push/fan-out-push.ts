import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { appUrl } from "@/lib/core/http/app-url";
import { sendJob } from "@/lib/core/jobs/send-job";
import {
  isPushWanted,
  pushCategoryOf,
  pushPath,
  type PushSwitchColumn,
} from "@/lib/domains/push/push-categories";
import { sendPushJob } from "@/lib/domains/push/jobs/send-push";

type Row = {
  notificationId: string;
  orgId: string;
  userId: string;
  kind: string;
  title: string;
  body: string | null;
  url: string | null;
  subscriptionId: string;
} & Record<PushSwitchColumn, boolean>;

/**
 * The `push-fan-out` job: one PENDING PushDelivery per notification and subscribed device of its
 * (active) member who wants its category, then one `push-send` job each. The dedupe key
 * `<notification>:<subscription>` makes a retried or repeated fan-out create and send nothing
 * twice; a delivery whose job cannot be queued is removed again, so a retry queues it (as emails).
 * Returns the ids of the deliveries created.
 */
export async function fanOutPush(notificationIds: readonly string[]): Promise<string[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT n.id AS "notificationId", n."orgId", n."userId", n.kind, n.title, n.body, n.url,
      s.id AS "subscriptionId", m."pushNewContent", m."pushMilestones", m."pushCampaigns",
      m."pushApprovals"
    FROM "Notification" n
    JOIN "Membership" m ON m."orgId" = n."orgId" AND m."userId" = n."userId" AND m.status = 'ACTIVE'
    JOIN "PushSubscription" s ON s."membershipId" = m.id AND s."orgId" = n."orgId"
    WHERE n.id = ANY(${[...notificationIds]}::text[])`;
  const origin = appUrl();
  const wanted = rows.flatMap((row) => {
    const category = pushCategoryOf(row.kind);
    if (!category || !isPushWanted(category, row)) return [];
    const url = pushPath(row.url, origin);
    return [
      {
        id: createId("psd"),
        orgId: row.orgId,
        userId: row.userId,
        subscriptionId: row.subscriptionId,
        category,
        title: row.title,
        body: row.body,
        url,
        dedupeKey: `${row.notificationId}:${row.subscriptionId}`,
      },
    ];
  });
  if (wanted.length === 0) return [];
  const inserted = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "PushDelivery" (id, "orgId", "userId", "subscriptionId", category, title, body, url, "dedupeKey")
    SELECT * FROM unnest(
      ${wanted.map((w) => w.id)}::text[], ${wanted.map((w) => w.orgId)}::text[],
      ${wanted.map((w) => w.userId)}::text[], ${wanted.map((w) => w.subscriptionId)}::text[],
      ${wanted.map((w) => w.category)}::text[], ${wanted.map((w) => w.title)}::text[],
      ${wanted.map((w) => w.body)}::text[], ${wanted.map((w) => w.url)}::text[],
      ${wanted.map((w) => w.dedupeKey)}::text[])
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING id`;
  const created: string[] = [];
  let failure: unknown = null;
  for (const { id } of inserted) {
    try {
      await sendJob(sendPushJob, { deliveryId: id });
      created.push(id);
    } catch (error) {
      failure = error;
      await db.pushDelivery.delete({ where: { id } }).catch(() => undefined);
    }
  }
  // Thrown after the others were queued: the job's retry queues the removed ones again.
  if (failure) throw failure;
  return created;
}
