import { describe, expect, it } from "vitest";
import { appendDisclosure } from "@/lib/domains/content/append-disclosure";
import { evaluateGuardrails } from "@/lib/domains/content/guardrails";
import { checkTransition, transitionOptions } from "@/lib/domains/content/workflow";
import { authenticityScore } from "@/lib/domains/sharing/authenticity";
import type { ContentStatus } from "@/lib/generated/prisma/enums";

const rules = { disclosureText: "#ad", blockedPhrases: [], requiredHashtags: [] };

describe("appendDisclosure", () => {
  it("puts the disclosure at the end on its own line, once", () => {
    expect(appendDisclosure("Proud of the team!  \n", "#ad")).toBe("Proud of the team!\n\n#ad");
    expect(appendDisclosure("", " #ad ")).toBe("#ad");
    expect(appendDisclosure("Already #AD here", "#ad")).toBe("Already #AD here");
    expect(appendDisclosure("No rule", null)).toBe("No rule");
    expect(appendDisclosure("No rule", "  ")).toBe("No rule");
  });

  it("always satisfies the disclosure guardrail", () => {
    for (const text of ["", "Hello", "Hello #adverts", "x\n\n"]) {
      const codes = evaluateGuardrails(appendDisclosure(text, "#ad"), rules).map((v) => v.code);
      expect(codes, text).not.toContain("MISSING_DISCLOSURE");
    }
  });
});

describe("authenticity ignores the disclosure", () => {
  const caption = "So proud of the team: our new solar park is live!";
  const disclosure = "I work at Fernhill Energy.";

  it("a pasted caption with the disclosure is still copied, own words with it still own", () => {
    expect(authenticityScore(caption, [caption])).toBe(0);
    expect(
      authenticityScore(appendDisclosure(caption, disclosure), [caption], { ignore: disclosure }),
    ).toBe(0);
    // Without ignoring it, its five words would pass for the person's own.
    expect(authenticityScore(appendDisclosure(caption, disclosure), [caption])).toBeGreaterThan(0);
    const own = appendDisclosure("I wired the inverters myself last spring.", disclosure);
    expect(authenticityScore(own, [caption], { ignore: disclosure })).toBe(1);
    expect(authenticityScore(disclosure, [caption], { ignore: disclosure })).toBe(0);
  });
});

describe("transitionOptions", () => {
  const statuses: ContentStatus[] = ["DRAFT", "IN_REVIEW", "PUBLISHED", "ARCHIVED"];

  it("judges every move exactly as checkTransition does", () => {
    for (const from of statuses) {
      for (const requireApproval of [false, true]) {
        for (const actorId of ["usr_author", "usr_other"]) {
          const ctx = { from, requireApproval, actorId, authorId: "usr_author" };
          for (const option of transitionOptions(ctx)) {
            const check = checkTransition({ ...ctx, to: option.to });
            expect(option.allowed, `${from}→${option.to}`).toBe(check.ok);
            if (!check.ok && !option.allowed) expect(option.reason).toBe(check.reason);
            if (check.ok) expect(option.action).toBe(check.action);
          }
        }
      }
    }
  });

  it("withholds approving one's own item with the reason", () => {
    const options = transitionOptions({
      from: "IN_REVIEW",
      requireApproval: true,
      actorId: "usr_a",
      authorId: "usr_a",
    });
    expect(options).toEqual([
      {
        to: "PUBLISHED",
        action: "approve and publish",
        allowed: false,
        reason: "You wrote this item, so another admin has to approve it.",
      },
      { to: "DRAFT", action: "send back to draft", allowed: true },
    ]);
  });
});

describe("transitionOptions under an approval chain", () => {
  const stages = [
    { id: "stg_comms", name: "Comms", requiredCount: 1, roles: ["ADMIN" as const], memberIds: [] },
    { id: "stg_legal", name: "Legal", requiredCount: 1, roles: [], memberIds: ["usr_legal"] },
  ];
  const base = {
    from: "IN_REVIEW" as const,
    requireApproval: true,
    authorId: "usr_author",
    contributorIds: ["usr_author"],
  };

  it("offers a stage approver the stage's own step, not 'approve and publish'", () => {
    const options = transitionOptions({
      ...base,
      actorId: "usr_comms",
      chain: { stages, approvals: [], actorRole: "ADMIN", actorMayApprove: true },
    });
    expect(options.find((o) => o.to === "PUBLISHED")).toEqual({
      to: "PUBLISHED",
      action: "approve at stage 1 of 2 (Comms)",
      allowed: true,
    });
  });

  it("offers the last stage's approver 'approve and publish'", () => {
    const options = transitionOptions({
      ...base,
      actorId: "usr_legal",
      chain: {
        stages,
        approvals: [{ stageId: "stg_comms", actorId: "usr_comms" }],
        actorRole: "ADMIN",
        actorMayApprove: true,
      },
    });
    expect(options.find((o) => o.to === "PUBLISHED")).toEqual({
      to: "PUBLISHED",
      action: "approve and publish",
      allowed: true,
    });
  });
});
