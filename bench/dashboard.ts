/**
 * Dashboard benchmark (`npm run bench -- dashboard`): the overview (whole organisation, and two
 * teams in full mode) and the breakdowns for the last 30 days, on two organisations in one
 * database, one with ten times the click events of the other (full: 100 k and 1 M; quick: 8 k and
 * 80 k), each rolled up by the real rollup code (drainDirtyRollups, timed).
 *
 * Organisations of a real shape for their size. The dashboards read ShareDailyStats — one row per
 * share and day with events — so what they cost follows the share-days, not the events. A real
 * organisation with ten times the clicks has about ten times the shares (and people), not ten times
 * the clicks per share. The demo organisation (prisma/seed) has ~22 clicks per share, ~6 shares per
 * person in 90 days and ~5 rollup rows per share, so both organisations are built from their event
 * count: shares = events ÷ 22, members = shares ÷ 6, teams of ~20 people, items = shares ÷ 20 (at
 * least 40); clicks fall on random shares (some far more popular), mostly in the first day after
 * the share with a long tail, 8 % bots, 1 conversion per ~40 human clicks. The rollup rows then grow
 * with the events (≈ 0.23 per event, as in the demo). Before, both sizes had 2,000 shares: 1 M
 * events made only 2.3× the rollup rows of 100 k (32 k vs 14 k) and the query looked flat. A check
 * fails the scenario unless the rollups hold every click of both organisations.
 *
 * Baseline: one plain SQL aggregate (pg, no Prisma) over the large organisation's rollup rows of
 * the overview's 60 days (current and previous period), timed in rotation with the function on
 * both organisations. The gated ratio is the function's CPU time ÷ the scan's on the large
 * organisation (medians of the calls): CPU time — this process's and the PostgreSQL backends' —
 * because wall time on a loaded 2-core machine is mostly waiting for a core, which swung the
 * wall-time ratios with the load average (bench/cpu.ts). It catches a function that does more work
 * for the same rows, or starts reading raw events (~10× the rows). Reported besides (goal, not
 * gated): the growth from the small to the large organisation (p95 ÷ p95 of wall time; goal ≤ 1.5)
 * and the large organisation's p95 (goal ≤ 150 ms warm). The number of statements per call must
 * not grow with the organisation (a check: a query per share or person would).
 */
import pg from "pg";
import { countStatements } from "../tests/helpers/count-statements";
import { getDb } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { drainDirtyRollups } from "@/lib/domains/analytics/rollup";
import { getOverview } from "@/lib/domains/analytics/get-overview";
import { getBreakdowns } from "@/lib/domains/analytics/get-breakdowns";
import { lastNDays, previousRange } from "@/lib/domains/analytics/day-range";
import type { AnalyticsQuery, DayRange } from "@/lib/domains/analytics/types";
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
/** Calibrated on the demo organisation (prisma/seed): 5,445 clicks, 244 shares, 41 members. */
const CLICKS_PER_SHARE = 22;
const SHARES_PER_MEMBER = 6;
const TEAM_SIZE = 20;
const SHARES_PER_ITEM = 20;

const SETTINGS: Record<
  BenchMode,
  { small: number; large: number; warm: number; runs: number; teams: boolean }
> = {
  quick: { small: 8_000, large: 80_000, warm: 6, runs: 12, teams: false },
  full: { small: 100_000, large: 1_000_000, warm: 10, runs: 60, teams: true },
};

/**
 * Gates: ratio = the function's CPU time ÷ the plain scan's CPU time on the large organisation
 * (medians of the calls, timed in rotation; bench/cpu.ts — wall time where CPU time cannot be read).
 *
 * Overview: ≤ 7.5×. Measured in quick mode on this 2-core machine (load average 3–17): 4.35–5.83,
 * typically 4.7 (six statements through Prisma — rollups of both periods, shares by day and
 * member, eligible advocates — against one plain query). An overview doing twice the work
 * measures 8.7–11.7 (bench experiment: each call made twice), so 7.5 catches it every time and
 * leaves the usual figures 30 % of headroom.
 * Breakdowns: ≤ 12×. Measured 5.8–10.7, typically 7 (ten statements: value types, goals, top
 * content, leaderboard, teams, funnel); twice the work: 11.5–21. The noisiest of the scenarios:
 * 12 catches a 2× regression in most runs and a 3× one in all.
 * A miss is measured once more before it fails (bench/gate.ts, measureConfirmed). Reading raw
 * click events instead of rollups would be ~10× the rows: far past either gate. Statements that
 * grow with the organisation (a query per row) fail their own check.
 * Full mode (100 k / 1 M events): the same reasoning with the full-mode figures (README).
 */
const GATES: Record<"overview" | "overviewTeams" | "breakdowns", Record<BenchMode, Gate>> = {
  overview: {
    quick: {
      kind: "max",
      threshold: 7.5,
      why: "typical 4.7× (4.35–5.83); 2× the work ≈ 8.7–11.7×",
    },
    full: { kind: "max", threshold: 7.5, why: "see README (full-mode figures)" },
  },
  overviewTeams: {
    quick: { kind: "max", threshold: 7.5, why: "full mode only" },
    full: { kind: "max", threshold: 7.5, why: "see README (full-mode figures)" },
  },
  breakdowns: {
    quick: { kind: "max", threshold: 12, why: "typical 7× (5.8–10.7); 2× the work ≈ 11.5–21×" },
    full: { kind: "max", threshold: 12, why: "see README (full-mode figures)" },
  },
};
const GOAL = { growth: 1.5, p95Ms: 150 };

interface Shape {
  events: number;
  shares: number;
  members: number;
  teams: number;
  items: number;
}

export function shapeFor(events: number): Shape {
  const shares = Math.max(50, Math.round(events / CLICKS_PER_SHARE));
  const members = Math.max(20, Math.round(shares / SHARES_PER_MEMBER));
  return {
    events,
    shares,
    members,
    teams: Math.max(2, Math.round(members / TEAM_SIZE)),
    items: Math.max(40, Math.round(shares / SHARES_PER_ITEM)),
  };
}

export async function createOrganisation(client: pg.Client, shape: Shape): Promise<string> {
  const orgId = createId("org");
  await client.query(
    `INSERT INTO "Organization" ("id", "name", "slug", "timeZone", "updatedAt")
     VALUES ($1, 'Bench Dashboard', $2, $3, now())`,
    [orgId, `bench-dashboard-${orgId.slice(4, 12).toLowerCase()}`, TIME_ZONE],
  );
  await client.query(`INSERT INTO "OrgSettings" ("orgId", "updatedAt") VALUES ($1, now())`, [
    orgId,
  ]);
  const teamIds = Array.from({ length: shape.teams }, () => createId("team"));
  await client.query(
    `INSERT INTO "Team" ("id", "orgId", "name", "updatedAt")
     SELECT id, $1, 'Team ' || n, now() FROM unnest($2::text[]) WITH ORDINALITY AS t(id, n)`,
    [orgId, teamIds],
  );
  const userIds = Array.from({ length: shape.members }, () => createId("usr"));
  const memberIds = Array.from({ length: shape.members }, () => createId("mem"));
  await client.query(
    `INSERT INTO "User" ("id", "email", "name", "updatedAt")
     SELECT id, 'bench-' || lower(id) || '@bench.example', 'Bench Person ' || n, now()
     FROM unnest($1::text[]) WITH ORDINALITY AS t(id, n)`,
    [userIds],
  );
  // Two admins, one manager per team, everyone else an employee; 1 in 25 deactivated.
  await client.query(
    `INSERT INTO "Membership" ("id", "orgId", "userId", "role", "status", "handle", "updatedAt")
     SELECT m, $1, u, CASE WHEN n <= 2 THEN 'ADMIN' WHEN n <= $4::int + 2 THEN 'MANAGER' ELSE 'EMPLOYEE' END::"Role",
       CASE WHEN n % 25 = 0 THEN 'DEACTIVATED' ELSE 'ACTIVE' END::"MembershipStatus",
       'bench-' || n, now()
     FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(m, u, n)`,
    [orgId, memberIds, userIds, shape.teams],
  );
  // Everyone in one team, every fifth person in a second one; managers manage their team.
  await client.query(
    `INSERT INTO "TeamMember" ("orgId", "teamId", "membershipId")
     SELECT $1, ($2::text[])[1 + (n % $4::int)], m FROM unnest($3::text[]) WITH ORDINALITY AS t(m, n)
     UNION
     SELECT $1, ($2::text[])[1 + ((n + 3) % $4::int)], m FROM unnest($3::text[]) WITH ORDINALITY AS t(m, n)
     WHERE n % 5 = 0 AND $4::int > 1`,
    [orgId, teamIds, memberIds, shape.teams],
  );
  await client.query(
    `INSERT INTO "TeamManager" ("orgId", "teamId", "membershipId")
     SELECT $1, ($2::text[])[1 + (n % $4::int)], m FROM unnest($3::text[]) WITH ORDINALITY AS t(m, n)
     WHERE n BETWEEN 3 AND $4::int + 2`,
    [orgId, teamIds, memberIds, shape.teams],
  );
  await client.query(
    `INSERT INTO "ContentItem" ("id", "orgId", "slug", "title", "body", "valueType", "goals", "status",
       "publishedAt", "createdAt", "updatedAt")
     SELECT 'cnt_bench' || n || substr($1, 5, 8), $1, 'bench-item-' || n, 'Bench item ' || n, 'Body',
       (ARRAY['INFORMATION','EDUCATION','TOGETHERNESS','MOTIVATION','INSPIRATION','ENTERTAINMENT'])[1 + n % 6]::"ValueType",
       (CASE n % 4 WHEN 0 THEN '{MARKETING}' WHEN 1 THEN '{HR}' WHEN 2 THEN '{SALES}' ELSE '{MARKETING,SALES}' END)::"BusinessGoal"[],
       'PUBLISHED', t, t, now()
     FROM generate_series(1, $2::int) n, LATERAL (SELECT now() - (n * interval '1 day' * 120 / $2::int) AS t) c`,
    [orgId, shape.items],
  );
  // Shares over 90 days: a random item each; people share unevenly (a few keen advocates).
  await client.query(
    `WITH i AS (SELECT array_agg("id" ORDER BY "id") AS a FROM "ContentItem" WHERE "orgId" = $1),
          m AS (SELECT array_agg("id" ORDER BY "id") AS a, array_agg("userId" ORDER BY "id") AS u
                FROM "Membership" WHERE "orgId" = $1)
     INSERT INTO "Share" ("id", "orgId", "itemId", "membershipId", "userId", "code", "channel", "status",
       "text", "language", "authenticity", "destinationUrl", "networkSize", "createdAt", "updatedAt")
     SELECT 'shr_bench' || g || substr($1, 5, 8), $1, i.a[r.io], m.a[r.mo], m.u[r.mo],
       'b' || g || substr(md5($1), 1, 8), 'COPY', 'SHARED', 'text', 'en', round(random()::numeric, 2),
       'https://example.com/', CASE WHEN random() < 0.8 THEN 100 + floor(random() * 3000)::int END,
       now() - random() * interval '90 days', now()
     FROM generate_series(1, $2::int) g CROSS JOIN i CROSS JOIN m
     CROSS JOIN LATERAL (
       SELECT g AS gg, 1 + floor(random() * cardinality(i.a))::int AS io,
         1 + floor(power(random(), 2) * cardinality(m.a))::int AS mo
     ) r`,
    [orgId, shape.shares],
  );
  await client.query(`ANALYZE "Share", "Membership", "TeamMember", "ContentItem"`);
  return orgId;
}

/** Adds `count` click events (ids from `offset`), about 1 conversion per 40 human clicks, and marks their share-days. */
export async function addClicks(client: pg.Client, orgId: string, offset: number, count: number) {
  const BATCH = 250_000;
  for (let start = offset; start < offset + count; start += BATCH) {
    const end = Math.min(offset + count, start + BATCH) - 1;
    await client.query(
      `WITH shares AS (
         SELECT "id", "createdAt", (row_number() OVER (ORDER BY "id"))::int AS k
         FROM "Share" WHERE "orgId" = $1
       ),
       picked AS (
         SELECT g, 1 + floor(power(random(), 1.6) * (SELECT COUNT(*) FROM shares))::int AS k
         FROM generate_series($2::int, $3::int) g
       ),
       ins AS (
         INSERT INTO "ClickEvent" ("id", "orgId", "shareId", "at", "isBot", "visitorKey", "device", "browser", "referrerHost")
         SELECT 'clk_b' || g, $1, s."id",
           LEAST(now() - interval '1 minute', (s."createdAt" AT TIME ZONE 'UTC')
             + (-ln(1 - random() * 0.999) * CASE WHEN random() < 0.8 THEN 14 ELSE 120 END) * interval '1 hour'),
           random() < 0.08, md5((floor(random() * 200000))::text),
           (ARRAY['desktop','mobile','tablet'])[1 + floor(random() * 3)::int],
           (ARRAY['Chrome','Safari','Edge','Firefox'])[1 + floor(random() * 4)::int],
           (ARRAY['www.linkedin.com','lnkd.in',NULL])[1 + floor(random() * 3)::int]
         FROM picked p JOIN shares s ON s.k = p.k
         RETURNING "id", "shareId", "at", "isBot"
       ),
       conv AS (
         INSERT INTO "Conversion" ("id", "orgId", "shareId", "clickId", "outcome", "value", "currency", "occurredAt")
         SELECT 'cnv_b' || ins."id", $1, ins."shareId", ins."id",
           (ARRAY['VISIT','SIGNUP','APPLICATION','HIRE','LEAD','OPPORTUNITY','DEAL'])[1 + floor(random() * 7)::int]::"ConversionOutcome",
           CASE WHEN random() < 0.5 THEN round((random() * 1000)::numeric, 2) END, 'EUR',
           LEAST(now() - interval '1 minute', ins."at" + random() * interval '2 days')
         FROM ins WHERE NOT ins."isBot" AND random() < 0.025
         RETURNING "shareId", "occurredAt" AS "at"
       )
       -- Clicks inserted here, not by the click writer: their days are recounted.
       INSERT INTO "RollupDirty" ("shareId", "day", "recountClicks")
       SELECT DISTINCT e."shareId", (e."at" AT TIME ZONE $4)::date, true
       FROM (SELECT "shareId", "at" FROM ins UNION ALL SELECT "shareId", "at" FROM conv) e
       ON CONFLICT ("shareId", "day") DO UPDATE SET "markedAt" = EXCLUDED."markedAt"`,
      [orgId, start, end, TIME_ZONE],
    );
  }
  await client.query(`ANALYZE "ClickEvent", "Conversion", "RollupDirty"`);
}

/** The real rollup (what the job runs), until no share-day is left dirty. */
async function rollUp() {
  const t = performance.now();
  const shareDays = await drainDirtyRollups(getDb(), { limit: 5000 });
  return { ms: performance.now() - t, shareDays };
}

/** The plain scan: one aggregate (pg, no Prisma) over an organisation's rollup rows of some days. */
function plainScan(client: pg.Client, orgId: string, range: DayRange): () => Promise<unknown> {
  const text = `SELECT "day", SUM("clicks") AS c, SUM("humanClicks") AS h, SUM("uniqueVisits") AS u,
      SUM("conversions") AS v, SUM("conversionValue") AS value
    FROM "ShareDailyStats"
    WHERE "orgId" = $1 AND "day" BETWEEN $2::date AND $3::date
    GROUP BY "day"`;
  return () => client.query(text, [orgId, range.from, range.to]);
}

/**
 * Times the functions in rotation (each run starts with the next one), so all of them see the same
 * machine load: on a shared 2-core machine, timing one and then the other swung ratios 0.3–1.8.
 */
export async function timeRotating(
  fns: Record<string, () => Promise<unknown>>,
  warm: number,
  runs: number,
  meter: CpuMeter | null,
): Promise<{
  sorted: Record<string, number[]>;
  byRun: Record<string, number[]>;
  cpuMs: Record<string, number>;
  cpuCalls: Record<string, number[]>;
}> {
  const keys = Object.keys(fns);
  for (let i = 0; i < warm; i++) for (const k of keys) await fns[k]!();
  const times: Record<string, number[]> = Object.fromEntries(keys.map((k) => [k, []]));
  const cpuNs: Record<string, number[]> = Object.fromEntries(keys.map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < keys.length; j++) {
      const k = keys[(i + j) % keys.length]!;
      if (meter) collectGarbage();
      const cpu = meter?.read();
      const t = performance.now();
      await fns[k]!();
      times[k]!.push(performance.now() - t);
      if (meter && cpu) cpuNs[k]!.push(meter.since(cpu));
    }
  }
  const sorted = Object.fromEntries(keys.map((k) => [k, [...times[k]!].sort((a, b) => a - b)]));
  // The median call: a garbage collection or a context switch storm in one call does not count.
  const cpuMs = Object.fromEntries(keys.map((k) => [k, median(cpuNs[k]!) / 1e6]));
  return { sorted, byRun: times, cpuMs, cpuCalls: cpuNs };
}

export async function benchDashboard(ctx: BenchContext): Promise<BenchResult[]> {
  const settings = SETTINGS[ctx.mode];
  const started = performance.now();
  const client = benchClient(ctx.databaseUrl);
  await client.connect();
  try {
    // CPU time per call: no parallel query, no JIT (bench/pg-client.ts); a fixed seed.
    await prepareMeteredDatabase(client, 0.2026);
    const range = lastNDays(30, TIME_ZONE);
    const previous = previousRange(range);
    const build = async (events: number, firstId: number) => {
      const shape = shapeFor(events);
      const tGen = performance.now();
      const orgId = await createOrganisation(client, shape);
      await addClicks(client, orgId, firstId, events);
      const generateMs = performance.now() - tGen;
      const rollup = await rollUp();
      const { rows: teamRows } = await client.query<{ id: string }>(
        `SELECT "id" FROM "Team" WHERE "orgId" = $1 ORDER BY "name" LIMIT 2`,
        [orgId],
      );
      const teamIds = teamRows.map((t) => t.id);
      const { rows: teamShares } = await client.query<{ id: string }>(
        `SELECT DISTINCT s."id" FROM "Share" s JOIN "TeamMember" tm ON tm."membershipId" = s."membershipId"
         WHERE s."orgId" = $1 AND tm."teamId" = ANY($2::text[])`,
        [orgId, teamIds],
      );
      const { rows: counts } = await client.query<{
        clicks: number;
        conversions: number;
        rollups: number;
        rollups60: number;
        rollupClicks: number;
        dirty: number;
      }>(
        `SELECT (SELECT COUNT(*) FROM "ClickEvent" WHERE "orgId" = $1)::int AS clicks,
                (SELECT COUNT(*) FROM "Conversion" WHERE "orgId" = $1)::int AS conversions,
                (SELECT COUNT(*) FROM "ShareDailyStats" WHERE "orgId" = $1)::int AS rollups,
                (SELECT COUNT(*) FROM "ShareDailyStats" WHERE "orgId" = $1
                   AND "day" BETWEEN $2::date AND $3::date)::int AS rollups60,
                (SELECT COALESCE(SUM("clicks"), 0) FROM "ShareDailyStats" WHERE "orgId" = $1)::int AS "rollupClicks",
                (SELECT COUNT(*) FROM "RollupDirty")::int AS dirty`,
        [orgId, previous.from, range.to],
      );
      return {
        shape,
        generateMs,
        rollup,
        counts: counts[0]!,
        teamShareIds: teamShares.map((s) => s.id),
        org: { orgId, teamIds: null, range } satisfies AnalyticsQuery,
        teams: { orgId, teamIds, range } satisfies AnalyticsQuery,
      };
    };
    const small = await build(settings.small, 1);
    const large = await build(settings.large, settings.small + 1);
    // What autovacuum does after a bulk load anyway; timing while it runs would measure it instead.
    await client.query(
      `VACUUM (ANALYZE) "ClickEvent", "Conversion", "ShareDailyStats", "RollupDirty", "Share"`,
    );
    ctx.log(
      `dashboard: ${small.counts.clicks} and ${large.counts.clicks} events, ` +
        `${small.counts.rollups} and ${large.counts.rollups} rollup rows ready (${secondsSince(started)} s)`,
    );
    // Nothing is timed while the app server (another benchmark's) is still seeding and starting.
    await ctx.settle();
    const timingFrom = performance.now();

    // One reference for every scenario: the large organisation's rollup rows of the overview's
    // 60 days (current and previous period). A 30-day scan, tried for the breakdowns, switched plans
    // (index or bitmap scan) with each run's ANALYZE sample and its CPU time with it (6–14 ms).
    const scan = plainScan(client, large.org.orgId, { from: previous.from, to: range.to });
    type Kind = "overview" | "overviewTeams" | "breakdowns";
    const kinds: Array<{
      kind: Kind;
      name: string;
      fn: (q: AnalyticsQuery) => Promise<unknown>;
      scope: "org" | "teams";
    }> = [
      {
        kind: "overview",
        name: "dashboard overview (org)",
        fn: getOverview,
        scope: "org",
      },
      ...(settings.teams
        ? [
            {
              kind: "overviewTeams" as const,
              name: "dashboard overview (2 teams)",
              fn: getOverview,
              scope: "teams" as const,
            },
          ]
        : []),
      {
        kind: "breakdowns",
        name: "dashboard breakdowns (org)",
        fn: getBreakdowns,
        scope: "org",
      },
    ];

    // Warm the process (JIT, Prisma's query compiler, the pool) before anything is timed.
    for (let i = 0; i < settings.warm; i++)
      for (const k of kinds) for (const x of [small, large]) await k.fn(x[k.scope]);

    // CPU time where it can be read (Linux, PostgreSQL on this machine): see bench/cpu.ts.
    const meter = CpuMeter.available() ? new CpuMeter([]) : null;
    const results: BenchResult[] = [];
    for (const k of kinds) {
      const gate = GATES[k.kind][ctx.mode];
      // Statements per call: the same for both organisations, or the function loops over rows.
      const statementsSmall = await countStatements(() => k.fn(small[k.scope]));
      const statements = await countStatements(() => k.fn(large[k.scope]));
      const { best: t, ratios: attempts } = await measureConfirmed(gate, async () => {
        // The backends of this database (Prisma's pool, this client), as they are now.
        meter?.setPids(await backendPids(client));
        const timed = await timeRotating(
          {
            small: () => k.fn(small[k.scope]),
            large: () => k.fn(large[k.scope]),
            scan,
          },
          settings.warm,
          settings.runs,
          meter,
        );
        // Wall time: each rotation's large-organisation time over the scan timed next to it.
        const wallRatio = median(timed.byRun.large!.map((ms, i) => ms / timed.byRun.scan![i]!));
        const cpuRatio = timed.cpuMs.large! / timed.cpuMs.scan!;
        return { ...timed, wallRatio, cpuRatio, ratio: meter ? cpuRatio : wallRatio };
      });
      const p = (key: string, q: number) => percentile(t.sorted[key]!, q);
      const ratio = t.ratio;
      const growth = p("large", 95) / p("small", 95);
      const rows = (x: typeof small) =>
        k.scope === "org" ? x.counts.rollups60 : `${x.teamShareIds.length} shares of 2 teams`;
      results.push({
        name: `${k.name}, ${label(settings.large)} events`,
        baseline: meter
          ? { label: "plain scan, 60 days, CPU", value: t.cpuMs.scan!, unit: "ms" }
          : { label: "plain scan, 60 days", value: p("scan", 50), unit: "ms p50" },
        subject: meter
          ? { label: `${k.fn.name}, CPU`, value: t.cpuMs.large!, unit: "ms" }
          : { label: `${k.fn.name}`, value: p("large", 50), unit: "ms p50" },
        ratio,
        gate,
        checks: [
          ...[small, large].map((x) => ({
            label: `rollups of the ${label(x.shape.events)} org hold every click`,
            ok: x.counts.rollupClicks === x.counts.clicks && x.counts.dirty === 0,
            detail: `${x.counts.rollupClicks} of ${x.counts.clicks}, ${x.counts.dirty} share-days dirty`,
          })),
          {
            label: "statements do not grow with the organisation",
            ok: statements === statementsSmall,
            detail: `${statementsSmall} → ${statements}`,
          },
        ],
        goal: {
          text: `${label(settings.large)}÷${label(settings.small)} p95 ≤ ${GOAL.growth}×, p95 ≤ ${GOAL.p95Ms} ms`,
          met: growth <= GOAL.growth && p("large", 95) <= GOAL.p95Ms,
        },
        summary:
          `p95 ${p("small", 95).toFixed(0)} ms (${label(settings.small)}) → ${p("large", 95).toFixed(0)} ms ` +
          `(${label(settings.large)}), growth ${growth.toFixed(2)}×; rollup rows of 60 days ` +
          `${small.counts.rollups60} → ${large.counts.rollups60}` +
          (attempts.length > 1
            ? `; re-measured: ${attempts.map((r) => r.toFixed(2)).join(" → ")}`
            : ""),
        details: {
          runs: `${settings.warm} warm-up + ${settings.runs} timed each, rotating, 30-day range`,
          attempts: attempts.map((r) => r.toFixed(2)).join(" "),
          p50SmallMs: round(p("small", 50)),
          p95SmallMs: round(p("small", 95)),
          p50LargeMs: round(p("large", 50)),
          p95LargeMs: round(p("large", 95)),
          statements,
          ratioBy: meter ? "CPU time (process + PostgreSQL backends)" : "wall time",
          cpuRatio: round(t.cpuRatio),
          wallRatio: round(t.wallRatio),
          cpuSmallMs: round(t.cpuMs.small!),
          cpuLargeMs: round(t.cpuMs.large!),
          cpuScanMs: round(t.cpuMs.scan!),
          cpuCallsLargeMs: t.cpuCalls.large!.map((ns) => (ns / 1e6).toFixed(1)).join(" "),
          cpuCallsScanMs: t.cpuCalls.scan!.map((ns) => (ns / 1e6).toFixed(1)).join(" "),
          p50ScanMs: round(p("scan", 50)),
          p95ScanMs: round(p("scan", 95)),
          growthP95: round(growth),
          rowsSmall: rows(small),
          rowsLarge: rows(large),
        },
      });
    }
    ctx.log(`dashboard: timed in ${secondsSince(timingFrom)} s`);
    results[0]!.details = {
      ...results[0]!.details,
      ...Object.fromEntries(
        (
          [
            ["small", small],
            ["large", large],
          ] as const
        ).flatMap(([key, x]) => [
          [
            `${key}Shape`,
            `${x.shape.members} members, ${x.shape.teams} teams, ${x.shape.items} items, ${x.shape.shares} shares`,
          ],
          [`${key}ClickEvents`, x.counts.clicks],
          [`${key}Conversions`, x.counts.conversions],
          [`${key}RollupRows`, x.counts.rollups],
          [`${key}RollupRows60Days`, x.counts.rollups60],
          [`${key}GenerateMs`, Math.round(x.generateMs)],
          [`${key}RollupMs`, Math.round(x.rollup.ms)],
          [`${key}RollupShareDays`, x.rollup.shareDays],
        ]),
      ),
    };
    return results;
  } finally {
    await client.end();
  }
}

function label(events: number): string {
  return events >= 1_000_000 ? `${events / 1_000_000}M` : `${events / 1000}k`;
}

function secondsSince(t: number): string {
  return ((performance.now() - t) / 1000).toFixed(1);
}

function round(n: number): number {
  return Number(n.toFixed(2));
}
