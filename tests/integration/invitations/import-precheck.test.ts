/**
 * The CSV pre-check is the import's own rule: what the browser's check (readInvitationCsv, then
 * the server's dry run through precheckCsvRows) calls ready is exactly what the import invites,
 * and each row it refuses is refused by the import for the same reason. And one expiry for email
 * invitations, from the invite panel and from a CSV import alike. And the invite answer says what
 * became of the invitation email (here: this server has no SMTP_URL, so it is only recorded).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/invitations/route";
import { POST as importRoute } from "@/app/api/invitations/import/route";
import { getDb } from "@/lib/core/db/client";
import { createInvitation } from "@/lib/domains/invitations/create-invitation";
import { readInvitationCsv, type ImportRow } from "@/lib/domains/invitations/invitation-csv";
import { precheckCsvRows, type PrecheckReport } from "@/lib/domains/invitations/precheck-csv-rows";
import { runCsvImport, type ChunkReport } from "@/lib/domains/invitations/run-csv-import";
import { accessFor, createOrgFixture, uniqueEmail, type OrgFixture } from "../../support/factories";
import { callRoute } from "../../support/http";

// env() is read lazily: this file runs as a server without email.
const previousSmtp = process.env.SMTP_URL;
delete process.env.SMTP_URL;

let a: OrgFixture;

beforeAll(async () => {
  a = await createOrgFixture();
});

afterAll(() => {
  if (previousSmtp !== undefined) process.env.SMTP_URL = previousSmtp;
});

type Answer<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

/** Posts as the admin, answering like the browser's apiFetch. */
async function post<T = Record<string, unknown>>(
  body: unknown,
  route = importRoute,
): Promise<Answer<T>> {
  const res = await callRoute(route, { method: "POST", userId: a.admin.user.id, body });
  if (res.status >= 400) return { ok: false, status: res.status, message: res.json.error!.message };
  return { ok: true, data: res.json as unknown as T };
}

const invitationCount = () => getDb().invitation.count({ where: { orgId: a.org.id } });

describe("CSV pre-check", () => {
  it("calls ready exactly the rows the import then invites, and refuses the rest for the import's reasons", async () => {
    const pending = uniqueEmail("pending");
    await createInvitation(accessFor(a.org, a.admin), {
      kind: "EMAIL",
      email: pending,
      role: "EMPLOYEE",
      teamIds: [],
      expiresInDays: 7,
    });
    const good = [uniqueEmail("good"), uniqueEmail("good"), uniqueEmail("good")];
    const csv = [
      "email,name,role,teams",
      `${good[0]},Good One,manager,alpha; Beta`,
      `${good[1]},Good Two,,`,
      `${good[2]},,employee,Alpha`,
      `not-an-email,Bad,,`,
      `${uniqueEmail()},Someone,overlord,`,
      `${uniqueEmail()},Someone,,Gamma`,
      `${a.employee.user.email},Already Here,,`,
      `${pending.toUpperCase()},Invited Before,,`,
      `${good[1]},Twice,,`,
      `${uniqueEmail()},${"x".repeat(121)},,`,
    ].join("\n");

    const parsed = readInvitationCsv(csv);
    if (!parsed.ok) throw new Error(parsed.message);
    const before = await invitationCount();
    const checked = await precheckCsvRows(
      parsed.rows,
      (rows) => post<PrecheckReport>({ rows, dryRun: true }),
      { chunkSize: 4 },
    );
    if (!checked.ok) throw new Error(checked.message);
    // A dry run writes nothing.
    expect(await invitationCount()).toBe(before);

    const refusedByCheck = [...parsed.refused, ...checked.refused].sort((x, y) => x.line - y.line);
    expect(checked.ready.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(
      Object.fromEntries(refusedByCheck.map((r) => [r.line, "reason" in r && r.reason])),
    ).toEqual({
      5: 'Invalid email "not-an-email".',
      6: 'Unknown role "overlord" (use employee, manager or admin).',
      7: "Unknown team: Gamma.",
      8: "Already a member of this organisation.",
      9: "Already has a pending invitation.",
      10: "Duplicate of line 3.",
      11: "Names are at most 120 characters.",
    });

    // The import of every parsed row refuses the same rows for the same reasons…
    const all = await runCsvImport(parsed.rows, {
      chunkSize: 4,
      send: (rows: ImportRow[]) => post<ChunkReport>({ rows }),
    });
    const outcomes = [...parsed.refused, ...all.outcomes].sort((x, y) => x.line - y.line);
    expect(outcomes.filter((o) => o.status === "invited").map((o) => o.line)).toEqual([2, 3, 4]);
    expect(outcomes.filter((o) => o.status !== "invited")).toEqual(refusedByCheck);
  });

  it("the check's ready rows are all invited, with nothing refused", async () => {
    const csv = ["email,teams", `${uniqueEmail("ok")},Alpha`, `${a.admin.user.email},`].join("\n");
    const parsed = readInvitationCsv(csv);
    if (!parsed.ok) throw new Error(parsed.message);
    const checked = await precheckCsvRows(parsed.rows, (rows) =>
      post<PrecheckReport>({ rows, dryRun: true }),
    );
    if (!checked.ok) throw new Error(checked.message);
    expect(checked.ready).toHaveLength(1);
    const run = await runCsvImport(checked.ready, {
      send: (rows: ImportRow[]) => post<ChunkReport>({ rows }),
    });
    expect(run.outcomes.map((o) => o.status)).toEqual(["invited"]);
  });
});

describe("one expiry for email invitations", () => {
  it("the invite panel and a CSV import give the same number of days", async () => {
    const single = await post(
      { kind: "EMAIL", email: uniqueEmail("one"), role: "EMPLOYEE" },
      createRoute,
    );
    if (!single.ok) throw new Error(single.message);
    const imported = uniqueEmail("csv");
    const started = Date.now();
    const report = await post({ rows: [{ line: 2, email: imported }] });
    if (!report.ok) throw new Error(report.message);
    const fromPanel = Date.parse((single.data.invitation as { expiresAt: string }).expiresAt);
    const fromCsv = (
      await getDb().invitation.findFirstOrThrow({ where: { orgId: a.org.id, email: imported } })
    ).expiresAt.getTime();
    const days = (ms: number) => Math.round((ms - started) / 86_400_000);
    expect(days(fromCsv)).toBe(days(fromPanel));
  });
});

describe("what the invite answer says about its email", () => {
  it("without SMTP_URL: recorded, not sent — and the delivery says so", async () => {
    const email = uniqueEmail("nosmtp");
    const res = await post({ kind: "EMAIL", email, role: "EMPLOYEE" }, createRoute);
    if (!res.ok) throw new Error(res.message);
    const invitation = res.data.invitation as { id: string; emailed: string };
    expect(invitation.emailed).toBe("not_configured");
    const delivery = await getDb().emailDelivery.findUniqueOrThrow({
      where: { dedupeKey: `invite:${invitation.id}` },
    });
    expect(delivery).toMatchObject({ to: email, status: "PENDING" });
    expect(delivery.lastError).toBe("Not sent: SMTP_URL is not configured.");
  });

  it("an invite link has no email", async () => {
    const res = await post({ kind: "LINK", role: "EMPLOYEE" }, createRoute);
    if (!res.ok) throw new Error(res.message);
    expect((res.data.invitation as { emailed: unknown }).emailed).toBeNull();
  });
});
