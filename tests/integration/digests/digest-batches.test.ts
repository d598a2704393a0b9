/**
 * The weekly digest's fan-out in batches: a batch of members costs the same number of statements
 * whatever its size, each member's digest in a batch is the one they get alone, the set-based
 * loaders agree with the per-member ones (team results, impact), and dedupe and opt-outs hold.
 */
// Jobs are inserted (email configured) but no worker runs in this file; they are removed after.
process.env.SMTP_URL = "smtp://127.0.0.1:1";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { createId, randomString } from "@/lib/core/db/create-id";
import { stopBoss } from "@/lib/core/jobs/boss";
import { buildDigest, buildDigests } from "@/lib/domains/digests/build-digest";
import {
  isoWeek,
  queueDigestBatch,
  queueWeeklyDigests,
} from "@/lib/domains/digests/queue-weekly-digests";
import { drainDirtyRollups } from "@/lib/domains/analytics/rollup";
import { getMyImpact, getMyImpacts } from "@/lib/domains/impact/get-my-impact";
import { listTeamResults, listTeamResultsFor } from "@/lib/domains/sharing/list-team-results";
import { addDays } from "@/lib/domains/analytics/day-range";
import { createOrganization, createTeam, createTopic } from "../../support/factories";
import { insertClicks } from "../../support/analytics";
import { countStatements } from "../../helpers/count-statements";

const DAY_MS = 86_400_000;
const now = new Date();
const VALUE_TYPES = ["INFORMATION", "EDUCATION", "TOGETHERNESS", "MOTIVATION"] as const;

let orgId: string;
let other: string;
let ids: string[];

/** `n` active members with users, spread over three teams, a fixed-seed mix of shares and clicks. */
async function buildOrg(n: number) {
  const db = getDb();
  const org = await createOrganization();
  const teams = [
    await createTeam(org.id, "North"),
    await createTeam(org.id, "South"),
    await createTeam(org.id, "East"),
  ];
  const topic = await createTopic(org.id);
  const suffix = randomString(8).toLowerCase();
  const memberIds: string[] = [];
  for (let i = 0; i < n; i++) {
    const userId = createId("usr");
    const membershipId = createId("mem");
    memberIds.push(membershipId);
    await db.$executeRaw`
      WITH u AS (
        INSERT INTO "User" ("id", "email", "name", "updatedAt")
        VALUES (${userId}, ${`m${i}-${suffix}@digest.test`}, ${`Member ${i}`}, now())
      )
      INSERT INTO "Membership" ("id", "orgId", "userId", "role", "status", "handle", "updatedAt")
      VALUES (${membershipId}, ${org.id}, ${userId}, 'EMPLOYEE', 'ACTIVE',
              ${`d${i}-${suffix}`}, now())`;
  }
  await db.teamMember.createMany({
    data: memberIds.flatMap((membershipId, i) => [
      { orgId: org.id, teamId: teams[i % 3]!.id, membershipId },
      ...(i % 5 === 0 ? [{ orgId: org.id, teamId: teams[(i + 1) % 3]!.id, membershipId }] : []),
    ]),
  });
  await db.topicFollow.createMany({
    data: memberIds
      .filter((_, i) => i % 4 === 0)
      .map((membershipId) => ({ orgId: org.id, membershipId, topicId: topic.id })),
  });
  const items: string[] = [];
  for (let k = 0; k < 12; k++) {
    const id = createId("cnt");
    items.push(id);
    await db.contentItem.create({
      data: {
        id,
        orgId: org.id,
        slug: `it-${k}-${suffix}`,
        title: `Item ${k}`,
        body: "Body",
        valueType: VALUE_TYPES[k % VALUE_TYPES.length]!,
        goals: ["MARKETING"],
        status: "PUBLISHED",
        publishedAt: new Date(now.getTime() - (k + 1) * 2 * DAY_MS),
        audienceAll: k % 3 !== 0,
        ...(k % 3 === 0
          ? { audienceTeams: { create: [{ orgId: org.id, teamId: teams[k % 2]!.id }] } }
          : {}),
        ...(k % 4 === 0 ? { topics: { create: [{ orgId: org.id, topicId: topic.id }] } } : {}),
      },
    });
  }
  // Shares: member i shares item (i + j) % 12 for j < i % 4, on days in the last three weeks.
  const shareIds: string[] = [];
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i % 4; j++) {
      const id = createId("shr");
      shareIds.push(id);
      rows.push([id, memberIds[i]!, items[(i + j) % 12]!, String((i * 7 + j * 3) % 21)]);
    }
  }
  await db.$executeRaw`
    INSERT INTO "Share" ("id", "orgId", "itemId", "membershipId", "userId", "code", "channel",
      "status", "text", "language", "authenticity", "destinationUrl", "createdAt", "updatedAt")
    SELECT r.id, ${org.id}, r.item, r.mem, m."userId", r.id, 'COPY', 'SHARED', 'text', 'en', 0.5,
      'https://example.com/', now() - (r.days || ' days')::interval - interval '1 hour', now()
    FROM unnest(${rows.map((r) => r[0])}::text[], ${rows.map((r) => r[1])}::text[],
                ${rows.map((r) => r[2])}::text[], ${rows.map((r) => r[3])}::text[])
      AS r(id, mem, item, days)
    JOIN "Membership" m ON m."id" = r.mem`;
  await insertClicks(
    org.id,
    shareIds
      .filter((_, k) => k % 3 === 0)
      .map((shareId, k) => ({
        shareId,
        at: new Date(now.getTime() - ((k % 6) + 1) * DAY_MS),
        isBot: false,
        visitorKey: `v${k}`,
      })),
  );
  await drainDirtyRollups(db);
  return { orgId: org.id, memberIds };
}

beforeAll(async () => {
  const built = await buildOrg(230);
  orgId = built.orgId;
  ids = built.memberIds;
  other = (await buildOrg(5)).orgId;
});

afterAll(async () => {
  await getDb().$executeRaw`
    DELETE FROM pgboss.job WHERE name = 'email-send' AND data->>'deliveryId' IN (
      SELECT "id" FROM "EmailDelivery" WHERE "orgId" IN (${orgId}, ${other}))`;
  await stopBoss();
});

describe("the weekly digest in batches", () => {
  it("a batch of 200 members costs the same statements as a batch of 10", async () => {
    await queueDigestBatch(orgId, ids.slice(0, 2), now); // warm: the queue exists
    const ten = await countStatements(() => queueDigestBatch(orgId, ids.slice(2, 12), now));
    const many = await countStatements(() => queueDigestBatch(orgId, ids.slice(12, 212), now));
    expect(ten).toBeGreaterThan(5);
    expect(many).toBe(ten);
    const queued = await getDb().emailDelivery.count({
      where: { orgId, category: "digest", dedupeKey: { endsWith: `:${isoWeek(now)}` } },
    });
    expect(queued).toBe(212);
  });

  it("each member's digest in a batch is the one they get alone", async () => {
    const batch = ids.slice(0, 40);
    const together = await buildDigests(orgId, batch, now);
    expect(together.size).toBe(40);
    const differing = new Set<string>();
    for (const id of batch) {
      const alone = await buildDigest(orgId, id, now);
      expect(together.get(id)).toEqual(alone);
      differing.add(JSON.stringify([alone!.newItems.map((i) => i.id), alone!.clicksLastWeek]));
    }
    // The fixture is varied enough for this to mean something.
    expect(differing.size).toBeGreaterThan(3);
    expect([...together.values()].some((d) => d.clicksLastWeek > 0)).toBe(true);
    // Another organisation's members are not built in this one's batch.
    const strangers = await getDb().membership.findMany({
      where: { orgId: other },
      select: { id: true },
    });
    const mixed = await buildDigests(orgId, [ids[0]!, ...strangers.map((s) => s.id)], now);
    expect([...mixed.keys()]).toEqual([ids[0]]);
  });

  it("the set-based loaders answer what the per-member ones answer", async () => {
    const batch = ids.slice(0, 30);
    const teams = await listTeamResultsFor(orgId, batch, now);
    const week = {
      from: now.toISOString().slice(0, 10),
      to: addDays(now.toISOString().slice(0, 10), 0),
    };
    week.from = addDays(week.to, -13);
    const impacts = await getMyImpacts(orgId, batch, week);
    let nonEmpty = 0;
    for (const id of batch) {
      const alone = await listTeamResults({ orgId, membershipId: id }, now);
      expect(teams.get(id)).toEqual(alone);
      if (alone.size) nonEmpty++;
      expect(impacts.get(id)).toEqual(await getMyImpact(orgId, id, week));
    }
    expect(nonEmpty).toBeGreaterThan(10);
  });

  it("a rerun queues nothing twice; opted-out and deactivated members get none", async () => {
    const db = getDb();
    const optedOut = ids[220]!;
    const deactivated = ids[221]!;
    const m = await db.membership.findUniqueOrThrow({ where: { id: optedOut } });
    await db.user.update({ where: { id: m.userId }, data: { emailOptOuts: ["digest"] } });
    await db.membership.update({ where: { id: deactivated }, data: { status: "DEACTIVATED" } });
    // The first test queued 212 of this week; the rest now, in batches of 7.
    const first = await queueWeeklyDigests(now, { orgId, batchSize: 7 });
    expect(first).toEqual({ queued: 230 - 212 - 2, skipped: 212 });
    const again = await queueWeeklyDigests(now, { orgId, batchSize: 7 });
    expect(again).toEqual({ queued: 0, skipped: 228 });
    const keys = [optedOut, deactivated].map((id) => `digest:${id}:${isoWeek(now)}`);
    expect(await db.emailDelivery.count({ where: { dedupeKey: { in: keys } } })).toBe(0);
    // One job per delivery, none twice.
    const [jobs] = await db.$queryRaw<{ jobs: number; deliveries: number }[]>`
      SELECT count(*)::int AS "jobs", count(DISTINCT data->>'deliveryId')::int AS "deliveries"
      FROM pgboss.job WHERE name = 'email-send' AND data->>'deliveryId' IN (
        SELECT "id" FROM "EmailDelivery" WHERE "orgId" = ${orgId} AND category = 'digest')`;
    expect(jobs).toEqual({ jobs: 228, deliveries: 228 });
  });
});
