/**
 * Delegated capabilities: an admin grants a manager or an employee "content approver" or
 * "analytics viewer" on the members page (PATCH /api/members/[id]); access resolution adds their
 * permissions and nothing more.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as contentRoute from "@/app/api/content/route";
import { POST as transition } from "@/app/api/content/[id]/transitions/route";
import * as memberRoute from "@/app/api/members/[id]/route";
import * as stagesRoute from "@/app/api/settings/approval-stages/route";
import { PATCH as patchGuardrails } from "@/app/api/settings/guardrails/route";
import { POST as createScimTokenRoute } from "@/app/api/scim-tokens/route";
import { getDb } from "@/lib/core/db/client";
import { can } from "@/lib/domains/access/permissions";
import { resolveAccess, type Access } from "@/lib/domains/access/resolve-access";
import { loadDashboard } from "@/lib/domains/analytics/load-dashboard";
import { listApprovers } from "@/lib/domains/content/list-approvers";
import { createOrgFixture, type OrgFixture } from "../../support/factories";
import { contentInput } from "../../support/content";
import { callRoute } from "../../support/http";

let a: OrgFixture;

async function grant(membershipId: string, capabilities: string[], userId = a.admin.user.id) {
  return callRoute(memberRoute.PATCH, {
    method: "PATCH",
    userId,
    params: { id: membershipId },
    body: { capabilities },
  });
}

async function accessOf(userId: string): Promise<Access> {
  const result = await resolveAccess(userId);
  if (result.kind !== "member") throw new Error(result.kind);
  return result.access;
}

beforeAll(async () => {
  a = await createOrgFixture();
});

describe("granting", () => {
  it("an admin grants and revokes; it is audit logged; others cannot; unknown names are refused", async () => {
    const id = a.employee.membership.id;
    expect((await grant(id, ["analytics_viewer"], a.manager.user.id)).status).toBe(403);
    expect((await grant(id, ["employee_of_the_month"])).status).toBe(400);
    const ok = await grant(id, ["analytics_viewer", "analytics_viewer"]);
    expect(ok.status, JSON.stringify(ok.json)).toBe(200);
    const row = await getDb().membership.findUniqueOrThrow({ where: { id } });
    expect(row.capabilities).toEqual(["analytics_viewer"]);
    const audit = await getDb().auditLog.findFirst({
      where: { orgId: a.org.id, targetId: id, action: "member.capabilities_change" },
    });
    expect(audit).not.toBeNull();
    expect((await grant(id, [])).status).toBe(200);
    expect((await getDb().membership.findUniqueOrThrow({ where: { id } })).capabilities).toEqual(
      [],
    );
  });
});

describe("content approver", () => {
  it("an employee with it approves an item in review and still cannot do admin things", async () => {
    const approver = a.employee;
    expect((await grant(approver.membership.id, ["content_approver"])).status).toBe(200);
    const guard = await callRoute(patchGuardrails, {
      method: "PATCH",
      userId: a.admin.user.id,
      body: { requireApproval: true },
    });
    expect(guard.status).toBe(200);
    const created = await callRoute(contentRoute.POST, {
      method: "POST",
      userId: a.admin.user.id,
      body: contentInput(),
    });
    const itemId = (created.json.item as { id: string }).id;
    const submit = await callRoute(transition, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id: itemId },
      body: { to: "IN_REVIEW" },
    });
    expect(submit.status).toBe(200);
    const approvers = await listApprovers(a.org.id, itemId, a.admin.user.id);
    expect(approvers.map((p) => p.userId)).toContain(approver.user.id);

    const approve = await callRoute(transition, {
      method: "POST",
      userId: approver.user.id,
      params: { id: itemId },
      body: { to: "PUBLISHED" },
    });
    expect(approve.status, JSON.stringify(approve.json)).toBe(200);
    const item = await getDb().contentItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(item.status).toBe("PUBLISHED");

    // Still an employee: no content editing, no member changes, no settings, no SCIM tokens.
    const access = await accessOf(approver.user.id);
    expect(can(access, "content:manage")).toBe(false);
    expect(
      (
        await callRoute(contentRoute.POST, {
          method: "POST",
          userId: approver.user.id,
          body: contentInput(),
        })
      ).status,
    ).toBe(403);
    expect(
      (await grant(a.manager.membership.id, ["content_approver"], approver.user.id)).status,
    ).toBe(403);
    expect(
      (
        await callRoute(stagesRoute.POST, {
          method: "POST",
          userId: approver.user.id,
          body: { name: "Mine", roles: ["EMPLOYEE"] },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await callRoute(createScimTokenRoute, {
          method: "POST",
          userId: approver.user.id,
          body: { name: "sneaky" },
        })
      ).status,
    ).toBe(403);
    await grant(approver.membership.id, []);
    await callRoute(patchGuardrails, {
      method: "PATCH",
      userId: a.admin.user.id,
      body: { requireApproval: false },
    });
  });

  it("without it, the same employee is refused", async () => {
    const other = await createOrgFixture();
    const created = await callRoute(contentRoute.POST, {
      method: "POST",
      userId: other.admin.user.id,
      body: contentInput(),
    });
    const itemId = (created.json.item as { id: string }).id;
    await callRoute(transition, {
      method: "POST",
      userId: other.admin.user.id,
      params: { id: itemId },
      body: { to: "IN_REVIEW" },
    });
    const refused = await callRoute(transition, {
      method: "POST",
      userId: other.employee.user.id,
      params: { id: itemId },
      body: { to: "PUBLISHED" },
    });
    expect(refused.status).toBe(403);
  });
});

describe("analytics viewer", () => {
  it("an employee with it reads the organisation's dashboard, and not before", async () => {
    const viewer = a.employee;
    const before = await accessOf(viewer.user.id);
    expect(can(before, "dashboard:read")).toBe(false);
    await expect(loadDashboard(before, {})).rejects.toThrow();
    expect((await grant(viewer.membership.id, ["analytics_viewer"])).status).toBe(200);
    const after = await accessOf(viewer.user.id);
    expect(can(after, "dashboard:read")).toBe(true);
    expect(can(after, "analytics:export")).toBe(false);
    expect(can(after, "members:update")).toBe(false);
    const data = await loadDashboard(after, {});
    // Organisation-wide, like an admin: every team to filter by.
    expect(data.scope.teams.map((t) => t.id).sort()).toEqual([a.teamA.id, a.teamB.id].sort());
    await grant(viewer.membership.id, []);
  });
});
