import { getDb } from "@/lib/core/db/client";
import { createId, randomString } from "@/lib/core/db/create-id";
import { newShareCode } from "@/lib/domains/tracking/share-code";
import { newClickId } from "@/lib/domains/tracking/click-id";
import type { OrgFixture } from "./factories";

/**
 * A share of a published item by the org's employee (created a minute before the click) and one
 * human click on it, an hour ago unless `clickAt` says otherwise: what conversions attach to.
 */
export async function shareWithClick(
  org: OrgFixture,
  clickAt = new Date(Date.now() - 60 * 60_000),
) {
  const db = getDb();
  const item = await db.contentItem.create({
    data: {
      id: createId("cnt"),
      orgId: org.org.id,
      slug: `item-${randomString(8).toLowerCase()}`,
      title: "Solar park",
      body: "We connected our solar park.",
      valueType: "INFORMATION",
      goals: ["MARKETING"],
      status: "PUBLISHED",
    },
  });
  const share = await db.share.create({
    data: {
      id: createId("shr"),
      orgId: org.org.id,
      itemId: item.id,
      membershipId: org.employee.membership.id,
      userId: org.employee.user.id,
      code: newShareCode(),
      channel: "COPY",
      text: "Proud of this one.",
      language: "en",
      authenticity: 1,
      destinationUrl: "https://fernhill.example/news",
      createdAt: new Date(clickAt.getTime() - 60_000),
    },
  });
  const click = await db.clickEvent.create({
    data: {
      id: newClickId(clickAt.getTime()),
      orgId: org.org.id,
      shareId: share.id,
      at: clickAt,
      isBot: false,
      visitorKey: "test-visitor",
      device: "desktop",
      browser: "Chrome",
    },
  });
  return { share, click };
}

/** The conversions attached to a share, in a stable order. */
export function conversionsOf(shareId: string) {
  return getDb().conversion.findMany({
    where: { shareId },
    orderBy: [{ outcome: "asc" }, { occurredAt: "asc" }],
  });
}
