import { beforeAll, describe, expect, it } from "vitest";
import * as notificationsRoute from "@/app/api/notifications/route";
import { POST as readOne } from "@/app/api/notifications/[id]/read/route";
import { POST as readAll } from "@/app/api/notifications/read-all/route";
import * as contentRoute from "@/app/api/content/route";
import { POST as transition } from "@/app/api/content/[id]/transitions/route";
import { getDb } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { createNotification } from "@/lib/domains/notifications/create-notification";
import { addMember, createOrgFixture, type OrgFixture } from "../../support/factories";
import { contentInput } from "../../support/content";
import { callRoute } from "../../support/http";

let a: OrgFixture;
let b: OrgFixture;

type ListJson = {
  unread: number;
  notifications: { id: string; title: string; read: boolean; url: string | null; kind: string }[];
};

async function list(userId: string) {
  const res = await callRoute(notificationsRoute.GET, { userId });
  expect(res.status).toBe(200);
  return res.json as unknown as ListJson;
}

beforeAll(async () => {
  a = await createOrgFixture();
  b = await createOrgFixture();
});

describe("notifications", () => {
  it("lists the member's latest 20 with the unread count, newest first", async () => {
    const user = a.employee.user.id;
    for (let i = 0; i < 22; i++) {
      await createNotification({
        orgId: a.org.id,
        userId: user,
        kind: "share.posted",
        title: `Posted ${i}`,
        body: i === 21 ? "Your post is on LinkedIn." : undefined,
        url: "/activity",
      });
    }
    // Someone else's, and the same person's in another organisation, are not listed.
    await createNotification({
      orgId: a.org.id,
      userId: a.manager.user.id,
      kind: "x",
      title: "Other user",
    });
    await createNotification({ orgId: b.org.id, userId: user, kind: "x", title: "Other org" });

    const json = await list(user);
    expect(json.unread).toBe(22);
    expect(json.notifications).toHaveLength(20);
    expect(json.notifications[0]).toMatchObject({
      title: "Posted 21",
      read: false,
      url: "/activity",
    });
    expect(json.notifications.map((n) => n.title)).not.toContain("Other user");
    expect(json.notifications.map((n) => n.title)).not.toContain("Other org");
    expect((await list(a.manager.user.id)).unread).toBe(1);
  });

  it("marks one read, refuses another user's id with 404, then marks all read", async () => {
    const user = a.admin.user.id;
    const mine = await createNotification({
      orgId: a.org.id,
      userId: user,
      kind: "x",
      title: "Mine 1",
    });
    await createNotification({ orgId: a.org.id, userId: user, kind: "x", title: "Mine 2" });
    const theirs = await createNotification({
      orgId: a.org.id,
      userId: a.manager.user.id,
      kind: "x",
      title: "Theirs",
    });
    const otherOrg = await createNotification({
      orgId: b.org.id,
      userId: b.admin.user.id,
      kind: "x",
      title: "B",
    });

    expect((await list(user)).unread).toBe(2);
    const one = await callRoute(readOne, { method: "POST", userId: user, params: { id: mine } });
    expect(one.status).toBe(200);
    expect(one.json.unread).toBe(1);
    // Idempotent.
    expect(
      (await callRoute(readOne, { method: "POST", userId: user, params: { id: mine } })).status,
    ).toBe(200);

    for (const id of [theirs, otherOrg, "ntf_doesnotexist"]) {
      const denied = await callRoute(readOne, { method: "POST", userId: user, params: { id } });
      expect(denied.status, id).toBe(404);
    }
    const theirsRow = await getDb().notification.findUniqueOrThrow({ where: { id: theirs } });
    expect(theirsRow.readAt).toBeNull();

    const all = await callRoute(readAll, { method: "POST", userId: user });
    expect(all.status).toBe(200);
    expect(all.json.marked).toBe(1);
    const after = await list(user);
    expect(after.unread).toBe(0);
    expect(after.notifications.every((n) => n.read)).toBe(true);
    expect(
      (await getDb().notification.findUniqueOrThrow({ where: { id: theirs } })).readAt,
    ).toBeNull();
  });

  it("needs a signed-in member", async () => {
    expect((await callRoute(notificationsRoute.GET, {})).status).toBe(401);
    expect((await callRoute(readAll, { method: "POST" })).status).toBe(401);
    const deactivated = await callRoute(notificationsRoute.GET, { userId: a.deactivated.user.id });
    expect(deactivated.status).toBe(403);
  });

  it("tells the employee whose suggestion became an item when it is published, once", async () => {
    const author = await addMember(a.org.id, "EMPLOYEE");
    const created = await callRoute(contentRoute.POST, {
      method: "POST",
      userId: a.admin.user.id,
      body: contentInput({ title: "Our apprentices' first year" }),
    });
    expect(created.status).toBe(201);
    const itemId = (created.json.item as { id: string }).id;
    await getDb().suggestion.create({
      data: {
        id: createId("sug"),
        orgId: a.org.id,
        membershipId: author.membership.id,
        title: "Apprentices",
        body: "Story idea",
        status: "ACCEPTED",
        itemId,
      },
    });
    const publish = (to: string) =>
      callRoute(transition, {
        method: "POST",
        userId: a.admin.user.id,
        params: { id: itemId },
        body: { to },
      });
    expect((await publish("PUBLISHED")).status).toBe(200);
    const json = await list(author.user.id);
    expect(json.unread).toBe(1);
    expect(json.notifications[0]).toMatchObject({
      kind: "content.published",
      title: "Your story is live: Our apprentices' first year",
      url: `/share/${itemId}`,
    });
    // Unpublished and published again: no second notification.
    expect((await publish("DRAFT")).status).toBe(200);
    expect((await publish("PUBLISHED")).status).toBe(200);
    expect((await list(author.user.id)).notifications).toHaveLength(1);
  });
});
