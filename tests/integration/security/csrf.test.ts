/**
 * CSRF: every mutating method of every route handler that acts on a session (orgRoute/userRoute
 * in tests/support/route-inventory.ts) refuses a request from another site — a foreign Origin, an
 * opaque "null" origin, Sec-Fetch-Site cross-site or same-site — with a 403 a person can read,
 * and nothing changes. The same request from our own origin is not refused by that check.
 * Derived from the inventory: a route added there is covered here without anyone remembering.
 * Auth.js's own POST endpoints (their CSRF token) and server actions (Next's origin check) are
 * checked against the real server in tests/e2e/security-headers.spec.ts.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  isMutation,
  ROUTE_HANDLERS,
  type HttpMethod,
  type RouteHandlerEntry,
} from "@/tests/support/route-inventory";
import { CROSS_SITE_MESSAGE } from "@/lib/domains/access/same-origin";
import { getDb } from "@/lib/core/db/client";
import { createOrgFixture, type OrgFixture } from "../../support/factories";
import { ProbeCounter } from "../../support/hardening-report";
import { callRoute, TEST_ORIGIN } from "../../support/http";

const probe = new ProbeCounter();
let fx: OrgFixture;

interface Target {
  entry: RouteHandlerEntry;
  method: HttpMethod;
}

/** Every (route, mutating method) guarded by a session. */
const TARGETS: Target[] = ROUTE_HANDLERS.flatMap((entry) =>
  (Object.entries(entry.methods) as [HttpMethod, { kind: string }][])
    .filter(
      ([method, guard]) => isMutation(method) && (guard.kind === "org" || guard.kind === "user"),
    )
    .map(([method]) => ({ entry, method })),
);

type Handler = Parameters<typeof callRoute>[0];

async function handlerFor({ entry, method }: Target): Promise<Handler> {
  const mod = (await import(
    /* @vite-ignore */ path.resolve(import.meta.dirname, "../../../app", entry.file)
  )) as Record<string, Handler | undefined>;
  const handler = mod[method];
  if (!handler) throw new Error(`${entry.path} has no ${method} export`);
  return handler;
}

/** Real ids of the caller's organisation where the fixture has them, so a missing check would bite. */
function paramsFor(entry: RouteHandlerEntry): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [name, model] of Object.entries(entry.ids ?? {})) {
    params[name] =
      model === "Team"
        ? fx.teamB.id
        : model === "Membership"
          ? fx.employee.membership.id
          : `csrf_${name}_does_not_exist`;
  }
  return params;
}

/** A body that would pass validation on the simple create/update routes. */
const PLAUSIBLE_BODY = { name: "CSRF probe", title: "CSRF probe", role: "ADMIN", token: "x" };

/** Rows an attacker would want to change in the organisation, serialised. */
async function snapshot(): Promise<string> {
  const db = getDb();
  const orgId = fx.org.id;
  const rows = await Promise.all([
    db.organization.findUnique({ where: { id: orgId } }),
    db.membership.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
    db.team.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
    db.invitation.count({ where: { orgId } }),
    db.apiKey.count({ where: { orgId } }),
    db.contentItem.count({ where: { orgId } }),
    db.auditLog.count({ where: { orgId } }),
  ]);
  return JSON.stringify(rows);
}

const FOREIGN: { name: string; headers: Record<string, string> }[] = [
  { name: "Origin: https://evil.example", headers: { origin: "https://evil.example" } },
  { name: "Origin: null (sandboxed frame)", headers: { origin: "null" } },
  {
    name: "Sec-Fetch-Site: cross-site",
    headers: { origin: TEST_ORIGIN, "sec-fetch-site": "cross-site" },
  },
  {
    name: "Sec-Fetch-Site: same-site (a sibling subdomain)",
    headers: { origin: TEST_ORIGIN, "sec-fetch-site": "same-site" },
  },
  {
    name: "evil Origin, no Sec-Fetch-Site, form content type",
    headers: {
      origin: "https://evil.example",
      "content-type": "application/x-www-form-urlencoded",
    },
  },
];

beforeAll(async () => {
  fx = await createOrgFixture();
});

afterAll(() => {
  probe.report("csrf", {
    notes: probe.failures.length
      ? probe.failures.slice(0, 5)
      : [`${TARGETS.length} session-guarded mutations × ${FOREIGN.length} cross-site variants`],
  });
});

describe("CSRF on session-guarded route handlers (from the route inventory)", () => {
  it("covers a meaningful set of routes", () => {
    expect(TARGETS.length).toBeGreaterThan(30);
    expect(TARGETS.some((t) => t.entry.path === "/api/invitations/accept")).toBe(true);
  });

  it("refuses every cross-site mutation with a readable 403 and changes nothing", async () => {
    const before = await snapshot();
    for (const target of TARGETS) {
      const id = `${target.method} ${target.entry.path}`;
      probe.route(id);
      const handler = await handlerFor(target);
      for (const variant of FOREIGN) {
        const res = await callRoute(handler, {
          method: target.method,
          path: target.entry.path,
          userId: fx.admin.user.id,
          params: paramsFor(target.entry),
          body: PLAUSIBLE_BODY,
          headers: variant.headers,
        });
        probe.check(
          `${id} with ${variant.name}`,
          res.status === 403 && res.json?.error?.message === CROSS_SITE_MESSAGE,
          `answered ${res.status} ${JSON.stringify(res.json).slice(0, 160)}`,
        );
      }
    }
    probe.check("organisation unchanged after cross-site requests", (await snapshot()) === before);
    expect(probe.failures).toEqual([]);
  });

  it("does not refuse the same requests from our own origin", async () => {
    for (const target of TARGETS) {
      const id = `${target.method} ${target.entry.path}`;
      const handler = await handlerFor(target);
      // Ids that do not exist: the request gets past the CSRF check and stops at a 4xx.
      const params = Object.fromEntries(
        Object.keys(target.entry.ids ?? {}).map((name) => [name, `csrf_${name}_does_not_exist`]),
      );
      const variants: Record<string, string>[] = [
        { origin: TEST_ORIGIN, "sec-fetch-site": "same-origin" },
        {}, // no Origin at all: curl, server-to-server (no ambient browser cookies)
      ];
      for (const headers of variants) {
        const res = await callRoute(handler, {
          method: target.method,
          path: target.entry.path,
          userId: fx.admin.user.id,
          params,
          rawBody: "{}",
          headers: { origin: "", ...headers },
        });
        probe.check(
          `${id} same-origin ${JSON.stringify(headers)} not refused as cross-site`,
          res.json?.error?.message !== CROSS_SITE_MESSAGE && res.status < 500,
          `answered ${res.status} ${JSON.stringify(res.json).slice(0, 160)}`,
        );
      }
    }
    expect(probe.failures).toEqual([]);
  });
});
