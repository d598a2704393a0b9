/**
 * Scale benchmark (`npm run bench -- scale`): one organisation of 50,000 members and 10,000,000
 * click events over ~13 months, in the monthly partitions of ClickEvent (migration
 * click_event_partitions), with the matching ShareDailyStats rollups and a points ledger. Quick
 * mode: 2,000 members and 200,000 clicks.
 *
 * Built with SQL (like bench/dashboard.ts and bench/leaderboard.ts): members and teams by the
 * dashboard bench's createOrganisation; shares = clicks ÷ 22 (the demo's clicks per share) spread
 * over 395 days, people sharing unevenly; clicks mostly in the day after their share with a long
 * tail, 8 % bots; the month partitions created first (createClickPartition), so no click goes to the
 * default partition; rollups computed in one aggregate with the rollup's rules (org-local days,
 * unique visits per visitor and hour), as the rollup job would leave them; one SHARE points row per
 * share. The fixture build time is printed.
 *
 * Timed, warm, each in rotation with a plain SQL baseline (pg, no Prisma) so the ratio is judged
 * against the same machine load:
 *   - the dashboard page's data (loadDashboard) for 30 and 90 days, whole organisation, as an
 *     admin; baseline: one aggregate over the rollup rows of the period and the previous one;
 *   - the leaderboard (getLeaderboard, this quarter) as an employee; baseline: the plain top-10
 *     aggregate over the ledger of the quarter;
 *   - the feed (listForYouFeed) for an employee; baseline: the newest 50 published items;
 *   - the shares CSV export of the last 365 days (exportTable + csvStreamResponse, the route's
 *     code), read to the end: rows/s, with the process's RSS and heap before, at the peak during and
 *     after; baseline: the same share rows read by one plain pg query (rows/s).
 * Gates (ratios) are per mode, below. Goals (reported ✓/✗, never failing the run): p95 ≤ 150 ms
 * warm; export ≥ 50,000 rows/s; memory flat (RSS growth during the export < 50 MB).
 */
import type pg from "pg";
import { getDb } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { loadDashboard } from "@/lib/domains/analytics/load-dashboard";
import { exportTable } from "@/lib/domains/analytics/export-table";
import { lastNDays } from "@/lib/domains/analytics/day-range";
import { getLeaderboard } from "@/lib/domains/recognition/get-leaderboard";
import { periodStart } from "@/lib/domains/recognition/leaderboard-period";
import { listForYouFeed } from "@/lib/domains/sharing/list-for-you-feed";
import { createClickPartition } from "@/lib/domains/tracking/click-partitions";
import { csvStreamResponse } from "@/lib/core/csv/csv-stream-response";
import type { BenchContext } from "./context";
import { backendPids, CpuMeter } from "./cpu";
import { createOrganisation, shapeFor, timeRotating } from "./dashboard";
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
const DAYS = 395;
const SETTINGS: Record<
  BenchMode,
  { members: number; clicks: number; warm: number; runs: number; exports: number }
> = {
  quick: { members: 2_000, clicks: 200_000, warm: 3, runs: 10, exports: 2 },
  full: { members: 50_000, clicks: 10_000_000, warm: 5, runs: 30, exports: 2 },
};
/**
 * The fixture's size: the mode's, or SCALE_MEMBERS / SCALE_CLICKS when set (a smaller organisation
 * while working on a query: the full fixture takes ~25 minutes to build on the 2-core machine).
 */
export function fixtureSize(mode: BenchMode): { members: number; clicks: number } {
  const size = (name: string, fallback: number) => {
    const value = Number(process.env[name]);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    members: size("SCALE_MEMBERS", SETTINGS[mode].members),
    clicks: size("SCALE_CLICKS", SETTINGS[mode].clicks),
  };
}
const GOAL = { p95Ms: 150, rowsPerSecond: 50_000, memoryMb: 50 };

/**
 * Gates: the function's CPU time (wall time where it cannot be read) ÷ its baseline's, medians of
 * calls timed in rotation; for the export, its rate ÷ the plain read's rate. Measured on the shared
 * 2-core machine at load average 6–11 (2026-12-07; README, Benchmarks): see each `why`. They are
 * loose (the quick fixture is small and the machine shared) and catch a function that starts doing
 * several times the work for the same data (raw events instead of rollups, a query per row, an
 * export that buffers everything).
 */
const GATES: Record<"dashboard" | "leaderboard" | "feed" | "export", Record<BenchMode, Gate>> = {
  dashboard: {
    quick: {
      kind: "max",
      threshold: 40,
      why: "loadDashboard ÷ one aggregate: quick 12.6–15.8×, full 9.2–9.5×; meant to catch ≈ 3× the work (not tried)",
    },
    full: { kind: "max", threshold: 40, why: "as quick mode, full sizes" },
  },
  leaderboard: {
    quick: {
      kind: "max",
      threshold: 6,
      why: "quick 2.9–3.6×, full 2.1×; meant to catch ≈ 2× the work (not tried)",
    },
    full: { kind: "max", threshold: 6, why: "as quick mode, full sizes" },
  },
  feed: {
    quick: {
      kind: "max",
      threshold: 60,
      why: "quick 20–24×, full 10×: the for-you ranking's statements ÷ one indexed read",
    },
    full: { kind: "max", threshold: 60, why: "as quick mode, full sizes" },
  },
  export: {
    quick: {
      kind: "min",
      threshold: 0.1,
      why: "streamed CSV ÷ one plain pg read: quick 0.16–0.29, full 0.31; meant to catch a 3× slower export (not tried)",
    },
    full: { kind: "min", threshold: 0.1, why: "as quick mode, full sizes" },
  },
};

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/** First instant (UTC) of the month `offset` months from now. */
function month(offset: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
}

export async function buildFixture(
  client: pg.Client,
  mode: BenchMode,
  log: (line: string) => void,
) {
  const { members, clicks } = fixtureSize(mode);
  // Items: a content team publishes a few a day, not one per 20 shares at this size.
  const shape = {
    ...shapeFor(clicks),
    members,
    teams: Math.max(2, Math.round(members / 20)),
    items: mode === "full" ? 2_000 : 200,
  };
  const orgId = await createOrganisation(client, { ...shape, shares: 0 });
  // Every month of the clicks gets its partition first: nothing lands in the default one.
  for (let m = -Math.ceil(DAYS / 30) - 1; m <= 0; m++)
    await createClickPartition(getDb(), month(m));
  await client.query(
    `WITH i AS (SELECT array_agg("id" ORDER BY "id") AS a FROM "ContentItem" WHERE "orgId" = $1),
          m AS (SELECT array_agg("id" ORDER BY "id") AS a, array_agg("userId" ORDER BY "id") AS u
                FROM "Membership" WHERE "orgId" = $1)
     INSERT INTO "Share" ("id", "orgId", "itemId", "membershipId", "userId", "code", "channel", "status",
       "text", "language", "authenticity", "destinationUrl", "networkSize", "createdAt", "updatedAt")
     SELECT 'shr_sc' || g, $1, i.a[r.io], m.a[r.mo], m.u[r.mo], 'sc' || g, 'COPY', 'SHARED', 'text', 'en',
       round(random()::numeric, 2), 'https://example.com/',
       CASE WHEN random() < 0.8 THEN 100 + floor(random() * 3000)::int END,
       now() - random() * make_interval(days => $3::int), now()
     FROM generate_series(1, $2::int) g CROSS JOIN i CROSS JOIN m
     CROSS JOIN LATERAL (
       SELECT g AS gg, 1 + floor(random() * cardinality(i.a))::int AS io,
         1 + floor(power(random(), 2) * cardinality(m.a))::int AS mo
     ) r`,
    [orgId, shape.shares, DAYS],
  );
  const tClicks = performance.now();
  const BATCH = 500_000;
  for (let start = 1; start <= clicks; start += BATCH) {
    const end = Math.min(clicks, start + BATCH - 1);
    await client.query(
      `INSERT INTO "ClickEvent" ("id", "orgId", "shareId", "at", "isBot", "visitorKey", "device", "browser", "referrerHost")
       SELECT 'clk_sc' || g, $1, s."id",
         LEAST(now() - interval '1 minute', (s."createdAt" AT TIME ZONE 'UTC')
           + (-ln(1 - random() * 0.999) * CASE WHEN random() < 0.8 THEN 14 ELSE 120 END) * interval '1 hour'),
         random() < 0.08, md5((floor(random() * 500000))::text),
         (ARRAY['desktop','mobile','tablet'])[1 + floor(random() * 3)::int],
         (ARRAY['Chrome','Safari','Edge','Firefox'])[1 + floor(random() * 4)::int],
         (ARRAY['www.linkedin.com','lnkd.in',NULL])[1 + floor(random() * 3)::int]
       FROM (
         SELECT g, 'shr_sc' || (1 + floor(power(random(), 1.6) * $4::int))::int AS sid
         FROM generate_series($2::int, $3::int) g
       ) p
       JOIN "Share" s ON s."id" = p.sid`,
      [orgId, start, end, shape.shares],
    );
    if (mode === "full") log(`scale: ${end.toLocaleString("en")} clicks (${seconds(tClicks)} s)`);
  }
  // The rollups the rollup job leaves: one row per share and org-local day (its counting rules).
  await client.query(
    `INSERT INTO "ShareDailyStats" ("shareId", "day", "orgId", "itemId", "membershipId", "network",
       "clicks", "humanClicks", "uniqueVisits", "updatedAt")
     SELECT c."shareId", (c."at" AT TIME ZONE $2)::date, $1, sh."itemId", sh."membershipId", sh."network",
       COUNT(*)::int, COUNT(*) FILTER (WHERE NOT c."isBot")::int,
       COUNT(DISTINCT (c."visitorKey", floor(extract(epoch FROM c."at") / 3600))) FILTER (WHERE NOT c."isBot")::int,
       now()
     FROM "ClickEvent" c JOIN "Share" sh ON sh."id" = c."shareId"
     WHERE c."orgId" = $1
     GROUP BY c."shareId", (c."at" AT TIME ZONE $2)::date, sh."itemId", sh."membershipId", sh."network"`,
    [orgId, TIME_ZONE],
  );
  // The points ledger: SHARE (10) on the share's day (the monthly totals follow by trigger).
  await client.query(
    `INSERT INTO "PointsAward" ("id", "orgId", "membershipId", "shareId", "reason", "day", "points", "updatedAt")
     SELECT 'pts_' || s."id", $1, s."membershipId", s."id", 'SHARE',
       ((s."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE $2)::date, 10, now()
     FROM "Share" s WHERE s."orgId" = $1`,
    [orgId, TIME_ZONE],
  );
  await client.query(
    `VACUUM (ANALYZE) "ClickEvent", "ShareDailyStats", "Share", "PointsAward", "PointsMonthly", "Membership", "User", "Team", "TeamMember", "ContentItem"`,
  );
  const { rows } = await client.query<{
    clicks: number;
    rollups: number;
    rollupClicks: number;
    partitions: number;
    inDefault: number;
  }>(
    `SELECT (SELECT COUNT(*) FROM "ClickEvent" WHERE "orgId" = $1)::int AS clicks,
       (SELECT COUNT(*) FROM "ShareDailyStats" WHERE "orgId" = $1)::int AS rollups,
       (SELECT COALESCE(SUM("clicks"), 0) FROM "ShareDailyStats" WHERE "orgId" = $1)::int AS "rollupClicks",
       (SELECT COUNT(*) FROM pg_inherits WHERE inhparent = '"ClickEvent"'::regclass)::int AS partitions,
       (SELECT COUNT(*) FROM "ClickEvent_default")::int AS "inDefault"`,
    [orgId],
  );
  return { orgId, shape, counts: rows[0]! };
}

async function accessFor(orgId: string, handle: string): Promise<Access> {
  const m = await getDb().membership.findFirstOrThrow({
    where: { orgId, handle },
    select: { id: true, role: true, user: { select: { id: true, name: true, email: true } } },
  });
  const org = await getDb().organization.findUniqueOrThrow({ where: { id: orgId } });
  return {
    userId: m.user.id,
    orgId,
    membershipId: m.id,
    role: m.role,
    user: { ...m.user, image: null },
    org: { id: org.id, name: org.name, slug: org.slug, timeZone: org.timeZone, logoUrl: null },
  };
}

interface MemorySample {
  rss: number;
  heap: number;
}
const memory = (): MemorySample => {
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
};
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/** The shares CSV of the range through the route's code, read to the end. */
async function exportOnce(query: Parameters<typeof exportTable>[1]) {
  const { header, pages } = await exportTable("shares", query);
  const iterator = pages[Symbol.asyncIterator]();
  const res = csvStreamResponse({ header, pages: iterator, fileName: "bench.csv", label: "bench" });
  const reader = res.body!.getReader();
  let bytes = 0;
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) lines += 1;
  }
  return { bytes, rows: lines - 1 };
}

export async function benchScale(ctx: BenchContext): Promise<BenchResult[]> {
  const settings = { ...SETTINGS[ctx.mode], ...fixtureSize(ctx.mode) };
  const started = performance.now();
  const client = benchClient(ctx.databaseUrl);
  await client.connect();
  try {
    await prepareMeteredDatabase(client, 0.5);
    const { orgId, shape, counts } = await buildFixture(client, ctx.mode, ctx.log);
    const buildSeconds = seconds(started);
    ctx.log(
      `scale: fixture built in ${buildSeconds} s: ${settings.members.toLocaleString("en")} members, ` +
        `${shape.shares.toLocaleString("en")} shares, ${counts.clicks.toLocaleString("en")} clicks in ` +
        `${counts.partitions} partitions (${counts.inDefault} in the default one), ` +
        `${counts.rollups.toLocaleString("en")} rollup rows`,
    );
    await ctx.settle();
    const admin = await accessFor(orgId, "bench-1");
    // An employee (past the managers), active (not a multiple of 25).
    const employee = await accessFor(orgId, `bench-${settings.members - 7}`);
    const meter = CpuMeter.available() ? new CpuMeter([]) : null;
    const results: BenchResult[] = [];
    const fixtureChecks = [
      {
        label: "every click is in the rollups",
        ok: counts.rollupClicks === counts.clicks,
        detail: `${counts.rollupClicks} vs ${counts.clicks}`,
      },
      {
        label: "no click in the default partition",
        ok: counts.inDefault === 0,
        detail: `${counts.inDefault}`,
      },
    ];

    const plainScan = (days: number) => {
      const range = lastNDays(days * 2, TIME_ZONE);
      const text = `SELECT "day", SUM("clicks") AS c, SUM("humanClicks") AS h, SUM("uniqueVisits") AS u,
          SUM("conversions") AS v, SUM("conversionValue") AS value
        FROM "ShareDailyStats" WHERE "orgId" = $1 AND "day" BETWEEN $2::date AND $3::date GROUP BY "day"`;
      return () => client.query(text, [orgId, range.from, range.to]);
    };
    const quarter = periodStart("quarter", new Date(), TIME_ZONE);
    const scenarios: Array<{
      kind: keyof typeof GATES;
      name: string;
      subject: () => Promise<unknown>;
      baseline: () => Promise<unknown>;
      baselineLabel: string;
    }> = [
      {
        kind: "dashboard",
        name: "dashboard, 30 days (loadDashboard)",
        subject: () => loadDashboard(admin, { range: "30d" }),
        baseline: plainScan(30),
        baselineLabel: "aggregate of 60 days of rollups",
      },
      {
        kind: "dashboard",
        name: "dashboard, 90 days (loadDashboard)",
        subject: () => loadDashboard(admin, { range: "90d" }),
        baseline: plainScan(90),
        baselineLabel: "aggregate of 180 days of rollups",
      },
      {
        kind: "leaderboard",
        name: "leaderboard, this quarter (getLeaderboard)",
        subject: () => getLeaderboard(employee, { period: "quarter" }),
        baseline: () =>
          client.query(
            `SELECT p."membershipId", SUM(p."points")::int AS points FROM "PointsAward" p
             WHERE p."orgId" = $1 AND p."day" >= $2::date GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`,
            [orgId, quarter],
          ),
        baselineLabel: "plain top-10 aggregate",
      },
      {
        kind: "feed",
        name: "feed for an employee (listForYouFeed)",
        subject: () => listForYouFeed(employee, { order: "for-you" }),
        baseline: () =>
          client.query(
            `SELECT "id", "title" FROM "ContentItem" WHERE "orgId" = $1 AND "status" = 'PUBLISHED'
             ORDER BY "publishedAt" DESC LIMIT 50`,
            [orgId],
          ),
        baselineLabel: "newest 50 items",
      },
    ];
    for (const s of scenarios) {
      const gate = GATES[s.kind][ctx.mode];
      const { best: t, ratios } = await measureConfirmed(gate, async () => {
        meter?.setPids(await backendPids(client));
        const timed = await timeRotating(
          { subject: s.subject, baseline: s.baseline },
          settings.warm,
          settings.runs,
          meter,
        );
        const wallRatio = median(timed.sorted.subject!) / median(timed.sorted.baseline!);
        const ratio = meter ? timed.cpuMs.subject! / timed.cpuMs.baseline! : wallRatio;
        return { ...timed, wallRatio, ratio };
      });
      const p95 = percentile(t.sorted.subject!, 95);
      results.push({
        name: `scale: ${s.name}, ${settings.members.toLocaleString("en")} members`,
        baseline: meter
          ? { label: `${s.baselineLabel}, CPU`, value: t.cpuMs.baseline!, unit: "ms" }
          : { label: s.baselineLabel, value: median(t.sorted.baseline!), unit: "ms p50" },
        subject: meter
          ? { label: "CPU", value: t.cpuMs.subject!, unit: "ms" }
          : { label: "wall", value: median(t.sorted.subject!), unit: "ms p50" },
        ratio: t.ratio,
        gate,
        checks: s.kind === "dashboard" ? fixtureChecks : [],
        goal: { text: `p95 ≤ ${GOAL.p95Ms} ms warm`, met: p95 <= GOAL.p95Ms },
        summary:
          `p50 ${percentile(t.sorted.subject!, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms wall` +
          (ratios.length > 1
            ? `; re-measured: ${ratios.map((r) => r.toFixed(2)).join(" → ")}`
            : ""),
        details: {
          p95Ms: Math.round(p95 * 10) / 10,
          wallRatio: Math.round(t.wallRatio * 100) / 100,
          runs: `${settings.warm} warm-up + ${settings.runs} timed each, rotating`,
          fixtureBuildSeconds: buildSeconds,
        },
      });
    }

    // The export: the shares CSV of the last 365 days, its rate and the process's memory.
    const range = lastNDays(365, TIME_ZONE);
    const query = { orgId, teamIds: null, range };
    const { rows: expectedRows } = await client.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM "Share" WHERE "orgId" = $1
         AND "createdAt" >= ($2::date::timestamp AT TIME ZONE $4) AT TIME ZONE 'UTC'
         AND "createdAt" < (($3::date + 1)::timestamp AT TIME ZONE $4) AT TIME ZONE 'UTC'`,
      [orgId, range.from, range.to, TIME_ZONE],
    );
    const expected = expectedRows[0]!.n;
    const plainRead = async () => {
      const t0 = performance.now();
      const { rowCount } = await client.query(
        `SELECT sh."id", sh."code", sh."createdAt", sh."status", sh."networkSize", u."name", ci."title"
         FROM "Share" sh JOIN "Membership" m ON m."id" = sh."membershipId" JOIN "User" u ON u."id" = m."userId"
         JOIN "ContentItem" ci ON ci."id" = sh."itemId"
         WHERE sh."orgId" = $1 AND sh."createdAt" >= ($2::date::timestamp AT TIME ZONE $4) AT TIME ZONE 'UTC'
           AND sh."createdAt" < (($3::date + 1)::timestamp AT TIME ZONE $4) AT TIME ZONE 'UTC'
         ORDER BY sh."createdAt", sh."id"`,
        [orgId, range.from, range.to, TIME_ZONE],
      );
      return { rows: rowCount ?? 0, ms: performance.now() - t0 };
    };
    const exportGate = GATES.export[ctx.mode];
    let exported = { bytes: 0, rows: 0 };
    const { best: e, ratios: exportRatios } = await measureConfirmed(exportGate, async () => {
      const rates: { subject: number[]; baseline: number[] } = { subject: [], baseline: [] };
      let peak: MemorySample = { rss: 0, heap: 0 };
      let before: MemorySample = memory();
      let after: MemorySample = before;
      for (let i = 0; i < settings.exports; i++) {
        const plain = await plainRead();
        rates.baseline.push(plain.rows / (plain.ms / 1000));
        global.gc?.();
        before = memory();
        peak = before;
        const sampler = setInterval(() => {
          const m = memory();
          peak = { rss: Math.max(peak.rss, m.rss), heap: Math.max(peak.heap, m.heap) };
        }, 25);
        const t0 = performance.now();
        exported = await exportOnce(query);
        const ms = performance.now() - t0;
        clearInterval(sampler);
        rates.subject.push(exported.rows / (ms / 1000));
        after = memory();
      }
      const subject = median(rates.subject);
      const baseline = median(rates.baseline);
      return { subject, baseline, ratio: subject / baseline, before, peak, after };
    });
    const growthMb = mb(e.peak.rss - e.before.rss);
    results.push({
      name: `scale: shares CSV export, 365 days (${expected.toLocaleString("en")} rows)`,
      baseline: {
        label: "plain pg read of the rows",
        value: Math.round(e.baseline),
        unit: "rows/s",
      },
      subject: { label: "streamed CSV", value: Math.round(e.subject), unit: "rows/s" },
      ratio: e.ratio,
      gate: exportGate,
      checks: [
        {
          label: "every share of the range exported",
          ok: exported.rows === expected,
          detail: `${exported.rows} vs ${expected}`,
        },
      ],
      goal: {
        text: `≥ ${GOAL.rowsPerSecond.toLocaleString("en")} rows/s and RSS growth < ${GOAL.memoryMb} MB`,
        met: e.subject >= GOAL.rowsPerSecond && growthMb < GOAL.memoryMb,
      },
      summary:
        `${Math.round(e.subject).toLocaleString("en")} rows/s; RSS ${mb(e.before.rss)} → peak ${mb(e.peak.rss)} → ${mb(e.after.rss)} MB, ` +
        `heap ${mb(e.before.heap)} → peak ${mb(e.peak.heap)} → ${mb(e.after.heap)} MB; ${mb(exported.bytes)} MB of CSV` +
        (exportRatios.length > 1
          ? `; re-measured: ${exportRatios.map((r) => r.toFixed(2)).join(" → ")}`
          : ""),
      details: {
        rssBeforeMb: mb(e.before.rss),
        rssPeakMb: mb(e.peak.rss),
        rssAfterMb: mb(e.after.rss),
        heapBeforeMb: mb(e.before.heap),
        heapPeakMb: mb(e.peak.heap),
        heapAfterMb: mb(e.after.heap),
        rssGrowthMb: growthMb,
      },
    });
    return results;
  } finally {
    await client.end();
  }
}
