import { db, type Db, type Tx } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";

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
 * transaction to write it together with the change it announces. Returns the new id.
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
  return id;
}

/** Several notifications at once (e.g. every admin of an organisation). */
export async function createNotifications(
  inputs: NewNotification[],
  client: Db | Tx = db,
): Promise<number> {
  if (inputs.length === 0) return 0;
  const result = await client.notification.createMany({
    data: inputs.map((input) => ({
      id: createId("ntf"),
      orgId: input.orgId,
      userId: input.userId,
      kind: input.kind,
      title: clip(input.title.trim(), TITLE_MAX),
      body: input.body ? clip(input.body.trim(), BODY_MAX) : null,
      url: input.url ?? null,
    })),
  });
  return result.count;
}
