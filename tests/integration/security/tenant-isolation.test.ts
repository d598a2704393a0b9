/**
 * Tenant isolation, driven by the route inventory (lib/access/route-inventory.ts): two seeded
 * organisations; every route handler that takes an id is called by org A's members (each role
 * whose permission allows the method) with org B's ids → 404 with a readable message, and B's
 * rows are unchanged (a checksum of every row B owns, before and after). Ids carried in bodies and
 * query strings, stored files, the public API, the pages that take ids, managers reaching other
 * teams and people who belong to both organisations are probed too. A route added to the
 * inventory with `ids` is probed automatically; the test fails until its model has B ids to use
 * (and, for a body-taking method, until a plausible body is listed in BODIES).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// This file's stored files go to a folder of its own (read by env() on first use).
const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-tenant-isolation-"));
process.env.UPLOADS_DIR ??= uploads;

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can, ROLES } from "@/lib/access/permissions";
import {
  PAGES,
  ROUTE_HANDLERS,
  type Guard,
  type HttpMethod,
  type RouteHandlerEntry,
} from "@/lib/access/route-inventory";
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { ProbeCounter } from "../../support/hardening-report";
import { contentInput } from "../../support/content";
import { callRoute } from "../../support/http";
import {
  changedTables,
  checksumOrg,
  checksumTables,
  createSeededOrg,
  PNG_BYTES,
  type OrgChecksum,
  type SeededOrg,
} from "../../support/security/seeded-org";

const probe = new ProbeCounter();
let a: SeededOrg;
let b: SeededOrg;
let bBefore: OrgChecksum;

beforeAll(async () => {
  a = await createSeededOrg("Org A");
  b = await createSeededOrg("Org B");
  bBefore = await checksumOrg(b.org.id);
});

afterAll(() => {
  probe.report("tenant isolation");
  if (process.env.UPLOADS_DIR === uploads) fs.rmSync(uploads, { recursive: true, force: true });
});

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
      WHERE table_schema = 'public' AND column_name = 'orgId' ORDER BY 1`;
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
  "PATCH /api/content/[id]": { body: { title: "Taken over", hashtags: ["taken"] } },
  "POST /api/content/[id]/images": { form: imageForm },
  "POST /api/content/[id]/transitions": { body: { to: "PUBLISHED", comment: "Approved by A" } },
  "POST /api/email/deliveries/[id]/retry": null,
  "PATCH /api/members/[id]": { body: { role: "ADMIN", title: "Taken over" } },
  "POST /api/notifications/[id]/read": null,
  "POST /api/shares/[id]/retry": null,
  "POST /api/suggestions/[id]/images": { form: imageForm },
  "POST /api/suggestions/[id]/accept": {
    body: { valueType: "INFORMATION", goals: ["MARKETING"], title: "Taken over" },
  },
  "POST /api/suggestions/[id]/reject": { body: { reason: "Not for us." } },
  "PATCH /api/teams/[id]": { body: { name: "Taken over", description: "By org A" } },
  "PATCH /api/webhooks/[id]": { body: { active: false, name: "Taken over" } },
  "POST /api/webhooks/[id]/test": null,
  "POST /api/webhooks/deliveries/[id]/retry": null,
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

  it("list filters with B's ids show none of B's rows", async () => {
    const start = probe.failures.length;
    const members = await callRoute((await route("api/members/route.ts")).GET!, {
      path: `/api/members?teamId=${b.teams.managed}`,
      userId: a.users.ADMIN.id,
    });
    probe.check(
      "GET /api/members?teamId=<B team>",
      members.status === 200 && (members.json.members as unknown[]).length === 0,
      `${members.status} ${JSON.stringify(members.json).slice(0, 200)}`,
    );
    const content = await callRoute((await route("api/content/route.ts")).GET!, {
      path: `/api/content?audience=${b.teams.other}`,
      userId: a.users.ADMIN.id,
    });
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
