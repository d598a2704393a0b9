import { db, type Db, type Tx } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { queuePushFanOut } from "@/lib/domains/push/queue-push-fan-out";

export interface NewNotification {
  orgId: string;
  userId: string;
  /** e.g. share.posted, share.failed, linkedin.expiring, content.published, approval.requested */
  kind: string;
  title: string;
  body?: string | null;
  /** A path inside the app (`/share/cnt_…`) or an absolute URL of the app. */
  url?: string | null;
}

const TITLE_MAX = 200;
const BODY_MAX = 1000;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * One in-app notification for one member of one organisation (the bell in the header). Pass a
 * transaction to write it together with the change it announces. Kinds with a push category also
 * go to the member's subscribed devices (queuePushFanOut; in the same transaction). Returns the
 * new id.
 */
export async function createNotification(
  input: NewNotification,
  client: Db | Tx = db,
): Promise<string> {
  const id = createId("ntf");
  await client.notification.create({
    data: {
      id,
      orgId: input.orgId,
      userId: input.userId,
      kind: input.kind,
      title: clip(input.title.trim(), TITLE_MAX),
      body: input.body ? clip(input.body.trim(), BODY_MAX) : null,
      url: input.url ?? null,
    },
  });
  await queuePushFanOut(client, [
    { id, orgId: input.orgId, userId: input.userId, kind: input.kind },
  ]);
  return id;
}

/** Several notifications at once (e.g. every admin of an organisation), pushed alike. */
export async function createNotifications(
  inputs: NewNotification[],
  client: Db | Tx = db,
): Promise<number> {
  if (inputs.length === 0) return 0;
  const rows = inputs.map((input) => ({ ...input, id: createId("ntf") }));
  const result = await client.notification.createMany({
    data: rows.map((input) => ({
      id: input.id,
      orgId: input.orgId,
      userId: input.userId,
      kind: input.kind,
      title: clip(input.title.trim(), TITLE_MAX),
      body: input.body ? clip(input.body.trim(), BODY_MAX) : null,
      url: input.url ?? null,
    })),
  });
  await queuePushFanOut(client, rows);
  return result.count;
}
