import { beforeAll, describe, expect, it } from "vitest";
import * as contentRoute from "@/app/api/content/route";
import * as itemRoute from "@/app/api/content/[id]/route";
import { POST as transition } from "@/app/api/content/[id]/transitions/route";
import { GET as feed } from "@/app/api/feed/route";
import { GET as feedItem } from "@/app/api/feed/[id]/route";
import { PATCH as patchGuardrails } from "@/app/api/settings/guardrails/route";
import * as suggestionsRoute from "@/app/api/suggestions/route";
import { POST as acceptSuggestion } from "@/app/api/suggestions/[id]/accept/route";
import { POST as rejectSuggestion } from "@/app/api/suggestions/[id]/reject/route";
import { getDb } from "@/lib/core/db/client";
import { addMember, createOrgFixture, type OrgFixture } from "../../support/factories";
import { contentInput } from "../../support/content";
import { callRoute } from "../../support/http";

let a: OrgFixture;
let b: OrgFixture;
let secondAdmin: Awaited<ReturnType<typeof addMember>>;

async function create(org: OrgFixture, overrides = {}, userId = org.admin.user.id) {
  const res = await callRoute(contentRoute.POST, {
    method: "POST",
    userId,
    body: contentInput(overrides),
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return (res.json.item as { id: string; slug: string }).id;
}

async function move(id: string, to: string, userId: string, comment?: string) {
  return callRoute(transition, { method: "POST", userId, params: { id }, body: { to, comment } });
}

async function feedIds(userId: string): Promise<string[]> {
  const res = await callRoute(feed, { userId });
  expect(res.status).toBe(200);
  return (res.json.items as { id: string }[]).map((i) => i.id);
}

beforeAll(async () => {
  a = await createOrgFixture();
  b = await createOrgFixture();
  secondAdmin = await addMember(a.org.id, "ADMIN");
});

describe("content items", () => {
  it("creates an item whole: captions, audience, first history entry, audit", async () => {
    const id = await create(a, {
      audience: { all: false, teamIds: [a.teamA.id], locationIds: [] },
    });
    const res = await callRoute(itemRoute.GET, { userId: a.admin.user.id, params: { id } });
    const item = res.json.item as {
      status: string;
      captions: { label: string }[];
      audience: { all: boolean; teamIds: string[] };
      history: { from: string | null; to: string }[];
    };
    expect(item.status).toBe("DRAFT");
    expect(item.captions.map((c) => c.label)).toEqual(["formal", "personal"]);
    expect(item.audience).toEqual({ all: false, teamIds: [a.teamA.id], locationIds: [] });
    expect(item.history).toMatchObject([{ from: null, to: "DRAFT" }]);
    expect(
      await getDb().auditLog.count({
        where: { orgId: a.org.id, targetId: id, action: "content.create" },
      }),
    ).toBe(1);
  });

  it("refuses bad input with the field named and saves nothing", async () => {
    const before = await getDb().contentItem.count({ where: { orgId: a.org.id } });
    const cases: [Record<string, unknown>, string][] = [
      [{ body: "" }, "body: Enter the suggested post text."],
      [{ body: "x".repeat(3001) }, "LinkedIn's 3,000 characters"],
      [{ linkUrl: "javascript:alert(1)" }, "linkUrl: Enter a full web address"],
      [{ linkUrl: "ftp://files.example.com/x" }, "linkUrl: Enter a full web address"],
      [
        { linkUrl: "http://192.168.1.10/admin" },
        "The link points to a private or local network address.",
      ],
      [
        { linkUrl: "http://localhost:8080/internal" },
        "The link points to a private or local network address.",
      ],
      [{ linkUrl: "http://[::1]/x" }, "The link points to a private or local network address."],
      [
        { linkUrl: "http://169.254.169.254/latest/meta-data" },
        "The link points to a private or local network address.",
      ],
      [{ valueType: "BRAGGING" }, "valueType: Choose one value type"],
      [{ goals: [] }, "goals: Choose at least one business goal."],
      [
        { audience: { all: false, teamIds: [], locationIds: [] } },
        "Choose the whole organisation, or at least one team",
      ],
      [
        { publishAt: "2026-12-10T10:00:00Z", expireAt: "2026-12-01T10:00:00Z" },
        "The expiry date must be after the publish date.",
      ],
      [
        { translations: [{ language: "en", title: "x", body: "y" }] },
        "Each translation needs its own language",
      ],
    ];
    for (const [override, message] of cases) {
      const res = await callRoute(contentRoute.POST, {
        method: "POST",
        userId: a.admin.user.id,
        body: { ...contentInput(), ...override },
      });
      expect(res.status, message).toBe(400);
      expect(res.json.error?.message).toContain(message);
    }
    const foreignTeam = await callRoute(contentRoute.POST, {
      method: "POST",
      userId: a.admin.user.id,
      body: contentInput({ audience: { all: false, teamIds: [b.teamA.id], locationIds: [] } }),
    });
    // Another organisation's team is "not found", like its ids in a path.
    expect(foreignTeam.status).toBe(404);
    expect(foreignTeam.json.error?.message).toBe("One of the chosen teams does not exist.");
    expect(await getDb().contentItem.count({ where: { orgId: a.org.id } })).toBe(before);
  });

  it("enforces guardrails on save and names the problem", async () => {
    const org = await createOrgFixture();
    const set = await callRoute(patchGuardrails, {
      method: "PATCH",
      userId: org.admin.user.id,
      body: {
        disclosureText: "#employee",
        blockedPhrases: ["guaranteed returns"],
        requiredHashtags: ["Fernhill"],
      },
    });
    expect(set.status).toBe(200);
    const res = await callRoute(contentRoute.POST, {
      method: "POST",
      userId: org.admin.user.id,
      body: contentInput({ body: "Guaranteed returns! #Fernhill #employee", captions: [] }),
    });
    expect(res.status).toBe(400);
    expect(res.json.error?.message).toBe(
      'Suggested post text: "guaranteed returns" is not allowed in shared posts. Rephrase it.',
    );
    const caption = await callRoute(contentRoute.POST, {
      method: "POST",
      userId: org.admin.user.id,
      body: contentInput({
        body: "All good #Fernhill #employee",
        captions: [{ label: "short", text: "No disclosure #Fernhill" }],
      }),
    });
    expect(caption.status).toBe(400);
    expect(caption.json.error?.message).toBe(
      'Caption "short": Keep the disclosure "#employee" in the text.',
    );
    const ok = await callRoute(contentRoute.POST, {
      method: "POST",
      userId: org.admin.user.id,
      body: contentInput({ body: "All good #Fernhill #employee", captions: [] }),
    });
    expect(ok.status).toBe(201);
  });

  it("another organisation's item answers 404 everywhere and stays unchanged", async () => {
    const id = await create(b);
    const before = await getDb().contentItem.findUniqueOrThrow({ where: { id } });
    const admin = a.admin.user.id;
    expect((await callRoute(itemRoute.GET, { userId: admin, params: { id } })).status).toBe(404);
    expect(
      (
        await callRoute(itemRoute.PATCH, {
          method: "PATCH",
          userId: admin,
          params: { id },
          body: { title: "x" },
        })
      ).status,
    ).toBe(404);
    expect((await move(id, "PUBLISHED", admin)).status).toBe(404);
    expect(
      (await callRoute(itemRoute.DELETE, { method: "DELETE", userId: admin, params: { id } }))
        .status,
    ).toBe(404);
    expect((await callRoute(feedItem, { userId: a.employee.user.id, params: { id } })).status).toBe(
      404,
    );
    expect(await getDb().contentItem.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });

  it("employees and managers cannot manage content", async () => {
    const res = await callRoute(contentRoute.POST, {
      method: "POST",
      userId: a.employee.user.id,
      body: contentInput(),
    });
    expect(res.status).toBe(403);
    expect((await callRoute(contentRoute.GET, { userId: a.manager.user.id })).status).toBe(403);
  });
});

describe("workflow and approvals", () => {
  it("refuses transitions the table does not allow", async () => {
    const id = await create(a);
    expect((await move(id, "PUBLISHED", a.admin.user.id)).status).toBe(200);
    expect((await move(id, "ARCHIVED", a.admin.user.id)).status).toBe(200);
    const res = await move(id, "IN_REVIEW", a.admin.user.id);
    expect(res.status).toBe(409);
    expect(res.json.error?.message).toBe(
      "An item that is archived cannot move to in review (it can move to: draft).",
    );
  });

  it("with approval required: no direct publish, no self-approval, a second admin approves; history is recorded", async () => {
    const setOn = await callRoute(patchGuardrails, {
      method: "PATCH",
      userId: a.admin.user.id,
      body: { requireApproval: true },
    });
    expect(setOn.status).toBe(200);
    try {
      const id = await create(a);
      const direct = await move(id, "PUBLISHED", a.admin.user.id);
      expect(direct.status).toBe(409);
      expect(direct.json.error?.message).toContain("submit the item for review first");
      expect((await move(id, "IN_REVIEW", a.admin.user.id, "Ready")).status).toBe(200);
      const self = await move(id, "PUBLISHED", a.admin.user.id);
      expect(self.status).toBe(409);
      expect(self.json.error?.message).toBe(
        "You wrote this item, so another admin has to approve it.",
      );
      const ok = await move(id, "PUBLISHED", secondAdmin.user.id, "Looks great");
      expect(ok.status).toBe(200);

      const rows = await getDb().contentTransition.findMany({
        where: { itemId: id },
        orderBy: { createdAt: "asc" },
      });
      expect(rows.map((r) => [r.fromStatus, r.toStatus, r.actorId, r.comment])).toEqual([
        [null, "DRAFT", a.admin.user.id, null],
        ["DRAFT", "IN_REVIEW", a.admin.user.id, "Ready"],
        ["IN_REVIEW", "PUBLISHED", secondAdmin.user.id, "Looks great"],
      ]);
      const item = await getDb().contentItem.findUniqueOrThrow({ where: { id } });
      expect(item.status).toBe("PUBLISHED");
      expect(item.publishedAt).not.toBeNull();
    } finally {
      await callRoute(patchGuardrails, {
        method: "PATCH",
        userId: a.admin.user.id,
        body: { requireApproval: false },
      });
    }
  });

  it("two admins approving at once publish it once", async () => {
    const id = await create(a);
    expect((await move(id, "IN_REVIEW", a.admin.user.id)).status).toBe(200);
    const results = await Promise.all([
      move(id, "PUBLISHED", secondAdmin.user.id),
      move(id, "PUBLISHED", a.admin.user.id),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(
      await getDb().contentTransition.count({ where: { itemId: id, toStatus: "PUBLISHED" } }),
    ).toBe(1);
  });

  it("only drafts can be deleted", async () => {
    const id = await create(a);
    await move(id, "PUBLISHED", a.admin.user.id);
    const res = await callRoute(itemRoute.DELETE, {
      method: "DELETE",
      userId: a.admin.user.id,
      params: { id },
    });
    expect(res.status).toBe(409);
    const draft = await create(a);
    expect(
      (
        await callRoute(itemRoute.DELETE, {
          method: "DELETE",
          userId: a.admin.user.id,
          params: { id: draft },
        })
      ).status,
    ).toBe(200);
    expect(await getDb().contentItem.count({ where: { id: draft } })).toBe(0);
  });
});

describe("what employees see", () => {
  it("audiences: whole org, a team, a location", async () => {
    const db = getDb();
    const location = await db.location.create({
      data: { id: `loc_${Date.now()}`, orgId: a.org.id, name: "Lisbon" },
    });
    await db.membership.update({
      where: { id: a.employee.membership.id },
      data: { locationId: location.id },
    });
    const everyone = await create(a, { title: "For everyone" });
    const teamA = await create(a, {
      audience: { all: false, teamIds: [a.teamA.id], locationIds: [] },
    });
    const teamB = await create(a, {
      audience: { all: false, teamIds: [a.teamB.id], locationIds: [] },
    });
    const lisbon = await create(a, {
      audience: { all: false, teamIds: [], locationIds: [location.id] },
    });
    for (const id of [everyone, teamA, teamB, lisbon]) await move(id, "PUBLISHED", a.admin.user.id);

    // a.employee is in team B and Lisbon; a.manager is in team A, no location.
    const employeeSees = await feedIds(a.employee.user.id);
    expect(employeeSees).toEqual(expect.arrayContaining([everyone, teamB, lisbon]));
    expect(employeeSees).not.toContain(teamA);
    const managerSees = await feedIds(a.manager.user.id);
    expect(managerSees).toEqual(expect.arrayContaining([everyone, teamA]));
    expect(managerSees).not.toContain(teamB);
    expect(managerSees).not.toContain(lisbon);
    expect(
      (await callRoute(feedItem, { userId: a.manager.user.id, params: { id: teamB } })).status,
    ).toBe(404);
  });

  it("schedule: visible only inside the publish window, and only when published", async () => {
    const hour = 3600_000;
    const future = await create(a, { publishAt: new Date(Date.now() + hour) });
    const expired = await create(a, {
      publishAt: new Date(Date.now() - 2 * hour),
      expireAt: new Date(Date.now() - hour),
    });
    const current = await create(a, {
      publishAt: new Date(Date.now() - hour),
      expireAt: new Date(Date.now() + hour),
    });
    const draft = await create(a);
    for (const id of [future, expired, current]) await move(id, "PUBLISHED", a.admin.user.id);
    const sees = await feedIds(a.employee.user.id);
    expect(sees).toContain(current);
    for (const hidden of [future, expired, draft]) expect(sees).not.toContain(hidden);
  });

  it("shows the member's language, falling back to the item's", async () => {
    const id = await create(a, {
      title: "Our solar park",
      translations: [
        {
          language: "de",
          title: "Unser Solarpark",
          body: "Wir haben unseren 40-MW-Solarpark ans Netz gebracht.",
          captions: [{ label: "kurz", text: "Der Solarpark ist am Netz!" }],
        },
      ],
    });
    await move(id, "PUBLISHED", a.admin.user.id);
    const db = getDb();
    await db.user.update({ where: { id: a.employee.user.id }, data: { locale: "de" } });
    const de = await callRoute(feedItem, { userId: a.employee.user.id, params: { id } });
    expect(de.json.item).toMatchObject({
      language: "de",
      title: "Unser Solarpark",
      captions: [{ label: "kurz" }],
      fallback: false,
    });
    await db.user.update({ where: { id: a.employee.user.id }, data: { locale: "fr" } });
    const fr = await callRoute(feedItem, { userId: a.employee.user.id, params: { id } });
    expect(fr.json.item).toMatchObject({ language: "en", title: "Our solar park", fallback: true });
    await db.user.update({ where: { id: a.employee.user.id }, data: { locale: "en" } });
  });
});

describe("employee suggestions", () => {
  it("an employee suggests a story; an admin turns it into a draft that keeps the employee as originator", async () => {
    const res = await callRoute(suggestionsRoute.POST, {
      method: "POST",
      userId: a.employee.user.id,
      body: {
        title: "I passed my HV certification",
        body: "After six months of evening classes I am now certified for high-voltage work.",
      },
    });
    expect(res.status).toBe(201);
    const sid = (res.json.suggestion as { id: string }).id;
    const queue = await callRoute(suggestionsRoute.GET, { userId: a.admin.user.id });
    expect((queue.json.suggestions as { id: string }[]).map((s) => s.id)).toContain(sid);
    const mine = await callRoute(suggestionsRoute.GET, { userId: a.employee.user.id });
    expect(
      (mine.json.suggestions as { id: string; status: string }[]).find((s) => s.id === sid)?.status,
    ).toBe("PENDING");

    const accepted = await callRoute(acceptSuggestion, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id: sid },
      body: { valueType: "INSPIRATION", goals: ["HR"] },
    });
    expect(accepted.status).toBe(201);
    const itemId = (accepted.json.item as { id: string }).id;
    const item = await getDb().contentItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(item).toMatchObject({
      status: "DRAFT",
      title: "I passed my HV certification",
      valueType: "INSPIRATION",
      goals: ["HR"],
      originatorMembershipId: a.employee.membership.id,
    });
    const again = await callRoute(rejectSuggestion, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id: sid },
      body: { reason: "x" },
    });
    expect(again.status).toBe(409);
  });

  it("a rejection needs a reason, which the employee sees; employees cannot moderate", async () => {
    const res = await callRoute(suggestionsRoute.POST, {
      method: "POST",
      userId: a.employee.user.id,
      body: { title: "Team lunch", body: "We had lunch." },
    });
    const sid = (res.json.suggestion as { id: string }).id;
    const byEmployee = await callRoute(rejectSuggestion, {
      method: "POST",
      userId: a.employee.user.id,
      params: { id: sid },
      body: { reason: "no" },
    });
    expect(byEmployee.status).toBe(403);
    const noReason = await callRoute(rejectSuggestion, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id: sid },
      body: { reason: " " },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error?.message).toContain("Tell the employee why.");
    const ok = await callRoute(rejectSuggestion, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id: sid },
      body: { reason: "Lovely, but we need a photo and a bit more about the team." },
    });
    expect(ok.status).toBe(200);
    const mine = await callRoute(suggestionsRoute.GET, { userId: a.employee.user.id });
    expect(
      (mine.json.suggestions as { id: string; rejectionReason: string | null }[]).find(
        (s) => s.id === sid,
      )?.rejectionReason,
    ).toBe("Lovely, but we need a photo and a bit more about the team.");
    const foreign = await callRoute(acceptSuggestion, {
      method: "POST",
      userId: b.admin.user.id,
      params: { id: sid },
      body: { valueType: "INFORMATION", goals: ["HR"] },
    });
    expect(foreign.status).toBe(404);
  });
});
