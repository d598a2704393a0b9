/**
 * Bulk invitation import: 10,000 CSV rows through the real import (validation, look-ups, one
 * transaction per 500-row chunk) against a baseline of one raw multi-row INSERT of the same rows.
 */
import pg from "pg";
import { createId } from "@/lib/core/db/create-id";
import { importInvitations } from "@/lib/domains/invitations/import-invitations";
import { newInvitationToken } from "@/lib/domains/invitations/invitation-token";
import { accessFor, createOrgFixture } from "../tests/support/factories";
import type { BenchResult } from "./report";

const ROWS = 10_000;
const CHUNK = 500;

export async function benchImportInvitations(databaseUrl: string): Promise<BenchResult> {
  const baselineOrg = await createOrgFixture();
  const subjectOrg = await createOrgFixture();
  const rows = (tag: string) =>
    Array.from({ length: ROWS }, (_, i) => ({
      line: i + 2,
      email: `bench-${tag}-${i}@bench.example`,
      name: `Bench Person ${i}`,
      role: i % 10 === 0 ? "manager" : "employee",
      teams: i % 2 ? "Alpha" : "Alpha;Beta",
    }));

  // Baseline: the same number of invitation rows in one multi-row INSERT, no validation.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const expires = new Date(Date.now() + 14 * 86_400_000);
  const baseRows = rows("base");
  const t0 = performance.now();
  const ids = baseRows.map(() => createId("inv"));
  const hashes = baseRows.map(() => newInvitationToken().tokenHash);
  await client.query(
    `INSERT INTO "Invitation" ("id","orgId","kind","email","name","role","tokenHash","expiresAt","createdAt","updatedAt")
     SELECT id, $1, 'EMAIL', email, name, 'EMPLOYEE', hash, $2, now(), now()
     FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS t(id, email, name, hash)`,
    [
      baselineOrg.org.id,
      expires,
      ids,
      baseRows.map((r) => r.email),
      baseRows.map((r) => r.name),
      hashes,
    ],
  );
  const baselineMs = performance.now() - t0;
  await client.end();

  // Subject: the real import, chunk by chunk, as the browser sends it.
  const access = accessFor(subjectOrg.org, subjectOrg.admin);
  const subjectRows = rows("subject");
  let invited = 0;
  const t1 = performance.now();
  for (let i = 0; i < subjectRows.length; i += CHUNK) {
    const report = await importInvitations(access, {
      rows: subjectRows.slice(i, i + CHUNK),
      expiresInDays: 14,
    });
    invited += report.invited;
  }
  const subjectMs = performance.now() - t1;
  if (invited !== ROWS) throw new Error(`expected ${ROWS} invitations, got ${invited}`);

  return {
    name: "import 10k invitations",
    baseline: { label: "1 raw INSERT", value: baselineMs, unit: "ms" },
    subject: { label: `import (${ROWS / CHUNK} chunks)`, value: subjectMs, unit: "ms" },
    ratio: subjectMs / baselineMs,
    target: "< 60 s",
    pass: subjectMs < 60_000,
    details: { rows: ROWS, rowsPerSecond: Math.round(ROWS / (subjectMs / 1000)) },
  };
}
