/**
 * Tenant isolation, driven by the route inventory (tests/support/route-inventory.ts): two seeded
 * organisations; every route handler that takes an id is called by org A's members (each role
 * whose permission allows the method) with org B's ids → 404 with a readable message, and B's
 * rows are unchanged (a checksum of every row B owns, before and after). Each such route method
 * has a control: the same request with A's own ids succeeds (2xx) for some member of A — a 400,
 * 403, 409 or 500 there would mean the 404s prove nothing. Pages that take ids are rendered
 * themselves (their server component, per role of A): B's ids → 404, A's own record → rendered.
 * Ids carried in bodies and query strings, stored files, the public API, the public post page,
 * managers reaching other teams and people who belong to both organisations are probed too. Every
 * dynamic path segment is declared in the inventory as an id (probed here automatically) or as
 * not an id with a reason (tests/unit/route-inventory.test.ts); the test fails until a new id's
 * model has B ids to use (and, for a body-taking method, until a plausible body is in BODIES).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// This file's stored files go to a folder of its own (read by env() on first use).
const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-tenant-isolation-"));
process.env.UPLOADS_DIR ??= uploads;
// Org A's control verifies its own domain on the admin's word (B's ids must answer 404 first).
process.env.SSO_ADMIN_DOMAIN_VERIFICATION ??= "true";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { can, ROLES } from "@/lib/domains/access/permissions";
import {
  PAGES,
  ROUTE_HANDLERS,
  type Guard,
  type HttpMethod,
  type RouteHandlerEntry,
} from "@/tests/support/route-inventory";
import { getDb } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { loadDashboard } from "@/lib/domains/analytics/load-dashboard";
import { resolveAnalyticsScope } from "@/lib/domains/analytics/resolve-scope";
import { stopBoss } from "@/lib/core/jobs/boss";
import type { Role } from "@/lib/generated/prisma/enums";
import { ProbeCounter } from "../../support/hardening-report";
import { contentInput } from "../../support/content";
import { createOrgFixture } from "../../support/factories";
import { callRoute, sessionCookie } from "../../support/http";
import {
  httpFallbackStatus,
  redirectTarget,
  setRequest,
} from "../../support/security/request-context";
import {
  changedTables,
  checksumOrg,
  checksumTables,
  createSeededOrg,
  PNG_BYTES,
  type OrgChecksum,
  type SeededOrg,
} from "../../support/security/seeded-org";

// Pages read the session through next/headers, which only a running Next server provides: a
// stand-in holds each render's request (tests/support/security/request-context.ts).
vi.mock("next/headers", async () =>
  (await import("../../support/security/request-context")).nextHeadersStandIn(),
);

// Each probe loop sends up to a few hundred requests: more than the default 30 s on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

const probe = new ProbeCounter();
let a: SeededOrg;
let b: SeededOrg;
let bBefore: OrgChecksum;
const startedAt = new Date();

beforeAll(async () => {
  a = await createSeededOrg("Org A");
  b = await createSeededOrg("Org B");
  bBefore = await checksumOrg(b.org.id);
});

afterAll(async () => {
  probe.report("tenant isolation");
  // Retries, tests and conversions queue jobs (pg-boss, started without workers): they must not
  // run in a later suite's workers; then close its pool.
  await getDb()
    .$executeRawUnsafe(
      `DELETE FROM pgboss.job WHERE created_on >= $1 AND state IN ('created', 'retry')`,
      startedAt,
    )
    .catch(() => undefined);
  await stopBoss();
  if (process.env.UPLOADS_DIR === uploads) fs.rmSync(uploads, { recursive: true, force: true });
});

/** The fields an error response names. */
function fieldsOf(res: { json: unknown }): Record<string, string> {
  const error = (res.json as { error?: { fields?: Record<string, string> } } | null)?.error;
  return error?.fields ?? {};
}

/** Compares B's checksum with the one taken before any probe; counts as a probe. */
async function checkBUnchanged(after: string): Promise<void> {
  const now = await checksumOrg(b.org.id);
  probe.check(
    `org B unchanged after ${after}`,
    now.total === bBefore.total,
    `changed tables: ${changedTables(bBefore, now).join(", ")}`,
  );
}

describe("the seeded organisations and the checksum", () => {
  it("has a row in every organisation-owned table, and the checksum covers them all", async () => {
    const tables = await checksumTables();
    const withOrgId = await getDb().$queryRaw<{ table_name: string }[]>`
      SELECT table_name::text AS table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'orgId'
        -- ClickEvent's monthly partitions are covered through ClickEvent itself
        AND table_name NOT IN (SELECT relname FROM pg_class WHERE relispartition)
      ORDER BY 1`;
    const empty: string[] = [];
    for (const { table_name } of withOrgId) {
      if (!tables.has(table_name)) empty.push(`${table_name} (not covered)`);
      else if ((bBefore.tables[table_name]?.rows ?? 0) === 0) empty.push(table_name);
    }
    expect(empty, "tables the seeded organisation has no row in").toEqual([]);
    // Children without an orgId column and the members' users count too.
    expect(bBefore.tables.User?.rows).toBeGreaterThanOrEqual(4);
    expect(bBefore.tables.Account?.rows).toBeGreaterThanOrEqual(1);
    expect(bBefore.tables.Organization?.rows).toBe(1);
  });

  it("notices a change to one row (and only counts the organisation's rows)", async () => {
    const c = await createSeededOrg("Org C");
    const before = await checksumOrg(c.org.id);
    expect((await checksumOrg(c.org.id)).total).toBe(before.total);
    // A change in another organisation does not move C's checksum.
    await getDb().team.update({ where: { id: a.teams.other }, data: { description: "A's own" } });
    expect((await checksumOrg(c.org.id)).total).toBe(before.total);

    await getDb().share.update({ where: { id: c.named.postedShare }, data: { reactions: 7 } });
    const afterShare = await checksumOrg(c.org.id);
    expect(afterShare.total).not.toBe(before.total);
    expect(changedTables(before, afterShare)).toEqual(["Share"]);

    await getDb().account.updateMany({
      where: { userId: c.users.ADMIN.id },
      data: { provider: "oidc-2" },
    });
    const afterAccount = await checksumOrg(c.org.id);
    expect(changedTables(afterShare, afterAccount)).toEqual(["Account"]);

    await getDb().teamMember.deleteMany({ where: { teamId: c.teams.other } });
    expect(changedTables(afterAccount, await checksumOrg(c.org.id))).toEqual(["TeamMember"]);
  });
});

// ─── Route handlers with ids in their path (from the inventory) ─────────────────────────────────

type Handler = Parameters<typeof callRoute>[0];
type Payload = { body?: unknown; form?: () => FormData };

function imageForm(): FormData {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(PNG_BYTES)], "photo.png", { type: "image/png" }));
  form.set("alt", "A solar park");
  return form;
}

/**
 * A plausible, valid body for each id-taking route method that takes one (null: no body). A
 * POST/PUT/PATCH route added to the inventory with `ids` fails the suite until it is listed here.
 */
const BODIES: Record<string, Payload | null> = {
  "PATCH /api/campaigns/[id]": { body: { name: "Taken over", goalTarget: 7 } },
  "PATCH /api/content/[id]": { body: { title: "Taken over", hashtags: ["taken"] } },
  "PATCH /api/locations/[id]": { body: { name: "Taken over" } },
  "PATCH /api/topics/[id]": { body: { name: "Taken over" } },
  "PATCH /api/sources/[id]": { body: { name: "Taken over", autoDraft: true } },
  "POST /api/sources/[id]/poll": null,
  "POST /api/source-entries/[id]/draft": null,
  "POST /api/source-entries/[id]/dismiss": null,
  "POST /api/content/[id]/images": { form: imageForm },
  "POST /api/content/[id]/transitions": { body: { to: "PUBLISHED", comment: "Approved by A" } },
  "POST /api/email/deliveries/[id]/retry": null,
  "PATCH /api/members/[id]": { body: { role: "ADMIN", title: "Taken over" } },
  "POST /api/notifications/[id]/read": null,
  "DELETE /api/push/subscriptions/[id]": null,
  "POST /api/shares/[id]/confirm": null,
  "POST /api/shares/[id]/retry": null,
  "POST /api/suggestions/[id]/images": { form: imageForm },
  "POST /api/suggestions/[id]/accept": {
    body: { valueType: "INFORMATION", goals: ["MARKETING"], title: "Taken over" },
  },
  "POST /api/suggestions/[id]/reject": { body: { reason: "Not for us." } },
  "PATCH /api/teams/[id]": { body: { name: "Taken over", description: "By org A" } },
  "PATCH /api/webhooks/[id]": { body: { active: false, name: "Taken over" } },
  "PATCH /api/badges/[id]": { body: { enabled: false } },
  "PATCH /api/settings/approval-stages/[id]": { body: { name: "Taken over" } },
  "POST /api/webhooks/[id]/test": null,
  "PATCH /api/connectors/[id]": { body: { name: "Taken over", paused: true } },
  "POST /api/connectors/[id]/sync": null,
  "POST /api/webhooks/deliveries/[id]/retry": null,
  "PATCH /api/developer-webhooks/[id]": { body: { active: false, name: "Taken over" } },
  "POST /api/developer-webhooks/deliveries/[id]/replay": null,
  "POST /api/org/sso/domains/[id]/verify": { body: { method: "admin" } },
  "DELETE /api/org/sso/domains/[id]": null,
};

const takesBody = (method: HttpMethod) =>
  method === "POST" || method === "PUT" || method === "PATCH";

/** The roles of org A whose permission allows the guard (org guards only). */
function rolesFor(guard: Guard): Role[] {
  if (guard.kind !== "org") return [];
  return ROLES.filter((role) => can(role, guard.permission));
}

/**
 * Param sets to probe: every combination of B's ids for the route's params, and for routes with
 * several params each param with B's ids while the others name A's own records (A's item, B's
 * image).
 */
function paramSets(ids: Record<string, string>): Record<string, string>[] {
  const names = Object.keys(ids);
  const bIds = (name: string) => b.ids[ids[name]!] ?? [];
  let sets: Record<string, string>[] = [{}];
  for (const name of names) {
    sets = sets.flatMap((set) => bIds(name).map((id) => ({ ...set, [name]: id })));
  }
  if (names.length > 1) {
    for (const name of names) {
      for (const id of bIds(name)) {
        const mixed: Record<string, string> = {};
        for (const other of names) mixed[other] = other === name ? id : a.ids[ids[other]!]![0]!;
        sets.push(mixed);
      }
    }
  }
  return sets;
}

const withIds = ROUTE_HANDLERS.filter(
  (entry): entry is RouteHandlerEntry & { ids: Record<string, string> } => Boolean(entry.ids),
);

describe("route handlers that take ids, called by org A's members with org B's ids", () => {
  it("has B ids for every model the inventory names, and a body for every body-taking method", () => {
    const missing: string[] = [];
    for (const entry of [...withIds, ...PAGES.filter((p) => p.ids)]) {
      for (const [param, model] of Object.entries(entry.ids!)) {
        if (!b.ids[model]?.length) missing.push(`${entry.path} ${param} → ${model}: no B ids`);
      }
    }
    for (const entry of withIds) {
      for (const method of Object.keys(entry.methods) as HttpMethod[]) {
        if (takesBody(method) && !(`${method} ${entry.path}` in BODIES))
          missing.push(`${method} ${entry.path}: no probe body in BODIES`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("answers 404 with a readable message to every role allowed, and B's rows do not change", async () => {
    const start = probe.failures.length;
    for (const entry of withIds) {
      const mod = (await import(path.join(process.cwd(), "app", entry.file))) as Record<
        string,
        Handler
      >;
      for (const [method, guard] of Object.entries(entry.methods) as [HttpMethod, Guard][]) {
        const handler = mod[method];
        if (!probe.check(`${method} ${entry.path} exported`, typeof handler === "function"))
          continue;
        const roles = rolesFor(guard);
        probe.check(`${method} ${entry.path} has an org guard`, roles.length > 0, guard.kind);
        probe.route(`${method} ${entry.path}`);
        const payload = BODIES[`${method} ${entry.path}`] ?? null;
        for (const role of roles) {
          for (const params of paramSets(entry.ids)) {
            const res = await callRoute(handler!, {
              method,
              path: entry.path,
              userId: a.users[role].id,
              params,
              body: payload?.body,
              form: payload?.form?.(),
            });
            const message = res.json?.error?.message;
            probe.check(
              `${method} ${entry.path} as A's ${role} with ${JSON.stringify(params)}`,
              res.status === 404 &&
                res.json?.error?.code === "NOT_FOUND" &&
                typeof message === "string" &&
                /not found|no \w+ with/i.test(message),
              `${res.status} ${JSON.stringify(res.json).slice(0, 200)}`,
            );
          }
        }
      }
      await checkBUnchanged(entry.path);
    }
    expect(probe.failures.slice(start)).toEqual([]);
  });
});

// ─── Ids in bodies and query strings ─────────────────────────────────────────────────────────────

/** A route handler module, loaded the way the inventory names it. */
async function route(file: string): Promise<Record<string, Handler>> {
  return (await import(path.join(process.cwd(), "app", file))) as Record<string, Handler>;
}

interface BodyProbe {
  name: string;
  file: string;
  method: HttpMethod;
  role?: "ADMIN" | "MANAGER" | "EMPLOYEE";
  path?: string;
  params?: () => Record<string, string>;
  body?: () => unknown;
  /** The field the error must name (fields[field]), when the id is in a body. */
  field?: string;
}

const bodyProbes: BodyProbe[] = [
  {
    name: "share B's published item",
    file: "api/shares/route.ts",
    method: "POST",
    role: "EMPLOYEE",
    body: () => ({
      itemId: b.named.publishedItem,
      channel: "COPY",
      text: "My own words about a solar park I helped build in Brandenburg.",
    }),
  },
  {
    name: "share B's published item (admin)",
    file: "api/shares/route.ts",
    method: "POST",
    body: () => ({
      itemId: b.named.publishedItem,
      channel: "LINKEDIN_DIALOG",
      text: "My own words about a solar park I helped build in Brandenburg.",
    }),
  },
  {
    name: "new item aimed at B's team",
    file: "api/content/route.ts",
    method: "POST",
    body: () => ({
      ...contentInput(),
      audience: { all: false, teamIds: [b.teams.managed], locationIds: [] },
    }),
    field: "audience",
  },
  {
    name: "new item aimed at B's location",
    file: "api/content/route.ts",
    method: "POST",
    body: () => ({
      ...contentInput(),
      audience: { all: false, teamIds: [], locationIds: [b.named.location] },
    }),
    field: "audience",
  },
  {
    name: "new item tagged with B's topic",
    file: "api/content/route.ts",
    method: "POST",
    body: () => ({ ...contentInput(), topicIds: [b.named.topic] }),
    field: "topicIds",
  },
  {
    name: "A's employee follows B's topic",
    file: "api/profile/topics/route.ts",
    method: "PUT",
    role: "EMPLOYEE",
    body: () => ({ topicIds: [a.named.topic, b.named.topic] }),
    field: "topicIds",
  },
  {
    name: "A's item re-aimed at B's team",
    file: "api/content/[id]/route.ts",
    method: "PATCH",
    params: () => ({ id: a.named.draftItem }),
    body: () => ({ audience: { all: false, teamIds: [b.teams.other], locationIds: [] } }),
    field: "audience",
  },
  {
    name: "invitation into B's team",
    file: "api/invitations/route.ts",
    method: "POST",
    body: () => ({
      kind: "EMAIL",
      email: `probe-${Date.now()}@test.example`,
      role: "EMPLOYEE",
      teamIds: [b.teams.managed],
    }),
    field: "teamIds",
  },
  {
    name: "invite link into A's and B's teams",
    file: "api/invitations/route.ts",
    method: "POST",
    body: () => ({ kind: "LINK", role: "EMPLOYEE", teamIds: [a.teams.managed, b.teams.other] }),
    field: "teamIds",
  },
  {
    name: "invitation to B's location",
    file: "api/invitations/route.ts",
    method: "POST",
    body: () => ({
      kind: "EMAIL",
      email: `probe-loc-${Date.now()}@test.example`,
      role: "EMPLOYEE",
      locationId: b.named.location,
    }),
    field: "locationId",
  },
  {
    name: "A's member put into B's team",
    file: "api/members/[id]/route.ts",
    method: "PATCH",
    params: () => ({ id: a.users.EMPLOYEE.membershipId }),
    body: () => ({ teamIds: [b.teams.managed] }),
    field: "teamIds",
  },
  {
    name: "new team managed by B's manager",
    file: "api/teams/route.ts",
    method: "POST",
    body: () => ({ name: `Probe ${Date.now()}`, managerIds: [b.users.MANAGER.membershipId] }),
    field: "managerIds",
  },
  {
    name: "A's team given B's members",
    file: "api/teams/[id]/route.ts",
    method: "PATCH",
    params: () => ({ id: a.teams.other }),
    body: () => ({ memberIds: [a.users.EMPLOYEE.membershipId, b.users.EMPLOYEE.membershipId] }),
    field: "memberIds",
  },
  {
    name: "A's team managed by B's admin",
    file: "api/teams/[id]/route.ts",
    method: "PATCH",
    params: () => ({ id: a.teams.other }),
    body: () => ({ managerIds: [b.users.ADMIN.membershipId] }),
    field: "managerIds",
  },
  {
    name: "switch into B",
    file: "api/org/switch/route.ts",
    method: "POST",
    body: () => ({ orgId: b.org.id }),
  },
  {
    name: "export B's team (admin)",
    file: "api/analytics/export/route.ts",
    method: "GET",
    path: "/api/analytics/export?table=advocates&range=30d&team=",
  },
  {
    name: "export B's team (manager)",
    file: "api/analytics/export/route.ts",
    method: "GET",
    role: "MANAGER",
    path: "/api/analytics/export?table=daily&range=7d&team=",
  },
];

describe("ids of org B in bodies and query strings", () => {
  it("answers 404 naming the field, and neither organisation changes", async () => {
    const start = probe.failures.length;
    const aBefore = await checksumOrg(a.org.id);
    for (const p of bodyProbes) {
      const handler = (await route(p.file))[p.method]!;
      const res = await callRoute(handler, {
        method: p.method,
        path: p.path?.endsWith("team=") ? `${p.path}${b.teams.managed}` : (p.path ?? "/api/x"),
        userId: a.users[p.role ?? "ADMIN"].id,
        params: p.params?.(),
        body: p.body?.(),
      });
      const error = res.json?.error as { code?: string; message?: string; fields?: object };
      probe.check(
        `${p.method} ${p.file}: ${p.name}`,
        res.status === 404 &&
          error?.code === "NOT_FOUND" &&
          typeof error.message === "string" &&
          error.message.length > 0 &&
          (!p.field || Object.keys(error.fields ?? {}).includes(p.field)),
        `${res.status} ${JSON.stringify(res.json).slice(0, 200)}`,
      );
    }
    const aAfter = await checksumOrg(a.org.id);
    probe.check(
      "org A unchanged by refused body probes (nothing half-written)",
      aAfter.total === aBefore.total,
      changedTables(aBefore, aAfter).join(", "),
    );
    await checkBUnchanged("body and query probes");
    expect(probe.failures.slice(start)).toEqual([]);
  });

  it("list filters with B's ids answer 404 or show none of B's rows", async () => {
    const start = probe.failures.length;
    const members = await callRoute((await route("api/members/route.ts")).GET!, {
      path: `/api/members?teamId=${b.teams.managed}`,
      userId: a.users.ADMIN.id,
    });
    probe.check(
      "GET /api/members?teamId=<B team>",
      members.status === 404 && "teamId" in fieldsOf(members),
      `${members.status} ${JSON.stringify(members.json).slice(0, 200)}`,
    );
    const content = await callRoute((await route("api/content/route.ts")).GET!, {
      path: `/api/content?audience=${b.teams.other}`,
      userId: a.users.ADMIN.id,
    });
    const audit = await callRoute((await route("api/audit/route.ts")).GET!, {
      path: `/api/audit?actor=${b.users.ADMIN.id}`,
      userId: a.users.ADMIN.id,
    });
    const auditText = JSON.stringify(audit.json);
    probe.check(
      "GET /api/audit?actor=<B's admin>",
      (audit.status === 200 || audit.status === 404) &&
        !b.ids.AuditLog!.some((id) => auditText.includes(id)) &&
        !auditText.includes(b.users.ADMIN.email),
      `${audit.status} ${auditText.slice(0, 200)}`,
    );
    probe.check(
      "GET /api/content?audience=<B team>",
      content.status === 200 && !JSON.stringify(content.json).includes(b.named.teamOnlyItem),
      `${content.status} ${JSON.stringify(content.json).slice(0, 200)}`,
    );
    expect(probe.failures.slice(start)).toEqual([]);
  });

  it("no GET route without ids shows any of B's ids, handles or emails to A's members", async () => {
    const start = probe.failures.length;
    const secrets = [
      ...Object.values(b.ids).flat(),
      b.org.slug,
      ...Object.values(b.users).map((u) => u.email),
      ...Object.values(b.secrets),
      ...Object.values(b.files),
      ...Object.values(b.codes),
    ];
    for (const entry of ROUTE_HANDLERS.filter((e) => !e.ids && e.methods.GET?.kind === "org")) {
      const handler = (await route(entry.file)).GET!;
      for (const role of rolesFor(entry.methods.GET!)) {
        const query = entry.path === "/api/analytics/export" ? "?table=advocates&range=90d" : "";
        const res = await callRoute(handler, {
          path: `${entry.path}${query}`,
          userId: a.users[role].id,
        });
        const text = typeof res.json === "string" ? res.json : JSON.stringify(res.json);
        const leaked = secrets.filter((s) => text.includes(s));
        probe.route(`GET ${entry.path}`);
        probe.check(`GET ${entry.path} as A's ${role}`, leaked.length === 0, leaked.join(", "));
      }
    }
    expect(probe.failures.slice(start)).toEqual([]);
  });
});

// ─── Stored files and the public API ─────────────────────────────────────────────────────────────

describe("B's stored files and B's tracked links through A's credentials", () => {
  it("B's private suggestion photo is served to its author and B's moderators only", async () => {
    const start = probe.failures.length;
    const files = (await route("api/files/[...key]/route.ts")).GET!;
    const get = (userId: string | null, key = b.files.suggestionPhoto) =>
      callRoute(files, { path: `/api/files/${key}`, userId, params: { key: key.split("/") } });
    for (const role of ["ADMIN", "MANAGER", "EMPLOYEE"] as const) {
      const res = await get(a.users[role].id);
      probe.check(`B's suggestion photo as A's ${role}`, res.status === 404, String(res.status));
    }
    const anonymous = await get(null);
    probe.check("B's suggestion photo anonymously", anonymous.status === 404);
    // Controls: the same request works for those who may see it, so the 404s above mean "not yours".
    const author = await get(b.users.EMPLOYEE.id);
    probe.check("B's suggestion photo as its author", author.status === 200, String(author.status));
    const moderator = await get(b.users.ADMIN.id);
    probe.check("B's suggestion photo as B's admin", moderator.status === 200);
    const aOwn = await get(a.users.ADMIN.id, a.files.suggestionPhoto);
    probe.check("A's suggestion photo as A's admin", aOwn.status === 200);
    probe.route("GET /api/files/[...key]");
    expect(probe.failures.slice(start)).toEqual([]);
  });

  it("A's API keys cannot record conversions on B's clicks or shares", async () => {
    const start = probe.failures.length;
    const conversions = (await route("api/v1/conversions/route.ts")).POST!;
    const post = (key: string, body: object) =>
      callRoute(conversions, {
        method: "POST",
        path: "/api/v1/conversions",
        headers: { authorization: `Bearer ${key}` },
        body,
      });
    const cases: [string, string, object, string][] = [
      [
        "secret key, B's click id",
        a.secrets.secretApiKey,
        { clickId: b.named.clickEvent, outcome: "signup" },
        "clickId",
      ],
      [
        "secret key, B's share code",
        a.secrets.secretApiKey,
        { shareCode: b.codes.shared, outcome: "lead", value: 10 },
        "shareCode",
      ],
      [
        "publishable key, B's click id",
        a.secrets.publishableApiKey,
        { clickId: b.named.clickEvent, outcome: "visit" },
        "clickId",
      ],
    ];
    for (const [name, key, body, field] of cases) {
      const res = await post(key, body);
      const fields = (res.json?.error as { fields?: object } | undefined)?.fields ?? {};
      probe.check(
        `POST /api/v1/conversions with A's ${name}`,
        res.status === 404 && field in fields,
        `${res.status} ${JSON.stringify(res.json).slice(0, 200)}`,
      );
    }
    // Control: A's key records a conversion on A's own share.
    const own = await post(a.secrets.secretApiKey, { shareCode: a.codes.shared, outcome: "lead" });
    probe.check(
      "POST /api/v1/conversions on A's own share",
      own.status === 201,
      String(own.status),
    );
    probe.route("POST /api/v1/conversions");
    await checkBUnchanged("conversion probes");
    expect(probe.failures.slice(start)).toEqual([]);
  });

  it("A's SCIM token: B's people and teams answer 404 and never appear in A's lists", async () => {
    const start = probe.failures.length;
    const headers = { authorization: `Bearer ${a.secrets.scimToken}` };
    const bodies: Record<string, Record<HttpMethod, unknown>> = {
      Users: {
        PUT: { userName: `x-${Date.now()}@scim.example`, displayName: "Taken over" },
        PATCH: { Operations: [{ op: "replace", value: { active: false } }] },
      } as Record<HttpMethod, unknown>,
      Groups: {
        PUT: { displayName: "Taken over", members: [] },
        PATCH: { Operations: [{ op: "replace", path: "displayName", value: "Taken over" }] },
      } as Record<HttpMethod, unknown>,
    };
    for (const [resource, model] of [
      ["Users", "Membership"],
      ["Groups", "Team"],
    ] as const) {
      const mod = await route(`scim/v2/${resource}/[id]/route.ts`);
      for (const method of ["GET", "PUT", "PATCH", "DELETE"] as const) {
        for (const id of b.ids[model] ?? []) {
          const res = await callRoute(mod[method]!, {
            method,
            path: `/scim/v2/${resource}/${id}`,
            params: { id },
            headers,
            body: bodies[resource]![method],
          });
          probe.check(
            `${method} /scim/v2/${resource}/[id] with A's SCIM token and B's ${model}`,
            res.status === 404,
            `${res.status} ${JSON.stringify(res.json).slice(0, 200)}`,
          );
        }
      }
      const list = await callRoute((await route(`scim/v2/${resource}/route.ts`)).GET!, {
        path: `/scim/v2/${resource}?count=200`,
        headers,
      });
      const listed = ((list.json.Resources as { id: string }[]) ?? []).map((r) => r.id);
      probe.check(
        `GET /scim/v2/${resource} with A's SCIM token lists A's own only`,
        list.status === 200 &&
          listed.length > 0 &&
          listed.every((id) => (a.ids[model] ?? []).includes(id)) &&
          !listed.some((id) => (b.ids[model] ?? []).includes(id)),
        JSON.stringify(listed).slice(0, 200),
      );
      // Control: A's own record answers.
      const ownId = a.ids[model]![0]!;
      const own = await callRoute(mod.GET!, {
        path: `/scim/v2/${resource}/${ownId}`,
        params: { id: ownId },
        headers,
      });
      probe.check(
        `GET /scim/v2/${resource}/[id] on A's own ${model}`,
        own.status === 200,
        String(own.status),
      );
      probe.route(`/scim/v2/${resource}/[id]`);
    }
    // B's person by email through A's filter: not found.
    const bEmail = (
      await getDb().user.findFirstOrThrow({
        where: { memberships: { some: { orgId: b.org.id } } },
        select: { email: true },
      })
    ).email;
    const filtered = await callRoute((await route("scim/v2/Users/route.ts")).GET!, {
      path: `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${bEmail}"`)}`,
      headers,
    });
    probe.check(
      "GET /scim/v2/Users?filter=userName eq B's email with A's token",
      filtered.status === 200 && filtered.json.totalResults === 0,
      JSON.stringify(filtered.json).slice(0, 200),
    );
    await checkBUnchanged("SCIM probes");
    expect(probe.failures.slice(start)).toEqual([]);
  });
});

// ─── Pages that take ids: the pages themselves ──────────────────────────────────────────────────

/**
 * A page is rendered the cheapest honest way: its module's default export (the server component
 * Next calls for the route) with the route's params, under a session cookie of A's member (read
 * through next/headers, see the stand-in above). What it returns is the page's element tree; its
 * props hold what the page shows (client components are not rendered further). notFound() and
 * redirect() throw as in Next and are read from their digest.
 */
type PageModule = {
  default: (props: {
    params: Promise<Record<string, string>>;
    searchParams: Promise<Record<string, string>>;
  }) => Promise<unknown>;
};

/** Every string in a rendered element tree (props, children, nested data passed to components). */
function textsOf(node: unknown, out: string[] = [], seen = new WeakSet<object>()): string[] {
  if (typeof node === "string" || typeof node === "number") out.push(String(node));
  else if (Array.isArray(node)) node.forEach((child) => textsOf(child, out, seen));
  else if (node && typeof node === "object" && !seen.has(node)) {
    seen.add(node);
    const element = node as { $$typeof?: unknown; props?: unknown };
    if (element.$$typeof) textsOf(element.props, out, seen);
    else if (!(node instanceof Date)) Object.values(node).forEach((v) => textsOf(v, out, seen));
  }
  return out;
}

type PageOutcome =
  | { kind: "rendered"; texts: string[] }
  | { kind: "status"; status: number }
  | { kind: "redirect"; to: string }
  | { kind: "threw"; error: string };

async function renderPage(
  file: string,
  params: Record<string, string>,
  userId: string | null,
): Promise<PageOutcome> {
  const page = (await import(path.join(process.cwd(), "app", file))) as PageModule;
  setRequest({ cookie: userId ? await sessionCookie(userId) : "", ip: "10.55.0.1" });
  try {
    const tree = await page.default({
      params: Promise.resolve(params),
      searchParams: Promise.resolve({}),
    });
    return { kind: "rendered", texts: textsOf(tree) };
  } catch (error) {
    const status = httpFallbackStatus(error);
    if (status !== null) return { kind: "status", status };
    const to = redirectTarget(error);
    if (to !== null) return { kind: "redirect", to };
    return { kind: "threw", error: String(error).slice(0, 300) };
  }
}

const describePage = (o: PageOutcome) =>
  o.kind === "rendered"
    ? "rendered"
    : o.kind === "status"
      ? `status ${o.status}`
      : o.kind === "redirect"
        ? `redirect to ${o.to}`
        : `threw ${o.error}`;

/** What a page shows of a record of A, by the model the inventory names (to find it rendered). */
const RECORD_LABELS: Record<string, (id: string) => Promise<string | null>> = {
  ContentItem: async (id) =>
    (await getDb().contentItem.findUnique({ where: { id }, select: { title: true } }))?.title ??
    null,
  Team: async (id) =>
    (await getDb().team.findUnique({ where: { id }, select: { name: true } }))?.name ?? null,
  Campaign: async (id) =>
    (await getDb().campaign.findUnique({ where: { id }, select: { name: true } }))?.name ?? null,
  "User.handle": async (handle) =>
    (
      await getDb().membership.findFirst({
        where: { handle, orgId: a.org.id },
        select: { user: { select: { name: true } } },
      })
    )?.user.name ?? null,
};

describe("pages that take ids, rendered for each of org A's roles", () => {
  it("answer 404 with B's ids; the owner's request renders the record; other roles get 404", async () => {
    const start = probe.failures.length;
    for (const page of PAGES.filter((p) => p.ids)) {
      const [param, model] = Object.entries(page.ids!)[0]!;
      probe.route(`page ${page.path}`);
      const label = RECORD_LABELS[model];
      if (
        !probe.check(
          `${page.path} has a record label`,
          Boolean(label),
          `add ${model} to RECORD_LABELS`,
        )
      )
        continue;
      const allowed = rolesFor(page.guard);
      for (const role of ROLES) {
        const userId = a.users[role].id;
        if (!allowed.includes(role)) {
          // Not for this role at all: 404 with A's own id, like any page it may not open.
          const own = await renderPage(page.file, { [param]: a.ids[model]![0]! }, userId);
          probe.check(
            `page ${page.path} as A's ${role} (not allowed)`,
            own.kind === "status" && own.status === 404,
            describePage(own),
          );
          continue;
        }
        for (const id of b.ids[model] ?? []) {
          const outcome = await renderPage(page.file, { [param]: id }, userId);
          probe.check(
            `page ${page.path} as A's ${role} with B's ${id}`,
            outcome.kind === "status" && outcome.status === 404,
            describePage(outcome),
          );
        }
        // Control: the same page with A's own records renders one of them (so the 404s above
        // are about the organisation, not a page that renders nothing).
        const seen: string[] = [];
        let rendered = false;
        for (const id of a.ids[model] ?? []) {
          const outcome = await renderPage(page.file, { [param]: id }, userId);
          const name = await label!(id);
          rendered =
            outcome.kind === "rendered" &&
            name !== null &&
            outcome.texts.some((t) => t.includes(name));
          seen.push(`${id}: ${describePage(outcome)}`);
          if (rendered) break;
        }
        probe.check(
          `control: page ${page.path} as A's ${role} renders one of A's records`,
          rendered,
          seen.slice(0, 5).join("; "),
        );
      }
      // Nobody signed in: sent to sign in before anything is looked up.
      const anonymous = await renderPage(page.file, { [param]: b.ids[model]![0]! }, null);
      probe.check(
        `page ${page.path} anonymously`,
        anonymous.kind === "redirect" && anonymous.to === "/signin",
        describePage(anonymous),
      );
    }

    // The public page of a post: B's drafts and items in review are not public under any org slug,
    // and B's public post is not reachable under A's slug; A's public post is (the control).
    const items = await getDb().contentItem.findMany({
      where: {
        id: {
          in: [
            b.named.draftItem,
            b.named.inReviewItem,
            b.named.publishedItem,
            a.named.publishedItem,
          ],
        },
      },
      select: { id: true, slug: true, title: true },
    });
    const item = (id: string) => items.find((i) => i.id === id)!;
    const publicPage = "p/[org]/[slug]/page.tsx";
    const publicCases: [string, string, string][] = [
      ["B's draft", b.org.slug, item(b.named.draftItem).slug],
      ["B's item in review", b.org.slug, item(b.named.inReviewItem).slug],
      ["B's published post under A's slug", a.org.slug, item(b.named.publishedItem).slug],
    ];
    for (const [name, org, slug] of publicCases) {
      for (const userId of [null, a.users.ADMIN.id]) {
        const outcome = await renderPage(publicPage, { org, slug }, userId);
        probe.check(
          `/p/${org}/${slug}: ${name}${userId ? " (A's admin)" : ""}`,
          outcome.kind === "status" && outcome.status === 404,
          describePage(outcome),
        );
      }
    }
    const own = await renderPage(
      publicPage,
      { org: a.org.slug, slug: item(a.named.publishedItem).slug },
      null,
    );
    probe.check(
      "control: A's published post on its public page",
      own.kind === "rendered" && own.texts.includes(item(a.named.publishedItem).title),
      describePage(own),
    );
    probe.route("page /p/[org]/[slug]");
    expect(probe.failures.slice(start)).toEqual([]);
  });
});

// ─── Managers: other teams of their own organisation ─────────────────────────────────────────────

describe("a manager of one team reaching another team of the same organisation", () => {
  it("gets 404 for the other team's export and scope, 200 for their own team", async () => {
    const start = probe.failures.length;
    const exportCsv = (await route("api/analytics/export/route.ts")).GET!;
    const manager = a.users.MANAGER.id;
    const exportTeam = (team: string, table = "advocates") =>
      callRoute(exportCsv, {
        path: `/api/analytics/export?table=${table}&range=30d&team=${team}`,
        userId: manager,
      });
    for (const table of ["daily", "advocates", "shares", "conversions", "content"]) {
      const other = await exportTeam(a.teams.other, table);
      probe.check(
        `export ${table} of another team (manager)`,
        other.status === 404 && other.json?.error?.code === "NOT_FOUND",
        String(other.status),
      );
    }
    const own = await exportTeam(a.teams.managed);
    probe.check("export of the manager's own team", own.status === 200, String(own.status));
    // Without a team, the export covers only the managed team: nobody from the other team appears.
    const all = await callRoute(exportCsv, {
      path: "/api/analytics/export?table=advocates&range=90d",
      userId: manager,
    });
    probe.check(
      "export without a team leaves out the other team's people",
      all.status === 200 && !String(all.json).includes(a.users.DEACTIVATED.name),
    );

    await expect(resolveAnalyticsScope(a.access("MANAGER"), a.teams.other)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const dashboard = await loadDashboard(a.access("MANAGER"), { team: a.teams.other });
    probe.check(
      "dashboard with another team falls back to the manager's teams and says so",
      dashboard.params.teamId === null &&
        JSON.stringify(dashboard.scope.teamIds) === JSON.stringify([a.teams.managed]) &&
        dashboard.errors.length > 0,
      JSON.stringify({ teamIds: dashboard.scope.teamIds, errors: dashboard.errors }),
    );

    // The roster of a team (names, emails, account status): their own team, not another one.
    const teamRoute = (await route("api/teams/[id]/route.ts")).GET!;
    const otherTeam = await callRoute(teamRoute, {
      userId: manager,
      params: { id: a.teams.other },
    });
    probe.check(
      "GET /api/teams/<another team> (manager)",
      otherTeam.status === 404 && otherTeam.json?.error?.code === "NOT_FOUND",
      `${otherTeam.status} ${JSON.stringify(otherTeam.json).slice(0, 200)}`,
    );
    const ownTeam = await callRoute(teamRoute, {
      userId: manager,
      params: { id: a.teams.managed },
    });
    probe.check(
      "GET /api/teams/<own team> (manager)",
      ownTeam.status === 200 && JSON.stringify(ownTeam.json).includes(a.users.EMPLOYEE.email),
      String(ownTeam.status),
    );

    // Members: a manager lists the members of the teams they manage, never the other team's.
    const members = (await route("api/members/route.ts")).GET!;
    const listed = await callRoute(members, {
      path: `/api/members?teamId=${a.teams.other}`,
      userId: manager,
    });
    probe.check(
      "members of another team (manager)",
      listed.status === 404 && "teamId" in fieldsOf(listed),
      JSON.stringify(listed.json).slice(0, 200),
    );
    const ownListed = await callRoute(members, {
      path: `/api/members?teamId=${a.teams.managed}`,
      userId: manager,
    });
    probe.check(
      "members of their own team (manager)",
      ownListed.status === 200 &&
        (ownListed.json.members as { id: string }[]).some(
          (m) => m.id === a.users.EMPLOYEE.membershipId,
        ),
      JSON.stringify(ownListed.json).slice(0, 200),
    );
    const mine = await callRoute(members, { path: "/api/members?pageSize=200", userId: manager });
    const ids = (mine.json.members as { id: string }[]).map((m) => m.id);
    probe.check(
      "members list (manager) holds their team, not the other",
      ids.includes(a.users.EMPLOYEE.membershipId) &&
        !ids.includes(a.users.DEACTIVATED.membershipId),
      JSON.stringify(ids),
    );

    // Sharing a post aimed at another team only: not visible to the manager → 404.
    const share = await callRoute((await route("api/shares/route.ts")).POST!, {
      method: "POST",
      userId: manager,
      body: {
        itemId: a.named.teamOnlyItem,
        channel: "COPY",
        text: "My own words about a solar park I helped build.",
      },
    });
    probe.check(
      "share a post aimed at another team (manager)",
      share.status === 404,
      String(share.status),
    );
    probe.route("GET /api/analytics/export (manager)");
    expect(probe.failures.slice(start)).toEqual([]);
  });
});

// ─── People in both organisations ───────────────────────────────────────────────────────────────

describe("a person who belongs to both organisations", () => {
  it("reaches only the active organisation's records; switching changes the scope", async () => {
    const start = probe.failures.length;
    const c = await createOrgFixture();
    const d = await createOrgFixture();
    const both = c.admin; // admin of C, and employee of D (added below)
    await getDb().membership.create({
      data: {
        id: createId("mem"),
        orgId: d.org.id,
        userId: both.user.id,
        role: "EMPLOYEE",
        handle: `both-${createId("mem").slice(4, 14).toLowerCase()}`,
      },
    });
    await getDb().user.update({ where: { id: both.user.id }, data: { lastActiveOrgId: c.org.id } });
    const dBefore = await checksumOrg(d.org.id);

    const teams = await route("api/teams/[id]/route.ts");
    const memberRoute = await route("api/members/[id]/route.ts");
    const switchOrg = (await route("api/org/switch/route.ts")).POST!;
    const getTeamAs = (id: string) =>
      callRoute(teams.GET!, { userId: both.user.id, params: { id } });

    probe.check("in C: C's team", (await getTeamAs(c.teamA.id)).status === 200);
    probe.check("in C: D's team", (await getTeamAs(d.teamA.id)).status === 404);
    const promote = await callRoute(memberRoute.PATCH!, {
      method: "PATCH",
      userId: both.user.id,
      params: { id: d.employee.membership.id },
      body: { role: "ADMIN" },
    });
    probe.check(
      "in C, as C's admin: promote a member of D",
      promote.status === 404,
      String(promote.status),
    );
    const deleteD = await callRoute(teams.DELETE!, {
      method: "DELETE",
      userId: both.user.id,
      params: { id: d.teamB.id },
    });
    probe.check("in C, as C's admin: delete D's team", deleteD.status === 404);
    const dAfter = await checksumOrg(d.org.id);
    probe.check(
      "D unchanged while acting in C",
      dAfter.total === dBefore.total,
      changedTables(dBefore, dAfter).join(", "),
    );

    const switched = await callRoute(switchOrg, {
      method: "POST",
      userId: both.user.id,
      body: { orgId: d.org.id },
    });
    probe.check("switch to D", switched.status === 200, String(switched.status));
    probe.check("in D: D's team", (await getTeamAs(d.teamA.id)).status === 200);
    probe.check("in D: C's team", (await getTeamAs(c.teamA.id)).status === 404);
    const asEmployee = await callRoute(memberRoute.PATCH!, {
      method: "PATCH",
      userId: both.user.id,
      params: { id: c.employee.membership.id },
      body: { role: "ADMIN" },
    });
    probe.check(
      "in D (employee): C's admin rights are gone",
      asEmployee.status === 403 || asEmployee.status === 404,
      String(asEmployee.status),
    );

    // Deactivated in an organisation: switching there is refused (403 with the reason: the person
    // knows they were a member), and the active organisation stays D.
    await getDb().membership.updateMany({
      where: { orgId: c.org.id, userId: both.user.id },
      data: { status: "DEACTIVATED" },
    });
    const back = await callRoute(switchOrg, {
      method: "POST",
      userId: both.user.id,
      body: { orgId: c.org.id },
    });
    probe.check(
      "switch to an organisation where the membership is deactivated",
      back.status === 403 && /deactivated/i.test(back.json?.error?.message ?? ""),
      String(back.status),
    );
    probe.check("still in D after a refused switch", (await getTeamAs(c.teamA.id)).status === 404);
    probe.route("POST /api/org/switch");
    await checkBUnchanged("multi-organisation probes");
    expect(probe.failures.slice(start)).toEqual([]);
  });
});

// ─── Controls: the same requests with A's own ids are not 404 ──────────────────────────────────

describe("controls: the probed requests with org A's own ids", () => {
  it("succeed for their owner on every route method (so the 404s above are about the organisation)", async () => {
    const start = probe.failures.length;
    // Reads first, then actions, then changes (a test message before the webhook is paused),
    // deletions last and the deepest first (an image before the item that holds it).
    const rank = (method: HttpMethod) =>
      ({ GET: 0, HEAD: 0, OPTIONS: 0, POST: 1, PUT: 2, PATCH: 2, DELETE: 3 })[method];
    const depth = (entry: RouteHandlerEntry) => entry.path.split("/").length;
    const calls = withIds
      .flatMap((entry) =>
        (Object.keys(entry.methods) as HttpMethod[]).map((m) => [entry, m] as const),
      )
      .sort(
        ([e1, m1], [e2, m2]) =>
          rank(m1) - rank(m2) || (m1 === "DELETE" ? depth(e2) - depth(e1) : 0),
      );
    for (const [entry, method] of calls) {
      const mod = await route(entry.file);
      let sets: Record<string, string>[] = [{}];
      for (const [name, model] of Object.entries(entry.ids)) {
        const ids = a.ids[model] ?? [];
        sets = sets.flatMap((set) => ids.map((id) => ({ ...set, [name]: id })));
      }
      const payload = BODIES[`${method} ${entry.path}`] ?? null;
      const seen: string[] = [];
      let owner: string | null = null;
      // The owner of the record: some role of A on some record of A answers success (a 2xx; a
      // refusal, a 400 or a 500 proves nothing about the organisation scope).
      for (const role of rolesFor(entry.methods[method]!)) {
        for (const params of sets) {
          const res = await callRoute(mod[method]!, {
            method,
            path: entry.path,
            userId: a.users[role].id,
            params,
            body: payload?.body,
            form: payload?.form?.(),
          });
          seen.push(`${role} ${JSON.stringify(params)} → ${res.status}`);
          if (res.status >= 200 && res.status < 300) {
            owner = `${role} ${JSON.stringify(params)}`;
            break;
          }
        }
        if (owner) break;
      }
      probe.route(`control ${method} ${entry.path}`);
      probe.check(
        `control ${method} ${entry.path} with A's ids`,
        owner !== null,
        `no 2xx for any of A's members on any of A's records (${seen.length} tries: ${seen.slice(0, 6).join("; ")}${seen.length > 6 ? "; …" : ""})`,
      );
    }
    expect(probe.failures.slice(start)).toEqual([]);
  });
});

describe("org B after every probe", () => {
  it("is exactly as before", async () => {
    const after = await checksumOrg(b.org.id);
    probe.check(
      "org B checksum after all probes",
      after.total === bBefore.total,
      changedTables(bBefore, after).join(", "),
    );
    expect(changedTables(bBefore, after)).toEqual([]);
  });
});
