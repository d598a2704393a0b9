/**
 * Content sources through their routes: admins add, edit, poll and delete sources and turn inbox
 * entries into drafts or dismiss them; input is validated (4xx with a message); another
 * organisation's source or entry answers 404; employees and managers cannot manage sources.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listGet, POST as sourcesPost } from "@/app/api/sources/route";
import { DELETE as sourceDelete, PATCH as sourcePatch } from "@/app/api/sources/[id]/route";
import { POST as pollPost } from "@/app/api/sources/[id]/poll/route";
import { POST as draftPost } from "@/app/api/source-entries/[id]/draft/route";
import { POST as dismissPost } from "@/app/api/source-entries/[id]/dismiss/route";
import { getDb } from "@/lib/core/db/client";
import { randomString } from "@/lib/core/db/create-id";
import {
  createOrgFixture,
  createTeam,
  createTopic,
  type OrgFixture,
} from "@/tests/support/factories";
import { rss, serve, startFeedServer, type FeedServer } from "@/tests/support/feed-server";
import { callRoute } from "@/tests/support/http";

process.env.CONTENT_SOURCES_ALLOWED_HOSTS = "127.0.0.1";

let server: FeedServer;
let a: OrgFixture;
let b: OrgFixture;

beforeAll(async () => {
  server = await startFeedServer();
  a = await createOrgFixture();
  b = await createOrgFixture();
});

afterAll(async () => {
  await server.close();
});

const ITEMS = [
  {
    title: "We won the Green Grid award",
    link: "https://blog.fernhill.example/green-grid-award",
    description: "<p>Proud of the team: a record year for solar.</p>",
    pubDate: new Date("2026-11-02T10:00:00Z"),
  },
  {
    title: "Quarterly results",
    link: "https://blog.fernhill.example/q3",
    pubDate: new Date("2026-11-01T10:00:00Z"),
  },
];

async function addSource(userId: string, body: Record<string, unknown> = {}) {
  const path = `/feed-${randomString(8)}`;
  server.routes.set(path, serve(rss(ITEMS)));
  const res = await callRoute(sourcesPost, {
    method: "POST",
    userId,
    body: { name: "Company blog", url: `${server.origin}${path}`, ...body },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return (res.json.source as { id: string }).id;
}

async function polledEntries(userId: string, sourceId: string) {
  const res = await callRoute(pollPost, { method: "POST", userId, params: { id: sourceId } });
  expect(res.status).toBe(200);
  expect(res.json.result).toMatchObject({ status: "OK", newEntries: 2 });
  return getDb().sourceEntry.findMany({ where: { sourceId }, orderBy: { publishedAt: "desc" } });
}

describe("managing sources", () => {
  it("adds, lists, edits and deletes a source; deleting keeps the drafts made from it", async () => {
    const id = await addSource(a.admin.user.id, { intervalMinutes: 60, defaultGoals: ["SALES"] });
    const list = await callRoute(listGet, { userId: a.admin.user.id });
    expect(list.status).toBe(200);
    const listed = (list.json.sources as { id: string }[]).find((s) => s.id === id);
    expect(listed).toMatchObject({
      name: "Company blog",
      intervalMinutes: 60,
      defaultGoals: ["SALES"],
      lastStatus: "PENDING",
      newEntries: 0,
    });

    const patch = await callRoute(sourcePatch, {
      method: "PATCH",
      userId: a.admin.user.id,
      params: { id },
      body: { name: "Press room", autoDraft: true, defaultValueType: "INFORMATION" },
    });
    expect(patch.status, JSON.stringify(patch.json)).toBe(200);
    expect(await getDb().contentSource.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "Press room",
      autoDraft: true,
      defaultValueType: "INFORMATION",
    });

    const [entry] = await polledEntries(a.admin.user.id, id);
    const itemId = entry!.itemId!; // auto-draft is on now
    expect(entry!.status).toBe("DRAFTED");
    const del = await callRoute(sourceDelete, {
      method: "DELETE",
      userId: a.admin.user.id,
      params: { id },
    });
    expect(del.status).toBe(200);
    expect(await getDb().contentSource.count({ where: { id } })).toBe(0);
    expect(await getDb().sourceEntry.count({ where: { sourceId: id } })).toBe(0);
    expect(await getDb().contentItem.count({ where: { id: itemId } })).toBe(1);
    const audit = await getDb().auditLog.findMany({
      where: { orgId: a.org.id, targetId: id },
      select: { action: true },
    });
    expect(audit.map((x) => x.action).sort()).toEqual([
      "source.create",
      "source.delete",
      "source.update",
    ]);
  });

  it("refuses bad input with a message, never a 500", async () => {
    const post = (body: unknown) =>
      callRoute(sourcesPost, { method: "POST", userId: a.admin.user.id, body });
    const cases: [unknown, number, RegExp][] = [
      [{ name: "Blog", url: "ftp://example.com/feed" }, 400, /web address/],
      [{ name: "", url: "https://example.com/feed" }, 400, /Name the source/],
      [{ name: "Blog", url: "https://example.com/f", intervalMinutes: 1 }, 400, /every 5 minutes/],
      [{ name: "Blog", url: "https://example.com/f", defaultGoals: [] }, 400, /business goal/],
      [
        { name: "Blog", url: "https://example.com/f", defaultValueType: "GOSSIP" },
        400,
        /Value types/,
      ],
      [{ name: "Blog", url: "https://example.com/f", extra: 1 }, 400, /./],
      [{ name: "Blog", url: "https://example.com/f", defaultTopicIds: ["top_nope"] }, 404, /topic/],
    ];
    for (const [body, status, message] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.json.error!.message).toMatch(message);
    }
    const url = `https://example.com/feed-${randomString(6)}`;
    expect((await post({ name: "Blog", url })).status).toBe(201);
    const again = await post({ name: "Blog again", url });
    expect(again.status).toBe(409);
    expect(again.json.error!.message).toBe("This address is already a source.");
  });

  it("answers a broken feed's poll with its status, not an error", async () => {
    const path = `/broken-${randomString(6)}`;
    server.routes.set(path, serve("<rss><channel>", "application/rss+xml"));
    const res = await callRoute(sourcesPost, {
      method: "POST",
      userId: a.admin.user.id,
      body: { name: "Broken", url: `${server.origin}${path}` },
    });
    const id = (res.json.source as { id: string }).id;
    const poll = await callRoute(pollPost, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id },
    });
    expect(poll.status).toBe(200);
    expect(poll.json.result).toMatchObject({ status: "ERROR", newEntries: 0 });
    expect((poll.json.result as { error: string }).error).toMatch(/not well-formed XML/);
  });
});

describe("the inbox", () => {
  it("makes a draft in one click with the suggested value type and the source's defaults", async () => {
    const team = await createTeam(a.org.id);
    const topic = await createTopic(a.org.id);
    const id = await addSource(a.admin.user.id, {
      defaultGoals: ["MARKETING", "HR"],
      defaultTeamIds: [team.id],
      defaultTopicIds: [topic.id],
    });
    const [award, results] = await polledEntries(a.admin.user.id, id);
    const res = await callRoute(draftPost, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id: award!.id },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    const itemId = (res.json.item as { id: string }).id;
    const item = await getDb().contentItem.findUniqueOrThrow({
      where: { id: itemId },
      include: { audienceTeams: true, topics: true },
    });
    expect(item).toMatchObject({
      orgId: a.org.id,
      status: "DRAFT",
      title: "We won the Green Grid award",
      body: "Proud of the team: a record year for solar.",
      linkUrl: "https://blog.fernhill.example/green-grid-award",
      valueType: "MOTIVATION",
      goals: ["MARKETING", "HR"],
      audienceAll: false,
      authorId: a.admin.user.id,
    });
    expect(item.audienceTeams.map((t) => t.teamId)).toEqual([team.id]);
    expect(item.topics.map((t) => t.topicId)).toEqual([topic.id]);
    expect(await getDb().sourceEntry.findUniqueOrThrow({ where: { id: award!.id } })).toMatchObject(
      { status: "DRAFTED", itemId, reviewedById: a.admin.user.id },
    );
    // Once only.
    const again = await callRoute(draftPost, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id: award!.id },
    });
    expect(again.status).toBe(409);
    expect(again.json.error!.message).toBe("This entry was already made a draft.");

    // A second click at the same moment makes one item.
    const before = new Date();
    const both = await Promise.all(
      [1, 2].map(() =>
        callRoute(draftPost, {
          method: "POST",
          userId: a.admin.user.id,
          params: { id: results!.id },
        }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const made = await getDb().contentItem.count({
      where: { orgId: a.org.id, title: "Quarterly results", createdAt: { gte: before } },
    });
    expect(made).toBe(1);
  });

  it("dismisses an entry, which later polls do not bring back", async () => {
    const id = await addSource(a.admin.user.id);
    const [entry] = await polledEntries(a.admin.user.id, id);
    const res = await callRoute(dismissPost, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id: entry!.id },
    });
    expect(res.status).toBe(200);
    expect((await getDb().sourceEntry.findUniqueOrThrow({ where: { id: entry!.id } })).status).toBe(
      "DISMISSED",
    );
    const draft = await callRoute(draftPost, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id: entry!.id },
    });
    expect(draft.status).toBe(409);
    const poll = await callRoute(pollPost, {
      method: "POST",
      userId: a.admin.user.id,
      params: { id },
    });
    expect(poll.json.result).toMatchObject({ status: "OK", newEntries: 0 });
  });
});

describe("tenancy and roles", () => {
  it("answers 404 for another organisation's source and entry, and changes nothing", async () => {
    const id = await addSource(a.admin.user.id);
    const [entry] = await polledEntries(a.admin.user.id, id);
    const other = b.admin.user.id;
    const calls = [
      callRoute(sourcePatch, {
        method: "PATCH",
        userId: other,
        params: { id },
        body: { name: "X" },
      }),
      callRoute(sourceDelete, { method: "DELETE", userId: other, params: { id } }),
      callRoute(pollPost, { method: "POST", userId: other, params: { id } }),
      callRoute(draftPost, { method: "POST", userId: other, params: { id: entry!.id } }),
      callRoute(dismissPost, { method: "POST", userId: other, params: { id: entry!.id } }),
    ];
    for (const res of await Promise.all(calls)) expect(res.status).toBe(404);
    const list = await callRoute(listGet, { userId: other });
    expect((list.json.sources as { id: string }[]).map((s) => s.id)).not.toContain(id);
    expect(await getDb().contentSource.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "Company blog",
      orgId: a.org.id,
    });
    expect((await getDb().sourceEntry.findUniqueOrThrow({ where: { id: entry!.id } })).status).toBe(
      "NEW",
    );
    // Defaults cannot name another organisation's team or topic either.
    const foreignTeam = await callRoute(sourcePatch, {
      method: "PATCH",
      userId: a.admin.user.id,
      params: { id },
      body: { defaultTeamIds: [b.teamA.id] },
    });
    expect(foreignTeam.status).toBe(404);
  });

  it("lets neither employees nor managers see or manage sources", async () => {
    const id = await addSource(a.admin.user.id);
    const [entry] = await polledEntries(a.admin.user.id, id);
    for (const member of [a.employee, a.manager]) {
      const userId = member.user.id;
      const calls = [
        callRoute(listGet, { userId }),
        callRoute(sourcesPost, {
          method: "POST",
          userId,
          body: { name: "Mine", url: "https://example.com/mine.xml" },
        }),
        callRoute(sourcePatch, { method: "PATCH", userId, params: { id }, body: { name: "X" } }),
        callRoute(sourceDelete, { method: "DELETE", userId, params: { id } }),
        callRoute(pollPost, { method: "POST", userId, params: { id } }),
        callRoute(draftPost, { method: "POST", userId, params: { id: entry!.id } }),
        callRoute(dismissPost, { method: "POST", userId, params: { id: entry!.id } }),
      ];
      for (const res of await Promise.all(calls)) expect(res.status).toBe(403);
    }
    expect(await getDb().contentSource.count({ where: { id } })).toBe(1);
    expect(await callRoute(listGet, {})).toMatchObject({ status: 401 });
  });
});
