import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, auditCategory, AUDIT_CATEGORIES } from "@/lib/domains/audit/audit-actions";
import {
  describeAuditEntry,
  type DescribableEntry,
} from "@/lib/domains/audit-log/describe-audit-entry";
import {
  decodeCursor,
  encodeCursor,
  auditFiltersSchema,
} from "@/lib/domains/audit-log/list-audit-entries";
import { auditChange } from "@/lib/domains/audit/audit-change";

const base = (over: Partial<DescribableEntry>): DescribableEntry => ({
  action: "member.role_change",
  actorName: "Priya Raman",
  targetType: null,
  targetLabel: null,
  metadata: null,
  ...over,
});

describe("describeAuditEntry", () => {
  it.each<[Partial<DescribableEntry>, string]>([
    [
      {
        targetType: "membership",
        targetLabel: "Sofia Ortiz",
        metadata: { before: { role: "EMPLOYEE", status: "ACTIVE" }, change: { role: "MANAGER" } },
      },
      "Priya Raman changed Sofia Ortiz’s role from Employee to Manager",
    ],
    [
      { action: "member.deactivate", targetLabel: "Jonas Weber", metadata: {} },
      "Priya Raman deactivated Jonas Weber",
    ],
    [
      {
        action: "member.update",
        targetLabel: "Jonas Weber",
        metadata: { before: { teamIds: [] }, change: { teamIds: ["t1"] } },
      },
      "Priya Raman changed Jonas Weber’s teams",
    ],
    [
      { action: "invitation.create", metadata: { email: "a@b.example", role: "MANAGER" } },
      "Priya Raman invited a@b.example as Manager",
    ],
    [
      { action: "team.delete", targetLabel: null, metadata: { name: "Field crews" } },
      "Priya Raman deleted the team “Field crews”",
    ],
    [
      {
        action: "settings.guardrails_update",
        metadata: { before: { maxSharesPerDay: 3 }, after: { maxSharesPerDay: 5 } },
      },
      "Priya Raman changed the content guardrails (max shares per day)",
    ],
    [
      { action: "content.approve", targetLabel: "Solar park live" },
      "Priya Raman approved and published the post “Solar park live”",
    ],
    [
      { action: "content.delete", targetLabel: null, metadata: { title: "Old news" } },
      "Priya Raman deleted the post “Old news”",
    ],
    [
      {
        action: "apikey.create",
        metadata: { name: "CRM", kind: "secret", prefix: "chorus_sk_ab12" },
      },
      "Priya Raman created the API key “CRM”",
    ],
    [
      {
        action: "analytics.export",
        metadata: { table: "shares", from: "2026-01-01", to: "2026-01-31" },
      },
      "Priya Raman exported the analytics table “shares” for 2026-01-01 to 2026-01-31",
    ],
    [{ action: "audit.export", metadata: { filters: {} } }, "Priya Raman exported the audit log"],
    [
      { action: "webhook.update", targetLabel: "Comms", metadata: { active: false } },
      "Priya Raman turned off the webhook “Comms”",
    ],
    [
      { action: "email.retry", actorName: null, metadata: { to: "x@y.example" } },
      "Chorus resent a failed email to x@y.example",
    ],
    [
      {
        action: "location.rename",
        targetType: "location",
        targetLabel: "Lyon",
        metadata: { before: "Lyon office", name: "Lyon" },
      },
      "Priya Raman renamed the location “Lyon office” to “Lyon”",
    ],
    [
      { action: "location.delete", targetType: "location", metadata: { name: "Depot" } },
      "Priya Raman deleted the location “Depot”",
    ],
    [
      {
        action: "topic.rename",
        targetType: "topic",
        targetLabel: "Wind",
        metadata: { before: "Wind power", name: "Wind" },
      },
      "Priya Raman renamed the topic “Wind power” to “Wind”",
    ],
    [
      { action: "topic.create", targetType: "topic", metadata: { name: "Careers" } },
      "Priya Raman created the topic “Careers”",
    ],
    [
      { action: "topic.delete", targetType: "topic", metadata: { name: "Depot" } },
      "Priya Raman deleted the topic “Depot”",
    ],
    [
      {
        action: "settings.rewards_update",
        metadata: {
          before: { rewardsEnabled: false },
          after: { rewardsEnabled: true, incentiveDisclosure: "I may be rewarded. #employee" },
        },
      },
      "Priya Raman turned on rewards for sharing with the disclosure “I may be rewarded. #employee”",
    ],
    [
      {
        action: "settings.rewards_update",
        metadata: { before: { rewardsNote: null }, after: { rewardsNote: "Monthly draw" } },
      },
      "Priya Raman changed the rewards settings (rewards note)",
    ],
    [
      {
        action: "share.disclosed",
        actorName: "Sofia Lindqvist",
        targetType: "content",
        targetLabel: "Solar park live",
        metadata: { shareId: "shr_1", channel: "COPY", disclosure: "#employee" },
      },
      "Sofia Lindqvist shared the post “Solar park live” with the reward disclosure “#employee”",
    ],
    [
      { action: "campaign.create", targetType: "campaign", metadata: { name: "Green week" } },
      "Priya Raman created the campaign “Green week”",
    ],
    [
      { action: "campaign.export", targetType: "campaign", targetLabel: "Green week" },
      "Priya Raman exported the results of the campaign “Green week”",
    ],
    [
      { action: "something.new", targetType: "team", targetLabel: "A" },
      "Priya Raman: something.new (team “A”)",
    ],
  ])("%o → %s", (entry, sentence) => {
    expect(describeAuditEntry(base(entry))).toBe(sentence);
  });

  it("every known action has a category and reads as a sentence without metadata", () => {
    for (const action of Object.keys(AUDIT_ACTIONS)) {
      expect(Object.keys(AUDIT_CATEGORIES)).toContain(auditCategory(action));
      const sentence = describeAuditEntry(base({ action, metadata: null }));
      expect(sentence.startsWith("Priya Raman ")).toBe(true);
      expect(sentence).not.toMatch(/undefined|null|\[object|another role|the (post|team) a /);
    }
  });
});

describe("audit filters", () => {
  it("round-trips a keyset cursor and refuses tampered ones", () => {
    const entry = { createdAt: new Date("2026-03-01T10:00:00.123Z"), id: "aud_abc" };
    expect(decodeCursor(encodeCursor(entry))).toEqual(entry);
    for (const bad of ["", "!!", Buffer.from("x|y").toString("base64url"), "a".repeat(300)]) {
      expect(decodeCursor(bad)).toBeNull();
    }
  });

  it("accepts a category or an action, and refuses a reversed date range", () => {
    expect(auditFiltersSchema.safeParse({ action: "member" }).success).toBe(true);
    expect(auditFiltersSchema.safeParse({ action: "member.role_change" }).success).toBe(true);
    expect(auditFiltersSchema.safeParse({ action: "Member; DROP" }).success).toBe(false);
    const reversed = auditFiltersSchema.safeParse({ from: "2026-03-02", to: "2026-03-01" });
    expect(reversed.success).toBe(false);
    expect(reversed.error?.issues[0]?.message).toBe(
      "The start date must be on or before the end date.",
    );
  });
});

describe("auditChange", () => {
  it("keeps only the fields that changed, with before and after", () => {
    const stored = {
      requireApproval: false,
      maxSharesPerDay: 3,
      cpm: { toFixed: () => "", toString: () => "12.5" },
    };
    expect(
      auditChange(stored, {
        requireApproval: false,
        maxSharesPerDay: 5,
        cpm: 12.5,
        utmSource: undefined,
      }),
    ).toEqual({ before: { maxSharesPerDay: 3 }, after: { maxSharesPerDay: 5 } });
    expect(auditChange(null, { name: "Fernhill" })).toEqual({
      before: { name: null },
      after: { name: "Fernhill" },
    });
  });
});
