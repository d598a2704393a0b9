/**
 * Secrets in responses: every GET route of the route inventory, called as each role that may read
 * it, and every request of the role matrix that succeeds (as each allowed role), against an
 * organisation that holds every kind of secret (password hashes, a LinkedIn connection with real
 * encrypted tokens, API keys, a webhook URL, invitations, a connect state). Each response is
 * inspected: no JSON key may look like a secret (/password|tokenHash|accessToken|…/i), and no value
 * — JSON or text (CSV, HTML, files) — may contain a secret read back from the database, encrypted
 * or decrypted, nor a one-time secret shown at creation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can, type Permission } from "@/lib/domains/access/permissions";
import { ROUTE_HANDLERS, type HttpMethod } from "@/tests/support/route-inventory";
import { createApiKey } from "@/lib/domains/api-keys/create-api-key";
import { decryptSecret, encryptSecret } from "@/lib/core/crypto/token-cipher";
import { getDb } from "@/lib/core/db/client";
import { createInvitation } from "@/lib/domains/invitations/create-invitation";
import { startLinkedInConnect } from "@/lib/domains/linkedin/connect-linkedin";
import type { Role } from "@/lib/generated/prisma/enums";
import { accessFor, type OrgFixture } from "../../support/factories";
import { createRoleOrg } from "../../support/security/role-fixture";
import { ProbeCounter } from "../../support/hardening-report";
import { ROLE_MATRIX, rowId, type Actor } from "./role-matrix";
import {
  actorOf,
  ARRANGE,
  ARRANGE_PUBLIC_GET,
  ARRANGE_SCIM_GET,
  scimAuthorization,
  AUTH_GET_PATHS,
  startMatrixEnv,
  stopMatrixEnv,
  type MatrixEnv,
} from "./role-matrix-arrange";
import { loadHandler, send } from "./role-matrix-call";

const SECRET_KEY =
  /password|passwordHash|tokenHash|accessToken|refreshToken|secretHash|keyHash|encrypted/i;

/**
 * Keys that match SECRET_KEY on purpose and hold no secret. Only what the app means to show.
 * (The one-time API key is `key` in POST /api/api-keys, invitation links are `url`.)
 */
const ALLOWED_KEYS: readonly { route: string; key: string; why: string }[] = [
  {
    route: "GET /scim/v2/ServiceProviderConfig",
    key: "changePassword",
    why: "RFC 7643 §5 names this feature flag ({ supported: false }): no password is ever sent",
  },
];

/**
 * Secrets a route shows on purpose: a developer webhook's signing secret in the response that
 * creates it (shown once; the receiver needs it to verify signatures), never anywhere else.
 */
const ALLOWED_VALUES: readonly { route: string; what: string; why: string }[] = [
  {
    route: "POST /api/developer-webhooks",
    what: "developer webhook signing secret",
    why: "shown once at creation, stored encrypted",
  },
];

const probe = new ProbeCounter();

interface Collected {
  label: string;
  route: string;
  status: number;
  json: unknown;
  text: string;
}
const responses: Collected[] = [];
let env: MatrixEnv;
let fx: OrgFixture;
/** One-time secrets only their creation shows (raw API keys, invitation tokens). */
const oneTime: { value: string; what: string }[] = [];

beforeAll(async () => {
  env = await startMatrixEnv();
  fx = await createRoleOrg();
  const admin = accessFor(fx.org, fx.admin);
  // A real LinkedIn connection (tokens issued by the fake LinkedIn, stored encrypted).
  const employee = accessFor(fx.org, fx.employee);
  const { url } = await startLinkedInConnect(employee);
  const html = await (await fetch(url)).text();
  const href = /id="allow" role="button" href="([^"]+)"/.exec(html)![1]!.replace(/&#38;/g, "&");
  const callback = new URL(href);
  const handler = await loadHandler("api/linkedin/callback/route.ts", "GET");
  const done = await send(
    handler,
    "GET",
    { path: callback.pathname + callback.search },
    fx.employee.user.id,
  );
  expect(done.headers.get("location")).toContain("linkedin=connected");
  await startLinkedInConnect(employee); // a pending state, stored hashed
  for (const kind of ["secret", "publishable"] as const) {
    const { key } = await createApiKey(admin, { name: `Seed ${kind}`, kind });
    oneTime.push({ value: key, what: `raw ${kind} API key` });
  }
  const invitation = await createInvitation(admin, {
    kind: "LINK",
    role: "EMPLOYEE",
    teamIds: [],
    expiresInDays: 7,
    maxUses: 5,
  });
  oneTime.push({ value: invitation.token, what: "raw invitation token" });
  // An organisation OIDC connection with its client secret (stored encrypted, never shown).
  await getDb().orgSsoConnection.create({
    data: {
      orgId: fx.org.id,
      oidcIssuer: "https://idp.example",
      oidcClientId: "chorus-org-client",
      oidcClientSecret: encryptSecret("org-oidc-client-secret-never-shown"),
    },
  });
  void env;
});

afterAll(async () => {
  probe.report("secrets in responses");
  await stopMatrixEnv();
});

function record(label: string, route: string, res: { status: number; json: unknown }) {
  const text = typeof res.json === "string" ? res.json : JSON.stringify(res.json ?? null);
  responses.push({ label, route, status: res.status, json: res.json, text });
  probe.route(route);
}

const ROLES: readonly Role[] = ["ADMIN", "MANAGER", "EMPLOYEE"];

describe("collecting every readable response", () => {
  it("every GET of the inventory, as each role that may read it", async () => {
    const skipped: string[] = [];
    /** Reads that should have answered and did not: a refusal or an error hides what to inspect. */
    const unanswered: string[] = [];
    const answers = (label: string, ok: boolean, res: { status: number; json: unknown }) => {
      if (!probe.check(label, ok, `got ${res.status}`)) {
        unanswered.push(`${label}: got ${res.status} ${JSON.stringify(res.json)?.slice(0, 200)}`);
      }
    };
    for (const route of ROUTE_HANDLERS) {
      const guard = route.methods.GET;
      if (!guard) continue;
      const id = `GET ${route.path}`;
      const handler = () => loadHandler(route.file, "GET" as HttpMethod);
      if (guard.kind === "org") {
        const arrange = ARRANGE[id];
        expect(arrange, `no request for ${id} in role-matrix-arrange.ts`).toBeDefined();
        for (const role of ROLES.filter((r) => can(r, guard.permission as Permission))) {
          const member = actorOf(fx, role);
          const arranged = await arrange!({ fx, actor: member, role });
          const res = await send(await handler(), "GET", arranged, member.user.id);
          record(`${id} as ${role}`, id, res);
          answers(`${id} as ${role} answers`, res.status < 400, res);
        }
      } else if (guard.kind === "scimToken" && ARRANGE_SCIM_GET[id]) {
        const arranged = await ARRANGE_SCIM_GET[id]!(fx);
        const res = await send(await handler(), "GET", arranged, null);
        record(`${id} with a SCIM token`, id, res);
        answers(`${id} with a SCIM token answers`, res.status < 400, res);
      } else if (ARRANGE_PUBLIC_GET[id]) {
        const arranged = await ARRANGE_PUBLIC_GET[id]!(fx);
        for (const userId of [null, fx.employee.user.id]) {
          const res = await send(await handler(), "GET", arranged, userId);
          const who = userId ? "EMPLOYEE" : "ANONYMOUS";
          record(`${id} as ${who}`, id, res);
          answers(`${id} as ${who} answers`, res.status < 400, res);
        }
      } else if (id === "GET /api/auth/[...nextauth]") {
        for (const endpoint of AUTH_GET_PATHS) {
          for (const userId of [null, fx.employee.user.id]) {
            const arranged = { path: `/api/auth/${endpoint}`, params: { nextauth: [endpoint] } };
            const res = await send(await handler(), "GET", arranged, userId);
            const who = userId ? "EMPLOYEE" : "ANONYMOUS";
            record(`${id} ${endpoint} as ${who}`, id, res);
            answers(`${id} ${endpoint} as ${who} answers`, res.status === 200, res);
          }
        }
      } else {
        skipped.push(id);
      }
    }
    // The session endpoint answered for the signed-in person (so there was something to inspect).
    const session = responses.find((r) => r.label.endsWith("session as EMPLOYEE"));
    expect(session?.text).toContain(fx.employee.user.id);
    // A public GET added later needs its request in ARRANGE_PUBLIC_GET (role-matrix-arrange.ts).
    expect(skipped).toEqual([]);
    // Every read answered: a 4xx/5xx would leave nothing of the route's data to inspect.
    expect(unanswered).toEqual([]);
  }, 240_000);

  it("every successful request of the role matrix, as its least privileged allowed caller", async () => {
    // One organisation for all (nothing is compared here); the caller who may do least.
    const org = await createRoleOrg();
    const callers: Actor[] = ["ANONYMOUS", "DEACTIVATED", "EMPLOYEE", "MANAGER", "ADMIN"];
    /** Requests the matrix allows that did not succeed (nothing of theirs was inspected). */
    const unsuccessful: string[] = [];
    for (const row of ROLE_MATRIX) {
      if (row.method === "ACTION" || row.method === "GET") continue;
      const arrange = ARRANGE[rowId(row)];
      expect(arrange, `no request for ${rowId(row)} in role-matrix-arrange.ts`).toBeDefined();
      const entry = ROUTE_HANDLERS.find((r) => r.path === row.route)!;
      const handler = await loadHandler(entry.file, row.method);
      if (entry.methods[row.method]?.kind === "scimToken") {
        // SCIM rows: no session column is allowed; the organisation's SCIM token is the caller.
        const arranged = await arrange!({ fx: org, actor: org.admin, role: "ADMIN" });
        const headers = { ...arranged.headers, ...(await scimAuthorization(org)) };
        const res = await send(handler, row.method, { ...arranged, headers }, null);
        record(`${rowId(row)} with a SCIM token`, rowId(row), res);
        if (
          !probe.check(
            `${rowId(row)} with a SCIM token succeeds`,
            res.status < 400,
            `got ${res.status}`,
          )
        ) {
          unsuccessful.push(
            `${rowId(row)} with a SCIM token: got ${res.status} ${JSON.stringify(res.json)?.slice(0, 200)}`,
          );
        }
        continue;
      }
      const actor = callers.find((a) => row.cells[a] === "allow");
      if (!actor) continue;
      const member = actorOf(org, actor);
      const arranged = await arrange!({ fx: org, actor: member, role: actor });
      const userId = actor === "ANONYMOUS" ? null : member.user.id;
      const res = await send(handler, row.method, arranged, userId);
      record(`${rowId(row)} as ${actor}`, rowId(row), res);
      if (
        !probe.check(`${rowId(row)} as ${actor} succeeds`, res.status < 400, `got ${res.status}`)
      ) {
        unsuccessful.push(
          `${rowId(row)} as ${actor}: got ${res.status} ${JSON.stringify(res.json)?.slice(0, 200)}`,
        );
      }
    }
    expect(responses.length).toBeGreaterThan(100);
    expect(unsuccessful).toEqual([]);
  }, 240_000);
});

/** Every secret the database holds now, as stored and (where encrypted) decrypted. */
async function secretsInDatabase(): Promise<{ value: string; what: string }[]> {
  const db = getDb();
  const out: { value: string; what: string }[] = [];
  const add = (value: string | null | undefined, what: string) => {
    if (value && value.length >= 12) out.push({ value, what });
  };
  const decrypt = (stored: string) => {
    try {
      return decryptSecret(stored);
    } catch {
      return null;
    }
  };
  for (const u of await db.user.findMany({ select: { passwordHash: true } })) {
    add(u.passwordHash, "User.passwordHash");
  }
  for (const i of await db.invitation.findMany({ select: { tokenHash: true } })) {
    add(i.tokenHash, "Invitation.tokenHash");
  }
  for (const k of await db.apiKey.findMany({ select: { hash: true } })) add(k.hash, "ApiKey.hash");
  for (const t of await db.scimToken.findMany({ select: { hash: true } })) {
    add(t.hash, "ScimToken.hash");
  }
  for (const c of await db.linkedInConnection.findMany({
    select: { accessToken: true, refreshToken: true },
  })) {
    add(c.accessToken, "LinkedInConnection.accessToken (encrypted)");
    add(decrypt(c.accessToken), "LinkedIn access token");
    if (c.refreshToken) {
      add(c.refreshToken, "LinkedInConnection.refreshToken (encrypted)");
      add(decrypt(c.refreshToken), "LinkedIn refresh token");
    }
  }
  for (const s of await db.linkedInAuthState.findMany({ select: { stateHash: true } })) {
    add(s.stateHash, "LinkedInAuthState.stateHash");
  }
  for (const w of await db.webhookEndpoint.findMany({ select: { url: true } })) {
    add(w.url, "WebhookEndpoint.url (encrypted)");
    add(decrypt(w.url), "webhook URL");
  }
  for (const w of await db.developerWebhook.findMany({ select: { url: true, secret: true } })) {
    add(w.url, "DeveloperWebhook.url (encrypted)");
    add(decrypt(w.url), "developer webhook URL");
    add(w.secret, "DeveloperWebhook.secret (encrypted)");
    add(decrypt(w.secret), "developer webhook signing secret");
  }
  for (const c of await db.orgSsoConnection.findMany({ select: { oidcClientSecret: true } })) {
    if (c.oidcClientSecret) {
      add(c.oidcClientSecret, "OrgSsoConnection.oidcClientSecret (encrypted)");
      add(decrypt(c.oidcClientSecret), "organisation OIDC client secret");
    }
  }
  // Tables other suites add (password reset tokens) are read when they exist.
  const resets = await db
    .$queryRawUnsafe<{ tokenHash: string }[]>(`SELECT "tokenHash" FROM "PasswordResetToken"`)
    .catch(() => []);
  for (const r of resets) add(r.tokenHash, "PasswordResetToken.tokenHash");
  // And the server's own secrets.
  add(process.env.AUTH_SECRET, "AUTH_SECRET");
  add(process.env.LINKEDIN_CLIENT_SECRET, "LINKEDIN_CLIENT_SECRET");
  for (const spec of (process.env.TOKEN_ENCRYPTION_KEYS ?? "").split(",")) {
    add(spec.split(":")[1], "TOKEN_ENCRYPTION_KEYS key");
  }
  return out;
}

/** Paths of JSON keys that look like secrets. */
function secretKeys(value: unknown, at = "$"): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => secretKeys(v, `${at}[${i}]`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, v]) => [
      ...(SECRET_KEY.test(key) ? [`${at}.${key}`] : []),
      ...secretKeys(v, `${at}.${key}`),
    ]);
  }
  return [];
}

/** Secrets found in one response: keys that look like secrets, values that contain one. */
function inspect(
  json: unknown,
  text: string,
  route: string,
  secrets: { value: string; what: string }[],
) {
  const keys = secretKeys(json).filter(
    (path) => !ALLOWED_KEYS.some((a) => a.route === route && path.endsWith(`.${a.key}`)),
  );
  const leaked = [
    ...new Set(secrets.filter((s) => text.includes(s.value)).map((s) => s.what)),
  ].filter((what) => !ALLOWED_VALUES.some((a) => a.route === route && a.what === what));
  return { keys, leaked };
}

describe("no secret in any response", () => {
  it("the inspection finds a planted hash, an encrypted token and a secret-looking key", async () => {
    const secrets = await secretsInDatabase();
    const hash = secrets.find((s) => s.what === "User.passwordHash")!.value;
    const token = secrets.find((s) => s.what === "LinkedIn access token")!.value;
    const planted = {
      user: { name: "x", passwordHash: "redacted" },
      note: `…${hash}…`,
      csv: token,
    };
    const found = inspect(planted, JSON.stringify(planted), "GET /planted", secrets);
    const expected = {
      keys: ["$.user.passwordHash"],
      leaked: ["User.passwordHash", "LinkedIn access token"],
    };
    probe.check(
      "the inspection finds planted secrets",
      JSON.stringify(found) === JSON.stringify(expected),
      JSON.stringify(found),
    );
    expect(found).toEqual(expected);
  });

  it("no key looks like a secret, no value contains one", async () => {
    const secrets = [...(await secretsInDatabase()), ...oneTime];
    expect(secrets.some((s) => s.what === "User.passwordHash")).toBe(true);
    expect(secrets.some((s) => s.what === "LinkedIn access token")).toBe(true);
    expect(secrets.some((s) => s.what === "webhook URL")).toBe(true);
    expect(secrets.some((s) => s.what === "developer webhook signing secret")).toBe(true);
    const failures: string[] = [];
    for (const r of responses) {
      const { keys, leaked } = inspect(r.json, r.text, r.route, secrets);
      if (!probe.check(`${r.label}: keys`, keys.length === 0, keys.join(", "))) {
        failures.push(`${r.label}: secret-looking keys ${keys.join(", ")}`);
      }
      if (!probe.check(`${r.label}: values`, leaked.length === 0, leaked.join(", "))) {
        failures.push(`${r.label}: contains ${leaked.join(", ")}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
