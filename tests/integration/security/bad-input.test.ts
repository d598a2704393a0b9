/**
 * Bad-input suite: property-based (fast-check) bodies, path parameters and query strings for every
 * route handler method in tests/support/route-inventory.ts, sent through the real handlers to the real
 * database, as every principal: each role of the organisation (ADMIN, MANAGER, EMPLOYEE), nobody
 * signed in, and the API key for key routes. A route added to the inventory is fuzzed without
 * anyone remembering (its valid example below only sharpens the mutations).
 *
 * Property, for every generated case:
 *  - the status is below 500;
 *  - a principal the route's guard refuses gets exactly that refusal (401 / 403), whatever the
 *    input; the others are fuzzed in full;
 *  - a 4xx carries `{ error: { message } }` with a human sentence and no stack trace, file path or
 *    SQL (the tracked-link route documents HTML error pages instead; SCIM routes answer in the
 *    SCIM error schema of RFC 7644 §3.12, `{ schemas: [...Error], status, scimType, detail }`);
 *  - a refused request (4xx) wrote nothing: the organisation's checksum (every row it owns and its
 *    members' user rows) is what it was before the request — no half-written record;
 *  - a 2xx to a JSON body comes only from a body the route's zod schema accepts: the route
 *    validated that very body (parseJsonBody, watched below) and the schema accepts what was sent;
 *  - Object.prototype (and Array.prototype) gained nothing.
 *
 * Seeded (FUZZ_SEED, default below) so a failure reproduces; fast-check shrinks it and the smallest
 * counterexample is logged. FUZZ_RUNS scales the number of cases per route method and principal.
 */
import fc from "fast-check";
import type { z } from "zod";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  pathParams,
  ROUTE_HANDLERS,
  SERVER_ACTIONS,
  type Guard,
  type HttpMethod,
  type RouteHandlerEntry,
} from "@/tests/support/route-inventory";
import { can } from "@/lib/domains/access/permissions";
import { conversionRequestSchema } from "@/lib/domains/conversions/conversion-schema";
import { formAction, type ActionState } from "@/lib/domains/access/action";
import { createApiKey } from "@/lib/domains/api-keys/create-api-key";
import { createScimToken } from "@/lib/domains/scim/create-scim-token";
import { SCIM_ERROR_SCHEMA } from "@/lib/domains/scim/scim-error";
import { createOrganizationFormSchema } from "@/lib/domains/auth/auth-form-schemas";
import { createContentItem } from "@/lib/domains/content/save-content-item";
import { createCampaign } from "@/lib/domains/campaigns/save-campaign";
import { createInvitation } from "@/lib/domains/invitations/create-invitation";
import { createSuggestion } from "@/lib/domains/suggestions/create-suggestion";
import { getDb } from "@/lib/core/db/client";
import { createId, randomString } from "@/lib/core/db/create-id";
import { getClickPath } from "@/lib/domains/tracking/click-path";
import { ProbeCounter } from "../../support/hardening-report";
import {
  accessFor,
  addMember,
  createOrgFixture,
  createTeam,
  createUser,
  uniqueEmail,
  type OrgFixture,
} from "../../support/factories";
import { contentInput } from "../../support/content";
import { callRoute, sessionCookie, TEST_ORIGIN } from "../../support/http";
import { OrgFingerprint, writesSoFar, type Fingerprint } from "../../support/security/write-watch";
import { redirectTarget, setRequest } from "../../support/security/request-context";
import { ensureDefaultBadges } from "@/lib/domains/recognition/ensure-default-badges";
import {
  actionFormCases,
  bodyCases,
  encodeLoosely,
  paramCases,
  POLLUTION_MARKER,
  queryCases,
  type BodyCase,
} from "../../support/security/fuzz-arbitraries";

/**
 * The request context server actions read through next/headers, which only a running Next server
 * provides: a stand-in holding the current case's headers and cookies (not our code).
 */
vi.mock("next/headers", async () =>
  (await import("../../support/security/request-context")).nextHeadersStandIn(),
);

/**
 * Every JSON body a route validates goes through parseJsonBody: the real function, watched, so a
 * case knows which schema checked its body and whether it passed.
 */
const parsed = vi.hoisted(() => [] as { schema: unknown; ok: boolean }[]);
vi.mock("@/lib/core/http/parse-body", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/core/http/parse-body")>();
  return {
    ...real,
    parseJsonBody: async (...args: Parameters<typeof real.parseJsonBody>) => {
      const seen = { schema: args[1] as unknown, ok: false };
      parsed.push(seen);
      const value = await real.parseJsonBody(...args);
      seen.ok = true;
      return value;
    },
  };
});

const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
/** Cases per route method and principal the guard lets through (refused ones: `refused` each). */
const RUNS = {
  body: Math.max(1, Math.round(14 * SCALE)),
  query: Math.max(1, Math.round(6 * SCALE)),
  params: Math.max(1, Math.round(6 * SCALE)),
  refused: Math.max(1, Math.round(2 * SCALE)),
  action: Math.max(1, Math.round(10 * SCALE)),
};

/** Development aid: FUZZ_ONLY="/api/teams" fuzzes only the route methods whose id contains it. */
const ONLY = process.env.FUZZ_ONLY;

const probe = new ProbeCounter();
const fuzzed = new Set<string>();

type Handler = Parameters<typeof callRoute>[0];

interface Fixture {
  fx: OrgFixture;
  itemId: string;
  suggestionId: string;
  invitationId: string;
  revocableKeyId: string;
  secretKey: string;
  scimToken: string;
  revocableScimTokenId: string;
  /** A person and a team of their own for the SCIM routes (deactivating, deleting them is fine). */
  scimUserId: string;
  scimGroupId: string;
  badgeId: string;
  stageId: string;
  campaignId: string;
}
let f: Fixture;

/** A valid request per route method: the body keys and query keys the mutations start from. */
interface RouteSpec {
  body?: Record<string, unknown>;
  query?: Record<string, string[]>;
}

const FUTURE = "2027-01-15T10:00:00.000Z";

function specs(x: Fixture): Record<string, RouteSpec> {
  const team = x.fx.teamA.id;
  return {
    "GET /api/auth/[...nextauth]": { query: { callbackUrl: ["/feed"], error: ["Configuration"] } },
    "POST /api/auth/[...nextauth]": {
      body: { email: "a@b.example", password: "x", csrfToken: "t", callbackUrl: "/feed" },
      query: { callbackUrl: ["/feed"] },
    },
    "GET /api/files/[...key]": { query: { v: ["1"] } },
    "POST /api/v1/conversions": {
      body: {
        clickId: "clk_3kTz9QmV2xLp7NcR4wYb",
        outcome: "signup",
        value: 49.9,
        currency: "EUR",
        occurredAt: "2026-11-25T10:00:00Z",
        idempotencyKey: "order-1",
      },
      query: { key: ["chorus_pk_x"] },
    },
    "GET /scim/v2/Users": {
      query: { filter: ['userName eq "a@b.example"'], startIndex: ["1"], count: ["10"] },
    },
    "POST /scim/v2/Users": {
      body: {
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
        userName: "fuzz@scim.example",
        name: { givenName: "Fuzz", familyName: "Case" },
        emails: [{ value: "fuzz@scim.example", type: "work", primary: true }],
        externalId: "fuzz-1",
        active: true,
      },
    },
    "PUT /scim/v2/Users/[id]": { body: { userName: "fuzz-put@scim.example", displayName: "F P" } },
    "PATCH /scim/v2/Users/[id]": {
      body: { Operations: [{ op: "Replace", path: "active", value: "True" }] },
    },
    "GET /scim/v2/Groups": {
      query: { filter: ['displayName eq "Alpha"'], excludedAttributes: ["members"] },
    },
    "POST /scim/v2/Groups": { body: { displayName: "Fuzz group", members: [] } },
    "PUT /scim/v2/Groups/[id]": { body: { displayName: "Fuzz group 2", members: [] } },
    "PATCH /scim/v2/Groups/[id]": {
      body: { Operations: [{ op: "add", path: "members", value: [{ value: x.scimUserId }] }] },
    },
    "POST /api/scim-tokens": { body: { name: "Okta" } },
    "GET /api/email/unsubscribe": { query: { token: ["abc.def"] } },
    "POST /api/email/unsubscribe": { body: { token: "abc.def" }, query: { token: ["abc.def"] } },
    "POST /api/invitations/accept": { body: { token: "abcdef" } },
    "POST /api/org/switch": { body: { orgId: x.fx.org.id } },
    "GET /api/analytics/export": {
      query: {
        table: ["daily", "value-types", "goals"],
        range: ["7d", "custom"],
        from: ["2026-01-01"],
        to: ["2026-01-31"],
        team: [team],
      },
    },
    "POST /api/api-keys": { body: { name: "Website", kind: "secret" } },
    "GET /api/content": {
      query: {
        q: ["solar"],
        status: ["DRAFT"],
        valueType: ["INFORMATION"],
        goal: ["MARKETING"],
        audience: ["all", team],
        language: ["en"],
        from: ["2026-01-01"],
        to: ["2026-12-31"],
        page: ["1"],
        pageSize: ["25"],
      },
    },
    "POST /api/content": { body: { ...contentInput(), publishAt: FUTURE } },
    "GET /api/content/mix": { query: { days: ["30"] } },
    "POST /api/content/link-preview": { body: { url: "http://127.0.0.1/" } },
    "PATCH /api/content/[id]": {
      body: {
        title: "Updated",
        body: "Updated text",
        hashtags: ["energy"],
        audience: { all: false, teamIds: [team], locationIds: [] },
        publishAt: FUTURE,
        expireAt: null,
        linkUrl: "https://example.com/a",
        linkPreview: { title: "T", description: null, imageUrl: null, siteName: null },
        captions: [{ label: "formal", text: "Caption" }],
        translations: [{ language: "de", title: "Titel", body: "Text", captions: [] }],
        goals: ["MARKETING"],
        valueType: "INFORMATION",
      },
    },
    "POST /api/content/[id]/transitions": { body: { to: "IN_REVIEW", comment: "Please look" } },
    "GET /api/email/digest-preview": {
      query: { membershipId: [x.fx.employee.membership.id], format: ["json", "text", "html"] },
    },
    "PUT /api/email/preferences": { body: { optOuts: [] } },
    "PUT /api/profile/leaderboard": { body: { optOut: false } },
    "POST /api/push/subscriptions": {
      body: {
        endpoint: "https://push.example.com/send/abc",
        keys: {
          p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 5)]).toString("base64url"),
          auth: Buffer.alloc(16, 3).toString("base64url"),
        },
      },
    },
    "PATCH /api/push/preferences": { body: { newContent: false, prompted: true } },
    "PATCH /api/badges/[id]": { body: { enabled: true } },
    "GET /api/feed": { query: { valueType: ["INFORMATION"], goal: ["MARKETING"] } },
    "POST /api/invitations": {
      body: {
        kind: "EMAIL",
        email: "new.person@test.example",
        name: "New Person",
        role: "EMPLOYEE",
        teamIds: [team],
        expiresInDays: 7,
      },
    },
    "POST /api/invitations/import": {
      body: {
        rows: [{ line: 1, email: "a@test.example", name: "A", role: "EMPLOYEE", teams: "Alpha" }],
        expiresInDays: 14,
      },
    },
    "GET /api/linkedin/callback": {
      query: { code: ["abc"], state: ["xyz"], error: ["user_cancelled_login"] },
    },
    "GET /api/members": {
      query: {
        q: ["a"],
        role: ["ADMIN"],
        status: ["ACTIVE"],
        teamId: [team],
        page: ["1"],
        pageSize: ["50"],
      },
    },
    "PATCH /api/members/[id]": {
      body: { role: "EMPLOYEE", status: "ACTIVE", title: "Engineer", teamIds: [team] },
    },
    "PATCH /api/org": { body: { name: "Renamed Org", timeZone: "Europe/Berlin" } },
    "PATCH /api/profile": {
      body: {
        name: "Ada",
        headline: "Energy",
        locale: "en",
        networkSize: 500,
        handle: "ada-lovelace",
        showShares: true,
        showStories: false,
        showMix: true,
        showReach: false,
      },
    },
    "PATCH /api/settings/analytics": {
      body: {
        clickIdParam: "aid",
        attributionDays: 30,
        cpm: 10.5,
        cpc: 1.25,
        currency: "EUR",
        reachRate: 0.1,
        defaultNetworkSize: 500,
        pointsPerShare: 1,
        pointsPerVisit: 1,
        pointsPerConversion: 5,
      },
    },
    "POST /api/settings/approval-stages": {
      body: { name: "Legal", requiredCount: 1, roles: ["ADMIN"] },
    },
    "PUT /api/settings/approval-stages": { body: { ids: ["apg_x"] } },
    "PATCH /api/settings/approval-stages/[id]": { body: { name: "Comms", requiredCount: 1 } },
    "PATCH /api/settings/rewards": {
      body: {
        rewardsEnabled: false,
        rewardsNote: "Monthly prize draw among everyone who shared",
        incentiveDisclosure: "I may be rewarded for sharing. #employee",
      },
    },
    "PATCH /api/settings/guardrails": {
      body: {
        requireApproval: false,
        disclosureText: "#employee",
        blockedPhrases: ["guaranteed"],
        requiredHashtags: ["fernhill"],
        maxSharesPerDay: 5,
        minAuthenticity: 20,
        utmSource: "chorus",
        utmMedium: "social",
      },
    },
    "POST /api/shares": {
      body: {
        itemId: x.itemId,
        channel: "LINKEDIN_API",
        text: "My own words",
        startedFrom: "feed",
        language: "en",
        scheduledAt: FUTURE,
      },
    },
    "POST /api/shares/[id]/retry": { body: { scheduledAt: FUTURE } },
    "GET /api/suggestions": { query: { status: ["PENDING"], mine: ["true"] } },
    "POST /api/suggestions": {
      body: { title: "Our team", body: "A story", linkUrl: null, valueType: "TOGETHERNESS" },
    },
    "POST /api/suggestions/[id]/accept": {
      body: {
        valueType: "TOGETHERNESS",
        goals: ["EMPLOYER_BRANDING"],
        title: "T",
        body: "B",
        language: "en",
      },
    },
    "POST /api/suggestions/[id]/reject": { body: { reason: "Not now" } },
    "GET /api/campaigns": { query: { archived: ["true", "false"] } },
    "POST /api/campaigns": {
      body: {
        name: "Green week",
        description: "Share the solar park",
        startDate: "2026-03-01",
        endDate: "2026-03-14",
        goal: "SHARES",
        goalTarget: 50,
        itemIds: [x.itemId],
        teamIds: [team],
      },
    },
    "PATCH /api/campaigns/[id]": {
      body: { name: "Green month", endDate: "2026-03-31", goal: "VISITS", teamIds: [] },
    },
    "POST /api/locations": { body: { name: "Lisbon" } },
    "PATCH /api/locations/[id]": { body: { name: "Porto" } },
    "POST /api/topics": { body: { name: "Hydrogen" } },
    "PATCH /api/topics/[id]": { body: { name: "Wind" } },
    "PUT /api/profile/topics": { body: { topicIds: [] } },
    "POST /api/sources": {
      body: { name: "Blog", url: "https://feeds.chorus.test/blog.xml", defaultGoals: ["HR"] },
    },
    "PATCH /api/sources/[id]": { body: { name: "Press room", intervalMinutes: 60 } },
    "POST /api/teams": { body: { name: "Gamma", description: "Third", managerIds: [] } },
    "PATCH /api/teams/[id]": {
      body: {
        name: "Alpha 2",
        description: null,
        managerIds: [x.fx.manager.membership.id],
        memberIds: [x.fx.employee.membership.id],
      },
    },
    "POST /api/webhooks": {
      body: { kind: "SLACK", name: "#general", url: "https://hooks.slack.com/services/T0/B0/X" },
    },
    "PATCH /api/webhooks/[id]": { body: { active: false, name: "Renamed" } },
  };
}

/** Ids of real records, so a case with a good id reaches the code behind the lookup. */
function realParam(name: string, model: string | undefined, catchAll: boolean, x: Fixture) {
  if (catchAll) return name === "nextauth" ? ["session"] : ["logos", "missing.png"];
  switch (model) {
    case "ContentItem":
      return x.itemId;
    case "Team":
      return x.fx.teamB.id;
    case "Campaign":
      return x.campaignId;
    case "Membership":
      return x.fx.employee.membership.id;
    case "Invitation":
      return x.invitationId;
    case "ApiKey":
      return x.revocableKeyId;
    case "ScimToken":
      return x.revocableScimTokenId;
    case "ScimUser":
      return x.scimUserId;
    case "ScimGroup":
      return x.scimGroupId;
    case "BadgeDefinition":
      return x.badgeId;
    case "ApprovalStage":
      return x.stageId;
    case "Suggestion":
      return x.suggestionId;
    case "User.handle":
      return x.fx.employee.membership.handle ?? "nobody";
    default:
      return name === "code" ? "abcdefghij" : `none_${randomString(20)}`;
  }
}

const paramNames = pathParams;

/** The URL path for the pattern with these parameter values (as a client would encode them). */
function fillPath(pattern: string, params: Record<string, string | string[]>): string {
  return pattern.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_m, _dots, name: string) => {
    const value = params[name];
    const parts = Array.isArray(value) ? value : [value ?? ""];
    return parts.map(encodeLoosely).join("/");
  });
}

const cookies = new Map<string, Promise<string>>();
function cookieFor(userId: string): Promise<string> {
  if (!cookies.has(userId)) cookies.set(userId, sessionCookie(userId));
  return cookies.get(userId)!;
}

/**
 * Who sends a case: a member of the organisation by role, nobody, the organisation's API key, or
 * its SCIM token.
 */
type Who = "ADMIN" | "MANAGER" | "EMPLOYEE" | "ANONYMOUS" | "API_KEY" | "SCIM_TOKEN";
const MEMBERS = ["ADMIN", "MANAGER", "EMPLOYEE"] as const;

/** The principals a route's guard lets through (fuzzed in full) and those it refuses. */
function principals(guard: Guard): { allowed: Who[]; refused: Who[] } {
  switch (guard.kind) {
    case "org": {
      const allowed = MEMBERS.filter((role) => can(role, guard.permission));
      return {
        allowed,
        refused: [...MEMBERS.filter((role) => !allowed.includes(role)), "ANONYMOUS"],
      };
    }
    case "user":
      return { allowed: [...MEMBERS], refused: ["ANONYMOUS"] };
    case "apiKey":
      // A session cookie is no credential for the public API.
      return { allowed: ["API_KEY"], refused: [...MEMBERS, "ANONYMOUS"] };
    case "scimToken":
      // Nor for SCIM: only the organisation's SCIM token.
      return { allowed: ["SCIM_TOKEN"], refused: [...MEMBERS, "ANONYMOUS"] };
    default:
      return { allowed: [...MEMBERS, "ANONYMOUS"], refused: [] };
  }
}

/** The status a refused principal gets: 401 without a credential, 403 for a role without it. */
function refusalStatus(guard: Guard, who: Who): number {
  return guard.kind === "org" && who !== "ANONYMOUS" ? 403 : 401;
}

let clientCounter = 0;
async function principal(who: Who, x: Fixture) {
  clientCounter += 1;
  // A different address each time: per-address rate limits must not mask what the route does.
  const headers: Record<string, string> = {
    "x-forwarded-for": `10.${(clientCounter >> 16) & 255}.${(clientCounter >> 8) & 255}.${clientCounter & 255}`,
    "user-agent": "Mozilla/5.0 (X11; Linux x86_64) bad-input-suite",
  };
  // Session cookies are made once per user (encrypting one per request only costs time).
  const member = { ADMIN: x.fx.admin, MANAGER: x.fx.manager, EMPLOYEE: x.fx.employee };
  switch (who) {
    case "ANONYMOUS":
      return { userId: null, headers };
    case "API_KEY":
      return { userId: null, headers: { ...headers, authorization: `Bearer ${x.secretKey}` } };
    case "SCIM_TOKEN":
      return { userId: null, headers: { ...headers, authorization: `Bearer ${x.scimToken}` } };
    default:
      return {
        userId: null,
        headers: { ...headers, cookie: await cookieFor(member[who].user.id) },
      };
  }
}

interface Sent {
  who: Who;
  method: HttpMethod;
  path: string;
  params: Record<string, string | string[]>;
  body?: BodyCase;
}

/** A request without its sender yet: the property picks the principal. */
type Unsent = Omit<Sent, "who">;

/** Routes whose documented error pages are HTML (tracked links are opened by people). */
const HTML_ERRORS = new Set(["/[code]"]);
const LEAK = [
  /\n\s+at\s/,
  /\bat\s\S+\s\(/,
  /\.(?:ts|tsx|js|mjs|cjs):\d+/,
  /node_modules/,
  /prisma|PrismaClient|\$queryRaw/i,
  /\b(?:SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM)\b/i,
  /violates|constraint|relation "|syntax error at/i,
];
const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort().join();
const arrayPrototypeNames = Object.getOwnPropertyNames(Array.prototype).sort().join();

/** What is wrong with this response (null: nothing). */
function judge(
  entry: RouteHandlerEntry,
  res: Awaited<ReturnType<typeof callRoute>>,
): string | null {
  if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== prototypeNames) {
    return "Object.prototype gained a property";
  }
  if (Object.getOwnPropertyNames(Array.prototype).sort().join() !== arrayPrototypeNames) {
    return "Array.prototype gained a property";
  }
  if ((Object.prototype as Record<string, unknown>)[POLLUTION_MARKER] !== undefined) {
    return "Object.prototype was polluted";
  }
  if (res.status >= 500) return `status ${res.status}: ${JSON.stringify(res.json).slice(0, 200)}`;
  if (res.status < 400) return null;
  const type = res.headers.get("content-type") ?? "";
  if (HTML_ERRORS.has(entry.path) && type.startsWith("text/html")) {
    const html = typeof res.json === "string" ? res.json : "";
    return /<h1>[^<]+<\/h1>/.test(html)
      ? null
      : `status ${res.status}: HTML page without a heading`;
  }
  if (entry.path.startsWith("/scim/")) return scimErrorProblem(res);
  const message = res.json?.error?.message;
  if (typeof message !== "string" || !message.trim()) {
    return `status ${res.status} without { error: { message } }: ${String(JSON.stringify(res.json)).slice(0, 200)}`;
  }
  const text = JSON.stringify(res.json);
  const leak = LEAK.find((pattern) => pattern.test(text));
  if (leak) return `status ${res.status} leaks internals (${leak}): ${text.slice(0, 300)}`;
  return null;
}

/** SCIM routes answer errors in the SCIM error schema (RFC 7644 §3.12), as SCIM clients expect. */
function scimErrorProblem(res: Awaited<ReturnType<typeof callRoute>>): string | null {
  const body = res.json as { schemas?: unknown; status?: unknown; detail?: unknown } | null;
  const text = JSON.stringify(res.json);
  if (
    !Array.isArray(body?.schemas) ||
    !body.schemas.includes(SCIM_ERROR_SCHEMA) ||
    body.status !== String(res.status) ||
    typeof body.detail !== "string" ||
    !body.detail.trim()
  ) {
    return `status ${res.status} without a SCIM error { schemas, status, detail }: ${String(text).slice(0, 200)}`;
  }
  if (res.headers.get("content-type") !== "application/scim+json") {
    return `status ${res.status} SCIM error sent as ${res.headers.get("content-type")}`;
  }
  const leak = LEAK.find((pattern) => pattern.test(text));
  return leak ? `status ${res.status} leaks internals (${leak}): ${text.slice(0, 300)}` : null;
}

/** The body text as sent (JSON bodies are serialised here, once). */
function bodyText(body: BodyCase | undefined): string | undefined {
  if (body?.kind === "json") return JSON.stringify(body.value) ?? "";
  if (body?.kind === "raw") return body.text;
  return undefined;
}

async function send(handler: Handler, sent: Sent) {
  const who = await principal(sent.who, f);
  const headers = { ...who.headers };
  const body = sent.body;
  const rawBody = bodyText(body);
  let form: FormData | undefined;
  if (body?.kind === "form") form = body.form;
  if (body && body.kind !== "form") headers["content-type"] = body.contentType;
  return callRoute(handler, {
    method: sent.method,
    path: sent.path,
    userId: who.userId,
    params: sent.params,
    rawBody,
    form,
    headers,
  });
}

function describeCase(sent: Sent): string {
  const body = sent.body;
  let shown = "";
  if (body?.kind === "json") shown = ` json(${body.contentType}) ${JSON.stringify(body.value)}`;
  if (body?.kind === "raw") shown = ` raw(${body.contentType}) ${JSON.stringify(body.text)}`;
  if (body?.kind === "form") shown = ` multipart [${[...body.form.keys()].join(", ")}]`;
  if (body?.kind === "none") shown = ` no body (${body.contentType})`;
  const text = `${sent.method} ${sent.path} as ${sent.who} params=${JSON.stringify(sent.params)}${shown}`;
  return text.length > 600 ? `${text.slice(0, 600)}… (${text.length} chars)` : text;
}

/**
 * One seed per property, derived from FUZZ_SEED and the label: reproducible, yet routes with
 * similar bodies do not all get the same sequence of choices.
 */
function seedFor(label: string): number {
  let hash = SEED | 0;
  for (const char of label) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

/** The valid example with one string value made unstorable (NUL, then a lone surrogate). */
function knownHostileBodies(example: Record<string, unknown> | undefined): unknown[] {
  if (!example) return [];
  const out: unknown[] = [];
  for (const [key, value] of Object.entries(example)) {
    if (typeof value === "string") {
      out.push({ ...example, [key]: `${value}\u0000` }, { ...example, [key]: `${value}\uD800` });
    } else if (Array.isArray(value) && typeof value[0] === "string") {
      out.push({ ...example, [key]: [`${value[0]}\u0000`] });
    }
  }
  return out;
}

/**
 * How a route method's JSON body is validated when parseJsonBody does not show it: the schema
 * (reachable from lib) a 2xx body must pass, or why there is none of ours.
 */
const SCIM_VALIDATION = {
  notOurs:
    "a SCIM resource or PatchOp (RFC 7643/7644): each attribute Chorus keeps is checked (lib/domains/scim/scim-user-resource.ts, scim-groups.ts, scim-request.ts) and attributes it does not keep are ignored, as identity providers send many",
};
const BODY_VALIDATION: Record<string, z.ZodType | { notOurs: string }> = {
  "POST /scim/v2/Users": SCIM_VALIDATION,
  "PUT /scim/v2/Users/[id]": SCIM_VALIDATION,
  "PATCH /scim/v2/Users/[id]": SCIM_VALIDATION,
  "POST /scim/v2/Groups": SCIM_VALIDATION,
  "PUT /scim/v2/Groups/[id]": SCIM_VALIDATION,
  "PATCH /scim/v2/Groups/[id]": SCIM_VALIDATION,
  "POST /api/v1/conversions": conversionRequestSchema,
  "POST /api/auth/[...nextauth]": { notOurs: "Auth.js reads its own form fields (and CSRF token)" },
};

/** Route methods seen validating a JSON body with parseJsonBody (a 2xx must then always do so). */
const parsesJson = new Set<string>();

/**
 * What a 2xx says about the body: a JSON body (sent as JSON) was accepted only if the route's
 * schema accepts it — the route validated it in this very request, and the schema it used (or the
 * one listed in BODY_VALIDATION) accepts what was sent. Null: nothing wrong.
 */
function acceptedBodyProblem(
  id: string,
  sent: Sent,
  validations: { schema: unknown; ok: boolean }[],
): string | null {
  const type = sent.body && sent.body.kind !== "form" ? sent.body.contentType : "";
  const text = bodyText(sent.body);
  if (text === undefined || !/application\/json/i.test(type)) return null;
  const listed = BODY_VALIDATION[id];
  if (listed && "notOurs" in listed) return null;
  const used = validations.find((v) => v.ok)?.schema as z.ZodType | undefined;
  if (validations.length && !used) return "answered 2xx although its body failed validation";
  const schema = used ?? (listed as z.ZodType | undefined);
  if (!schema) {
    return parsesJson.has(id) || specs(f)[id]?.body
      ? "answered 2xx to a JSON body it never validated"
      : null;
  }
  let value: unknown;
  try {
    // As parseJsonBody reads it: decoded as UTF-8, which drops a byte order mark.
    value = JSON.parse(new TextDecoder().decode(new TextEncoder().encode(text)));
  } catch {
    return "answered 2xx to a body that is not JSON";
  }
  const check = schema.safeParse(value);
  return check.success
    ? null
    : `answered 2xx to a body its schema refuses (${check.error.issues[0]?.path.join(".")}: ${check.error.issues[0]?.message})`;
}

/**
 * Columns a refused request may write by design (left out of the "refused requests write nothing"
 * fingerprint), each with why.
 */
const BOOKKEEPING: Record<string, string[]> = {
  // authenticateApiKey notes when a key was last used (at most once a minute), whatever the body.
  ApiKey: ["lastUsedAt"],
  // authenticateScimToken likewise.
  ScimToken: ["lastUsedAt"],
};

/** The SCIM [id] segments name records of the token's organisation (a membership, a team). */
const SCIM_PARAM_MODELS: Record<string, string> = {
  "/scim/v2/Users/[id]": "ScimUser",
  "/scim/v2/Groups/[id]": "ScimGroup",
};

/** The organisation's rows, fingerprinted around each refused request (see write-watch.ts). */
let watch: OrgFingerprint;

/**
 * Sends one case and judges it: the status and message, the guard's refusal for a refused
 * principal, nothing written by a refused request, a 2xx only for a body the schema accepts.
 */
async function exchange(
  id: string,
  entry: RouteHandlerEntry,
  guard: Guard,
  handler: Handler,
  sent: Sent,
): Promise<string | null> {
  const before: Fingerprint = await watch.current();
  parsed.length = 0;
  const res = await send(handler, sent);
  const validations = [...parsed];
  if (validations.length) parsesJson.add(id);
  let problem = judge(entry, res);
  if (!problem && !principals(guard).allowed.includes(sent.who)) {
    const expected = refusalStatus(guard, sent.who);
    // The LinkedIn callback sends someone without a session to sign in (and back).
    const toSignIn =
      expected === 401 &&
      res.status >= 300 &&
      res.status < 400 &&
      new URL(res.headers.get("location") ?? "/", "http://x").pathname === "/signin";
    if (res.status !== expected && !toSignIn) {
      problem = `${sent.who} is refused by the guard, yet got ${res.status} (expected ${expected})`;
    }
  }
  if (res.status >= 400) {
    const changed = await watch.changedSince(before);
    problem ??= changed.length
      ? `refused (${res.status}), yet wrote to ${changed.join(", ")}`
      : null;
  } else if (res.status < 300) {
    problem ??= acceptedBodyProblem(id, sent, validations);
  }
  return problem;
}

/**
 * Runs one property over `arb` for a route method (after the explicit `examples`). Each case is a
 * request; a failing case is shrunk by fast-check and logged with the seed. The property is one
 * probe (passed or failed), its cases count as fuzzed cases.
 */
async function fuzz(
  label: string,
  id: string,
  entry: RouteHandlerEntry,
  guard: Guard,
  handler: Handler,
  arb: fc.Arbitrary<Sent>,
  numRuns: number,
  examples: Sent[] = [],
): Promise<string[]> {
  let lastProblem = "";
  const seed = seedFor(label);
  const result = await fc.check(
    fc.asyncProperty(arb, async (sent) => {
      const problem = await exchange(id, entry, guard, handler, sent);
      if (problem) lastProblem = problem;
      return problem === null;
    }),
    {
      seed,
      // The explicit examples count as runs in fast-check: the random cases come on top.
      numRuns: numRuns + examples.length,
      examples: examples.map((sent): [Sent] => [sent]),
      endOnFailure: process.env.FUZZ_SHRINK === "0",
    },
  );
  probe.fuzzedCases += result.numRuns;
  const example = result.counterexample?.[0];
  const detail = result.failed
    ? `${lastProblem} — seed ${seed} (FUZZ_SEED ${SEED}), path ${result.counterexamplePath}: ${
        example ? describeCase(example) : String(result.errorInstance)
      }`
    : "";
  if (!probe.check(label, !result.failed, detail)) {
    console.error(`[bad input] ${label}: ${detail}`);
    return [`${label}: ${detail}`];
  }
  return [];
}

async function loadHandler(entry: RouteHandlerEntry, method: HttpMethod): Promise<Handler> {
  const mod = (await import(
    /* @vite-ignore */ `@/app/${entry.file.replace(/\.ts$/, "")}`
  )) as Record<string, unknown>;
  const handler = mod[method];
  if (typeof handler !== "function") throw new Error(`${entry.file} does not export ${method}`);
  return handler as Handler;
}

beforeAll(async () => {
  const fx = await createOrgFixture();
  const admin = accessFor(fx.org, fx.admin);
  const employee = accessFor(fx.org, fx.employee);
  const item = await createContentItem(admin, contentInput());
  const suggestion = await createSuggestion(employee, {
    title: "A story",
    body: "We planted trees",
    linkUrl: null,
    valueType: null,
  });
  const invitation = await createInvitation(admin, {
    kind: "LINK",
    role: "EMPLOYEE",
    teamIds: [],
    expiresInDays: 7,
    maxUses: 5,
  });
  const secret = await createApiKey(admin, { name: "Fuzz", kind: "secret" });
  const revocable = await createApiKey(admin, { name: "Revocable", kind: "publishable" });
  const scim = await createScimToken(admin, { name: "Fuzz" });
  const revocableScim = await createScimToken(admin, { name: "Revocable" });
  const scimPerson = await addMember(fx.org.id, "EMPLOYEE");
  const scimTeam = await createTeam(fx.org.id, "SCIM pushed");
  await ensureDefaultBadges([fx.org.id]);
  const badge = await getDb().badgeDefinition.findFirstOrThrow({ where: { orgId: fx.org.id } });
  const stage = await getDb().approvalStage.create({
    data: { id: createId("apg"), orgId: fx.org.id, name: "Comms", position: 0, roles: ["ADMIN"] },
  });
  f = {
    fx,
    badgeId: badge.id,
    stageId: stage.id,
    itemId: item.id,
    suggestionId: suggestion.id,
    invitationId: invitation.id,
    revocableKeyId: revocable.apiKey.id,
    secretKey: secret.key,
    scimToken: scim.token,
    revocableScimTokenId: revocableScim.scimToken.id,
    scimUserId: scimPerson.membership.id,
    scimGroupId: scimTeam.id,
    campaignId: (
      await createCampaign(admin, {
        name: "Fuzzed campaign",
        description: null,
        startDate: "2026-03-01",
        endDate: "2026-03-14",
        goal: "SHARES",
        goalTarget: 10,
        itemIds: [item.id],
        teamIds: [],
      })
    ).id,
  };
  // The write watch sees the app's statements, and the fingerprint sees a change to the org: a
  // refused request found writing nothing means something.
  watch = new OrgFingerprint(fx.org.id, BOOKKEEPING);
  const before = await watch.current();
  await getDb().team.update({ where: { id: fx.teamA.id }, data: { description: "watched" } });
  expect(writesSoFar()).toBeGreaterThan(before.writes);
  expect(await watch.changedSince(before)).toEqual(["Team"]);
  const quiet = await watch.current();
  await getDb().team.findMany({ where: { orgId: fx.org.id } });
  expect(writesSoFar()).toBe(quiet.writes);
});

afterAll(async () => {
  await watch?.close();
  await getClickPath().close();
  probe.report("bad input");
});

const ROUTE_METHODS = ROUTE_HANDLERS.flatMap((entry) =>
  (Object.entries(entry.methods) as [HttpMethod, Guard][]).map(([method, guard]) => ({
    entry,
    method,
    guard,
    id: `${method} ${entry.path}`,
  })),
);

describe("bad input to every route handler (fast-check)", () => {
  for (const { entry, method, guard, id } of ROUTE_METHODS) {
    if (ONLY && !id.includes(ONLY)) continue;
    it(
      `${id}: never 5xx, 4xx readable, refusals write nothing, no prototype pollution`,
      { timeout: 240_000 },
      async () => {
        const handler = await loadHandler(entry, method);
        const spec = specs(f)[id] ?? {};
        const names = paramNames(entry.path);
        const real = Object.fromEntries(
          names.map(({ name, catchAll }) => [
            name,
            realParam(name, entry.ids?.[name] ?? SCIM_PARAM_MODELS[entry.path], catchAll, f),
          ]),
        );
        const realPath = fillPath(entry.path, real);
        const { allowed, refused } = principals(guard);
        const failures: string[] = [];
        probe.route(id);
        fuzzed.add(id);
        /** The cases of `arb`, each sent by one of `whos` (fast-check picks, and shrinks, it). */
        const by = (whos: Who[], arb: fc.Arbitrary<Unsent>) =>
          fc
            .tuple(fc.constantFrom(...whos), arb)
            .map(([who, unsent]): Sent => ({ ...unsent, who }));
        /** The explicit examples go out as the most privileged principal the guard lets through. */
        const first = (unsent: Unsent): Sent => ({ ...unsent, who: allowed[0]! });
        const kinds: fc.Arbitrary<Unsent>[] = [];

        // Bodies (methods that carry one), at the route with real ids.
        if (method !== "GET" && method !== "HEAD") {
          const bodies = bodyCases(spec.body ?? null).map((body): Unsent => ({
            method,
            path: realPath,
            params: real,
            body,
          }));
          const hostile = knownHostileBodies(spec.body).map((value) =>
            first({
              method,
              path: realPath,
              params: real,
              body: { kind: "json", value, contentType: "application/json" },
            }),
          );
          kinds.push(bodies);
          failures.push(
            ...(await fuzz(
              `${id} body`,
              id,
              entry,
              guard,
              handler,
              by(allowed, bodies),
              RUNS.body * allowed.length,
              hostile,
            )),
          );
        }

        // Query strings.
        const specBody: BodyCase | undefined = spec.body
          ? { kind: "json", value: spec.body, contentType: "application/json" }
          : undefined;
        const queries = queryCases(spec.query ?? {}).map((query): Unsent => ({
          method,
          path: `${realPath}?${query}`,
          params: real,
          body: specBody,
        }));
        const hostileQueries = Object.keys(spec.query ?? {}).map((key) =>
          first({ method, path: `${realPath}?${key}=%00`, params: real, body: specBody }),
        );
        kinds.push(queries);
        failures.push(
          ...(await fuzz(
            `${id} query`,
            id,
            entry,
            guard,
            handler,
            by(allowed, queries),
            RUNS.query * allowed.length,
            hostileQueries,
          )),
        );

        // Path parameters.
        if (names.length) {
          const params = paramCases(names, real).map((values): Unsent => ({
            method,
            path: fillPath(entry.path, values),
            params: values,
            body: specBody,
          }));
          const hostileParams = names.map(({ name, catchAll }) => {
            const values = {
              ...real,
              [name]: catchAll ? ["a\u0000"] : `${String(real[name])}\u0000`,
            };
            return first({
              method,
              path: fillPath(entry.path, values),
              params: values,
              body: specBody,
            });
          });
          kinds.push(params);
          failures.push(
            ...(await fuzz(
              `${id} params`,
              id,
              entry,
              guard,
              handler,
              by(allowed, params),
              RUNS.params * allowed.length,
              hostileParams,
            )),
          );
        }

        // The principals the guard refuses: any of the cases above, always that refusal.
        if (refused.length) {
          failures.push(
            ...(await fuzz(
              `${id} refused`,
              id,
              entry,
              guard,
              handler,
              by(refused, fc.oneof(...kinds)),
              RUNS.refused * refused.length,
            )),
          );
        }

        expect(failures).toEqual([]);
      },
    );
  }

  it.skipIf(ONLY)("fuzzed every route method in the inventory", () => {
    const missing = ROUTE_METHODS.map((r) => r.id).filter((id) => !fuzzed.has(id));
    expect(missing).toEqual([]);
    expect(fuzzed.size).toBe(ROUTE_METHODS.length);
  });
});

/**
 * Server actions, called for real: each exported action of the inventory gets FormData built from
 * the fields sign-in/sign-up style forms use (a new action is fuzzed too). Outside a running Next
 * server there is no request context, so `next/headers` (headers(), cookies()) is replaced by a
 * stand-in holding this case's request headers and a cookie jar (see the vi.mock above).
 * Property: the action answers an error state with a readable, specific message, or succeeds
 * (an ok state, or a redirect); it never throws anything else and never says "Something went
 * wrong" for input.
 */
const GENERIC_ACTION_MESSAGE = "Something went wrong on our side. Please try again.";

/** Valid values for the fields the app's forms use; every action gets all of them. */
function actionExample(ownerEmail: string): Record<string, string> {
  return {
    email: ownerEmail,
    password: "not-the-password-1",
    confirmPassword: "not-the-password-1",
    name: "New Person",
    organizationName: "Fuzzed Org",
    callbackUrl: "/feed",
    invitationToken: "",
    token: "not-a-real-token",
    provider: "credentials",
  };
}

function isRedirect(error: unknown): boolean {
  return redirectTarget(error) !== null;
}

type AnyAction = (...args: unknown[]) => Promise<unknown>;

async function callAction(fn: AnyAction, form: FormData, cookie: string): Promise<unknown> {
  clientCounter += 1;
  setRequest({ cookie, ip: `10.77.${(clientCounter >> 8) & 255}.${clientCounter & 255}` });
  if (fn.length === 0) return fn();
  if (fn.length === 1) return fn(form);
  return fn({ status: "idle" }, form);
}

function judgeAction(outcome: unknown): string | null {
  if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== prototypeNames) {
    return "Object.prototype gained a property";
  }
  const state = outcome as ActionState | undefined;
  if (!state || state.status !== "error") return null;
  if (!state.message?.trim()) return "error state without a message";
  if (state.message === GENERIC_ACTION_MESSAGE) return "the generic message for bad input";
  const leak = LEAK.find((pattern) => pattern.test(JSON.stringify(state)));
  return leak ? `message leaks internals (${leak}): ${state.message.slice(0, 200)}` : null;
}

describe("bad input to every server action (fast-check)", () => {
  for (const action of SERVER_ACTIONS) {
    const id = `action ${action.file}#${action.name}`;
    if (ONLY && !id.includes(ONLY)) continue;
    it(
      `${id}: a readable error state or success, never a throw`,
      { timeout: 240_000 },
      async () => {
        const mod = (await import(
          /* @vite-ignore */ `@/app/${action.file.replace(/\.ts$/, "")}`
        )) as Record<string, unknown>;
        const fn = mod[action.name] as AnyAction;
        expect(typeof fn, `${action.file} exports ${action.name}`).toBe("function");
        // Someone signed in without an organisation yet (the welcome page's visitor), each role
        // of the organisation, and nobody.
        const owner = await createUser({ email: uniqueEmail("fuzz-owner") });
        const callers: Record<string, string> = {
          "no organisation yet": await sessionCookie(owner.id),
          ADMIN: await cookieFor(f.fx.admin.user.id),
          MANAGER: await cookieFor(f.fx.manager.user.id),
          EMPLOYEE: await cookieFor(f.fx.employee.user.id),
          ANONYMOUS: "",
        };
        probe.route(id);
        fuzzed.add(id);
        let lastProblem = "";
        const forms =
          fn.length === 0
            ? fc.constant(new FormData())
            : actionFormCases(actionExample(owner.email));
        const cases = fc.tuple(fc.constantFrom(...Object.keys(callers)), forms);
        const result = await fc.check(
          fc.asyncProperty(cases, async ([caller, form]) => {
            let outcome: unknown;
            try {
              outcome = await callAction(fn, form, callers[caller]!);
            } catch (error) {
              if (!isRedirect(error)) {
                lastProblem = `threw ${String(error).slice(0, 300)}`;
                return false;
              }
            }
            const problem = judgeAction(outcome);
            if (problem) lastProblem = `as ${caller}: ${problem}`;
            return problem === null;
          }),
          {
            seed: SEED,
            numRuns: fn.length === 0 ? Object.keys(callers).length : RUNS.action,
            endOnFailure: process.env.FUZZ_SHRINK === "0",
          },
        );
        probe.fuzzedCases += result.numRuns;
        const form = result.counterexample?.[0]?.[1];
        const shown = form
          ? JSON.stringify(
              [...form.entries()].map(([k, v]) => [
                k,
                typeof v === "string" ? v.slice(0, 200) : `file ${v.name}`,
              ]),
            )
          : String(result.errorInstance);
        const detail = result.failed
          ? `${lastProblem} — seed ${SEED}, path ${result.counterexamplePath}: ${shown}`
          : "";
        const failures: string[] = [];
        if (!probe.check(id, !result.failed, detail)) {
          console.error(`[bad input] ${id}: ${detail}`);
          failures.push(`${id}: ${detail}`);
        }
        expect(failures).toEqual([]);
      },
    );
  }

  it.skipIf(ONLY)("fuzzed every server action in the inventory", () => {
    const missing = SERVER_ACTIONS.map((a) => `action ${a.file}#${a.name}`).filter(
      (id) => !fuzzed.has(id),
    );
    expect(missing).toEqual([]);
  });
});

/** Bugs the fuzzer found, kept as plain examples (each answered 500 before its fix). */
describe("bad input found by the fuzzer", () => {
  async function asAdmin(handler: Handler, options: Parameters<typeof callRoute>[1]) {
    return callRoute(handler, {
      ...options,
      headers: { cookie: await cookieFor(f.fx.admin.user.id), ...options?.headers },
    });
  }
  const load = async (file: string, method: HttpMethod) =>
    loadHandler(
      ROUTE_HANDLERS.find((r) => r.file === file)!,
      method,
    );

  it("a NUL character in a JSON body is a 400 naming the field (was a 500 from PostgreSQL)", async () => {
    const res = await asAdmin(await load("api/teams/route.ts", "POST"), {
      method: "POST",
      body: { name: "Alpha\u0000Beta" },
    });
    expect(res.status).toBe(400);
    expect(res.json.error?.message).toMatch(/^Invalid input — name: .*NUL/);
  });

  it("an unpaired surrogate in a JSON body is a 400 (was a 500 from the JSON audit column)", async () => {
    const res = await asAdmin(await load("api/teams/route.ts", "POST"), {
      method: "POST",
      rawBody: '{"name": "x\\ud800y"}',
    });
    expect(res.status).toBe(400);
    expect(res.json.error?.message).toMatch(/name: .*broken Unicode/);
  });

  it("GET /api/members?q=%00 is a 400 (seed 20261126 found it: was a 500)", async () => {
    const res = await asAdmin(await load("api/members/route.ts", "GET"), {
      path: "/api/members?q=%00",
    });
    expect(res.status).toBe(400);
    expect(res.json.error?.message).toMatch(/q: .*NUL/);
  });

  it("a date PostgreSQL cannot hold is a 400, not a 500", async () => {
    const res = await asAdmin(await load("api/content/route.ts", "GET"), {
      path: "/api/content?from=-100000-01-01",
    });
    expect(res.status).toBe(400);
    expect(res.json.error?.message).toMatch(/cannot be stored/);
  });

  it("a path id with a NUL character is a 404 (was a 500 on every id route)", async () => {
    const res = await asAdmin(await load("api/teams/[id]/route.ts", "DELETE"), {
      method: "DELETE",
      path: "/api/teams/a%00",
      params: { id: "a\u0000" },
    });
    expect(res.status).toBe(404);
    expect(res.json.error?.code).toBe("NOT_FOUND");
  });

  it("Auth.js: a callbackUrl it cannot parse no longer answers 500", async () => {
    const res = await callRoute(await load("api/auth/[...nextauth]/route.ts", "GET"), {
      path: `/api/auth/session?callbackUrl=${encodeURIComponent('1; DROP TABLE "User"; --')}`,
      params: { nextauth: ["session"] },
    });
    expect(res.status).toBe(200);
    const cookie = await callRoute(await load("api/auth/[...nextauth]/route.ts", "GET"), {
      path: "/api/auth/session",
      params: { nextauth: ["session"] },
      headers: { cookie: "authjs.callback-url=javascript%3Aalert(1)" },
    });
    expect(cookie.status).toBe(200);
  });

  it("Auth.js: a callbackUrl in the form body is normalised like the query's (was the 'Configuration' error), never leaving our origin", async () => {
    const auth = (method: HttpMethod) => load("api/auth/[...nextauth]/route.ts", method);
    const csrf = await callRoute(await auth("GET"), {
      path: "/api/auth/csrf",
      params: { nextauth: ["csrf"] },
    });
    const csrfToken = (csrf.json as { csrfToken?: string }).csrfToken!;
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const signOut = async (contentType: string, rawBody: string) =>
      callRoute(await auth("POST"), {
        method: "POST",
        path: "/api/auth/signout",
        params: { nextauth: ["signout"] },
        headers: { cookie, "content-type": contentType },
        rawBody,
      });
    const hostile: unknown[] = [
      "foo",
      "http://[",
      "javascript:alert(1)",
      "https://evil.example/x",
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
    ];
    const seen: string[] = [];
    for (const callbackUrl of [...hostile, 42, { href: "https://evil.example" }]) {
      const bodies: [string, string][] = [
        ["application/json", JSON.stringify({ csrfToken, callbackUrl })],
      ];
      if (typeof callbackUrl === "string") {
        bodies.push([
          "application/x-www-form-urlencoded",
          new URLSearchParams({ csrfToken, callbackUrl }).toString(),
        ]);
      }
      for (const [type, body] of bodies) {
        const res = await signOut(type, body);
        const location = new URL(res.headers.get("location") ?? "", TEST_ORIGIN);
        seen.push(`${type} ${JSON.stringify(callbackUrl)} → ${res.status} ${location.href}`);
        expect(res.status, seen.at(-1)).toBe(302);
        expect(location.origin, seen.at(-1)).toBe(TEST_ORIGIN);
        expect(location.pathname.startsWith("//"), seen.at(-1)).toBe(false);
        expect(location.search, seen.at(-1)).not.toContain("error=");
      }
    }
    // A same-site path in the body is kept.
    const kept = await signOut(
      "application/x-www-form-urlencoded",
      new URLSearchParams({ csrfToken, callbackUrl: "/feed?x=1" }).toString(),
    );
    expect(kept.headers.get("location")).toBe(`${TEST_ORIGIN}/feed?x=1`);
  });

  it("Auth.js: an unknown action is a 400 with a readable JSON message (was a bare text)", async () => {
    const res = await callRoute(await load("api/auth/[...nextauth]/route.ts", "GET"), {
      path: "/api/auth/",
      params: { nextauth: [] },
    });
    expect(res.status).toBe(400);
    expect(res.json.error?.message).toMatch(/sign-in request is not valid/);
  });

  it("ssoSignInAction with a provider that is not SSO goes back to sign-in (Auth.js threw)", async () => {
    const { ssoSignInAction } = await import("@/app/(auth)/actions");
    const form = new FormData();
    form.append("provider", "credentials");
    form.append("callbackUrl", "/feed");
    const outcome = await callAction(ssoSignInAction as AnyAction, form, "").catch(
      (e: unknown) => e,
    );
    expect(isRedirect(outcome)).toBe(true);
    expect(String((outcome as { digest: string }).digest)).toContain(
      "/signin?error=OAuthSignInError",
    );
  });

  it("a server action given a NUL character answers an error state naming the field", async () => {
    const run = formAction(createOrganizationFormSchema, async () => undefined);
    const form = new FormData();
    form.append("organizationName", "Acme\u0000");
    const state = await run({ status: "idle" }, form);
    expect(state).toMatchObject({ status: "error", message: expect.stringMatching(/NUL/) });
  });
});
