import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as apiKeysRoute from "@/app/api/api-keys/route";
import * as apiKeyRoute from "@/app/api/api-keys/[id]/route";
import { GET as analyticsExportRoute } from "@/app/api/analytics/export/route";
import { GET as auditRoute } from "@/app/api/audit/route";
import { GET as auditExportRoute } from "@/app/api/audit/export/route";
import * as contentRoute from "@/app/api/content/route";
import * as contentItemRoute from "@/app/api/content/[id]/route";
import { POST as transitionRoute } from "@/app/api/content/[id]/transitions/route";
import { POST as emailRetryRoute } from "@/app/api/email/deliveries/[id]/retry/route";
import * as invitationsRoute from "@/app/api/invitations/route";
import * as invitationRoute from "@/app/api/invitations/[id]/route";
import { POST as importRoute } from "@/app/api/invitations/import/route";
import * as memberRoute from "@/app/api/members/[id]/route";
import * as orgRoute from "@/app/api/org/route";
import * as logoRoute from "@/app/api/org/logo/route";
import * as analyticsSettingsRoute from "@/app/api/settings/analytics/route";
import * as guardrailsRoute from "@/app/api/settings/guardrails/route";
import * as suggestionsRoute from "@/app/api/suggestions/route";
import { POST as acceptSuggestionRoute } from "@/app/api/suggestions/[id]/accept/route";
import { POST as rejectSuggestionRoute } from "@/app/api/suggestions/[id]/reject/route";
import * as teamsRoute from "@/app/api/teams/route";
import * as teamRoute from "@/app/api/teams/[id]/route";
import * as webhooksRoute from "@/app/api/webhooks/route";
import * as webhookRoute from "@/app/api/webhooks/[id]/route";
import { POST as webhookTestRoute } from "@/app/api/webhooks/[id]/test/route";
import { POST as webhookRetryRoute } from "@/app/api/webhooks/deliveries/[id]/retry/route";
import { getDb } from "@/lib/core/db/client";
import { createId, randomString } from "@/lib/core/db/create-id";
import { enqueueDelivery as enqueueEmail } from "@/lib/domains/email/queue-email";
import { stopJobs } from "@/lib/jobs/run-jobs";
import { parseCsv } from "@/lib/core/csv/parse-csv";
import { setWebhookTransportForTests } from "@/lib/integrations/webhooks/webhook-transport";
import { addMember, createOrgFixture, createTeam, type OrgFixture } from "../../support/factories";
import { contentInput } from "../../support/content";
import { callRoute } from "../../support/http";
import { ProbeCounter } from "../../support/hardening-report";

const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "chorus-audit-"));
process.env.UPLOADS_DIR ??= uploads;

// A real 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const SLACK_URL = "https://hooks.slack.com/services/T000/B000/auditsecretpart";

const db = () => getDb();
let a: OrgFixture;
let b: OrgFixture;
let secondAdmin: Awaited<ReturnType<typeof addMember>>;
const probe = new ProbeCounter();

type Call = Awaited<ReturnType<typeof callRoute>>;

function ok(res: Call, status = 200): Call {
  expect(res.status, JSON.stringify(res.json)).toBe(status);
  return res;
}

async function auditIds(orgId: string): Promise<Set<string>> {
  const rows = await db().auditLog.findMany({ where: { orgId }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

/** Runs `action` and returns the audit entries it added to org a (and checks org b got none). */
async function newEntries(action: () => Promise<unknown>) {
  const [beforeA, beforeB] = await Promise.all([auditIds(a.org.id), auditIds(b.org.id)]);
  await action();
  const rows = await db().auditLog.findMany({
    where: { orgId: { in: [a.org.id, b.org.id] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  expect(rows.filter((r) => r.orgId === b.org.id && !beforeB.has(r.id))).toEqual([]);
  return rows.filter((r) => r.orgId === a.org.id && !beforeA.has(r.id));
}

async function createContent(userId = a.admin.user.id) {
  const res = ok(
    await callRoute(contentRoute.POST, { method: "POST", userId, body: contentInput() }),
    201,
  );
  return (res.json.item as { id: string }).id;
}

async function createSuggestion() {
  const res = ok(
    await callRoute(suggestionsRoute.POST, {
      method: "POST",
      userId: a.employee.user.id,
      body: { title: `Story ${randomString(5)}`, body: "Our apprentices built a solar bench." },
    }),
    201,
  );
  return (res.json.suggestion as { id: string }).id;
}

async function createWebhook(name = `Hook ${randomString(4)}`) {
  const res = ok(
    await callRoute(webhooksRoute.POST, {
      method: "POST",
      userId: a.admin.user.id,
      body: { kind: "SLACK", name, url: SLACK_URL },
    }),
    201,
  );
  return (res.json.endpoint as { id: string }).id;
}

interface Expected {
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  metadata?: Record<string, unknown>;
  actorId?: string;
  /** Entries the same action also (rightly) leaves before this one, oldest first. */
  also?: string[];
  /** Entries measured by the case itself (when it had to set something up first). */
  reuse?: Awaited<ReturnType<typeof newEntries>>;
}

beforeAll(async () => {
  // Webhook URLs are resolved on save: answer with a public address (nothing is sent here).
  setWebhookTransportForTests({
    resolveHost: async () => [{ address: "93.184.216.34", family: 4 }],
  });
  a = await createOrgFixture();
  b = await createOrgFixture();
  secondAdmin = await addMember(a.org.id, "ADMIN");
});

afterAll(async () => {
  setWebhookTransportForTests(null);
  await stopJobs();
  if (process.env.UPLOADS_DIR === uploads) fs.rmSync(uploads, { recursive: true, force: true });
  probe.report("audit log");
});

/**
 * Each admin action, through its route handler, leaves exactly one entry with a stable action
 * name, the right actor and target, and useful metadata (before/after for changes, no secrets).
 */
const ACTIONS: [string, () => Promise<Expected>][] = [
  [
    "member role change (before/after)",
    async () => {
      ok(
        await callRoute(memberRoute.PATCH, {
          method: "PATCH",
          userId: a.admin.user.id,
          params: { id: a.employee.membership.id },
          body: { role: "MANAGER" },
        }),
      );
      return {
        action: "member.role_change",
        targetType: "membership",
        targetId: a.employee.membership.id,
        metadata: { before: { role: "EMPLOYEE" }, change: { role: "MANAGER" } },
      };
    },
  ],
  [
    "member teams change (teams before)",
    async () => {
      ok(
        await callRoute(memberRoute.PATCH, {
          method: "PATCH",
          userId: a.admin.user.id,
          params: { id: a.employee.membership.id },
          body: { teamIds: [a.teamA.id] },
        }),
      );
      return {
        action: "member.update",
        targetType: "membership",
        targetId: a.employee.membership.id,
        metadata: { before: { teamIds: [a.teamB.id] }, change: { teamIds: [a.teamA.id] } },
      };
    },
  ],
  [
    "member deactivated",
    async () => {
      ok(
        await callRoute(memberRoute.PATCH, {
          method: "PATCH",
          userId: a.admin.user.id,
          params: { id: a.employee.membership.id },
          body: { status: "DEACTIVATED" },
        }),
      );
      return {
        action: "member.deactivate",
        targetType: "membership",
        targetId: a.employee.membership.id,
        metadata: { before: { status: "ACTIVE" } },
      };
    },
  ],
  [
    "member reactivated",
    async () => {
      ok(
        await callRoute(memberRoute.PATCH, {
          method: "PATCH",
          userId: a.admin.user.id,
          params: { id: a.employee.membership.id },
          body: { status: "ACTIVE", role: "EMPLOYEE" },
        }),
      );
      return {
        action: "member.reactivate",
        targetType: "membership",
        targetId: a.employee.membership.id,
      };
    },
  ],
  [
    "invitation created",
    async () => {
      const email = `invitee-${randomString(6).toLowerCase()}@test.example`;
      const res = ok(
        await callRoute(invitationsRoute.POST, {
          method: "POST",
          userId: a.admin.user.id,
          body: { kind: "EMAIL", email, role: "EMPLOYEE" },
        }),
        201,
      );
      return {
        action: "invitation.create",
        targetType: "invitation",
        targetId: (res.json.invitation as { id: string }).id,
        metadata: { email, role: "EMPLOYEE" },
      };
    },
  ],
  [
    "invitation revoked (who was invited)",
    async () => {
      const email = `revoked-${randomString(6).toLowerCase()}@test.example`;
      const res = ok(
        await callRoute(invitationsRoute.POST, {
          method: "POST",
          userId: a.admin.user.id,
          body: { kind: "EMAIL", email, role: "MANAGER" },
        }),
        201,
      );
      const id = (res.json.invitation as { id: string }).id;
      // Only the revocation is measured: the creation above is its own case.
      const entries = await newEntries(async () =>
        ok(
          await callRoute(invitationRoute.DELETE, {
            method: "DELETE",
            userId: a.admin.user.id,
            params: { id },
          }),
        ),
      );
      expect(entries.map((e) => e.action)).toEqual(["invitation.revoke"]);
      return {
        action: "invitation.revoke",
        targetType: "invitation",
        targetId: id,
        metadata: { email, role: "MANAGER" },
        reuse: entries,
      };
    },
  ],
  [
    "invitations imported",
    async () => {
      ok(
        await callRoute(importRoute, {
          method: "POST",
          userId: a.admin.user.id,
          body: {
            rows: [
              { line: 2, email: `imp-${randomString(6).toLowerCase()}@test.example`, name: "Imp" },
              { line: 3, email: "not-an-email", name: "Bad" },
            ],
          },
        }),
      );
      return {
        action: "invitation.import",
        targetType: null,
        targetId: null,
        metadata: { invited: 1, refused: 1 },
      };
    },
  ],
  [
    "team created",
    async () => {
      const name = `Team ${randomString(5)}`;
      const res = ok(
        await callRoute(teamsRoute.POST, {
          method: "POST",
          userId: a.admin.user.id,
          body: { name },
        }),
        201,
      );
      return {
        action: "team.create",
        targetType: "team",
        targetId: (res.json.team as { id: string }).id,
        metadata: { name },
      };
    },
  ],
  [
    "team renamed",
    async () => {
      const team = await createTeam(a.org.id);
      const name = `Renamed ${randomString(5)}`;
      ok(
        await callRoute(teamRoute.PATCH, {
          method: "PATCH",
          userId: a.admin.user.id,
          params: { id: team.id },
          body: { name },
        }),
      );
      return { action: "team.update", targetType: "team", targetId: team.id, metadata: { name } };
    },
  ],
  [
    "team deleted (its name kept)",
    async () => {
      const team = await createTeam(a.org.id, `Doomed ${randomString(5)}`);
      ok(
        await callRoute(teamRoute.DELETE, {
          method: "DELETE",
          userId: a.admin.user.id,
          params: { id: team.id },
        }),
      );
      return {
        action: "team.delete",
        targetType: "team",
        targetId: team.id,
        metadata: { name: team.name },
      };
    },
  ],
  [
    "organisation renamed (before/after)",
    async () => {
      const name = `Renamed Org ${randomString(4)}`;
      ok(
        await callRoute(orgRoute.PATCH, {
          method: "PATCH",
          userId: a.admin.user.id,
          body: { name },
        }),
      );
      return {
        action: "organization.update",
        targetType: "organization",
        targetId: a.org.id,
        metadata: { before: { name: a.org.name }, after: { name } },
      };
    },
  ],
  [
    "logo uploaded",
    async () => {
      const form = new FormData();
      form.set("file", new File([PNG], "logo.png", { type: "image/png" }));
      ok(await callRoute(logoRoute.POST, { method: "POST", userId: a.admin.user.id, form }));
      return {
        action: "organization.logo_update",
        targetType: "organization",
        targetId: a.org.id,
      };
    },
  ],
  [
    "logo removed",
    async () => {
      ok(await callRoute(logoRoute.DELETE, { method: "DELETE", userId: a.admin.user.id }));
      return {
        action: "organization.logo_remove",
        targetType: "organization",
        targetId: a.org.id,
      };
    },
  ],
  [
    "guardrails changed (before/after)",
    async () => {
      ok(
        await callRoute(guardrailsRoute.PATCH, {
          method: "PATCH",
          userId: a.admin.user.id,
          body: { maxSharesPerDay: 7 },
        }),
      );
      return {
        action: "settings.guardrails_update",
        targetType: "organization",
        targetId: a.org.id,
        metadata: { after: { maxSharesPerDay: 7 } },
      };
    },
  ],
  [
    "analytics settings changed (before/after)",
    async () => {
      ok(
        await callRoute(analyticsSettingsRoute.PATCH, {
          method: "PATCH",
          userId: a.admin.user.id,
          body: { attributionDays: 14 },
        }),
      );
      return {
        action: "settings.analytics_update",
        targetType: "organization",
        targetId: a.org.id,
        metadata: { after: { attributionDays: 14 } },
      };
    },
  ],
  [
    "API key created (no key value)",
    async () => {
      const res = ok(
        await callRoute(apiKeysRoute.POST, {
          method: "POST",
          userId: a.admin.user.id,
          body: { name: "CRM sync", kind: "secret" },
        }),
        201,
      );
      const key = res.json.key as string;
      const apiKey = res.json.apiKey as { id: string };
      const row = await db().auditLog.findFirst({ where: { targetId: apiKey.id } });
      expect(JSON.stringify(row?.metadata)).not.toContain(key);
      return {
        action: "apikey.create",
        targetType: "api_key",
        targetId: apiKey.id,
        metadata: { name: "CRM sync", kind: "secret" },
      };
    },
  ],
  [
    "API key revoked",
    async () => {
      const key = await db().apiKey.findFirstOrThrow({
        where: { orgId: a.org.id, revokedAt: null },
      });
      ok(
        await callRoute(apiKeyRoute.DELETE, {
          method: "DELETE",
          userId: a.admin.user.id,
          params: { id: key.id },
        }),
      );
      return {
        action: "apikey.revoke",
        targetType: "api_key",
        targetId: key.id,
        metadata: { name: key.name },
      };
    },
  ],
  [
    "webhook added (host only, no URL)",
    async () => {
      const id = await createWebhook("Comms channel");
      const row = await db().auditLog.findFirst({ where: { targetId: id } });
      expect(JSON.stringify(row?.metadata)).not.toContain("auditsecretpart");
      return {
        action: "webhook.create",
        targetType: "webhook",
        targetId: id,
        metadata: { name: "Comms channel", host: "hooks.slack.com" },
      };
    },
  ],
  [
    "webhook test message",
    async () => {
      const id = (await db().webhookEndpoint.findFirstOrThrow({ where: { orgId: a.org.id } })).id;
      ok(
        await callRoute(webhookTestRoute, {
          method: "POST",
          userId: a.admin.user.id,
          params: { id },
        }),
        202,
      );
      return { action: "webhook.test", targetType: "webhook", targetId: id };
    },
  ],
  [
    "webhook turned off",
    async () => {
      const id = (await db().webhookEndpoint.findFirstOrThrow({ where: { orgId: a.org.id } })).id;
      ok(
        await callRoute(webhookRoute.PATCH, {
          method: "PATCH",
          userId: a.admin.user.id,
          params: { id },
          body: { active: false },
        }),
      );
      return {
        action: "webhook.update",
        targetType: "webhook",
        targetId: id,
        metadata: { active: false },
      };
    },
  ],
  [
    "webhook delivery retried",
    async () => {
      const endpoint = await db().webhookEndpoint.findFirstOrThrow({ where: { orgId: a.org.id } });
      const id = createId("whd");
      await db().webhookDelivery.create({
        data: {
          id,
          orgId: a.org.id,
          endpointId: endpoint.id,
          event: "test",
          payload: {},
          status: "FAILED",
        },
      });
      ok(
        await callRoute(webhookRetryRoute, {
          method: "POST",
          userId: a.admin.user.id,
          params: { id },
        }),
        202,
      );
      return { action: "webhook.retry", targetType: "webhook_delivery", targetId: id };
    },
  ],
  [
    "webhook removed",
    async () => {
      const id = (await db().webhookEndpoint.findFirstOrThrow({ where: { orgId: a.org.id } })).id;
      ok(
        await callRoute(webhookRoute.DELETE, {
          method: "DELETE",
          userId: a.admin.user.id,
          params: { id },
        }),
      );
      return {
        action: "webhook.delete",
        targetType: "webhook",
        targetId: id,
        metadata: { host: "hooks.slack.com" },
      };
    },
  ],
  [
    "email delivery retried",
    async () => {
      const id = createId("eml");
      const to = `bounce-${randomString(6).toLowerCase()}@test.example`;
      await db().emailDelivery.create({
        data: {
          id,
          orgId: a.org.id,
          to,
          category: "invitation",
          subject: "Hello",
          status: "FAILED",
          lastError: "550 refused",
        },
      });
      await enqueueEmail({ deliveryId: id, text: "Hello", html: "<p>Hello</p>" }, "invitation");
      ok(
        await callRoute(emailRetryRoute, {
          method: "POST",
          userId: a.admin.user.id,
          params: { id },
        }),
      );
      return {
        action: "email.retry",
        targetType: "email_delivery",
        targetId: id,
        metadata: { to, category: "invitation" },
      };
    },
  ],
  [
    "post created",
    async () => {
      const id = await createContent();
      return { action: "content.create", targetType: "content", targetId: id };
    },
  ],
  [
    "post edited",
    async () => {
      const item = await db().contentItem.findFirstOrThrow({
        where: { orgId: a.org.id, status: "DRAFT" },
      });
      ok(
        await callRoute(contentItemRoute.PATCH, {
          method: "PATCH",
          userId: a.admin.user.id,
          params: { id: item.id },
          body: { title: `Edited ${randomString(4)}` },
        }),
      );
      return {
        action: "content.update",
        targetType: "content",
        targetId: item.id,
        metadata: { fields: ["title"] },
      };
    },
  ],
  [
    "draft deleted (its title kept)",
    async () => {
      const item = await db().contentItem.findFirstOrThrow({
        where: { orgId: a.org.id, status: "DRAFT" },
      });
      ok(
        await callRoute(contentItemRoute.DELETE, {
          method: "DELETE",
          userId: a.admin.user.id,
          params: { id: item.id },
        }),
      );
      return {
        action: "content.delete",
        targetType: "content",
        targetId: item.id,
        metadata: { title: item.title },
      };
    },
  ],
  [
    "post sent for review",
    async () => {
      const id = await createContent();
      const entries = await newEntries(async () =>
        ok(
          await callRoute(transitionRoute, {
            method: "POST",
            userId: a.admin.user.id,
            params: { id },
            body: { to: "IN_REVIEW" },
          }),
        ),
      );
      return {
        action: "content.submit",
        targetType: "content",
        targetId: id,
        metadata: { from: "DRAFT", to: "IN_REVIEW" },
        reuse: entries,
      };
    },
  ],
  [
    "post approved by another admin",
    async () => {
      const item = await db().contentItem.findFirstOrThrow({
        where: { orgId: a.org.id, status: "IN_REVIEW" },
      });
      ok(
        await callRoute(transitionRoute, {
          method: "POST",
          userId: secondAdmin.user.id,
          params: { id: item.id },
          body: { to: "PUBLISHED" },
        }),
      );
      return {
        action: "content.approve",
        targetType: "content",
        targetId: item.id,
        actorId: secondAdmin.user.id,
        metadata: { from: "IN_REVIEW", to: "PUBLISHED" },
      };
    },
  ],
  [
    "suggestion declined",
    async () => {
      const id = await createSuggestion();
      const entries = await newEntries(async () =>
        ok(
          await callRoute(rejectSuggestionRoute, {
            method: "POST",
            userId: a.admin.user.id,
            params: { id },
            body: { reason: "Not this month." },
          }),
        ),
      );
      return {
        action: "suggestion.reject",
        targetType: "suggestion",
        targetId: id,
        metadata: { reason: "Not this month." },
        reuse: entries,
      };
    },
  ],
  [
    "suggestion accepted",
    async () => {
      const id = await createSuggestion();
      const entries = await newEntries(async () =>
        ok(
          await callRoute(acceptSuggestionRoute, {
            method: "POST",
            userId: a.admin.user.id,
            params: { id },
            body: { valueType: "TOGETHERNESS", goals: ["HR"] },
          }),
          201,
        ),
      );
      // Accepting creates the draft post: that is recorded too, then the acceptance.
      return {
        action: "suggestion.accept",
        also: ["content.create"],
        targetType: "suggestion",
        targetId: id,
        reuse: entries,
      };
    },
  ],
  [
    "analytics table exported (table and filters)",
    async () => {
      const res = await callRoute(analyticsExportRoute, {
        userId: a.admin.user.id,
        path: `/api/analytics/export?table=teams&range=30d&team=${a.teamA.id}`,
      });
      expect(res.status).toBe(200);
      return {
        action: "analytics.export",
        targetType: null,
        targetId: null,
        metadata: { table: "teams", range: "30d", teamId: a.teamA.id },
      };
    },
  ],
  [
    "audit log exported (filters)",
    async () => {
      const res = await callRoute(auditExportRoute, {
        userId: a.admin.user.id,
        path: "/api/audit/export?action=member",
      });
      expect(res.status).toBe(200);
      return {
        action: "audit.export",
        targetType: null,
        targetId: null,
        metadata: { filters: { action: "member" } },
      };
    },
  ],
];

describe("every admin action leaves exactly its audit entry", () => {
  it.each(ACTIONS)("%s", async (label, run) => {
    let expected: Expected = { action: "?" };
    const fresh = await newEntries(async () => {
      expected = await run();
    });
    const entries = expected.reuse ?? fresh;
    const actions = entries.map((e) => e.action);
    const want = [...(expected.also ?? []), expected.action];
    probe.check(
      `${label}: its entries`,
      actions.join() === want.join(),
      `expected [${want.join(", ")}], got [${actions.join(", ")}]`,
    );
    expect(actions).toEqual(want);
    const entry = entries.at(-1)!;
    expect(entry.actorId).toBe(expected.actorId ?? a.admin.user.id);
    if (expected.targetType !== undefined) expect(entry.targetType).toBe(expected.targetType);
    if (expected.targetId !== undefined) expect(entry.targetId).toBe(expected.targetId);
    if (expected.metadata) expect(entry.metadata).toMatchObject(expected.metadata);
    // No secret material in any entry.
    expect(JSON.stringify(entry.metadata ?? {})).not.toMatch(
      /chorus_(sk|pk)_[0-9A-Za-z]{32}|tokenHash|passwordHash/,
    );
  });
});

describe("GET /api/audit", () => {
  const list = (userId: string, query = "") =>
    callRoute(auditRoute, { userId, path: `/api/audit${query ? `?${query}` : ""}` });
  type Page = {
    entries: {
      id: string;
      action: string;
      createdAt: string;
      actor: { id: string; name: string } | null;
      description: string;
      target: { label: string; href: string | null } | null;
    }[];
    nextCursor: string | null;
  };

  it("lists the organisation's entries newest first, with actor names and sentences", async () => {
    const res = ok(await list(a.admin.user.id, "action=member.role_change"));
    const page = res.json as unknown as Page;
    expect(page.entries.length).toBeGreaterThan(0);
    const entry = page.entries[0]!;
    expect(entry.actor?.name).toBe(a.admin.user.name);
    expect(entry.target?.label).toBe(a.employee.user.name);
    expect(entry.description).toBe(
      `${a.admin.user.name} changed ${a.employee.user.name}’s role from Employee to Manager`,
    );
    const all = ok(await list(a.admin.user.id, "limit=200")).json as unknown as Page;
    const times = all.entries.map((e) => e.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("never shows another organisation's entries; another org's actor filter is empty", async () => {
    const mineA = await auditIds(a.org.id);
    const ours = ok(await list(a.admin.user.id, "limit=200")).json as unknown as Page;
    probe.check(
      "org a sees only org a",
      ours.entries.every((e) => mineA.has(e.id)),
      "an entry of another organisation appeared",
    );
    expect(ours.entries.every((e) => mineA.has(e.id))).toBe(true);
    // Org b's admin acts; org a filtering by that person sees nothing.
    ok(
      await callRoute(teamsRoute.POST, {
        method: "POST",
        userId: b.admin.user.id,
        body: { name: `B team ${randomString(4)}` },
      }),
      201,
    );
    const foreign = ok(await list(a.admin.user.id, `actor=${b.admin.user.id}`))
      .json as unknown as Page;
    probe.check("foreign actor filter is empty", foreign.entries.length === 0);
    expect(foreign.entries).toEqual([]);
    const theirs = ok(await list(b.admin.user.id, "limit=200")).json as unknown as Page;
    expect(theirs.entries.some((e) => mineA.has(e.id))).toBe(false);
  });

  it("filters by actor, action, category, target type and dates (org time zone)", async () => {
    const byActor = ok(await list(a.admin.user.id, `actor=${secondAdmin.user.id}`))
      .json as unknown as Page;
    expect(byActor.entries.map((e) => e.action)).toEqual(["content.approve"]);

    const category = ok(await list(a.admin.user.id, "action=webhook&limit=200"))
      .json as unknown as Page;
    expect(new Set(category.entries.map((e) => e.action))).toEqual(
      new Set([
        "webhook.create",
        "webhook.test",
        "webhook.update",
        "webhook.retry",
        "webhook.delete",
      ]),
    );

    const teams = ok(await list(a.admin.user.id, "targetType=team&limit=200"))
      .json as unknown as Page;
    expect(teams.entries.length).toBe(3);
    expect(teams.entries.every((e) => e.action.startsWith("team."))).toBe(true);

    // Today in the organisation's zone holds everything; a past day holds nothing.
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: a.org.timeZone }).format(new Date());
    const todays = ok(await list(a.admin.user.id, `from=${today}&to=${today}&limit=200`))
      .json as unknown as Page;
    expect(todays.entries.length).toBe((await auditIds(a.org.id)).size);
    const past = ok(await list(a.admin.user.id, "from=2020-01-01&to=2020-01-31"))
      .json as unknown as Page;
    expect(past.entries).toEqual([]);
  });

  it("paginates with a keyset cursor: no entry twice, none skipped", async () => {
    const total = (await auditIds(a.org.id)).size;
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `limit=7${cursor ? `&cursor=${cursor}` : ""}`;
      const page = ok(await list(a.admin.user.id, query)).json as unknown as Page;
      seen.push(...page.entries.map((e) => e.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total);
    expect(pages).toBe(Math.ceil(total / 7));
  });

  it.each([
    ["from=yesterday", "from"],
    ["from=2026-02-31", "from"],
    ["to=9999-12-31", "to"],
    ["from=0001-01-01", "from"],
    ["from=2026-03-10&to=2026-03-01", "to"],
    ["targetType=password", "targetType"],
    ["action=DROP%20TABLE", "action"],
    ["actor=%27%20OR%201%3D1", "actor"],
    ["cursor=not-a-cursor", "cursor"],
    ["limit=100000", "limit"],
    ["limit=abc", "limit"],
  ])("bad filters (%s) answer 400 naming the field", async (query, field) => {
    const res = await list(a.admin.user.id, query);
    probe.check(`400 for ${query}`, res.status === 400, `got ${res.status}`);
    expect(res.status).toBe(400);
    expect(res.json.error?.message).toBeTruthy();
    expect(Object.keys((res.json.error as { fields?: object }).fields ?? {})).toContain(field);
  });

  it("MANAGER, EMPLOYEE and anonymous callers are refused (403/401), also for the export", async () => {
    for (const route of [auditRoute, auditExportRoute]) {
      for (const [who, userId, status] of [
        ["manager", a.manager.user.id, 403],
        ["employee", a.employee.user.id, 403],
        ["deactivated", a.deactivated.user.id, 403],
        ["anonymous", null, 401],
      ] as const) {
        const res = await callRoute(route, { userId, path: "/api/audit" });
        probe.check(`${who} refused`, res.status === status, `got ${res.status}`);
        expect(res.status, who).toBe(status);
      }
    }
    probe.route("/api/audit");
    probe.route("/api/audit/export");
  });
});

describe("GET /api/audit/export", () => {
  it("streams the filtered entries as CSV, formula-escaped, and records the export", async () => {
    // A team whose name a spreadsheet would run as a formula.
    const evil = `=HYPERLINK("http://evil.example","x${randomString(3)}")`;
    ok(
      await callRoute(teamsRoute.POST, {
        method: "POST",
        userId: a.admin.user.id,
        body: { name: evil },
      }),
      201,
    );
    const res = await callRoute(auditExportRoute, {
      userId: a.admin.user.id,
      path: "/api/audit/export?targetType=team",
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain("chorus-audit-log-all.csv");
    const text = String(res.json);
    const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, "")).map((r) => r.cells);
    expect(header).toEqual([
      "time_utc",
      "time_local",
      "actor_name",
      "actor_email",
      "action",
      "action_label",
      "description",
      "target_type",
      "target_id",
      "target_name",
      "metadata",
    ]);
    const col = (name: string) => header!.indexOf(name);
    expect(rows.length).toBe(4);
    expect(rows.every((r) => r[col("target_type")] === "team")).toBe(true);
    const created = rows.find((r) => r[col("metadata")]!.includes("HYPERLINK"))!;
    expect(created[col("action")]).toBe("team.create");
    expect(created[col("actor_email")]).toBe(a.admin.user.email);
    // Formula cells start with an apostrophe; nothing in the file starts with "=".
    expect(created[col("target_name")]).toBe(`'${evil}`);
    expect(rows.flat().some((cell) => /^[=+@]/.test(cell))).toBe(false);
    probe.check("CSV formula cells escaped", created[col("target_name")]!.startsWith("'"));

    const recorded = await db().auditLog.findFirst({
      where: { orgId: a.org.id, action: "audit.export" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(recorded?.actorId).toBe(a.admin.user.id);
    expect(recorded?.metadata).toEqual({ filters: { targetType: "team" } });
  });

  it("reads more than one keyset page", async () => {
    const org = await createOrgFixture();
    await db().auditLog.createMany({
      data: Array.from({ length: 1203 }, (_, i) => ({
        id: createId("aud"),
        orgId: org.org.id,
        actorId: org.admin.user.id,
        action: "team.update",
        targetType: "team",
        targetId: org.teamA.id,
        metadata: { name: `n${i}` },
        createdAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 3) * 1000),
      })),
    });
    const res = await callRoute(auditExportRoute, {
      userId: org.admin.user.id,
      path: "/api/audit/export",
    });
    expect(res.status).toBe(200);
    const rows = parseCsv(String(res.json).replace(/^\uFEFF/, "")).slice(1);
    const names = rows.map((r) => r.cells[10]).filter((m) => m?.includes('"name":"n'));
    expect(names.length).toBe(1203);
    expect(new Set(names).size).toBe(1203);
  });

  it("a bad filter is a 400 before anything is recorded", async () => {
    const before = await auditIds(a.org.id);
    const res = await callRoute(auditExportRoute, {
      userId: a.admin.user.id,
      path: "/api/audit/export?from=2026-13-01",
    });
    expect(res.status).toBe(400);
    expect((await auditIds(a.org.id)).size).toBe(before.size);
  });
});

describe("hardening report", () => {
  it("has no failed probes", () => {
    expect(probe.failures).toEqual([]);
  });
});
