/**
 * Members benchmark (`npm run bench -- members`): the admin members list (listMembers,
 * lib/domains/members) and My activity (getMyActivity, lib/domains/sharing) on an organisation of
 * 50,000 members built with SQL: 40 teams (everyone in one, some in two), 12 locations, roles
 * 90 % employees, 5 % deactivated, and shares — a heavy sharer with 5,000 of them among ~30 k.
 * A second organisation of 2,000 members shares the tables (tenant scoping is checked).
 * Quick mode: 5,000 members (the heavy sharer keeps 2,000 shares), fewer runs.
 *
 * Scenarios, each timed warm against a baseline in the same run, in rotation: the list's first
 * page, a search (name or email), a filtered page (role + team), a deep page (page 1,000 at 25 a
 * page; 100 in quick mode) and the heavy sharer's My activity first page. Baseline: a plain SELECT
 * (pg, no Prisma) of the same page's rows, in the same order through the same index (the user's
 * name copied onto Membership."sortName"), and the count of the matches — the least a paged list
 * with a total can do; the subject also reads each row's teams, location and managed teams. For
 * My activity the baseline is the plain page of shares; the subject adds the figures over every
 * share. The gated ratio is the median of subject ÷ baseline wall time per
 * rotation; the issue's goal, p95 ≤ 150 ms warm, is reported (✓/✗), not gated.
 */
import { createId } from "@/lib/core/db/create-id";
import { getDb } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { listMembers, type ListMembersQuery } from "@/lib/domains/members/list-members";
import { getMyActivity } from "@/lib/domains/sharing/get-my-activity";
import type pg from "pg";
import type { BenchContext } from "./context";
import {
  measureConfirmed,
  median,
  percentile,
  type BenchMode,
  type BenchResult,
  type Gate,
} from "./gate";
import { benchClient, prepareMeteredDatabase } from "./pg-client";

const SETTINGS: Record<
  BenchMode,
  { members: number; heavy: number; shares: number; deepPage: number; warm: number; runs: number }
> = {
  quick: { members: 5_000, heavy: 2_000, shares: 6_000, deepPage: 100, warm: 3, runs: 12 },
  full: { members: 50_000, heavy: 5_000, shares: 30_000, deepPage: 1_000, warm: 10, runs: 60 },
};
const TEAMS = 40;
const LOCATIONS = 12;
const PAGE_SIZE = 25;
const GOAL_P95_MS = 150;

/**
 * Gates: subject ÷ plain SQL, median per rotation. The list's extra work is the rows' details
 * (teams, location, managed teams) and Prisma; My activity's is its figures over every share. Measured ratios are in the notes (README, Benchmarks). A list that
 * loads every member, sorts without the index or runs a query per row costs many times the plain
 * page: past these limits.
 */
const GATES: Record<BenchMode, Record<string, Gate>> = {
  quick: {
    list: {
      kind: "max",
      threshold: 12,
      why: "typical 1.3–5×, 8.9× once at load 5–10 (1–3 ms baselines)",
    },
    activity: { kind: "max", threshold: 24, why: "typical 9–13×: figures over 2,000 shares" },
  },
  full: {
    list: { kind: "max", threshold: 12, why: "typical 0.95–3.6× at 50,000 members" },
    activity: { kind: "max", threshold: 24, why: "typical 14×: figures over 5,000 shares" },
  },
};

async function buildOrganisation(client: pg.Client, members: number, tag: string) {
  const orgId = createId("org");
  const key = `${tag}${orgId.slice(4, 10).toLowerCase()}`;
  await client.query(
    `INSERT INTO "Organization" ("id", "name", "slug", "updatedAt") VALUES ($1, $2, $3, now())`,
    [orgId, `Bench ${tag}`, `bench-${key}`],
  );
  await client.query(
    `INSERT INTO "Team" ("id", "orgId", "name", "updatedAt")
     SELECT 'team_' || $2::text || '_' || n, $1, 'Team ' || n, now() FROM generate_series(1, $3::int) n`,
    [orgId, key, TEAMS],
  );
  await client.query(
    `INSERT INTO "Location" ("id", "orgId", "name", "updatedAt")
     SELECT 'loc_' || $2::text || '_' || n, $1, 'Site ' || n, now() FROM generate_series(1, $3::int) n`,
    [orgId, key, LOCATIONS],
  );
  // Names from a few first and last names, so a search finds some people, not all or none.
  await client.query(
    `INSERT INTO "User" ("id", "email", "name", "updatedAt")
     SELECT 'usr_' || $1::text || '_' || n,
       lower(f.name) || '.' || lower(l.name) || n || '@' || $1::text || '.example',
       f.name || ' ' || l.name, now()
     FROM generate_series(1, $2::int) n
     CROSS JOIN LATERAL (SELECT (ARRAY['Anna','Bruno','Chiara','Dmitri','Elena','Farid','Greta',
       'Hugo','Ines','Jonas','Karin','Luca','Maja','Nils','Olga','Pavel'])[1 + (n * 7) % 16] AS name) f
     CROSS JOIN LATERAL (SELECT (ARRAY['Berg','Costa','Dahl','Eriksen','Fischer','Garcia','Holm',
       'Ivanova','Jensen','Kowalski','Lind','Moreau','Novak','Olsen','Petit','Quist','Rossi',
       'Schmidt','Torres','Weber'])[1 + (n * 13) % 20] AS name) l`,
    [key, members],
  );
  await client.query(
    `INSERT INTO "Membership" ("id", "orgId", "userId", "role", "status", "handle", "locationId", "updatedAt")
     SELECT 'mem_' || $2::text || '_' || n, $1, 'usr_' || $2::text || '_' || n,
       (CASE WHEN n % 50 = 0 THEN 'ADMIN' WHEN n % 10 = 0 THEN 'MANAGER' ELSE 'EMPLOYEE' END)::"Role",
       (CASE WHEN n % 20 = 7 THEN 'DEACTIVATED' ELSE 'ACTIVE' END)::"MembershipStatus",
       'h-' || n, CASE WHEN n % 9 = 0 THEN NULL ELSE 'loc_' || $2::text || '_' || (1 + n % $4::int) END, now()
     FROM generate_series(1, $3::int) n`,
    [orgId, key, members, LOCATIONS],
  );
  await client.query(
    `INSERT INTO "TeamMember" ("orgId", "teamId", "membershipId")
     SELECT $1, 'team_' || $2::text || '_' || (1 + n % $4::int), 'mem_' || $2::text || '_' || n
     FROM generate_series(1, $3::int) n
     UNION ALL
     SELECT $1, 'team_' || $2::text || '_' || (1 + (n + 1) % $4::int), 'mem_' || $2::text || '_' || n
     FROM generate_series(1, $3::int) n WHERE n % 6 = 0`,
    [orgId, key, members, TEAMS],
  );
  await client.query(
    `INSERT INTO "TeamManager" ("orgId", "teamId", "membershipId")
     SELECT $1, 'team_' || $2::text || '_' || (1 + (n / 10) % $4::int), 'mem_' || $2::text || '_' || n
     FROM generate_series(10, $3::int, 10) n WHERE n <= $4::int * 10`,
    [orgId, key, members, TEAMS],
  );
  return { orgId, key };
}

async function buildShares(
  client: pg.Client,
  org: { orgId: string; key: string },
  { heavy, shares, members }: { heavy: number; shares: number; members: number },
) {
  const itemId = `cnt_${org.key}`;
  await client.query(
    `INSERT INTO "ContentItem" ("id", "orgId", "slug", "title", "body", "valueType", "goals", "status", "updatedAt")
     VALUES ($1, $2, 'bench-item', 'Bench item', 'Body', 'EDUCATION', '{MARKETING}', 'PUBLISHED', now())`,
    [itemId, org.orgId],
  );
  // Member 1 is the heavy sharer; the others share now and then.
  await client.query(
    `INSERT INTO "Share" ("id", "orgId", "itemId", "membershipId", "userId", "code", "channel", "status",
       "text", "language", "authenticity", "destinationUrl", "createdAt", "updatedAt")
     SELECT 'shr_' || $2::text || '_' || g, $1, $3, 'mem_' || $2::text || '_' || m, 'usr_' || $2::text || '_' || m,
       $2 || g, 'COPY', CASE WHEN g % 17 = 0 THEN 'FAILED' ELSE 'SHARED' END::"ShareStatus", 'text', 'en',
       round(random()::numeric, 2), 'https://example.com/', now() - random() * interval '400 days', now()
     FROM generate_series(1, $4::int + $5::int) g,
       LATERAL (SELECT CASE WHEN g <= $4::int THEN 1 ELSE 2 + floor(random() * ($6::int - 1))::int END AS m) x`,
    [org.orgId, org.key, itemId, heavy, shares, members],
  );
}

type Timed = { subject: () => Promise<unknown>; baseline: () => Promise<unknown> };

async function time(t: Timed, warm: number, runs: number) {
  for (let i = 0; i < warm; i++) {
    await t.subject();
    await t.baseline();
  }
  const wall = { subject: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? (["baseline", "subject"] as const) : (["subject", "baseline"] as const);
    for (const k of order) {
      const t0 = performance.now();
      await t[k]();
      wall[k].push(performance.now() - t0);
    }
  }
  const ratio = median(wall.subject.map((ms, i) => ms / wall.baseline[i]!));
  return { wall, ratio };
}

export async function benchMembers(ctx: BenchContext): Promise<BenchResult[]> {
  const s = SETTINGS[ctx.mode];
  const started = performance.now();
  const client = benchClient(ctx.databaseUrl);
  await client.connect();
  try {
    await prepareMeteredDatabase(client, 0.42);
    const org = await buildOrganisation(client, s.members, "m");
    const other = await buildOrganisation(client, 2_000, "o");
    await buildShares(client, org, s);
    await client.query(
      `VACUUM (ANALYZE) "User", "Membership", "TeamMember", "TeamManager", "Share", "Location", "Team"`,
    );
    ctx.log(
      `members: ${s.members} + 2000 members, ${s.heavy + s.shares} shares ready (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    await ctx.settle();
    const team = `team_${org.key}_11`; // managers are members 10, 20, …: teams 1, 11, 21, 31
    // The least a paged list with a total can do: the page's rows (the page of memberships in
    // index order, then their 25 users) and the count, plain SQL; the user is joined for counting
    // only when the filter reads it (search).
    const plainPage = (where: string, params: unknown[], page: number) => async () => {
      const user = where.includes("u.");
      const [rows] = await Promise.all([
        client.query(
          `SELECT m."id", m."role", m."status", m."title", m."createdAt", u."id" AS "userId", u."name", u."email"
           FROM (SELECT m.* FROM "Membership" m ${user ? `JOIN "User" u ON u."id" = m."userId"` : ""}
                 WHERE m."orgId" = $1 ${where}
                 ORDER BY m."sortName", m."id" LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}) m
           JOIN "User" u ON u."id" = m."userId"
           ORDER BY m."sortName", m."id"`,
          [org.orgId, ...params],
        ),
        client.query(
          `SELECT count(*)::int FROM "Membership" m ${user ? `JOIN "User" u ON u."id" = m."userId"` : ""}
           WHERE m."orgId" = $1 ${where}`,
          [org.orgId, ...params],
        ),
      ]);
      return rows;
    };
    const listQuery = (q: Partial<ListMembersQuery>): ListMembersQuery => ({
      page: 1,
      pageSize: PAGE_SIZE,
      ...q,
    });
    const heavy = await getDb().membership.findUniqueOrThrow({
      where: { id: `mem_${org.key}_1` },
      select: { id: true, userId: true },
    });
    const orgRow = await getDb().organization.findUniqueOrThrow({ where: { id: org.orgId } });
    const access: Access = {
      userId: heavy.userId,
      orgId: org.orgId,
      membershipId: heavy.id,
      role: "EMPLOYEE",
      user: { id: heavy.userId, email: "", name: "Heavy", image: null },
      org: {
        id: orgRow.id,
        name: orgRow.name,
        slug: orgRow.slug,
        timeZone: orgRow.timeZone,
        logoUrl: null,
      },
    };
    const scenarios: {
      name: string;
      gate: Gate;
      t: Timed;
      check: () => Promise<{ label: string; ok: boolean; detail?: string }[]>;
    }[] = [
      {
        name: "members list, first page",
        gate: GATES[ctx.mode].list!,
        t: {
          subject: () => listMembers(org.orgId, listQuery({})),
          baseline: plainPage("", [], 1),
        },
        check: async () => {
          const r = await listMembers(org.orgId, listQuery({}));
          const plain = await plainPage("", [], 1)();
          return [
            { label: "total is every member", ok: r.total === s.members, detail: `${r.total}` },
            {
              label: "the page equals the plain SELECT's",
              ok:
                JSON.stringify(r.members.map((m) => m.id)) ===
                JSON.stringify(plain.rows.map((x) => x.id)),
            },
          ];
        },
      },
      {
        name: 'members list, search "olsen"',
        gate: GATES[ctx.mode].list!,
        t: {
          subject: () => listMembers(org.orgId, listQuery({ q: "olsen" })),
          baseline: plainPage(`AND (u."name" ILIKE $2 OR u."email" ILIKE $2)`, ["%olsen%"], 1),
        },
        check: async () => {
          const r = await listMembers(org.orgId, listQuery({ q: "olsen" }));
          return [
            {
              label: "every row matches, none of the other organisation",
              ok:
                r.total > 0 &&
                r.members.every(
                  (m) =>
                    /olsen/i.test(`${m.user.name} ${m.user.email}`) &&
                    m.id.startsWith(`mem_${org.key}_`),
                ),
              detail: `${r.total} matches`,
            },
          ];
        },
      },
      {
        name: "members list, managers of one team",
        gate: GATES[ctx.mode].list!,
        t: {
          subject: () => listMembers(org.orgId, listQuery({ role: "MANAGER", teamId: team })),
          baseline: plainPage(
            `AND m."role" = 'MANAGER' AND EXISTS (SELECT 1 FROM "TeamMember" tm
               WHERE tm."membershipId" = m."id" AND tm."teamId" = $2)`,
            [team],
            1,
          ),
        },
        check: async () => {
          const r = await listMembers(org.orgId, listQuery({ role: "MANAGER", teamId: team }));
          return [
            {
              label: "every row is a manager in the team",
              ok:
                r.total > 0 &&
                r.members.every((m) => m.role === "MANAGER" && m.teams.some((t) => t.id === team)),
              detail: `${r.total} matches`,
            },
          ];
        },
      },
      {
        name: `members list, page ${s.deepPage}`,
        gate: GATES[ctx.mode].list!,
        t: {
          subject: () => listMembers(org.orgId, listQuery({ page: s.deepPage })),
          baseline: plainPage("", [], s.deepPage),
        },
        check: async () => {
          const r = await listMembers(org.orgId, listQuery({ page: s.deepPage }));
          const plain = await plainPage("", [], s.deepPage)();
          return [
            {
              label: "the deep page equals the plain SELECT's",
              ok:
                r.members.length === PAGE_SIZE &&
                JSON.stringify(r.members.map((m) => m.id)) ===
                  JSON.stringify(plain.rows.map((x) => x.id)),
            },
          ];
        },
      },
      {
        name: `My activity, ${s.heavy.toLocaleString("en")} shares, first page`,
        gate: GATES[ctx.mode].activity!,
        t: {
          subject: () => getMyActivity(access, {}),
          baseline: () =>
            client.query(
              `SELECT sh.*, i."title" FROM "Share" sh JOIN "ContentItem" i ON i."id" = sh."itemId"
               WHERE sh."orgId" = $1 AND sh."membershipId" = $2
               ORDER BY sh."createdAt" DESC, sh."id" DESC LIMIT ${PAGE_SIZE}`,
              [org.orgId, heavy.id],
            ),
        },
        check: async () => {
          const r = await getMyActivity(access, {});
          return [
            {
              label: "every share counted, one page shown",
              ok: r.total === s.heavy && r.shares.length === PAGE_SIZE,
              detail: `${r.total} shares, ${r.pages} pages`,
            },
          ];
        },
      },
    ];
    void other;
    const results: BenchResult[] = [];
    for (const sc of scenarios) {
      const { best, ratios } = await measureConfirmed(sc.gate, () => time(sc.t, s.warm, s.runs));
      const sorted = [...best.wall.subject].sort((a, b) => a - b);
      const p95 = percentile(sorted, 95);
      results.push({
        name: `${sc.name}, ${s.members.toLocaleString("en")} members`,
        baseline: {
          label: "plain SQL of the page",
          value: median(best.wall.baseline),
          unit: "ms p50",
        },
        subject: { label: "the app's function", value: median(best.wall.subject), unit: "ms p50" },
        ratio: best.ratio,
        gate: sc.gate,
        checks: await sc.check(),
        goal: { text: `p95 ≤ ${GOAL_P95_MS} ms`, met: p95 <= GOAL_P95_MS },
        summary:
          `p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms` +
          (ratios.length > 1
            ? `; re-measured: ${ratios.map((r) => r.toFixed(2)).join(" → ")}`
            : ""),
        details: {
          p95Ms: Math.round(p95 * 10) / 10,
          runs: `${s.warm} warm-up + ${s.runs} timed each`,
        },
      });
    }
    return results;
  } finally {
    await client.end();
  }
}
