/**
 * Bad-input suite: property-based (fast-check) bodies, path parameters and query strings for every
 * route handler method in tests/support/route-inventory.ts, sent through the real handlers to the real
 * database, as a principal that passes the route's guard. A route added to the inventory is fuzzed
 * without anyone remembering (its valid example below only sharpens the mutations).
 *
 * Property, for every generated case:
 *  - the status is below 500;
 *  - a 4xx carries `{ error: { message } }` with a human sentence and no stack trace, file path or
 *    SQL (the tracked-link route documents HTML error pages instead);
 *  - Object.prototype (and Array.prototype) gained nothing.
 *
 * Seeded (FUZZ_SEED, default below) so a failure reproduces; fast-check shrinks it and the smallest
 * counterexample is logged. FUZZ_RUNS scales the number of cases per route method.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ROUTE_HANDLERS,
  SERVER_ACTIONS,
  type Guard,
  type HttpMethod,
  type RouteHandlerEntry,
} from "@/tests/support/route-inventory";
import { formAction, type ActionState } from "@/lib/domains/access/action";
import { createApiKey } from "@/lib/domains/api-keys/create-api-key";
import { createOrganizationFormSchema } from "@/lib/domains/auth/auth-form-schemas";
import { createContentItem } from "@/lib/domains/content/save-content-item";
import { createInvitation } from "@/lib/domains/invitations/create-invitation";
import { createSuggestion } from "@/lib/domains/suggestions/create-suggestion";
import { randomString } from "@/lib/core/db/create-id";
import { getClickPath } from "@/lib/domains/tracking/click-path";
import { ProbeCounter } from "../../support/hardening-report";
import {
  accessFor,
  createOrgFixture,
  createUser,
  uniqueEmail,
  type OrgFixture,
} from "../../support/factories";
import { contentInput } from "../../support/content";
import { callRoute, sessionCookie } from "../../support/http";
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
const requestContext = vi.hoisted(() => ({
  headers: new Headers(),
  cookies: new Map<string, string>(),
}));
vi.mock("next/headers", () => ({
  headers: async () => requestContext.headers,
  cookies: async () => ({
    get: (name: string) =>
      requestContext.cookies.has(name)
        ? { name, value: requestContext.cookies.get(name)! }
        : undefined,
    getAll: () => [...requestContext.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => requestContext.cookies.has(name),
    set: (name: string | { name: string; value: string }, value?: string) => {
      if (typeof name === "string") requestContext.cookies.set(name, value ?? "");
      else requestContext.cookies.set(name.name, name.value);
    },
    delete: (name: string) => requestContext.cookies.delete(name),
  }),
  draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
}));

const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const RUNS = {
  body: Math.max(1, Math.round(14 * SCALE)),
  query: Math.max(1, Math.round(6 * SCALE)),
  params: Math.max(1, Math.round(6 * SCALE)),
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
        pointsPerClick: 1,
        pointsPerConversion: 5,
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
    case "Membership":
      return x.fx.employee.membership.id;
    case "Invitation":
      return x.invitationId;
    case "ApiKey":
      return x.revocableKeyId;
    case "Suggestion":
      return x.suggestionId;
    case "User.handle":
      return x.fx.employee.membership.handle ?? "nobody";
    default:
      return name === "code" ? "abcdefghij" : `none_${randomString(20)}`;
  }
}

function paramNames(path: string) {
  return [...path.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)].map((m) => ({
    name: m[2]!,
    catchAll: Boolean(m[1]),
  }));
}

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

let clientCounter = 0;
async function principal(guard: Guard, x: Fixture) {
  clientCounter += 1;
  // A different address each time: per-address rate limits must not mask what the route does.
  const headers: Record<string, string> = {
    "x-forwarded-for": `10.${(clientCounter >> 16) & 255}.${(clientCounter >> 8) & 255}.${clientCounter & 255}`,
    "user-agent": "Mozilla/5.0 (X11; Linux x86_64) bad-input-suite",
  };
  // Session cookies are made once per user (encrypting one per request only costs time).
  switch (guard.kind) {
    case "org":
      return { userId: null, headers: { ...headers, cookie: await cookieFor(x.fx.admin.user.id) } };
    case "user":
      return {
        userId: null,
        headers: { ...headers, cookie: await cookieFor(x.fx.employee.user.id) },
      };
    case "apiKey":
      return { userId: null, headers: { ...headers, authorization: `Bearer ${x.secretKey}` } };
    default:
      return { userId: null, headers };
  }
}

interface Sent {
  method: HttpMethod;
  path: string;
  params: Record<string, string | string[]>;
  body?: BodyCase;
}

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
  const message = res.json?.error?.message;
  if (typeof message !== "string" || !message.trim()) {
    return `status ${res.status} without { error: { message } }: ${String(JSON.stringify(res.json)).slice(0, 200)}`;
  }
  const text = JSON.stringify(res.json);
  const leak = LEAK.find((pattern) => pattern.test(text));
  if (leak) return `status ${res.status} leaks internals (${leak}): ${text.slice(0, 300)}`;
  return null;
}

async function send(entry: RouteHandlerEntry, guard: Guard, handler: Handler, sent: Sent) {
  const who = await principal(guard, f);
  const headers = { ...who.headers };
  const body = sent.body;
  let rawBody: string | undefined;
  let form: FormData | undefined;
  if (body?.kind === "json") rawBody = JSON.stringify(body.value) ?? "";
  if (body?.kind === "raw") rawBody = body.text;
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
  const text = `${sent.method} ${sent.path} params=${JSON.stringify(sent.params)}${shown}`;
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
 * Runs one property over `arb` for a route method (after the explicit `examples`). Each case is a request; a failing case is
 * shrunk by fast-check and logged with the seed, then recorded as a failed probe.
 */
async function fuzz(
  label: string,
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
      const res = await send(entry, guard, handler, sent);
      const problem = judge(entry, res);
      if (problem) {
        lastProblem = problem;
        return false;
      }
      probe.check(label, true);
      return true;
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
  if (!result.failed) return [];
  const example = result.counterexample?.[0];
  const detail = `${lastProblem} — seed ${seed} (FUZZ_SEED ${SEED}), path ${result.counterexamplePath}: ${
    example ? describeCase(example) : String(result.errorInstance)
  }`;
  console.error(`[bad input] ${label}: ${detail}`);
  probe.check(label, false, detail);
  return [`${label}: ${detail}`];
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
  f = {
    fx,
    itemId: item.id,
    suggestionId: suggestion.id,
    invitationId: invitation.id,
    revocableKeyId: revocable.apiKey.id,
    secretKey: secret.key,
  };
});

afterAll(async () => {
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
    it(`${id}: never 5xx, 4xx readable, no prototype pollution`, { timeout: 240_000 }, async () => {
      const handler = await loadHandler(entry, method);
      const spec = specs(f)[id] ?? {};
      const names = paramNames(entry.path);
      const real = Object.fromEntries(
        names.map(({ name, catchAll }) => [name, realParam(name, entry.ids?.[name], catchAll, f)]),
      );
      const realPath = fillPath(entry.path, real);
      const failures: string[] = [];
      probe.route(id);
      fuzzed.add(id);

      // Bodies (methods that carry one), at the route with real ids.
      if (method !== "GET" && method !== "HEAD") {
        const bodies = bodyCases(spec.body ?? null).map((body): Sent => ({
          method,
          path: realPath,
          params: real,
          body,
        }));
        const hostile = knownHostileBodies(spec.body).map((value): Sent => ({
          method,
          path: realPath,
          params: real,
          body: { kind: "json", value, contentType: "application/json" },
        }));
        failures.push(
          ...(await fuzz(`${id} body`, entry, guard, handler, bodies, RUNS.body, hostile)),
        );
      }

      // Query strings.
      const specBody: BodyCase | undefined = spec.body
        ? { kind: "json", value: spec.body, contentType: "application/json" }
        : undefined;
      const queries = queryCases(spec.query ?? {}).map((query): Sent => ({
        method,
        path: `${realPath}?${query}`,
        params: real,
        body: specBody,
      }));
      const hostileQueries = Object.keys(spec.query ?? {}).map((key): Sent => ({
        method,
        path: `${realPath}?${key}=%00`,
        params: real,
        body: specBody,
      }));
      failures.push(
        ...(await fuzz(`${id} query`, entry, guard, handler, queries, RUNS.query, hostileQueries)),
      );

      // Path parameters.
      if (names.length) {
        const params = paramCases(names, real).map((values): Sent => ({
          method,
          path: fillPath(entry.path, values),
          params: values,
          body: specBody,
        }));
        const hostileParams = names.map(({ name, catchAll }): Sent => {
          const values = {
            ...real,
            [name]: catchAll ? ["a\u0000"] : `${String(real[name])}\u0000`,
          };
          return { method, path: fillPath(entry.path, values), params: values, body: specBody };
        });
        failures.push(
          ...(await fuzz(
            `${id} params`,
            entry,
            guard,
            handler,
            params,
            RUNS.params,
            hostileParams,
          )),
        );
      }

      expect(failures).toEqual([]);
    });
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
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_REDIRECT");
}

type AnyAction = (...args: unknown[]) => Promise<unknown>;

async function callAction(fn: AnyAction, form: FormData, cookie: string): Promise<unknown> {
  clientCounter += 1;
  requestContext.headers = new Headers({
    host: "chorus.test",
    origin: "http://chorus.test",
    cookie,
    "x-forwarded-for": `10.77.${(clientCounter >> 8) & 255}.${clientCounter & 255}`,
    "user-agent": "bad-input-suite",
  });
  requestContext.cookies.clear();
  for (const pair of cookie.split(/;\s*/)) {
    const at = pair.indexOf("=");
    if (at > 0) requestContext.cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }
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
        const owner = await createUser({ email: uniqueEmail("fuzz-owner") });
        const cookie = await sessionCookie(owner.id);
        probe.route(id);
        fuzzed.add(id);
        let lastProblem = "";
        const cases =
          fn.length === 0
            ? fc.constant(new FormData())
            : actionFormCases(actionExample(owner.email));
        const result = await fc.check(
          fc.asyncProperty(cases, async (form) => {
            let outcome: unknown;
            try {
              outcome = await callAction(fn, form, cookie);
            } catch (error) {
              if (!isRedirect(error)) {
                lastProblem = `threw ${String(error).slice(0, 300)}`;
                return false;
              }
            }
            const problem = judgeAction(outcome);
            if (problem) {
              lastProblem = problem;
              return false;
            }
            probe.check(id, true);
            return true;
          }),
          {
            seed: SEED,
            numRuns: fn.length === 0 ? 1 : RUNS.action,
            endOnFailure: process.env.FUZZ_SHRINK === "0",
          },
        );
        probe.fuzzedCases += result.numRuns;
        const failures: string[] = [];
        if (result.failed) {
          const form = result.counterexample?.[0];
          const shown = form
            ? JSON.stringify(
                [...form.entries()].map(([k, v]) => [
                  k,
                  typeof v === "string" ? v.slice(0, 200) : `file ${v.name}`,
                ]),
              )
            : String(result.errorInstance);
          const detail = `${lastProblem} — seed ${SEED}, path ${result.counterexamplePath}: ${shown}`;
          console.error(`[bad input] ${id}: ${detail}`);
          probe.check(id, false, detail);
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
