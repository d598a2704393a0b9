/**
 * Issue 13, item 6: the workflow offers only what its rule allows (one function, checkTransition,
 * for the studio page and the transition route), reviewers learn of a submission in the app (the
 * bell, once per submission, answered when the item leaves review) and the studio lists what
 * waits for approval.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as contentRoute from "@/app/api/content/route";
import { POST as transition } from "@/app/api/content/[id]/transitions/route";
import * as notificationsRoute from "@/app/api/notifications/route";
import { PATCH as patchGuardrails } from "@/app/api/settings/guardrails/route";
import { getDb } from "@/lib/core/db/client";
import { getWorkflowOptions } from "@/lib/domains/content/get-workflow-options";
import { listPendingApprovals } from "@/lib/domains/content/list-pending-approvals";
import { notifyApprovalRequest } from "@/lib/domains/content/notify-approval-request";
import { accessFor, addMember, createOrgFixture, type OrgFixture } from "../../support/factories";
import { contentInput } from "../../support/content";
import { callRoute } from "../../support/http";

let a: OrgFixture;
let b: OrgFixture;
let secondAdmin: Awaited<ReturnType<typeof addMember>>;
let thirdAdmin: Awaited<ReturnType<typeof addMember>>;
let inactiveAdmin: Awaited<ReturnType<typeof addMember>>;

type Bell = {
  unread: number;
  notifications: {
    title: string;
    body: string | null;
    url: string | null;
    kind: string;
    read: boolean;
  }[];
};

async function bell(userId: string): Promise<Bell> {
  const res = await callRoute(notificationsRoute.GET, { userId });
  expect(res.status).toBe(200);
  return res.json as unknown as Bell;
}

async function approvalRequests(userId: string, itemId: string) {
  return (await bell(userId)).notifications.filter(
    (n) => n.kind === "approval.requested" && n.url === `/studio/${itemId}`,
  );
}

async function create(userId: string, title = `Post ${Date.now()}`): Promise<string> {
  const res = await callRoute(contentRoute.POST, {
    method: "POST",
    userId,
    body: contentInput({ title }),
  });
  expect(res.status).toBe(201);
  return (res.json.item as { id: string }).id;
}

function move(id: string, to: string, userId: string, comment?: string) {
  return callRoute(transition, {
    method: "POST",
    userId,
    params: { id },
    body: comment ? { to, comment } : { to },
  });
}

async function setRequireApproval(on: boolean) {
  const res = await callRoute(patchGuardrails, {
    method: "PATCH",
    userId: a.admin.user.id,
    body: { requireApproval: on },
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  a = await createOrgFixture();
  b = await createOrgFixture();
  secondAdmin = await addMember(a.org.id, "ADMIN");
  thirdAdmin = await addMember(a.org.id, "ADMIN");
  inactiveAdmin = await addMember(a.org.id, "ADMIN", { status: "DEACTIVATED" });
});

describe("approval in the app", () => {
  it("the author is not offered approving their own item, with the reason; another admin is; the route agrees", async () => {
    await setRequireApproval(true);
    try {
      const id = await create(a.admin.user.id);
      const draft = await getWorkflowOptions(accessFor(a.org, a.admin), id);
      expect(draft).toEqual([
        { to: "IN_REVIEW", action: "submit for review", allowed: true },
        {
          to: "PUBLISHED",
          action: "publish",
          allowed: false,
          reason:
            "This organisation requires approval by a second admin: submit the item for review first.",
        },
        { to: "ARCHIVED", action: "archive", allowed: true },
      ]);
      expect((await move(id, "IN_REVIEW", a.admin.user.id)).status).toBe(200);

      const author = await getWorkflowOptions(accessFor(a.org, a.admin), id);
      expect(author.find((o) => o.to === "PUBLISHED")).toEqual({
        to: "PUBLISHED",
        action: "approve and publish",
        allowed: false,
        reason: "You wrote this item, so another admin has to approve it.",
      });
      expect(author.find((o) => o.to === "DRAFT")?.allowed).toBe(true);
      const reviewer = await getWorkflowOptions(accessFor(a.org, secondAdmin), id);
      expect(reviewer.find((o) => o.to === "PUBLISHED")?.allowed).toBe(true);

      // What the page withholds, the route refuses; what it offers, the route does.
      const refused = await move(id, "PUBLISHED", a.admin.user.id);
      expect(refused.status).toBe(409);
      expect(refused.json.error?.message).toBe(
        "You wrote this item, so another admin has to approve it.",
      );
      expect((await move(id, "PUBLISHED", secondAdmin.user.id)).status).toBe(200);
      // Another organisation's item: not found, like everywhere else.
      await expect(getWorkflowOptions(accessFor(b.org, b.admin), id)).rejects.toThrow(
        "Content item was not found.",
      );
    } finally {
      await setRequireApproval(false);
    }
  });

  it("a submission rings the bell of each admin who may approve it, once, linking to the item; approval answers it", async () => {
    await setRequireApproval(true);
    try {
      // Written by the second admin, submitted by the first: neither may approve it.
      const title = `Grid lab open day ${Date.now()}`;
      const id = await create(secondAdmin.user.id, title);
      expect((await move(id, "IN_REVIEW", a.admin.user.id, "Ready for you")).status).toBe(200);

      const asked = await approvalRequests(thirdAdmin.user.id, id);
      expect(asked).toEqual([
        {
          kind: "approval.requested",
          title: `${a.admin.user.name} asks you to approve “${title}”`,
          body: "Ready for you",
          url: `/studio/${id}`,
          read: false,
          id: expect.any(String),
          createdAt: expect.any(String),
        },
      ]);
      for (const userId of [
        a.admin.user.id, // the submitter
        secondAdmin.user.id, // the author
        a.manager.user.id,
        a.employee.user.id,
      ]) {
        expect(await approvalRequests(userId, id), userId).toEqual([]);
      }
      // A deactivated admin cannot open the bell: nothing is written for them either.
      expect(await getDb().notification.count({ where: { userId: inactiveAdmin.user.id } })).toBe(
        0,
      );
      // Called again (a retry, a double click): no second request.
      expect(await notifyApprovalRequest(accessFor(a.org, a.admin), id)).toBe(0);
      expect(await approvalRequests(thirdAdmin.user.id, id)).toHaveLength(1);

      // The studio lists it, and says who may approve it.
      const forThird = await listPendingApprovals(accessFor(a.org, thirdAdmin));
      expect(forThird.find((p) => p.id === id)).toMatchObject({
        title,
        submittedBy: a.admin.user.name,
        canApprove: true,
        reason: null,
      });
      const forAuthor = await listPendingApprovals(accessFor(a.org, secondAdmin));
      expect(forAuthor.find((p) => p.id === id)).toMatchObject({
        canApprove: false,
        reason: "You wrote this item, so another admin has to approve it.",
      });
      expect(
        (await listPendingApprovals(accessFor(b.org, b.admin))).map((p) => p.id),
      ).not.toContain(id);

      // Sent back and submitted again: a new request.
      expect((await move(id, "DRAFT", thirdAdmin.user.id, "One more photo")).status).toBe(200);
      expect((await approvalRequests(thirdAdmin.user.id, id)).every((n) => n.read)).toBe(true);
      expect((await move(id, "IN_REVIEW", a.admin.user.id)).status).toBe(200);
      const again = await approvalRequests(thirdAdmin.user.id, id);
      expect(again).toHaveLength(2);
      expect(again[0]!.read).toBe(false);

      // Approved: the request is answered (read), and the item leaves the list.
      expect((await move(id, "PUBLISHED", thirdAdmin.user.id)).status).toBe(200);
      expect((await approvalRequests(thirdAdmin.user.id, id)).every((n) => n.read)).toBe(true);
      expect(
        (await listPendingApprovals(accessFor(a.org, thirdAdmin))).map((p) => p.id),
      ).not.toContain(id);
      const rows = await getDb().notification.count({
        where: { orgId: b.org.id, kind: "approval.requested" },
      });
      expect(rows).toBe(0);
    } finally {
      await setRequireApproval(false);
    }
  });
});
