import { beforeAll, describe, expect, it } from "vitest";
import * as rewardsRoute from "@/app/api/settings/rewards/route";
import { getDb } from "@/lib/core/db/client";
import { listAuditEntries } from "@/lib/domains/audit-log/list-audit-entries";
import { DEFAULT_INCENTIVE_DISCLOSURE } from "@/lib/domains/settings/rewards-rules";
import { createOrgFixture, type OrgFixture } from "../../support/factories";
import { callRoute } from "../../support/http";

let a: OrgFixture;
let b: OrgFixture;

beforeAll(async () => {
  a = await createOrgFixture();
  b = await createOrgFixture();
});

function patch(userId: string, body: unknown) {
  return callRoute(rewardsRoute.PATCH, {
    method: "PATCH",
    path: "/api/settings/rewards",
    userId,
    body,
  });
}

function fields(res: { json: { error?: object } }) {
  return (res.json.error as { fields?: Record<string, string> } | undefined)?.fields;
}

async function stored(orgId: string) {
  return getDb().orgSettings.findUnique({
    where: { orgId },
    select: { rewardsEnabled: true, rewardsNote: true, incentiveDisclosure: true },
  });
}

async function auditCount(orgId: string) {
  return getDb().auditLog.count({ where: { orgId, action: "settings.rewards_update" } });
}

describe("rewards settings", () => {
  it("start off, with the default disclosure", async () => {
    const res = await callRoute(rewardsRoute.GET, { userId: a.admin.user.id });
    expect(res.status).toBe(200);
    expect(res.json.settings).toEqual({
      rewardsEnabled: false,
      rewardsNote: null,
      incentiveDisclosure: DEFAULT_INCENTIVE_DISCLOSURE,
    });
  });

  it("an admin turns rewards on with a note and a disclosure, audit-logged as a sentence", async () => {
    const res = await patch(a.admin.user.id, {
      rewardsEnabled: true,
      rewardsNote: "  Monthly prize draw among everyone who shared  ",
      incentiveDisclosure: " I may win a prize for sharing. #employee ",
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const saved = {
      rewardsEnabled: true,
      rewardsNote: "Monthly prize draw among everyone who shared",
      incentiveDisclosure: "I may win a prize for sharing. #employee",
    };
    expect(res.json.settings).toEqual(saved);
    expect(await stored(a.org.id)).toEqual(saved);

    const { entries } = await listAuditEntries(
      a.org.id,
      { action: "settings.rewards_update" },
      "UTC",
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: a.admin.user.id,
      metadata: {
        before: { rewardsEnabled: null },
        after: { rewardsEnabled: true, rewardsNote: saved.rewardsNote },
      },
    });
    expect(entries[0]!.description).toBe(
      `${a.admin.user.name} turned on rewards for sharing with the disclosure “I may win a prize for sharing. #employee”`,
    );

    // A partial update keeps the rest; an empty note is no note; turning off reads as such.
    const off = await patch(a.admin.user.id, { rewardsEnabled: false, rewardsNote: "  " });
    expect(off.status).toBe(200);
    expect(off.json.settings).toEqual({ ...saved, rewardsEnabled: false, rewardsNote: null });
    const latest = await listAuditEntries(a.org.id, { action: "settings.rewards_update" }, "UTC");
    expect(latest.entries[0]!.description).toBe(
      `${a.admin.user.name} turned off rewards for sharing`,
    );
    expect(latest.entries[0]!.metadata).toEqual({
      before: { rewardsEnabled: true, rewardsNote: saved.rewardsNote },
      after: { rewardsEnabled: false, rewardsNote: null },
    });
  });

  it("refuses rewards without a disclosure, and other bad values, naming the field and saving nothing", async () => {
    const org = await createOrgFixture();
    const admin = org.admin.user.id;
    // While off, the disclosure may be cleared…
    const cleared = await patch(admin, { rewardsEnabled: false, incentiveDisclosure: "  " });
    expect(cleared.status, JSON.stringify(cleared.json)).toBe(200);
    const before = await stored(org.org.id);
    const audits = await auditCount(org.org.id);

    const cases: [Record<string, unknown>, string][] = [
      // …but rewards cannot be turned on without one: alone, or with an empty one.
      [{ rewardsEnabled: true }, "incentiveDisclosure"],
      [{ rewardsEnabled: true, incentiveDisclosure: "   " }, "incentiveDisclosure"],
      [{ rewardsEnabled: true, incentiveDisclosure: "x".repeat(201) }, "incentiveDisclosure"],
      [{ incentiveDisclosure: "Line one\nline two" }, "incentiveDisclosure"],
      [{ incentiveDisclosure: null }, "incentiveDisclosure"],
      [{ incentiveDisclosure: 5 }, "incentiveDisclosure"],
      [{ rewardsNote: "n".repeat(301) }, "rewardsNote"],
      [{ rewardsEnabled: "yes" }, "rewardsEnabled"],
    ];
    for (const [body, field] of cases) {
      const res = await patch(admin, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error?.message, JSON.stringify(body)).toMatch(/\w+ .*\./);
      expect(fields(res), JSON.stringify(body)).toHaveProperty(field);
    }
    const missing = await patch(admin, { rewardsEnabled: true });
    expect(missing.json.error?.message).toContain("Enter the disclosure every share must carry");

    const unknown = await patch(admin, { rewardsOn: true });
    expect(unknown.status).toBe(400);
    const broken = await callRoute(rewardsRoute.PATCH, {
      method: "PATCH",
      userId: admin,
      rawBody: "{",
    });
    expect(broken.status).toBe(400);

    expect(await stored(org.org.id)).toEqual(before);
    expect(await auditCount(org.org.id)).toBe(audits);

    // 200 characters is the limit, and with a disclosure rewards go on.
    const longest = "d".repeat(200);
    const ok = await patch(admin, { rewardsEnabled: true, incentiveDisclosure: longest });
    expect(ok.status).toBe(200);
    expect(ok.json.settings).toMatchObject({ rewardsEnabled: true, incentiveDisclosure: longest });
  });

  it("only admins read or change them", async () => {
    for (const member of [a.manager, a.employee]) {
      expect((await callRoute(rewardsRoute.GET, { userId: member.user.id })).status).toBe(403);
      expect((await patch(member.user.id, { rewardsEnabled: true })).status).toBe(403);
    }
    expect((await patch(a.deactivated.user.id, { rewardsEnabled: true })).status).toBe(403);
    expect((await patch(null as unknown as string, { rewardsEnabled: true })).status).toBe(401);
  });

  it("are the caller's organisation's: another organisation's admin reads and changes only theirs", async () => {
    const aBefore = await stored(a.org.id);
    const aAudits = await auditCount(a.org.id);
    const res = await patch(b.admin.user.id, {
      rewardsEnabled: true,
      rewardsNote: "B's quarterly gift card",
      incentiveDisclosure: "#ad B",
    });
    expect(res.status).toBe(200);
    expect(await stored(b.org.id)).toEqual({
      rewardsEnabled: true,
      rewardsNote: "B's quarterly gift card",
      incentiveDisclosure: "#ad B",
    });
    expect(await stored(a.org.id)).toEqual(aBefore);
    expect(await auditCount(a.org.id)).toBe(aAudits);
    const read = await callRoute(rewardsRoute.GET, { userId: a.admin.user.id });
    expect(read.json.settings).toEqual(aBefore);
    // The body cannot name an organisation.
    const named = await patch(b.admin.user.id, { orgId: a.org.id, rewardsEnabled: false });
    expect(named.status).toBe(400);
    expect(await stored(a.org.id)).toEqual(aBefore);
  });
});
