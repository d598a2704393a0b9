/**
 * Issue 17: approval chains. An organisation's stages ("Comms" then "Legal"), each with its
 * approvers and how many must approve; an item in review moves stage by stage, can be sent back
 * with a comment, restarts at stage 1 when edited, is never approved by its writers, counts a person
 * once per stage, and survives approvers clicking at the same moment.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as contentRoute from "@/app/api/content/route";
import * as itemRoute from "@/app/api/content/[id]/route";
import { POST as transition } from "@/app/api/content/[id]/transitions/route";
import * as stagesRoute from "@/app/api/settings/approval-stages/route";
import * as stageRoute from "@/app/api/settings/approval-stages/[id]/route";
import * as notificationsRoute from "@/app/api/notifications/route";
import { PATCH as patchGuardrails } from "@/app/api/settings/guardrails/route";
import { getDb } from "@/lib/core/db/client";
import { listPendingApprovals } from "@/lib/domains/content/list-pending-approvals";
import { addMember, createOrgFixture, type OrgFixture } from "../../support/factories";
import { contentInput } from "../../support/content";
import { callRoute } from "../../support/http";

type Member = Awaited<ReturnType<typeof addMember>>;
type Stage = { id: string; name: string; requiredCount: number; roles: string[] };

let a: OrgFixture;
let b: OrgFixture;
let comms1: Member;
let comms2: Member;
let legal1: Member;
let legal2: Member;
let stages: Stage[];

async function create(userId: string): Promise<string> {
  const res = await callRoute(contentRoute.POST, { method: "POST", userId, body: contentInput() });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
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

const approve = (id: string, userId: string) => move(id, "PUBLISHED", userId);

async function status(id: string): Promise<string> {
  return (await getDb().contentItem.findUniqueOrThrow({ where: { id } })).status;
}

async function submitted(): Promise<string> {
  const id = await create(a.admin.user.id);
  expect((await move(id, "IN_REVIEW", a.admin.user.id)).status).toBe(200);
  return id;
}

async function requireApproval(adminId: string, on = true) {
  const res = await callRoute(patchGuardrails, {
    method: "PATCH",
    userId: adminId,
    body: { requireApproval: on },
  });
  expect(res.status).toBe(200);
}

async function addStage(body: Record<string, unknown>, userId = a.admin.user.id) {
  return callRoute(stagesRoute.POST, { method: "POST", userId, body });
}

async function requests(userId: string, itemId: string) {
  const res = await callRoute(notificationsRoute.GET, { userId });
  return (res.json.notifications as { kind: string; url: string; read: boolean }[]).filter(
    (n) => n.kind === "approval.requested" && n.url === `/studio/${itemId}`,
  );
}

beforeAll(async () => {
  a = await createOrgFixture();
  b = await createOrgFixture();
  comms1 = await addMember(a.org.id, "ADMIN");
  comms2 = await addMember(a.org.id, "ADMIN");
  legal1 = await addMember(a.org.id, "ADMIN");
  legal2 = await addMember(a.org.id, "ADMIN");
  await requireApproval(a.admin.user.id);
  // The author (a.admin) is a Comms approver too: that never lets them approve their own item.
  expect(
    (
      await addStage({
        name: "Comms",
        requiredCount: 2,
        memberIds: [a.admin.user.id, comms1.user.id, comms2.user.id],
      })
    ).status,
  ).toBe(201);
  const legal = await addStage({ name: "Legal", memberIds: [legal1.user.id, legal2.user.id] });
  expect(legal.status).toBe(201);
  stages = legal.json.stages as Stage[];
  expect(stages.map((s) => [s.name, s.requiredCount])).toEqual([
    ["Comms", 2],
    ["Legal", 1],
  ]);
});

describe("approval stages (settings)", () => {
  it("refuses bad stages with a message, other roles, and other organisations' ids", async () => {
    expect((await addStage({ name: "", memberIds: [comms1.user.id] })).status).toBe(400);
    expect((await addStage({ name: "X", requiredCount: 0, roles: ["ADMIN"] })).status).toBe(400);
    const none = await addStage({ name: "Nobody" });
    expect(none.status).toBe(400);
    expect(none.json.error).toBeTruthy();
    // Two approvals needed, one person named.
    expect(
      (await addStage({ name: "Thin", requiredCount: 2, memberIds: [comms1.user.id] })).status,
    ).toBe(400);
    // Another organisation's member is not an approver here.
    expect((await addStage({ name: "Foreign", memberIds: [b.admin.user.id] })).status).toBe(404);
    // Managers and employees do not manage the chain.
    expect((await addStage({ name: "M", roles: ["ADMIN"] }, a.manager.user.id)).status).toBe(403);
    // Another organisation's admin: a's stage ids are unknown to them.
    const foreign = await callRoute(stageRoute.PATCH, {
      method: "PATCH",
      userId: b.admin.user.id,
      params: { id: stages[0]!.id },
      body: { name: "Hijack" },
    });
    expect(foreign.status).toBe(404);
    const del = await callRoute(stageRoute.DELETE, {
      method: "DELETE",
      userId: b.admin.user.id,
      params: { id: stages[0]!.id },
    });
    expect(del.status).toBe(404);
    const reorder = await callRoute(stagesRoute.PUT, {
      method: "PUT",
      userId: b.admin.user.id,
      body: { ids: [stages[1]!.id, stages[0]!.id] },
    });
    expect(reorder.status).toBe(404);
    expect(await getDb().approvalStage.count({ where: { orgId: a.org.id } })).toBe(2);
  });

  it("adds, renames, reorders and deletes a stage", async () => {
    const res = await addStage({ name: "Extra", roles: ["ADMIN"] });
    const extra = (res.json.stages as Stage[]).find((s) => s.name === "Extra")!;
    const renamed = await callRoute(stageRoute.PATCH, {
      method: "PATCH",
      userId: a.admin.user.id,
      params: { id: extra.id },
      body: { name: "Extra check", requiredCount: 2 },
    });
    expect(renamed.status).toBe(200);
    const order = [extra.id, stages[0]!.id, stages[1]!.id];
    const moved = await callRoute(stagesRoute.PUT, {
      method: "PUT",
      userId: a.admin.user.id,
      body: { ids: order },
    });
    expect(moved.status).toBe(200);
    expect((moved.json.stages as Stage[]).map((s) => s.id)).toEqual(order);
    const gone = await callRoute(stageRoute.DELETE, {
      method: "DELETE",
      userId: a.admin.user.id,
      params: { id: extra.id },
    });
    expect(gone.status).toBe(200);
    expect((gone.json.stages as Stage[]).map((s) => s.name)).toEqual(["Comms", "Legal"]);
  });
});

describe("an item through two stages", () => {
  it("needs two Comms approvals, then Legal; the author never approves; a person counts once", async () => {
    const id = await submitted();
    expect(await requests(comms1.user.id, id)).toHaveLength(1);
    expect(await requests(legal1.user.id, id)).toHaveLength(0);

    const own = await approve(id, a.admin.user.id);
    expect(own.status).toBe(409);
    expect(JSON.stringify(own.json)).toMatch(/wrote this item/);
    expect((await approve(id, legal1.user.id)).status).toBe(409); // not Legal's turn yet

    const first = await approve(id, comms1.user.id);
    expect(first.status).toBe(200);
    expect((first.json.item as { status: string }).status).toBe("IN_REVIEW");
    const again = await approve(id, comms1.user.id);
    expect(again.status).toBe(409);
    expect(await status(id)).toBe("IN_REVIEW");

    // Waiting for me: Comms 2 can approve, Legal cannot yet.
    const forComms2 = await listPendingApprovals({ orgId: a.org.id, userId: comms2.user.id });
    expect(forComms2.find((p) => p.id === id)?.canApprove).toBe(true);
    const forLegal = await listPendingApprovals({ orgId: a.org.id, userId: legal1.user.id });
    expect(forLegal.find((p) => p.id === id)?.canApprove).toBe(false);

    expect((await approve(id, comms2.user.id)).status).toBe(200);
    expect(await status(id)).toBe("IN_REVIEW");
    // Stage 2 opened: Legal is asked, Comms' requests are answered.
    expect(await requests(legal1.user.id, id)).toHaveLength(1);
    expect((await requests(comms2.user.id, id)).every((n) => n.read)).toBe(true);
    const nowLegal = await listPendingApprovals({ orgId: a.org.id, userId: legal1.user.id });
    expect(nowLegal.find((p) => p.id === id)).toMatchObject({ canApprove: true, stage: "Legal" });

    const last = await approve(id, legal1.user.id);
    expect(last.status).toBe(200);
    expect(await status(id)).toBe("PUBLISHED");
    expect((await requests(legal2.user.id, id)).every((n) => n.read)).toBe(true);

    const steps = await getDb().contentApprovalStep.findMany({
      where: { itemId: id },
      orderBy: { createdAt: "asc" },
    });
    expect(steps.map((s) => [s.kind, s.stageName])).toEqual([
      ["submitted", "Comms"],
      ["approved", "Comms"],
      ["approved", "Comms"],
      ["approved", "Legal"],
    ]);
    // The item page's history shows each step.
    const page = await callRoute(itemRoute.GET, { userId: a.admin.user.id, params: { id } });
    const labels = (page.json.item as { history: { label?: string | null }[] }).history.map(
      (h) => h.label,
    );
    expect(labels).toContain("Approved at stage 2 of 2 (Legal), and published");
    expect(labels.filter((l) => l === "Approved at stage 1 of 2 (Comms)")).toHaveLength(2);
  });

  it("is sent back only with a comment, by a current approver; resubmitting starts at stage 1", async () => {
    const id = await submitted();
    await approve(id, comms1.user.id);
    await approve(id, comms2.user.id);
    const bare = await move(id, "DRAFT", legal1.user.id);
    expect(bare.status).toBe(400);
    expect(JSON.stringify(bare.json)).toMatch(/comment is required/);
    // Comms approved already; it is Legal's stage now.
    expect((await move(id, "DRAFT", comms1.user.id, "Hmm")).status).toBe(409);
    const back = await move(id, "DRAFT", legal1.user.id, "Claim needs a source.");
    expect(back.status).toBe(200);
    expect(await status(id)).toBe("DRAFT");
    const sentBack = await getDb().contentApprovalStep.findFirstOrThrow({
      where: { itemId: id, kind: "sent_back" },
    });
    expect(sentBack).toMatchObject({ stageName: "Legal", comment: "Claim needs a source." });

    expect((await move(id, "IN_REVIEW", a.admin.user.id)).status).toBe(200);
    // A new round: Legal waits again for Comms; Comms approve again.
    expect((await approve(id, legal1.user.id)).status).toBe(409);
    expect((await approve(id, comms1.user.id)).status).toBe(200);
    expect((await approve(id, comms2.user.id)).status).toBe(200);
    expect((await approve(id, legal2.user.id)).status).toBe(200);
    expect(await status(id)).toBe("PUBLISHED");
  });

  it("an edit after partial or full approval restarts the chain at stage 1", async () => {
    const id = await submitted();
    await approve(id, comms1.user.id);
    const edit = await callRoute(itemRoute.PATCH, {
      method: "PATCH",
      userId: a.admin.user.id,
      params: { id },
      body: { body: "We connected our 41 MW solar park in Brandenburg to the grid." },
    });
    expect(edit.status, JSON.stringify(edit.json)).toBe(200);
    expect(await status(id)).toBe("IN_REVIEW");
    // Comms 1's approval was for the old text: Comms 2 alone does not finish stage 1.
    await approve(id, comms2.user.id);
    expect(
      (await listPendingApprovals({ orgId: a.org.id, userId: legal1.user.id })).find(
        (p) => p.id === id,
      )?.canApprove,
    ).toBe(false);
    expect((await approve(id, comms1.user.id)).status).toBe(200);
    expect((await approve(id, legal1.user.id)).status).toBe(200);
    expect(await status(id)).toBe("PUBLISHED");

    // Edited after full approval: back in review, at stage 1.
    const late = await callRoute(itemRoute.PATCH, {
      method: "PATCH",
      userId: legal2.user.id,
      params: { id },
      body: { title: "A changed title" },
    });
    expect(late.status).toBe(200);
    expect(await status(id)).toBe("IN_REVIEW");
    const kinds = await getDb().contentApprovalStep.findMany({
      where: { itemId: id, kind: "restarted" },
    });
    expect(kinds).toHaveLength(2);
    // Whoever edited this version does not approve it, even at their own stage.
    await approve(id, comms1.user.id);
    await approve(id, comms2.user.id);
    const editor = await approve(id, legal2.user.id);
    expect(editor.status).toBe(409);
    expect(JSON.stringify(editor.json)).toMatch(/edited this version/);
  });

  it("two approvers at once: exactly the right outcome, no double advance", async () => {
    const id = await submitted();
    const [x, y] = await Promise.all([approve(id, comms1.user.id), approve(id, comms2.user.id)]);
    expect([x.status, y.status], JSON.stringify([x.json, y.json])).toEqual([200, 200]);
    expect(await status(id)).toBe("IN_REVIEW");
    // The same person twice at once counts once.
    const [p, q] = await Promise.all([approve(id, legal1.user.id), approve(id, legal1.user.id)]);
    expect([p.status, q.status].sort()).toEqual([200, 409]);
    expect(await status(id)).toBe("PUBLISHED");
    // Two Legal approvers racing for a stage that needs one: one publishes, the other is refused.
    const id2 = await submitted();
    await Promise.all([approve(id2, comms1.user.id), approve(id2, comms2.user.id)]);
    const [r, s] = await Promise.all([approve(id2, legal1.user.id), approve(id2, legal2.user.id)]);
    expect([r.status, s.status].sort()).toEqual([200, 409]);
    const db = getDb();
    expect(await db.contentApprovalStep.count({ where: { itemId: id2, kind: "approved" } })).toBe(
      3,
    );
    expect(
      await db.contentTransition.count({ where: { itemId: id2, toStatus: "PUBLISHED" } }),
    ).toBe(1);
  });

  it("another organisation's item answers 404; managers cannot approve", async () => {
    const id = await submitted();
    expect((await approve(id, b.admin.user.id)).status).toBe(404);
    expect((await move(id, "DRAFT", b.admin.user.id, "no")).status).toBe(404);
    expect((await approve(id, a.manager.user.id)).status).toBe(403);
    expect(await status(id)).toBe("IN_REVIEW");
  });

  it("a role stage: any admin but the writers approves", async () => {
    const c = await createOrgFixture();
    const other = await addMember(c.org.id, "ADMIN");
    const res = await callRoute(stagesRoute.POST, {
      method: "POST",
      userId: c.admin.user.id,
      body: { name: "Any admin", roles: ["ADMIN"] },
    });
    expect(res.status).toBe(201);
    // Stages apply while approval is required: off, an admin publishes directly.
    const direct = await create(c.admin.user.id);
    expect((await move(direct, "PUBLISHED", c.admin.user.id)).status).toBe(200);
    await requireApproval(c.admin.user.id);
    const id = await create(c.admin.user.id);
    // Publishing directly is refused: stages require approval.
    expect((await move(id, "PUBLISHED", c.admin.user.id)).status).toBe(409);
    expect((await move(id, "IN_REVIEW", c.admin.user.id)).status).toBe(200);
    expect((await approve(id, c.admin.user.id)).status).toBe(409);
    expect((await approve(id, c.manager.user.id)).status).toBe(403);
    expect((await approve(id, other.user.id)).status).toBe(200);
    expect(await status(id)).toBe("PUBLISHED");
  });
});

describe("no stages configured", () => {
  it("keeps the single-step rule: a second admin approves and publishes", async () => {
    await requireApproval(b.admin.user.id);
    const id = await create(b.admin.user.id);
    const second = await addMember(b.org.id, "ADMIN");
    expect((await approve(id, b.admin.user.id)).status).toBe(409);
    expect((await move(id, "IN_REVIEW", b.admin.user.id)).status).toBe(200);
    expect((await approve(id, second.user.id)).status).toBe(200);
    expect(await status(id)).toBe("PUBLISHED");
    expect(await getDb().contentApprovalStep.count({ where: { itemId: id } })).toBe(0);
  });
});
