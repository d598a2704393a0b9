/**
 * The studio's status filter lists what the badges say (contentDisplayStatus), not the stored
 * status: "Published" lists only items live now, a published item whose window opens tomorrow is
 * under "Scheduled" and one whose window has closed under "Expired" (issue 13 item 7, the filter).
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as contentRoute from "@/app/api/content/route";
import { POST as transition } from "@/app/api/content/[id]/transitions/route";
import { getDb } from "@/lib/core/db/client";
import { randomString } from "@/lib/core/db/create-id";
import { listContentItems } from "@/lib/domains/content/list-content-items";
import { readStudioFilters, toListQuery } from "@/lib/domains/content/studio-filters";
import { createOrgFixture, type OrgFixture } from "../../support/factories";
import { contentInput } from "../../support/content";
import { callRoute } from "../../support/http";

const DAY = 86_400_000;
let a: OrgFixture;
const tag = `filter${randomString(6)}`;
const ids: Record<"draft" | "live" | "scheduled" | "expired" | "archived", string> = {
  draft: "",
  live: "",
  scheduled: "",
  expired: "",
  archived: "",
};

async function create(name: keyof typeof ids, to: "PUBLISHED" | "ARCHIVED" | null) {
  const created = await callRoute(contentRoute.POST, {
    method: "POST",
    userId: a.admin.user.id,
    body: contentInput({ title: `${tag} ${name}` }),
  });
  expect(created.status).toBe(201);
  const id = (created.json.item as { id: string }).id;
  for (const step of to === "ARCHIVED" ? (["PUBLISHED", "ARCHIVED"] as const) : to ? [to] : []) {
    const moved = await callRoute(transition, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id },
      body: { to: step },
    });
    expect(moved.status).toBe(200);
  }
  ids[name] = id;
}

beforeAll(async () => {
  a = await createOrgFixture();
  await create("draft", null);
  await create("live", "PUBLISHED");
  await create("scheduled", "PUBLISHED");
  await create("expired", "PUBLISHED");
  await create("archived", "ARCHIVED");
  const db = getDb();
  const now = Date.now();
  await db.contentItem.update({
    where: { id: ids.live },
    data: { publishAt: new Date(now - DAY), expireAt: new Date(now + DAY) },
  });
  await db.contentItem.update({
    where: { id: ids.scheduled },
    data: { publishAt: new Date(now + DAY) },
  });
  await db.contentItem.update({
    where: { id: ids.expired },
    data: { publishAt: new Date(now - 3 * DAY), expireAt: new Date(now - DAY) },
  });
});

async function listed(status: string): Promise<string[]> {
  const filters = readStudioFilters({ q: tag, status });
  const { items } = await listContentItems(a.org.id, toListQuery(filters, "UTC", 50));
  return items.map((i) => i.id).sort();
}

describe("the studio's status filter", () => {
  it("lists each item under the status its badge shows", async () => {
    expect(await listed("PUBLISHED")).toEqual([ids.live]);
    expect(await listed("SCHEDULED")).toEqual([ids.scheduled]);
    expect(await listed("EXPIRED")).toEqual([ids.expired]);
    expect(await listed("DRAFT")).toEqual([ids.draft]);
    expect(await listed("ARCHIVED")).toEqual([ids.archived]);
    expect(await listed("")).toHaveLength(5);
  });

  it("the content API filters the same way", async () => {
    const res = await callRoute(contentRoute.GET, {
      userId: a.admin.user.id,
      path: `/api/content?q=${tag}&status=SCHEDULED`,
    });
    expect(res.status).toBe(200);
    expect((res.json.items as { id: string }[]).map((i) => i.id)).toEqual([ids.scheduled]);
  });
});
