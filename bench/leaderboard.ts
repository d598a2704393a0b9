/**
 * Leaderboard benchmark (`npm run bench -- leaderboard`): getLeaderboard (lib/domains/recognition)
 * for an organisation of 10,000 members — this quarter and all time, the top 10 plus the viewer's
 * own rank — over a PointsAward ledger of a real shape: every member shares (a few keen people
 * much more), each share writes SHARE and OWN_WORDS rows (VARIETY for a third), and visits and
 * outcomes rows on the days after it. Quick: 10,000 members, ~40 k shares, ~150 k ledger rows over
 * 180 days; full: 10,000 members, ~120 k shares, ~450 k rows over a year. 1 in 20 opted out.
 *
 * Baseline: one plain SQL aggregate (pg, no Prisma) of the same period — points per member, the
 * top 10 — timed in rotation with the function. The function reads the monthly totals the ledger's
 * triggers keep (PointsMonthly) for a quarter and all time, so it does less work than the
 * baseline: 82.9 → 45.2 ms CPU this quarter, 135 → 73.4 ms all time when they came in (2026-12-07,
 * ratios 1.89× → 1.00× and 1.31× → 0.64×). The gated ratio is the function's CPU time ÷ the
 * baseline's (this process and the PostgreSQL backends, bench/cpu.ts; wall time where CPU time
 * cannot be read): it catches a leaderboard that does more work for the same rows (a query per
 * person, reading shares or rollups instead of the ledger). The goal, p95 ≤ 100 ms warm, is
 * reported (✓/✗) but not gated. A check fails the scenario unless the top 10 equals the plain
 * aggregate's and the viewer's rank is right.
 */
import { getDb } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import type { Access } from "@/lib/domains/access/resolve-access";
import { getLeaderboard } from "@/lib/domains/recognition/get-leaderboard";
import { periodStart, type LeaderboardPeriod } from "@/lib/domains/recognition/leaderboard-period";
import type pg from "pg";
import type { BenchContext } from "./context";
import { backendPids, collectGarbage, CpuMeter } from "./cpu";
import {
  measureConfirmed,
  median,
  percentile,
  type BenchMode,
  type BenchResult,
  type Gate,
} from "./gate";
import { benchClient, prepareMeteredDatabase } from "./pg-client";

const TIME_ZONE = "Europe/Berlin";
const MEMBERS = 10_000;
const SETTINGS: Record<BenchMode, { shares: number; days: number; warm: number; runs: number }> = {
  quick: { shares: 40_000, days: 180, warm: 5, runs: 15 },
  full: { shares: 120_000, days: 365, warm: 10, runs: 60 },
};

/**
 * Gate: the function's CPU time ÷ the plain aggregate's, median of the calls: ≤ 4×. Measured in
 * quick mode on the 2-core machine (load average 4–18): 2.2–2.4× this quarter, 1.8–1.9× all time
 * (the same aggregate plus the ranking window, the viewer's row and two small reads: settings and
 * opt-out); CPU 57–67 ms and 69–78 ms against the aggregate's 23–30 and 35–44 ms; wall p50 58 ms,
 * p95 102 ms at load 4 (the goal, p95 ≤ 100 ms, is within reach on a quiet machine). A query per
 * person, or reading shares or rollups instead of the ledger, costs several times the aggregate:
 * far past 4×. Not in quick mode: building the 10,000 members and ~145 k ledger rows alone takes
 * 8–20 s.
 */
const GATES: Record<BenchMode, Gate> = {
  quick: {
    kind: "max",
    threshold: 4,
    why: "typical 1.8–2.4× (aggregate + ranking + 2 small reads)",
  },
  full: { kind: "max", threshold: 4, why: "as quick mode, with the full-mode sizes" },
};
const GOAL_P95_MS = 100;

async function buildOrganisation(client: pg.Client, mode: BenchMode) {
  const { shares, days } = SETTINGS[mode];
  const orgId = createId("org");
  await client.query(
    `INSERT INTO "Organization" ("id", "name", "slug", "timeZone", "updatedAt")
     VALUES ($1, 'Bench Leaderboard', $2, $3, now())`,
    [orgId, `bench-leaderboard-${orgId.slice(4, 12).toLowerCase()}`, TIME_ZONE],
  );
  await client.query(`INSERT INTO "OrgSettings" ("orgId", "updatedAt") VALUES ($1, now())`, [
    orgId,
  ]);
  await client.query(
    `INSERT INTO "User" ("id", "email", "name", "updatedAt")
     SELECT 'usr_lb' || n || substr($1, 5, 8), 'lb-' || n || '-' || lower(substr($1, 5, 8)) || '@bench.example',
       'Person ' || n, now()
     FROM generate_series(1, $2::int) n`,
    [orgId, MEMBERS],
  );
  await client.query(
    `INSERT INTO "Membership" ("id", "orgId", "userId", "role", "status", "handle", "leaderboardOptOut", "updatedAt")
     SELECT 'mem_lb' || n || substr($1, 5, 8), $1, 'usr_lb' || n || substr($1, 5, 8), 'EMPLOYEE', 'ACTIVE',
       'lb-' || n, n % 20 = 0, now()
     FROM generate_series(1, $2::int) n`,
    [orgId, MEMBERS],
  );
  await client.query(
    `INSERT INTO "ContentItem" ("id", "orgId", "slug", "title", "body", "valueType", "goals", "status", "updatedAt")
     VALUES ($1, $2, 'bench-item', 'Bench item', 'Body', 'EDUCATION', '{MARKETING}', 'PUBLISHED', now())`,
    [`cnt_lb${orgId.slice(4, 12)}`, orgId],
  );
  // Shares: every member at least one, keen people many more (power law on the member index).
  await client.query(
    `INSERT INTO "Share" ("id", "orgId", "itemId", "membershipId", "userId", "code", "channel", "status",
       "text", "language", "authenticity", "destinationUrl", "createdAt", "updatedAt")
     SELECT 'shr_lb' || g || substr($1, 5, 8), $1, $2, 'mem_lb' || m || substr($1, 5, 8),
       'usr_lb' || m || substr($1, 5, 8), 'lb' || g || substr(md5($1), 1, 8), 'COPY', 'SHARED', 'text', 'en',
       round(random()::numeric, 2), 'https://example.com/', now() - random() * make_interval(days => $5::int), now()
     FROM generate_series(1, $3::int) g,
       LATERAL (SELECT CASE WHEN g <= $4::int THEN g ELSE 1 + floor(power(random(), 3) * $4::int)::int END AS m) x`,
    [orgId, `cnt_lb${orgId.slice(4, 12)}`, shares, MEMBERS, days],
  );
  // The ledger as the product writes it: SHARE + OWN_WORDS (+ VARIETY for a third) on the share's
  // day; VISITS on the share's day and the next two, OUTCOMES now and then.
  await client.query(
    `INSERT INTO "PointsAward" ("id", "orgId", "membershipId", "shareId", "reason", "day", "points", "updatedAt")
     SELECT 'pts_' || s."id" || '_' || r.reason || '_' || r.d, $1, s."membershipId", s."id", r.reason::"PointsReason",
       ((s."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE $2)::date + r.d, r.points, now()
     FROM "Share" s
     CROSS JOIN LATERAL (VALUES
       ('SHARE', 0, 10, true),
       ('OWN_WORDS', 0, round(10 * s."authenticity")::int, s."authenticity" > 0.05),
       ('VARIETY', 0, 15, random() < 0.33),
       ('VISITS', 0, 1 + floor(random() * 20)::int, random() < 0.7),
       ('VISITS', 1, 1 + floor(random() * 8)::int, random() < 0.4),
       ('VISITS', 2, 1 + floor(random() * 3)::int, random() < 0.2),
       ('OUTCOMES', 1, 25, random() < 0.05)
     ) AS r(reason, d, points, keep)
     WHERE s."orgId" = $1 AND r.keep`,
    [orgId, TIME_ZONE],
  );
  await client.query(
    `VACUUM (ANALYZE) "PointsAward", "PointsMonthly", "Membership", "Share", "User"`,
  );
  const { rows } = await client.query<{ rows: number }>(
    `SELECT COUNT(*)::int AS rows FROM "PointsAward" WHERE "orgId" = $1`,
    [orgId],
  );
  return { orgId, ledgerRows: rows[0]!.rows };
}

/** The plain aggregate: points per member of the period, the top 10 (no opt-outs, no ranks). */
function plainTop(client: pg.Client, orgId: string, from: string | null) {
  const text = `SELECT p."membershipId", SUM(p."points")::int AS points
    FROM "PointsAward" p
    WHERE p."orgId" = $1 AND ($2::date IS NULL OR p."day" >= $2::date)
    GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`;
  return () => client.query<{ membershipId: string; points: number }>(text, [orgId, from]);
}

export async function benchLeaderboard(ctx: BenchContext): Promise<BenchResult[]> {
  const settings = SETTINGS[ctx.mode];
  const started = performance.now();
  const client = benchClient(ctx.databaseUrl);
  await client.connect();
  try {
    // CPU time per call: no parallel query, no JIT (bench/pg-client.ts); a fixed seed.
    await prepareMeteredDatabase(client, 0.14);
    const { orgId, ledgerRows } = await buildOrganisation(client, ctx.mode);
    ctx.log(
      `leaderboard: ${MEMBERS} members, ${ledgerRows} ledger rows ready (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    await ctx.settle();
    // A viewer in the middle of the field (neither the top nor nobody).
    const viewer = await getDb().membership.findFirstOrThrow({
      where: { orgId, handle: "lb-4321" },
      select: { id: true, userId: true },
    });
    const org = await getDb().organization.findUniqueOrThrow({ where: { id: orgId } });
    const access: Access = {
      userId: viewer.userId,
      orgId,
      membershipId: viewer.id,
      role: "EMPLOYEE",
      user: { id: viewer.userId, email: "", name: "Person", image: null },
      org: { id: org.id, name: org.name, slug: org.slug, timeZone: org.timeZone, logoUrl: null },
    };
    const meter = CpuMeter.available() ? new CpuMeter([]) : null;
    const results: BenchResult[] = [];
    for (const period of ["quarter", "all"] as LeaderboardPeriod[]) {
      const from = periodStart(period, new Date(), TIME_ZONE);
      const subject = () => getLeaderboard(access, { period });
      const baseline = plainTop(client, orgId, from);
      const gate = GATES[ctx.mode];
      const { best: t, ratios } = await measureConfirmed(gate, async () => {
        meter?.setPids(await backendPids(client));
        const fns = { subject, baseline } as Record<string, () => Promise<unknown>>;
        for (let i = 0; i < settings.warm; i++) for (const fn of Object.values(fns)) await fn();
        const wall: Record<string, number[]> = { subject: [], baseline: [] };
        const cpu: Record<string, number[]> = { subject: [], baseline: [] };
        const keys = Object.keys(fns);
        for (let i = 0; i < settings.runs; i++) {
          for (let j = 0; j < keys.length; j++) {
            const k = keys[(i + j) % keys.length]!;
            if (meter) collectGarbage();
            const c = meter?.read();
            const t0 = performance.now();
            await fns[k]!();
            wall[k]!.push(performance.now() - t0);
            if (meter && c) cpu[k]!.push(meter.since(c) / 1e6);
          }
        }
        const wallRatio = median(wall.subject!.map((ms, i) => ms / wall.baseline![i]!));
        const cpuRatio = meter ? median(cpu.subject!) / median(cpu.baseline!) : wallRatio;
        return { wall, cpu, wallRatio, cpuRatio, ratio: meter ? cpuRatio : wallRatio };
      });
      // Correctness: the top 10 equals the plain aggregate's without opted-out people.
      const board = await subject();
      const { rows: expected } = await client.query<{ membershipId: string; points: number }>(
        `SELECT p."membershipId", SUM(p."points")::int AS points
         FROM "PointsAward" p JOIN "Membership" m ON m."id" = p."membershipId"
         WHERE p."orgId" = $1 AND ($2::date IS NULL OR p."day" >= $2::date) AND NOT m."leaderboardOptOut"
         GROUP BY 1 ORDER BY 2 DESC LIMIT 10`,
        [orgId, from],
      );
      const { rows: mine } = await client.query<{ rank: number }>(
        `WITH t AS (SELECT p."membershipId", SUM(p."points") AS points FROM "PointsAward" p
           JOIN "Membership" m ON m."id" = p."membershipId"
           WHERE p."orgId" = $1 AND ($2::date IS NULL OR p."day" >= $2::date) AND NOT m."leaderboardOptOut"
           GROUP BY 1)
         SELECT (SELECT COUNT(*) FROM t WHERE t.points > me.points)::int + 1 AS rank
         FROM t me WHERE me."membershipId" = $3`,
        [orgId, from, viewer.id],
      );
      const sortedWall = [...t.wall.subject!].sort((a, b) => a - b);
      const p95 = percentile(sortedWall, 95);
      results.push({
        name: `leaderboard (${period === "all" ? "all time" : "this quarter"}), ${MEMBERS.toLocaleString("en")} members`,
        baseline: meter
          ? { label: "plain aggregate, CPU", value: median(t.cpu.baseline!), unit: "ms" }
          : { label: "plain aggregate", value: median(t.wall.baseline!), unit: "ms p50" },
        subject: meter
          ? { label: "getLeaderboard, CPU", value: median(t.cpu.subject!), unit: "ms" }
          : { label: "getLeaderboard", value: median(t.wall.subject!), unit: "ms p50" },
        ratio: t.ratio,
        gate,
        checks: [
          {
            label: "top 10 points equal the plain aggregate's",
            ok:
              JSON.stringify(board.top.map((r) => r.points)) ===
              JSON.stringify(expected.map((r) => r.points)),
            detail: `${board.top.map((r) => r.points).join(",")} vs ${expected.map((r) => r.points).join(",")}`,
          },
          {
            label: "the viewer's rank is right",
            ok: board.me.rank === (mine[0]?.rank ?? null),
            detail: `${board.me.rank} vs ${mine[0]?.rank}`,
          },
        ],
        goal: { text: `p95 ≤ ${GOAL_P95_MS} ms`, met: p95 <= GOAL_P95_MS },
        summary:
          `p50 ${percentile(sortedWall, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms; ${ledgerRows} ledger rows` +
          (ratios.length > 1
            ? `; re-measured: ${ratios.map((r) => r.toFixed(2)).join(" → ")}`
            : ""),
        details: {
          cpuRatio: Math.round(t.cpuRatio * 100) / 100,
          wallRatio: Math.round(t.wallRatio * 100) / 100,
          p95Ms: Math.round(p95 * 10) / 10,
          runs: `${settings.warm} warm-up + ${settings.runs} timed each, rotating`,
        },
      });
    }
    return results;
  } finally {
    await client.end();
  }
}
