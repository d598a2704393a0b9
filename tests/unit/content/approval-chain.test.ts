import { describe, expect, it } from "vitest";
import {
  checkChainApproval,
  checkChainSendBack,
  currentStageIndex,
  type ChainState,
} from "@/lib/domains/content/approval-chain";

const stages = [
  { id: "s1", name: "Comms", requiredCount: 2, roles: [], memberIds: ["c1", "c2", "author"] },
  { id: "s2", name: "Legal", requiredCount: 1, roles: ["ADMIN" as const], memberIds: [] },
];

function state(approvals: ChainState["approvals"], actorRole: ChainState["actorRole"] = "ADMIN") {
  return { stages, approvals, actorRole, actorMayApprove: actorRole === "ADMIN" };
}
const who = (actorId: string) => ({ actorId, authorId: "author", lastEditedById: "editor" });

describe("approval chain rule", () => {
  it("stays at a stage until enough different people approved", () => {
    expect(currentStageIndex(state([]))).toBe(0);
    expect(currentStageIndex(state([{ stageId: "s1", actorId: "c1" }]))).toBe(0);
    // The same person twice counts once.
    expect(
      currentStageIndex(
        state([
          { stageId: "s1", actorId: "c1" },
          { stageId: "s1", actorId: "c1" },
        ]),
      ),
    ).toBe(0);
    const both = [
      { stageId: "s1", actorId: "c1" },
      { stageId: "s1", actorId: "c2" },
    ];
    expect(currentStageIndex(state(both))).toBe(1);
    expect(currentStageIndex(state([...both, { stageId: "s2", actorId: "x" }]))).toBe(2);
  });

  it("never lets the writers approve, and only the current stage's approvers", () => {
    expect(checkChainApproval(state([]), who("author"))).toMatchObject({ ok: false });
    expect(checkChainApproval(state([]), who("editor"))).toMatchObject({ ok: false });
    expect(checkChainApproval(state([]), who("legal"))).toMatchObject({ ok: false });
    expect(checkChainApproval(state([]), who("c1"))).toEqual({
      ok: true,
      stageIndex: 0,
      completes: false,
    });
    const once = state([{ stageId: "s1", actorId: "c1" }]);
    expect(checkChainApproval(once, who("c1"))).toMatchObject({ ok: false });
    const atLegal = state([
      { stageId: "s1", actorId: "c1" },
      { stageId: "s1", actorId: "c2" },
    ]);
    expect(checkChainApproval(atLegal, who("legal"))).toEqual({
      ok: true,
      stageIndex: 1,
      completes: true,
    });
    // A role stage: a manager's role is not an approver there.
    expect(checkChainApproval({ ...atLegal, actorRole: "MANAGER" }, who("m"))).toMatchObject({
      ok: false,
    });
  });

  it("lets the current approvers and the writers send back", () => {
    const s = state([]);
    const back = (actorId: string) =>
      checkChainSendBack(s, { actorId, authorId: "author", contributorIds: ["editor"] }).ok;
    expect([back("c1"), back("author"), back("editor"), back("legal")]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});
