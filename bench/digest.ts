/**
 * Weekly digest benchmark (`npm run bench -- digest`): the `email-digest` fan-out
 * (queueWeeklyDigests, lib/domains/digests) for an organisation of 10,000 members built with SQL:
 * 20 teams, 12 locations, 60 live items (a third aimed at one team or one location, some with a
 * topic), ~40 k shares over 60 days with rollup rows for half of them, topic follows and milestone
 * notifications; 1 in 25 opted out. Quick mode: 2,000 members, ~8 k shares.
 *
 * Subject: the whole fan-out in batches of 500 (DIGEST_BATCH_SIZE): time per 1,000 members, and
 * the statements of one batch of 500 and of one batch of 50 (they must be equal: a check).
 * Baseline, in the same run: the digests of 100 members built one at a time (buildDigest, a
 * batch of one: the statements of one digest per member, the fan-out's old shape). The gated
 * ratio is the fan-out's time per member ÷ the one-at-a-time time per member. Email is not
 * configured in the bench process: deliveries are recorded and no jobs are sent (with SMTP_URL
 * set, one more statement per batch: the jobs' insert).
 */
import { createId } from "@/lib/core/db/create-id";
import { getDb } from "@/lib/core/db/client";
import { buildDigest, buildDigests } from "@/lib/domains/digests/build-digest";
import { queueWeeklyDigests } from "@/lib/domains/digests/queue-weekly-digests";
import type pg from "pg";
import { countStatements } from "../tests/helpers/count-statements";
import type { BenchContext } from "./context";
import { measureConfirmed, type BenchMode, type BenchResult, type Gate } from "./gate";
import { benchClient, prepareMeteredDatabase } from "./pg-client";

const SETTINGS: Record<BenchMode, { members: number; shares: number; sample: number }> = {
  quick: { members: 2_000, shares: 8_000, sample: 40 },
  full: { members: 10_000, shares: 40_000, sample: 100 },
};

/**
 * Gate: fan-out time per member ÷ one-at-a-time time per member ≤ 0.5. A batch reads each member's
 * rows once, set-based, where one at a time pays ~15 statements and the feed's items per member;
 * a fan-out that slid back to a query per member lands near 1 (past the gate). Measured ratios in
 * the notes (README, Benchmarks).
 */
const GATES: Record<BenchMode, Gate> = {
  quick: { kind: "max", threshold: 0.5, why: "set-based batches vs one member at a time" },
  full: { kind: "max", threshold: 0.5, why: "as quick mode, 10,000 members" },
};

async function buildOrganisation(client: pg.Client, mode: BenchMode) {
  const { members, shares } = SETTINGS[mode];
  const orgId = createId("org");
  const k = orgId.slice(4, 10).toLowerCase();
  const q = (text: string, params: unknown[] = []) => client.query(text, [orgId, k, ...params]);
  await q(
    `INSERT INTO "Organization" ("id", "name", "slug", "updatedAt") VALUES ($1, 'Bench digest', 'bench-digest-' || $2::text, now())`,
  );
  await q(`INSERT INTO "Team" ("id", "orgId", "name", "updatedAt")
    SELECT 'team_' || $2::text || '_' || n, $1, 'Team ' || n, now() FROM generate_series(1, 20) n`);
  await q(`INSERT INTO "Location" ("id", "orgId", "name", "updatedAt")
    SELECT 'loc_' || $2::text || '_' || n, $1, 'Site ' || n, now() FROM generate_series(1, 12) n`);
  await q(`INSERT INTO "Topic" ("id", "orgId", "name", "updatedAt")
    SELECT 'top_' || $2::text || '_' || n, $1, 'Topic ' || n, now() FROM generate_series(1, 5) n`);
  await client.query(
    `INSERT INTO "User" ("id", "email", "name", "emailOptOuts", "updatedAt")
     SELECT 'usr_' || $1::text || '_' || n, 'd' || n || '@' || $1::text || '.example', 'Person ' || n,
       CASE WHEN n % 25 = 0 THEN '{digest}'::text[] ELSE '{}'::text[] END, now()
     FROM generate_series(1, $2::int) n`,
    [k, members],
  );
  await q(
    `INSERT INTO "Membership" ("id", "orgId", "userId", "role", "status", "handle", "locationId", "updatedAt")
     SELECT 'mem_' || $2::text || '_' || n, $1, 'usr_' || $2::text || '_' || n, 'EMPLOYEE', 'ACTIVE', 'h-' || n,
       'loc_' || $2::text || '_' || (1 + n % 12), now()
     FROM generate_series(1, $3::int) n`,
    [members],
  );
  await q(
    `INSERT INTO "TeamMember" ("orgId", "teamId", "membershipId")
     SELECT $1, 'team_' || $2::text || '_' || (1 + n % 20), 'mem_' || $2::text || '_' || n FROM generate_series(1, $3::int) n`,
    [members],
  );
  await q(
    `INSERT INTO "TopicFollow" ("orgId", "membershipId", "topicId")
     SELECT $1, 'mem_' || $2::text || '_' || n, 'top_' || $2::text || '_' || (1 + n % 5)
     FROM generate_series(1, $3::int) n WHERE n % 3 = 0`,
    [members],
  );
  await q(
    `INSERT INTO "ContentItem" ("id", "orgId", "slug", "title", "body", "valueType", "goals", "status",
       "publishedAt", "audienceAll", "updatedAt")
     SELECT 'cnt_' || $2::text || '_' || n, $1, 'item-' || n, 'Item ' || n, 'Body',
       (ARRAY['INFORMATION','EDUCATION','TOGETHERNESS','MOTIVATION','INSPIRATION','ENTERTAINMENT'])[1 + n % 6]::"ValueType",
       '{MARKETING}', 'PUBLISHED', now() - n * interval '20 hours', n % 3 <> 0, now()
     FROM generate_series(1, 60) n`,
  );
  await q(`INSERT INTO "ContentAudienceTeam" ("orgId", "itemId", "teamId")
    SELECT $1, 'cnt_' || $2::text || '_' || n, 'team_' || $2::text || '_' || (1 + n % 20)
    FROM generate_series(1, 60) n WHERE n % 3 = 0 AND n % 2 = 0`);
  await q(`INSERT INTO "ContentAudienceLocation" ("orgId", "itemId", "locationId")
    SELECT $1, 'cnt_' || $2::text || '_' || n, 'loc_' || $2::text || '_' || (1 + n % 12)
    FROM generate_series(1, 60) n WHERE n % 3 = 0 AND n % 2 = 1`);
  await q(`INSERT INTO "ContentTopic" ("orgId", "itemId", "topicId")
    SELECT $1, 'cnt_' || $2::text || '_' || n, 'top_' || $2::text || '_' || (1 + n % 5)
    FROM generate_series(1, 60) n WHERE n % 4 = 0`);
  await q(
    `INSERT INTO "Share" ("id", "orgId", "itemId", "membershipId", "userId", "code", "channel", "status",
       "text", "language", "authenticity", "destinationUrl", "createdAt", "updatedAt")
     SELECT 'shr_' || $2::text || '_' || g, $1, 'cnt_' || $2::text || '_' || (1 + g % 60), 'mem_' || $2::text || '_' || m,
       'usr_' || $2::text || '_' || m, $2 || g, 'COPY', 'SHARED', 'text', 'en', 0.5, 'https://example.com/',
       now() - random() * interval '60 days', now()
     FROM generate_series(1, $3::int) g,
       LATERAL (SELECT 1 + floor(power(random(), 2) * $4::int)::int AS m) x`,
    [shares, members],
  );
  await client.query(
    `INSERT INTO "ShareDailyStats" ("shareId", "day", "orgId", "itemId", "membershipId", "clicks",
       "humanClicks", "uniqueVisits", "conversions", "visits")
     SELECT s."id", (s."createdAt" + d * interval '1 day')::date, $1, s."itemId", s."membershipId",
       3, 2, 1, (random() < 0.05)::int, 1
     FROM "Share" s CROSS JOIN generate_series(0, 2) d
     WHERE s."orgId" = $1 AND hashtext(s."id") % 2 = 0`,
    [orgId],
  );
  await q(
    `INSERT INTO "Notification" ("id", "orgId", "userId", "kind", "title", "createdAt")
     SELECT 'ntf_' || $2::text || '_' || n, $1, 'usr_' || $2::text || '_' || n, 'impact.first-visit',
       'Your post brought its first visit', now() - interval '2 days'
     FROM generate_series(1, $3::int, 7) n`,
    [members],
  );
  await client.query(
    `VACUUM (ANALYZE) "User", "Membership", "TeamMember", "Share", "ShareDailyStats", "ContentItem", "Notification", "TopicFollow"`,
  );
  return { orgId, k };
}

export async function benchDigest(ctx: BenchContext): Promise<BenchResult[]> {
  const s = SETTINGS[ctx.mode];
  const started = performance.now();
  const client = benchClient(ctx.databaseUrl);
  await client.connect();
  try {
    await prepareMeteredDatabase(client, 0.7);
    const { orgId, k } = await buildOrganisation(client, ctx.mode);
    ctx.log(
      `digest: ${s.members} members, ${s.shares} shares ready (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    await ctx.settle();
    const ids = Array.from({ length: s.members }, (_, i) => `mem_${k}_${i + 1}`);
    const now = new Date();
    // Statements of one batch: 50 members and 500 members.
    const small = await countStatements(() => buildDigests(orgId, ids.slice(0, 50), now));
    const large = await countStatements(() => buildDigests(orgId, ids.slice(50, 550), now));
    // Correctness: a member's digest in a batch is the one they get alone.
    const together = await buildDigests(orgId, ids.slice(0, 20), now);
    const same = await Promise.all(
      ids.slice(0, 20).map(async (id) => {
        const alone = await buildDigest(orgId, id, now);
        return JSON.stringify(alone) === JSON.stringify(together.get(id) ?? null);
      }),
    );
    const sample = ids.slice(1_000, 1_000 + s.sample);
    const optedOut = Math.floor(s.members / 25);
    let fanOut = { queued: 0, skipped: 0 };
    let perStatement = 0;
    const { best, ratios } = await measureConfirmed(GATES[ctx.mode], async (attempt) => {
      const t0 = performance.now();
      for (const id of sample) await buildDigest(orgId, id, now);
      const oneAtATime = (performance.now() - t0) / sample.length;
      perStatement = await countStatements(() => buildDigest(orgId, sample[0]!, now));
      // The fan-out of a fresh week each attempt (nothing deduped away).
      const week = new Date(now.getTime() + attempt * 7 * 86_400_000);
      const t1 = performance.now();
      fanOut = await queueWeeklyDigests(week, { orgId });
      const batched = (performance.now() - t1) / s.members;
      return { oneAtATime, batched, ratio: batched / oneAtATime };
    });
    const deliveries = await getDb().emailDelivery.count({ where: { orgId, category: "digest" } });
    return [
      {
        name: `weekly digest fan-out, ${s.members.toLocaleString("en")} members`,
        baseline: {
          label: "one at a time, per 1,000",
          value: best.oneAtATime * 1000,
          unit: "ms",
        },
        subject: { label: "batches of 500, per 1,000", value: best.batched * 1000, unit: "ms" },
        ratio: best.ratio,
        gate: GATES[ctx.mode],
        checks: [
          {
            label: "a batch of 500 costs the statements of a batch of 50",
            ok: small === large,
            detail: `${small} vs ${large}`,
          },
          { label: "batched digests equal one-at-a-time ones", ok: same.every(Boolean) },
          {
            label: "every member queued once, opted-out ones skipped",
            ok: fanOut.queued === s.members - optedOut && fanOut.skipped === 0,
            detail: `${fanOut.queued} queued, ${deliveries} deliveries`,
          },
        ],
        summary:
          `${large} statements per batch (any size; + 3 per batch for paging, dedupe, insert), ` +
          `${perStatement} per member one at a time; fan-out ${((best.batched * s.members) / 1000).toFixed(1)} s` +
          (ratios.length > 1
            ? `; re-measured: ${ratios.map((r) => r.toFixed(2)).join(" → ")}`
            : ""),
        details: {
          statementsPerBatch: large,
          statementsPerMemberAlone: perStatement,
          msPer1000: Math.round(best.batched * 1000),
        },
      },
    ];
  } finally {
    await client.end();
  }
}
