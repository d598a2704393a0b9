/**
 * Bulk invitation import through HTTP (`npm run bench -- import-invitations`): the demo admin,
 * signed in through Auth.js, posts CSV rows to `POST /api/invitations/import` of the app as
 * `npm start` runs it (bench/app-server.ts) in chunks of 500 — what the browser's import page sends
 * (components/admin/import/csv-import.tsx, IMPORT_CHUNK_SIZE) — so the route's session check,
 * permission, same-origin check, body parsing and validation, the import transaction and the
 * invitation-email records are all in the measured time.
 *
 * Baseline: the same number of invitation rows (ids and token hashes made the same way) in one raw
 * multi-row INSERT, no validation, into another organisation of the same database, three times
 * next to each chunk; the order alternates (baseline then import, import then baseline, …) so both
 * see the same machine load. Ratio = CPU time of the median import chunk (the app server's, its
 * database backends' and this process's) ÷ CPU time of the median raw INSERT (this process's and
 * its backend's): CPU time, because wall time on a loaded 2-core machine is mostly waiting for a
 * core (bench/cpu.ts). Wall times are reported besides.
 * Full mode: 10,000 rows (20 chunks); quick mode: 1,500 rows (3 chunks). Warm-up chunks (20 rows,
 * then 500) are not timed.
 */
import { createId } from "@/lib/core/db/create-id";
import { newInvitationToken } from "@/lib/domains/invitations/invitation-token";
import { IMPORT_CHUNK_SIZE } from "@/lib/domains/invitations/run-csv-import";
import { DEMO_ADMIN, signIn } from "./app-server";
import type { BenchContext } from "./context";
import { backendPids, collectGarbage, CpuMeter } from "./cpu";
import { measureConfirmed, median, type BenchMode, type BenchResult, type Gate } from "./gate";
import { benchClient } from "./pg-client";

/** Chunks of IMPORT_CHUNK_SIZE (500) rows per measurement: quick 1,500 rows, full 10,000. */
const CHUNKS: Record<BenchMode, number> = { quick: 3, full: 20 };
/**
 * Raw inserts timed next to each chunk: a 500-row INSERT takes ~20 ms of CPU and varies 15–60 ms
 * from one to the next on a busy machine; the median of several is the steady figure.
 */
const BASELINE_REPEATS = 3;

/**
 * Gate: ratio = CPU time of an import chunk through HTTP ÷ CPU time of a raw INSERT of a chunk
 * (medians; bench/cpu.ts — wall time where CPU time cannot be read), same run.
 * Measured in quick mode on this 2-core machine (load average 3–13): 14–28, typically 20, one
 * first attempt 31.5 (re-measured 27.6). An import doing twice the work (bench experiment: every
 * chunk posted twice) measured 34–41: ≤ 30× fails it while the usual figures keep 50 % of
 * headroom (and a miss is measured once more before it fails).
 */
const GATES: Record<BenchMode, Gate> = {
  quick: { kind: "max", threshold: 30, why: "typical 20× (14–28); 2× the work ≈ 34–41×" },
  full: { kind: "max", threshold: 30, why: "see README (full-mode figures)" },
};
/** The goal of the invitations issue: 10,000 rows in under a minute. */
const GOAL_ROWS_PER_SECOND = 10_000 / 60;

interface Row {
  line: number;
  email: string;
  name: string;
  role: string;
  teams: string;
}

export async function benchImportInvitations(ctx: BenchContext): Promise<BenchResult[]> {
  const app = await ctx.appServer();
  const started = performance.now();
  const client = benchClient(app.databaseUrl);
  await client.connect();
  try {
    const { rows: orgRows } = await client.query<{ orgId: string }>(
      `SELECT m."orgId" FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
       WHERE u."email" = $1 AND m."role" = 'ADMIN' ORDER BY m."createdAt" LIMIT 1`,
      [DEMO_ADMIN.email],
    );
    const orgId = orgRows[0]?.orgId;
    if (!orgId) throw new Error("the demo admin has no organisation");
    const { rows: teamRows } = await client.query<{ name: string }>(
      `SELECT "name" FROM "Team" WHERE "orgId" = $1 ORDER BY "name" LIMIT 2`,
      [orgId],
    );
    const teamNames = teamRows.map((t) => t.name);
    const baselineOrg = createId("org");
    await client.query(
      `INSERT INTO "Organization" ("id", "name", "slug", "timeZone", "updatedAt")
       VALUES ($1, 'Bench baseline', $2, 'Europe/Berlin', now())`,
      [baselineOrg, `bench-baseline-${baselineOrg.slice(4, 12).toLowerCase()}`],
    );

    const rows = (tag: string, count: number, from = 0): Row[] =>
      Array.from({ length: count }, (_, k) => {
        const i = from + k;
        return {
          line: i + 2,
          email: `bench-${tag}-${i}@bench.example`,
          name: `Bench Person ${i}`,
          role: i % 10 === 0 ? "manager" : "employee",
          teams: i % 2 ? teamNames[0]! : teamNames.join(";"),
        };
      });

    const cookie = await signIn(app.url, DEMO_ADMIN);
    const post = async (chunk: Row[]) => {
      const res = await fetch(`${app.url}/api/invitations/import`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, origin: app.url },
        body: JSON.stringify({ rows: chunk }),
      });
      const body = (await res.json().catch(() => null)) as { invited?: number } | null;
      if (res.status !== 200)
        throw new Error(`import answered ${res.status}: ${JSON.stringify(body)}`);
      return body?.invited ?? 0;
    };
    const expires = new Date(Date.now() + 14 * 86_400_000);
    const rawInsert = async (chunk: Row[]) => {
      const ids = chunk.map(() => createId("inv"));
      const hashes = chunk.map(() => newInvitationToken().tokenHash);
      await client.query(
        `INSERT INTO "Invitation" ("id","orgId","kind","email","name","role","tokenHash","expiresAt","createdAt","updatedAt")
         SELECT id, $1, 'EMAIL', email, name, 'EMPLOYEE', hash, $2, now(), now()
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS t(id, email, name, hash)`,
        [baselineOrg, expires, ids, chunk.map((r) => r.email), chunk.map((r) => r.name), hashes],
      );
    };
    const timed = async (fn: () => Promise<unknown>) => {
      const t = performance.now();
      await fn();
      return performance.now() - t;
    };

    // Warm-up, not timed: the route's first load, then a whole chunk (the JIT and Prisma's query
    // plans: without it the first timed chunks took 1.5–2× the later ones).
    await rawInsert(rows("warm", IMPORT_CHUNK_SIZE));
    for (const [from, count] of [
      [0, 20],
      [20, IMPORT_CHUNK_SIZE],
    ] as const) {
      const warmInvited = await post(rows("warm", count, from));
      if (warmInvited !== count) throw new Error(`warm-up: ${warmInvited} of ${count} invited`);
    }

    ctx.log(
      `import: signed in and warmed up (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );

    // CPU time where it can be read (bench/cpu.ts): the import's is the app server's, its database
    // backends' and this process's (the request); the raw INSERT's is this process's and its
    // backend's. Separate meters, so the app's background jobs never count for the baseline.
    const cpu = CpuMeter.available();
    const { rows: own } = await client.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`);
    const baseMeter = new CpuMeter([own[0]!.pid]);
    const appMeter = new CpuMeter([]);
    const metered = async (meter: CpuMeter, fn: () => Promise<unknown>, into: number[]) => {
      if (cpu) collectGarbage();
      const before = meter.read();
      const ms = await timed(fn);
      into.push(meter.since(before) / 1e6);
      return ms;
    };

    // One measurement: `chunks` chunks, each next to BASELINE_REPEATS raw inserts of the same size.
    let next = 0;
    let invitedTotal = 0;
    const measure = async () => {
      appMeter.setPids([
        ...app.pids(),
        ...(await backendPids(client)).filter((pid) => pid !== own[0]!.pid),
      ]);
      const baseMs: number[] = [];
      const subjectMs: number[] = [];
      const baseCpuMs: number[] = [];
      const subjectCpuMs: number[] = [];
      for (let k = 0; k < CHUNKS[ctx.mode]; k++) {
        const from = next;
        next += IMPORT_CHUNK_SIZE;
        const subject = rows("subject", IMPORT_CHUNK_SIZE, from);
        const baseline = async () => {
          for (let r = 0; r < BASELINE_REPEATS; r++)
            baseMs.push(
              await metered(
                baseMeter,
                () => rawInsert(rows(`base${r}`, IMPORT_CHUNK_SIZE, from)),
                baseCpuMs,
              ),
            );
        };
        const importChunk = async () =>
          subjectMs.push(
            await metered(
              appMeter,
              async () => (invitedTotal += await post(subject)),
              subjectCpuMs,
            ),
          );
        if (k % 2 === 0) {
          await baseline();
          await importChunk();
        } else {
          await importChunk();
          await baseline();
        }
      }
      const wallRatio = median(subjectMs) / median(baseMs);
      const cpuRatio = median(subjectCpuMs) / median(baseCpuMs);
      return {
        ratio: cpu ? cpuRatio : wallRatio,
        wallRatio,
        cpuRatio,
        baseMs,
        subjectMs,
        baseCpuMs,
        subjectCpuMs,
      };
    };
    const { best, ratios: attempts } = await measureConfirmed(GATES[ctx.mode], measure);
    const { baseMs, subjectMs, baseCpuMs, subjectCpuMs, ratio } = best;
    const total = next;
    const invited = invitedTotal;
    const { rows: stored } = await client.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM "Invitation" WHERE "orgId" = $1 AND "email" LIKE 'bench-subject-%'`,
      [orgId],
    );
    const sumMs = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
    const rowsPerSecond = (subjectMs.length * IMPORT_CHUNK_SIZE) / (sumMs(subjectMs) / 1000);
    return [
      {
        name: `import invitations over HTTP, ${CHUNKS[ctx.mode]} chunks of ${IMPORT_CHUNK_SIZE}`,
        baseline: cpu
          ? { label: "raw INSERT per chunk, CPU", value: median(baseCpuMs), unit: "ms" }
          : { label: "raw INSERT per chunk", value: median(baseMs), unit: "ms p50" },
        subject: cpu
          ? { label: "POST /api/invitations/import, CPU", value: median(subjectCpuMs), unit: "ms" }
          : { label: "POST /api/invitations/import", value: median(subjectMs), unit: "ms p50" },
        ratio,
        gate: GATES[ctx.mode],
        checks: [
          { label: "every row invited", ok: invited === total, detail: `${invited} of ${total}` },
          {
            label: "every invitation stored",
            ok: stored[0]!.n === total,
            detail: `${stored[0]!.n} of ${total}`,
          },
        ],
        goal: {
          text: "10k rows < 60 s",
          met: rowsPerSecond >= GOAL_ROWS_PER_SECOND,
        },
        summary:
          `${subjectMs.length * IMPORT_CHUNK_SIZE} rows in ${(sumMs(subjectMs) / 1000).toFixed(1)} s ` +
          `(${Math.round(rowsPerSecond)} rows/s), raw INSERT p50 ${median(baseMs).toFixed(0)} ms per chunk` +
          (attempts.length > 1
            ? `; re-measured: ${attempts.map((r) => r.toFixed(1)).join(" → ")}`
            : ""),
        details: {
          rowsImported: total,
          chunks: subjectMs.length,
          attempts: attempts.map((r) => r.toFixed(1)).join(" "),
          ratioBy: cpu ? "CPU time (app server, PostgreSQL backends, this process)" : "wall time",
          cpuRatio: Number(best.cpuRatio.toFixed(2)),
          wallRatio: Number(best.wallRatio.toFixed(2)),
          importChunkMs: subjectMs.map((ms) => Math.round(ms)).join(" "),
          rawInsertMs: baseMs.map((ms) => Math.round(ms)).join(" "),
          importChunkCpuMs: subjectCpuMs.map((ms) => Math.round(ms)).join(" "),
          rawInsertCpuMs: baseCpuMs.map((ms) => Math.round(ms)).join(" "),
          rowsPerSecond: Math.round(rowsPerSecond),
        },
      },
    ];
  } finally {
    await client.end();
  }
}
