/**
 * Spreadsheet formula injection, end to end: people imported from a CSV with names a spreadsheet
 * would run as formulas (`=cmd|' /C calc'!A0`, `+SUM(1)`, `-1+1`, `@A1`, leading spaces, the
 * full-width `＝`) join, share and convert; the names are stored as given (names are trimmed, like
 * every name) and come out of every CSV export — each analytics table, the audit log, the import
 * report — escaped by lib/core/csv (a leading apostrophe), never as a live formula.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as analyticsExport } from "@/app/api/analytics/export/route";
import { GET as auditExport } from "@/app/api/audit/export/route";
import { POST as importRoute } from "@/app/api/invitations/import/route";
import { getDb } from "@/lib/core/db/client";
import { parseCsv } from "@/lib/core/csv/parse-csv";
import { drainDirtyRollups } from "@/lib/domains/analytics/rollup";
import { EXPORT_TABLES } from "@/lib/domains/analytics/types";
import { signUpFormSchema } from "@/lib/domains/auth/auth-form-schemas";
import { acceptInvitation } from "@/lib/domains/invitations/accept-invitation";
import { getInvitationPreview } from "@/lib/domains/invitations/get-invitation-preview";
import {
  importReportCsv,
  readInvitationCsv,
  type ImportOutcome,
} from "@/lib/domains/invitations/invitation-csv";
import { signUp } from "@/lib/domains/users/sign-up";
import { createOrgFixture, createTeam, type OrgFixture } from "../../support/factories";
import { createItem, createShare, insertClicks, insertConversions } from "../../support/analytics";
import { callRoute } from "../../support/http";

/** Names as they appear in the imported file, and as they must be stored. */
const HOSTILE_NAMES = [
  { given: "=cmd|' /C calc'!A0", stored: "=cmd|' /C calc'!A0" },
  { given: "+SUM(1)", stored: "+SUM(1)" },
  { given: "-1+1", stored: "-1+1" },
  { given: "@A1", stored: "@A1" },
  { given: "   =1+1", stored: "=1+1" }, // surrounding spaces are trimmed, as in every name
  { given: "＝1+1", stored: "＝1+1" }, // full-width equals sign (U+FF1D)
  { given: "＠SUM(A1)", stored: "＠SUM(A1)" }, // full-width commercial at (U+FF20)
] as const;
const HOSTILE_TEAM = '=HYPERLINK("http://evil.example")';
const HOSTILE_TITLE = "－2+3 reasons to join"; // full-width hyphen-minus (U+FF0D)
const HOSTILE_EMAIL = '=HYPERLINK("http://evil.example","x")';

/**
 * A cell a spreadsheet would evaluate: after optional white space, a formula sign (ASCII or
 * full-width), unless it is a plain number. Escaped cells start with an apostrophe.
 */
function live(cell: string): boolean {
  if (/^-?\d+(\.\d+)?$/.test(cell)) return false;
  return /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell);
}

let f: OrgFixture;
let reportOutcomes: ImportOutcome[];
const people: { stored: string; userId: string; membershipId: string }[] = [];

beforeAll(async () => {
  f = await createOrgFixture();
  await createTeam(f.org.id, HOSTILE_TEAM);
  const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
  const file = [
    "email,name,role,teams",
    ...HOSTILE_NAMES.map(
      (n, i) => `person${i}@hostile.example,${quote(n.given)},employee,${quote(HOSTILE_TEAM)}`,
    ),
    `${quote(HOSTILE_EMAIL)},Someone,employee,`,
  ].join("\r\n");
  const read = readInvitationCsv(file);
  if (!read.ok) throw new Error(read.message);
  const res = await callRoute(importRoute, {
    method: "POST",
    userId: f.admin.user.id,
    body: { rows: read.rows },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  reportOutcomes = [...read.refused, ...(res.json.results as ImportOutcome[])];

  // Each invitee signs up from the invitation page (name filled in from the invitation) and joins.
  for (const [i, outcome] of reportOutcomes.entries()) {
    if (outcome.status !== "invited") continue;
    const token = new URL(outcome.url).pathname.split("/").pop()!;
    const preview = (await getInvitationPreview(token))!;
    const input = signUpFormSchema.parse({
      name: preview.name,
      email: outcome.email,
      password: `hostile-password-${i}`,
      invitationToken: token,
    });
    const { userId } = await signUp(input);
    const { membershipId } = await acceptInvitation(userId, token);
    const user = await getDb().user.findUniqueOrThrow({ where: { id: userId } });
    people.push({ stored: user.name, userId, membershipId });
  }

  // They share (an item with a hostile title too), get clicks and a conversion each.
  const item = await createItem(f.org.id, { valueType: "EDUCATION", goals: ["HR"] });
  await getDb().contentItem.update({ where: { id: item.id }, data: { title: HOSTILE_TITLE } });
  const yesterday = new Date(Date.now() - 86_400_000);
  for (const person of people) {
    const share = await createShare(
      f.org.id,
      item.id,
      { user: { id: person.userId }, membership: { id: person.membershipId } },
      { createdAt: yesterday },
    );
    await insertClicks(f.org.id, [{ shareId: share.id, at: yesterday, visitorKey: person.userId }]);
    await insertConversions(f.org.id, [
      { shareId: share.id, outcome: "APPLICATION", occurredAt: yesterday },
    ]);
  }
  await drainDirtyRollups(getDb());
});

async function download(handler: typeof analyticsExport, path: string) {
  const res = await callRoute(handler, { userId: f.admin.user.id, path });
  expect(res.status, path).toBe(200);
  const text = String(res.json);
  const rows = parseCsv(text).map((r) => r.cells);
  return { text, header: rows[0]!, rows: rows.slice(1) };
}

function column(file: { header: string[]; rows: string[][] }, name: string): string[] {
  const i = file.header.indexOf(name);
  expect(i, `column ${name}`).toBeGreaterThanOrEqual(0);
  return file.rows.map((r) => r[i]!);
}

function expectNoLiveCell(label: string, file: { header: string[]; rows: string[][] }) {
  const offending = file.rows.flat().filter(live);
  expect(offending, `${label}: cells a spreadsheet would run`).toEqual([]);
}

describe("hostile names from a CSV import", () => {
  it("are stored as given (names trimmed), nothing escaped in the database", async () => {
    expect(people.map((p) => p.stored).sort()).toEqual(HOSTILE_NAMES.map((n) => n.stored).sort());
    const invitations = await getDb().invitation.findMany({ where: { orgId: f.org.id } });
    expect(invitations.map((i) => i.name).sort()).toEqual(
      HOSTILE_NAMES.map((n) => n.stored).sort(),
    );
    const team = await getDb().team.findFirstOrThrow({
      where: { orgId: f.org.id, name: HOSTILE_TEAM },
      include: { members: true },
    });
    expect(team.members).toHaveLength(HOSTILE_NAMES.length);
  });

  it("come out of every analytics export escaped", async () => {
    const escaped = HOSTILE_NAMES.map((n) => `'${n.stored}`).sort();
    for (const table of EXPORT_TABLES) {
      const file = await download(analyticsExport, `/api/analytics/export?table=${table}&range=7d`);
      expectNoLiveCell(table, file);
      if (table === "advocates") expect(column(file, "advocate").sort()).toEqual(escaped);
      if (table === "shares" || table === "conversions") {
        expect(column(file, "advocate").sort()).toEqual(escaped);
        expect(new Set(column(file, "item_title"))).toEqual(new Set([`'${HOSTILE_TITLE}`]));
      }
      if (table === "content") expect(column(file, "title")).toEqual([`'${HOSTILE_TITLE}`]);
      if (table === "teams") expect(column(file, "team")).toContain(`'${HOSTILE_TEAM}`);
    }
  });

  it("come out of the audit log export escaped", async () => {
    const file = await download(auditExport, "/api/audit/export");
    expectNoLiveCell("audit log", file);
    const actors = new Set(column(file, "actor_name"));
    for (const n of HOSTILE_NAMES) expect(actors, n.stored).toContain(`'${n.stored}`);
    // The sentences start with the actor's name: escaped as well.
    const accepted = file.rows.filter(
      (r) => r[file.header.indexOf("action")] === "invitation.accept",
    );
    expect(accepted).toHaveLength(HOSTILE_NAMES.length);
    for (const row of accepted) {
      expect(row[file.header.indexOf("description")]!.startsWith("'")).toBe(true);
    }
  });

  it("come out of the import report escaped (a refused hostile address too)", () => {
    const text = importReportCsv(reportOutcomes);
    const rows = parseCsv(text).map((r) => r.cells);
    const file = { header: rows[0]!, rows: rows.slice(1) };
    expectNoLiveCell("import report", file);
    expect(column(file, "email")).toContain(`'${HOSTILE_EMAIL}`);
    expect(column(file, "status").filter((s) => s === "invited")).toHaveLength(
      HOSTILE_NAMES.length,
    );
  });
});
