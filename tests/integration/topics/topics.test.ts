import { beforeAll, describe, expect, it } from "vitest";
import * as topicRoute from "@/app/api/topics/[id]/route";
import * as topicsRoute from "@/app/api/topics/route";
import * as followRoute from "@/app/api/profile/topics/route";
import * as onboardingRoute from "@/app/api/profile/onboarding/route";
import * as contentRoute from "@/app/api/content/route";
import * as contentItemRoute from "@/app/api/content/[id]/route";
import { getDb } from "@/lib/core/db/client";
import { onboardingTopics } from "@/lib/domains/topics/complete-onboarding";
import {
  accessFor,
  addMember,
  createOrgFixture,
  createTopic,
  type OrgFixture,
} from "../../support/factories";
import { contentInput } from "../../support/content";
import { callRoute } from "../../support/http";
import { namedRecordRules } from "../../support/named-records";

let a: OrgFixture;
let b: OrgFixture;

beforeAll(async () => {
  [a, b] = await Promise.all([createOrgFixture(), createOrgFixture()]);
});

const asAdmin = (fx: OrgFixture) => ({ userId: fx.admin.user.id });

function create(fx: OrgFixture, name: string) {
  return callRoute(topicsRoute.POST, { method: "POST", ...asAdmin(fx), body: { name } });
}

async function topicsOf(itemId: string) {
  const rows = await getDb().contentTopic.findMany({
    where: { itemId },
    select: { topicId: true },
  });
  return rows.map((r) => r.topicId).sort();
}

async function followsOf(membershipId: string) {
  const rows = await getDb().topicFollow.findMany({
    where: { membershipId },
    select: { topicId: true },
  });
  return rows.map((r) => r.topicId).sort();
}

describe("managing topics", () => {
  it("an admin creates, lists, renames and deletes a topic; each step is audited", async () => {
    const created = await create(a, "  Renewables  ");
    expect(created.status).toBe(201);
    const { id, name } = created.json.topic as { id: string; name: string };
    expect(name).toBe("Renewables");
    expect(id).toMatch(/^top_/);

    const listed = await callRoute(topicsRoute.GET, { userId: a.employee.user.id });
    expect(listed.status).toBe(200);
    expect(listed.json.topics).toContainEqual({ id, name: "Renewables" });

    const renamed = await callRoute(topicRoute.PATCH, {
      method: "PATCH",
      ...asAdmin(a),
      params: { id },
      body: { name: "Renewable energy" },
    });
    expect(renamed.status).toBe(200);
    const removed = await callRoute(topicRoute.DELETE, {
      method: "DELETE",
      ...asAdmin(a),
      params: { id },
    });
    expect(removed.status).toBe(200);
    expect(await getDb().topic.findUnique({ where: { id } })).toBeNull();
    const audit = await getDb().auditLog.findMany({
      where: { orgId: a.org.id, targetId: id },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true, metadata: true },
    });
    expect(audit).toEqual([
      { action: "topic.create", actorId: a.admin.user.id, metadata: { name: "Renewables" } },
      {
        action: "topic.rename",
        actorId: a.admin.user.id,
        metadata: { before: "Renewables", name: "Renewable energy" },
      },
      {
        action: "topic.delete",
        actorId: a.admin.user.id,
        metadata: { name: "Renewable energy", items: 0, followers: 0 },
      },
    ]);
  });

  namedRecordRules(
    {
      noun: "topic",
      maxLength: 40,
      collection: topicsRoute,
      item: topicRoute,
      responseKey: "topic",
      insert: (orgId, name) => createTopic(orgId, name),
      read: async (id) => (await getDb().topic.findUnique({ where: { id } }))?.name ?? null,
    },
    () => ({ a, b }),
    { taken: "Careers", other: "Engineering" },
  );
});

describe("tagging items with topics", () => {
  it("stores the item's topics on create, replaces them on edit, and refuses another organisation's", async () => {
    const [wind, solar] = await Promise.all([createTopic(a.org.id), createTopic(a.org.id)]);
    const theirs = await createTopic(b.org.id);
    const created = await callRoute(contentRoute.POST, {
      method: "POST",
      ...asAdmin(a),
      body: contentInput({ topicIds: [wind.id, solar.id, wind.id] }),
    });
    expect(created.status).toBe(201);
    const itemId = (created.json.item as { id: string }).id;
    expect(await topicsOf(itemId)).toEqual([wind.id, solar.id].sort());

    const edited = await callRoute(contentItemRoute.PATCH, {
      method: "PATCH",
      ...asAdmin(a),
      params: { id: itemId },
      body: { topicIds: [solar.id] },
    });
    expect(edited.status).toBe(200);
    expect(await topicsOf(itemId)).toEqual([solar.id]);
    const read = await callRoute(contentItemRoute.GET, { ...asAdmin(a), params: { id: itemId } });
    expect(read.json.item).toMatchObject({ topicIds: [solar.id] });

    const foreign = await callRoute(contentItemRoute.PATCH, {
      method: "PATCH",
      ...asAdmin(a),
      params: { id: itemId },
      body: { topicIds: [solar.id, theirs.id] },
    });
    expect(foreign.status).toBe(404);
    expect(foreign.json.error).toMatchObject({ fields: { topicIds: "Unknown topic." } });
    expect(await topicsOf(itemId)).toEqual([solar.id]);

    const tooMany = await callRoute(contentRoute.POST, {
      method: "POST",
      ...asAdmin(a),
      body: contentInput({ topicIds: Array.from({ length: 21 }, (_, i) => `top_${i}`) }),
    });
    expect(tooMany.status).toBe(400);
  });
});

describe("following topics and the first sign-in question", () => {
  it("follow, change and unfollow; choosing answers onboarding; another organisation's topic is refused", async () => {
    const member = await addMember(a.org.id, "EMPLOYEE");
    const [wind, careers] = await Promise.all([
      createTopic(a.org.id, `Wind ${member.membership.id}`),
      createTopic(a.org.id, `Careers ${member.membership.id}`),
    ]);
    const theirs = await createTopic(b.org.id);
    const access = accessFor(a.org, member);
    expect((await onboardingTopics(access))?.map((t) => t.id)).toEqual(
      expect.arrayContaining([wind.id, careers.id]),
    );

    const put = (topicIds: string[]) =>
      callRoute(followRoute.PUT, { method: "PUT", userId: member.user.id, body: { topicIds } });
    expect((await put([wind.id, careers.id])).status).toBe(200);
    expect(await followsOf(member.membership.id)).toEqual([wind.id, careers.id].sort());
    const onboarded = await getDb().membership.findUniqueOrThrow({
      where: { id: member.membership.id },
    });
    expect(onboarded.onboardedAt).toBeInstanceOf(Date);
    expect(await onboardingTopics(access)).toBeNull();

    const listed = await callRoute(followRoute.GET, { userId: member.user.id });
    expect(listed.json.topics).toEqual(
      [wind, careers]
        .map(({ id, name }) => ({ id, name }))
        .sort((x, y) => x.name.localeCompare(y.name)),
    );

    expect((await put([careers.id])).status).toBe(200);
    expect(await followsOf(member.membership.id)).toEqual([careers.id]);

    const foreign = await put([careers.id, theirs.id]);
    expect(foreign.status).toBe(404);
    expect(foreign.json.error).toMatchObject({ fields: { topicIds: "Unknown topic." } });
    expect(await followsOf(member.membership.id)).toEqual([careers.id]);

    expect((await put([])).status).toBe(200);
    expect(await followsOf(member.membership.id)).toEqual([]);
    // Answering again keeps the first answer's time.
    const after = await getDb().membership.findUniqueOrThrow({
      where: { id: member.membership.id },
    });
    expect(after.onboardedAt).toEqual(onboarded.onboardedAt);
  });

  it("skipping sets onboardedAt once, follows nothing, and the question is not asked again", async () => {
    const member = await addMember(a.org.id, "EMPLOYEE");
    await createTopic(a.org.id);
    const access = accessFor(a.org, member);
    expect(await onboardingTopics(access)).not.toBeNull();
    const skip = await callRoute(onboardingRoute.POST, { method: "POST", userId: member.user.id });
    expect(skip.status).toBe(200);
    const first = (
      await getDb().membership.findUniqueOrThrow({ where: { id: member.membership.id } })
    ).onboardedAt;
    expect(first).toBeInstanceOf(Date);
    expect(await onboardingTopics(access)).toBeNull();
    expect(await followsOf(member.membership.id)).toEqual([]);
    await callRoute(onboardingRoute.POST, { method: "POST", userId: member.user.id });
    expect(
      (await getDb().membership.findUniqueOrThrow({ where: { id: member.membership.id } }))
        .onboardedAt,
    ).toEqual(first);
  });

  it("is not asked in an organisation without topics", async () => {
    const lone = await createOrgFixture();
    expect(await onboardingTopics(accessFor(lone.org, lone.employee))).toBeNull();
  });
});
