/**
 * Role matrix suite: every row of tests/integration/security/role-matrix.ts (every mutation of the
 * route inventory, the reads that expose data, the server actions) × ADMIN, MANAGER, EMPLOYEE,
 * DEACTIVATED, ANONYMOUS. For each cell a fresh request that would succeed for an allowed caller
 * is made (real ids of the caller's organisation, a valid body): allowed → 2xx (or the route's
 * redirect); denied → 401 anonymous / 403 otherwise, a readable message, and not one row of the
 * organisation changed (checksum before and after). Server actions are called for real, each cell
 * with its own request (session cookie or none): allowed → what the action is for happened (a
 * session, an account, an organisation, a reset link…); denied → an error state that says why and
 * nothing written.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { can } from "@/lib/domains/access/permissions";
import {
  isMutation,
  ROUTE_HANDLERS,
  SERVER_ACTIONS,
  type Guard,
  type HttpMethod,
} from "@/tests/support/route-inventory";
import { createApiKey } from "@/lib/domains/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/domains/api-keys/revoke-api-key";
import { createScimToken } from "@/lib/domains/scim/create-scim-token";
import { revokeScimToken } from "@/lib/domains/scim/revoke-scim-token";
import { getDb } from "@/lib/core/db/client";
import { accessFor } from "../../support/factories";
import { ProbeCounter } from "../../support/hardening-report";
import { sessionCookie } from "../../support/http";
import { redirectTarget, requestContext, setRequest } from "../../support/security/request-context";
import {
  changedTables,
  checksumOrg,
  createRoleOrg,
  createShareRow,
  type Member,
} from "../../support/security/role-fixture";
import { ACTORS, ROLE_MATRIX, rowId, type Actor, type Cell, type MatrixRow } from "./role-matrix";
import {
  actorOf,
  ARRANGE,
  ARRANGE_ACTION,
  startMatrixEnv,
  stopMatrixEnv,
  type ActionOutcome,
  type Arranged,
} from "./role-matrix-arrange";
import { loadAction, loadHandler, send } from "./role-matrix-call";

// Server actions read the request through next/headers, which only a running Next server
// provides: a stand-in holds each call's headers and cookie jar (tests/support/security).
vi.mock("next/headers", async () =>
  (await import("../../support/security/request-context")).nextHeadersStandIn(),
);

const probe = new ProbeCounter();
/** Denied callers first, so a denial is never checked after an allowed change in the same org. */
const ORDER: Actor[] = ["ANONYMOUS", "DEACTIVATED", "EMPLOYEE", "MANAGER", "ADMIN"];

beforeAll(async () => {
  await startMatrixEnv();
});

afterAll(async () => {
  probe.report("role matrix");
  await stopMatrixEnv();
});

/** The inventory's guard for a row. */
function guardOf(row: MatrixRow): Guard | undefined {
  if (row.method === "ACTION") {
    const [file, name] = row.route.split("#");
    return SERVER_ACTIONS.find((a) => a.file === file && a.name === name)?.guard;
  }
  return ROUTE_HANDLERS.find((r) => r.path === row.route)?.methods[row.method];
}

/** What the guard alone implies for each column. */
function impliedCells(guard: Guard): Record<Actor, Cell> {
  const yes = (v: boolean): Cell => (v ? "allow" : "deny");
  switch (guard.kind) {
    case "org":
      return {
        ADMIN: yes(can("ADMIN", guard.permission)),
        MANAGER: yes(can("MANAGER", guard.permission)),
        EMPLOYEE: yes(can("EMPLOYEE", guard.permission)),
        DEACTIVATED: "deny",
        ANONYMOUS: "deny",
      };
    case "user":
      return {
        ADMIN: "allow",
        MANAGER: "allow",
        EMPLOYEE: "allow",
        DEACTIVATED: "allow",
        ANONYMOUS: "deny",
      };
    case "public":
    case "token":
      return {
        ADMIN: "allow",
        MANAGER: "allow",
        EMPLOYEE: "allow",
        DEACTIVATED: "allow",
        ANONYMOUS: "allow",
      };
    case "apiKey":
    case "scimToken":
      return {
        ADMIN: "deny",
        MANAGER: "deny",
        EMPLOYEE: "deny",
        DEACTIVATED: "deny",
        ANONYMOUS: "deny",
      };
  }
}

describe("the role matrix table", () => {
  it("has a row for every mutation, every organisation read and every server action of the inventory", () => {
    const ids = new Set(ROLE_MATRIX.map(rowId));
    const missing: string[] = [];
    for (const route of ROUTE_HANDLERS) {
      for (const [method, guard] of Object.entries(route.methods) as [HttpMethod, Guard][]) {
        const needed = isMutation(method) || (method === "GET" && guard.kind === "org");
        if (needed && !ids.has(`${method} ${route.path}`)) missing.push(`${method} ${route.path}`);
      }
    }
    for (const action of SERVER_ACTIONS) {
      if (!ids.has(`ACTION ${action.file}#${action.name}`)) {
        missing.push(`ACTION ${action.file}#${action.name}`);
      }
    }
    probe.check(
      "every inventory mutation has a matrix row",
      missing.length === 0,
      missing.join(", "),
    );
    expect(
      missing,
      "Add these to tests/integration/security/role-matrix.ts (and their request to role-matrix-arrange.ts)",
    ).toEqual([]);
    expect(ids.size, "a row is listed twice").toBe(ROLE_MATRIX.length);
  });

  it("agrees with the guards of the route inventory and the roles of permissions.ts", () => {
    const drift: string[] = [];
    for (const row of ROLE_MATRIX) {
      const guard = guardOf(row);
      if (!guard) {
        drift.push(`${rowId(row)}: not in tests/support/route-inventory.ts (renamed or removed?)`);
        continue;
      }
      const implied = impliedCells(guard);
      for (const actor of ACTORS) {
        if (row.cells[actor] !== implied[actor] && !row.note) {
          drift.push(
            `${rowId(row)} × ${actor}: the table says ${row.cells[actor]}, the guard (${guard.kind}${guard.kind === "org" ? ` ${guard.permission}` : ""}) implies ${implied[actor]} — fix the cell, or explain it in a note`,
          );
        }
      }
      if (guard.kind === "apiKey" && !row.note?.includes("KEY RULE")) {
        drift.push(`${rowId(row)}: an API key route needs its KEY RULE in the note`);
      }
      if (guard.kind === "scimToken" && !row.note?.includes("SCIM RULE")) {
        drift.push(`${rowId(row)}: a SCIM route needs its SCIM RULE in the note`);
      }
    }
    probe.check(
      "the matrix agrees with the inventory and permissions.ts",
      drift.length === 0,
      drift.join("; "),
    );
    expect(drift).toEqual([]);
  });
});

/** Checks one response against its cell; returns the problems found. */
function judge(
  row: MatrixRow,
  actor: Actor,
  res: { status: number; json: unknown; headers: Headers },
): string[] {
  const problems: string[] = [];
  const location = res.headers.get("location") ?? "";
  const body = JSON.stringify(res.json)?.slice(0, 300);
  if (row.cells[actor] === "allow") {
    const redirect = res.status >= 300 && res.status < 400;
    const ok =
      (res.status >= 200 && res.status < 300) || (redirect && !/signin|error=/.test(location));
    if (!ok) problems.push(`expected success, got ${res.status} ${location || body}`);
    if (rowId(row) === "GET /api/linkedin/callback" && !location.includes("linkedin=connected")) {
      problems.push(`expected a completed connection, got ${location}`);
    }
    return problems;
  }
  const expected = row.expect?.[actor] ?? (actor === "ANONYMOUS" ? 401 : 403);
  if (res.status !== expected) problems.push(`expected ${expected}, got ${res.status} ${body}`);
  if (expected >= 300 && expected < 400) {
    if (!location.includes("/signin"))
      problems.push(`expected a redirect to sign in, got ${location}`);
  } else {
    // SCIM routes answer in the SCIM error schema (RFC 7644 §3.12): the message is `detail`.
    const json = res.json as { error?: { message?: unknown }; detail?: unknown } | null;
    const message = json?.error?.message ?? json?.detail;
    if (typeof message !== "string" || message.length < 12) {
      problems.push(`no readable message: ${body}`);
    }
  }
  return problems;
}

describe("every route row × every column", () => {
  const routeRows = ROLE_MATRIX.filter((row) => row.method !== "ACTION");

  it.each(routeRows.map((row) => [rowId(row), row] as const))("%s", async (id, row) => {
    const arrange = ARRANGE[id];
    expect(arrange, `no request for ${id} in role-matrix-arrange.ts`).toBeDefined();
    const entry = ROUTE_HANDLERS.find((r) => r.path === row.route)!;
    const handler = await loadHandler(entry.file, row.method as HttpMethod);
    probe.route(id);
    const fx = await createRoleOrg();
    // Every request is arranged first; then the denied ones run between two checksums of every
    // organisation they could touch, then the allowed ones.
    const calls: { actor: Actor; member: Member; arranged: Arranged }[] = [];
    for (const actor of ORDER) {
      const member = actorOf(fx, actor);
      const arranged: Arranged = await arrange!({ fx, actor: member, role: actor });
      calls.push({ actor, member, arranged });
    }
    const denied = calls.filter((c) => row.cells[c.actor] === "deny");
    const watched = [...new Set(denied.map((c) => c.arranged.watchOrgId ?? fx.org.id))];
    const before = await Promise.all(watched.map((orgId) => checksumOrg(orgId)));
    const failures: string[] = [];
    const run = async ({ actor, member, arranged }: (typeof calls)[number]) => {
      const userId = actor === "ANONYMOUS" ? null : member.user.id;
      const res = await send(handler, row.method as HttpMethod, arranged, userId);
      const problems = judge(row, actor, res);
      for (const p of problems) failures.push(`${id} × ${actor}: ${p}`);
      probe.check(`${id} × ${actor}`, problems.length === 0, problems.join("; "));
    };
    for (const call of denied) await run(call);
    const after = await Promise.all(watched.map((orgId) => checksumOrg(orgId)));
    watched.forEach((orgId, i) => {
      const changed = changedTables(before[i]!, after[i]!);
      const who = denied.map((c) => c.actor).join(", ");
      const ok = probe.check(
        `${id}: denied requests change nothing`,
        changed.length === 0,
        `${who} changed ${changed.join(", ")}`,
      );
      if (!ok)
        failures.push(`${id}: denied (${who}), yet ${changed.join(", ")} of ${orgId} changed`);
    });
    for (const call of calls) if (row.cells[call.actor] === "allow") await run(call);
    expect(failures).toEqual([]);
  });

  it("POST /api/v1/conversions: KEY RULE — a key with a conversions scope records, a revoked key does not", async () => {
    const handler = await loadHandler("api/v1/conversions/route.ts", "POST");
    const fx = await createRoleOrg();
    const access = accessFor(fx.org, fx.admin);
    const failures: string[] = [];
    // Publishable keys report by click id only (the browser snippet); secret keys by share code.
    for (const kind of ["secret"] as const) {
      const { key, apiKey } = await createApiKey(access, { name: `Key ${kind}`, kind });
      const share = await createShareRow(fx.org.id, fx.employee);
      const body = { shareCode: share.code, outcome: "signup" };
      const ok = await send(handler, "POST", { body, headers: { "x-api-key": key } }, null);
      if (!probe.check(`conversions with a ${kind} key`, ok.status === 201, `got ${ok.status}`)) {
        failures.push(`${kind} key: expected 201, got ${ok.status} ${JSON.stringify(ok.json)}`);
      }
      await revokeApiKey(access, apiKey.id);
      const before = await checksumOrg(fx.org.id);
      const revoked = await send(handler, "POST", { body, headers: { "x-api-key": key } }, null);
      const unchanged = changedTables(before, await checksumOrg(fx.org.id)).length === 0;
      if (
        !probe.check(
          `conversions with a revoked ${kind} key`,
          revoked.status === 401 && unchanged,
          `got ${revoked.status}`,
        )
      ) {
        failures.push(`revoked ${kind} key: expected 401 and no change, got ${revoked.status}`);
      }
    }
    probe.route("POST /api/v1/conversions (key)");
    expect(failures).toEqual([]);
  });

  const scimRows = ROLE_MATRIX.filter((row) => row.note?.includes("SCIM RULE"));
  it.each(scimRows.map((row) => [rowId(row), row] as const))(
    "%s: SCIM RULE — the organisation's SCIM token succeeds, a revoked one changes nothing",
    async (id, row) => {
      const entry = ROUTE_HANDLERS.find((r) => r.path === row.route)!;
      const handler = await loadHandler(entry.file, row.method as HttpMethod);
      const fx = await createRoleOrg();
      const access = accessFor(fx.org, fx.admin);
      const { token, scimToken } = await createScimToken(access, { name: "Okta" });
      const authorization = `Bearer ${token}`;
      const failures: string[] = [];
      const arranged = await ARRANGE[id]!({ fx, actor: fx.admin, role: "ADMIN" });
      const ok = await send(
        handler,
        row.method as HttpMethod,
        { ...arranged, headers: { ...arranged.headers, authorization } },
        null,
      );
      if (
        !probe.check(
          `${id} with a SCIM token`,
          ok.status >= 200 && ok.status < 300,
          `got ${ok.status}`,
        )
      ) {
        failures.push(`token: expected 2xx, got ${ok.status} ${JSON.stringify(ok.json)}`);
      }
      await revokeScimToken(access, scimToken.id);
      const again = await ARRANGE[id]!({ fx, actor: fx.admin, role: "ADMIN" });
      const before = await checksumOrg(fx.org.id);
      const revoked = await send(
        handler,
        row.method as HttpMethod,
        { ...again, headers: { ...again.headers, authorization } },
        fx.admin.user.id,
      );
      const unchanged = changedTables(before, await checksumOrg(fx.org.id)).length === 0;
      if (
        !probe.check(
          `${id} with a revoked SCIM token`,
          revoked.status === 401 && unchanged,
          `got ${revoked.status}`,
        )
      ) {
        failures.push(
          `revoked token (and an admin's session): expected 401 and no change, got ${revoked.status}`,
        );
      }
      probe.route(`${id} (SCIM token)`);
      expect(failures).toEqual([]);
    },
  );
});

/** Counts of what a server action can create outside the organisation's own rows. */
async function globalCounts(): Promise<Record<string, number>> {
  const db = getDb();
  const [organizations, users, memberships, resetLinks] = await Promise.all([
    db.organization.count(),
    db.user.count(),
    db.membership.count(),
    db.passwordResetToken.count(),
  ]);
  return { organizations, users, memberships, resetLinks };
}

/** The generic message formAction gives for an unexpected error: never a reason to refuse. */
const GENERIC_ACTION_MESSAGE = "Something went wrong on our side. Please try again.";

/** Checks one action outcome against its cell (the allowed effect is checked by the caller). */
function judgeAction(row: MatrixRow, actor: Actor, outcome: ActionOutcome): string[] {
  if (outcome.kind === "threw") return [`threw ${String(outcome.error).slice(0, 300)}`];
  if (row.cells[actor] === "allow") {
    if (outcome.kind === "state" && outcome.state.status !== "ok") {
      return [`expected success, got ${JSON.stringify(outcome.state).slice(0, 300)}`];
    }
    if (outcome.kind === "redirect" && /signin\?error|[?&]error=/.test(outcome.to)) {
      return [`expected success, got a redirect to ${outcome.to}`];
    }
    return [];
  }
  // Refused: the form shows why (anonymous: sign in first), like the 401/403 of a route.
  const message = outcome.kind === "state" ? outcome.state.message : undefined;
  if (outcome.kind !== "state" || outcome.state.status !== "error") {
    return [`expected a refusal, got ${outcome.kind === "redirect" ? outcome.to : "success"}`];
  }
  if (typeof message !== "string" || message.length < 12 || message === GENERIC_ACTION_MESSAGE) {
    return [`no readable reason: ${JSON.stringify(message)}`];
  }
  if (actor === "ANONYMOUS" && !/sign in/i.test(message)) {
    return [`expected "sign in" (the action's session check), got "${message}"`];
  }
  return [];
}

let actionClient = 0;

describe("every server action row × every column (the real actions)", () => {
  const actionRows = ROLE_MATRIX.filter((row) => row.method === "ACTION");

  it("calls every server action of the inventory", () => {
    const called = new Set(actionRows.map(rowId));
    const missing = SERVER_ACTIONS.map((a) => `ACTION ${a.file}#${a.name}`).filter(
      (id) => !called.has(id) || !ARRANGE_ACTION[id],
    );
    probe.check(
      "every server action has a row and a call",
      missing.length === 0,
      missing.join(", "),
    );
    expect(missing, "add a row to role-matrix.ts and a form to ARRANGE_ACTION").toEqual([]);
  });

  it.each(actionRows.map((row) => [rowId(row), row] as const))("%s", async (id, row) => {
    const arrange = ARRANGE_ACTION[id];
    expect(arrange, `no form for ${id} in ARRANGE_ACTION (role-matrix-arrange.ts)`).toBeDefined();
    const [file, name] = row.route.split("#");
    const action = await loadAction(file!, name!);
    probe.route(id);
    const fx = await createRoleOrg();
    const failures: string[] = [];
    // One call after the other, each arranged just before it (a reset link made early would be
    // invalidated by the call before it).
    for (const actor of ORDER) {
      const member = actorOf(fx, actor);
      const { form, effect } = await arrange!({ fx, actor: member, role: actor });
      actionClient += 1;
      setRequest({
        cookie: actor === "ANONYMOUS" ? "" : await sessionCookie(member.user.id),
        ip: `10.66.${(actionClient >> 8) & 255}.${actionClient & 255}`,
      });
      const denied = row.cells[actor] === "deny";
      const checksumBefore = denied ? await checksumOrg(fx.org.id) : null;
      const countsBefore = denied ? await globalCounts() : null;
      let outcome: ActionOutcome;
      try {
        const state = (await action({ status: "idle" }, form)) as { status: string } | undefined;
        // An action that neither answers a state nor redirects did not finish its job.
        outcome = { kind: "state", state: state ?? { status: "returned nothing" } };
      } catch (error) {
        const to = redirectTarget(error);
        outcome = to === null ? { kind: "threw", error } : { kind: "redirect", to };
      }
      const problems = judgeAction(row, actor, outcome);
      if (!denied && !problems.length) problems.push(...(await effect(outcome)));
      if (checksumBefore && countsBefore) {
        const changed = changedTables(checksumBefore, await checksumOrg(fx.org.id));
        const counts = await globalCounts();
        if (changed.length) problems.push(`refused, yet ${changed.join(", ")} changed`);
        if (JSON.stringify(counts) !== JSON.stringify(countsBefore)) {
          problems.push(`refused, yet created rows: ${JSON.stringify({ countsBefore, counts })}`);
        }
      }
      for (const p of problems) failures.push(`${id} × ${actor}: ${p}`);
      probe.check(`${id} × ${actor}`, problems.length === 0, problems.join("; "));
      requestContext.cookies.clear();
    }
    expect(failures).toEqual([]);
  });
});

describe("rows that act on one's own records only", () => {
  /** A colleague's record, through the same route: 404, and nothing changes. */
  const OWN_ONLY = [
    "POST /api/shares/[id]/confirm",
    "POST /api/shares/[id]/retry",
    "DELETE /api/shares/[id]/schedule",
    "POST /api/suggestions/[id]/images",
    "POST /api/notifications/[id]/read",
  ];

  it.each(OWN_ONLY)("%s: an employee using a colleague's record gets 404", async (id) => {
    const row = ROLE_MATRIX.find((r) => rowId(r) === id)!;
    const entry = ROUTE_HANDLERS.find((r) => r.path === row.route)!;
    const handler = await loadHandler(entry.file, row.method as HttpMethod);
    const fx = await createRoleOrg();
    // Made for the manager (theirs), sent by the employee.
    const arranged = await ARRANGE[id]!({ fx, actor: fx.manager, role: "MANAGER" });
    const before = await checksumOrg(fx.org.id);
    const res = await send(handler, row.method as HttpMethod, arranged, fx.employee.user.id);
    const changed = changedTables(before, await checksumOrg(fx.org.id));
    probe.route(id);
    const ok = probe.check(
      `${id}: a colleague's record`,
      res.status === 404 && changed.length === 0,
      `got ${res.status} ${JSON.stringify(res.json)}; changed ${changed.join(", ") || "nothing"}`,
    );
    expect(ok, `${res.status} ${JSON.stringify(res.json)} changed: ${changed.join(", ")}`).toBe(
      true,
    );
  });
});

describe("reads of one's own records", () => {
  it("an employee's suggestions, activity and notifications show none of a colleague's", async () => {
    const fx = await createRoleOrg();
    const colleague = fx.manager;
    const suggestion = await ARRANGE["POST /api/suggestions/[id]/images"]!({
      fx,
      actor: colleague,
      role: "MANAGER",
    });
    const share = await createShareRow(fx.org.id, colleague);
    const notification = await ARRANGE["POST /api/notifications/[id]/read"]!({
      fx,
      actor: colleague,
      role: "MANAGER",
    });
    const reads: [string, string, string][] = [
      ["api/suggestions/route.ts", "/api/suggestions?mine=false", String(suggestion.params!.id)],
      ["api/shares/route.ts", "/api/shares", share.id],
      ["api/notifications/route.ts", "/api/notifications", String(notification.params!.id)],
    ];
    const failures: string[] = [];
    for (const [file, url, foreignId] of reads) {
      const handler = await loadHandler(file, "GET");
      // The colleague sees it (so its absence below means something).
      const own = await send(handler, "GET", { path: url }, colleague.user.id);
      expect(JSON.stringify(own.json), `${url} as its owner`).toContain(foreignId);
      const res = await send(handler, "GET", { path: url }, fx.employee.user.id);
      const leaked = res.status === 200 && JSON.stringify(res.json).includes(foreignId);
      probe.route(`GET ${url.split("?")[0]}`);
      if (
        !probe.check(
          `GET ${url} shows only one's own`,
          res.status === 200 && !leaked,
          `${res.status}, leaked: ${leaked}`,
        )
      ) {
        failures.push(
          `GET ${url}: ${res.status}${leaked ? `, shows the colleague's ${foreignId}` : ""}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });
});
