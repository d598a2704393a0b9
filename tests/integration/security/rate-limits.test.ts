/**
 * Rate limits, each driven until it bites: password sign-in (per address, per e-mail, and the
 * account lock-out), invitation acceptance, the public API per key, and tracked-link redirects
 * per visitor. Each limited answer says in words what happened and when to try again (429 with
 * Retry-After for HTTP), and nothing is written while limited. Sign-up's limit lives in a server
 * action and is driven in tests/e2e/security-headers.spec.ts; password reset's belongs to its own
 * suite.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as trackedLink } from "@/app/[code]/route";
import { POST as acceptRoute } from "@/app/api/invitations/accept/route";
import * as conversionsRoute from "@/app/api/v1/conversions/route";
import { createApiKey } from "@/lib/domains/api-keys/create-api-key";
import { credentialsMessage, verifyCredentials } from "@/lib/domains/auth/verify-credentials";
import { getDb } from "@/lib/core/db/client";
import { createId, randomString } from "@/lib/core/db/create-id";
import { createInvitation } from "@/lib/domains/invitations/create-invitation";
import { newShareCode } from "@/lib/domains/tracking/share-code";
import { getClickPath } from "@/lib/domains/tracking/click-path";
import { insertShares } from "../../support/click-fixture";
import {
  accessFor,
  createOrgFixture,
  createUser,
  TEST_PASSWORD,
  uniqueEmail,
  type OrgFixture,
} from "../../support/factories";
import { ProbeCounter } from "../../support/hardening-report";
import { callRoute } from "../../support/http";

// Low limits so each is reached quickly; env() is read lazily, after these lines.
const API_LIMIT = 5;
const CLICK_LIMIT = 5;
const saved = {
  API_RATE_LIMIT_PER_MINUTE: process.env.API_RATE_LIMIT_PER_MINUTE,
  CLICK_RATE_LIMIT_PER_MINUTE: process.env.CLICK_RATE_LIMIT_PER_MINUTE,
};
process.env.API_RATE_LIMIT_PER_MINUTE = String(API_LIMIT);
process.env.CLICK_RATE_LIMIT_PER_MINUTE = String(CLICK_LIMIT);

const LOGIN_MAX_FAILURES = 5; // the default of LOGIN_MAX_FAILURES
const LOGIN_PER_ADDRESS = 50;
const LOGIN_PER_EMAIL = 20;
const INVITE_ACCEPT_LIMIT = 30;

// Every attempt of the sign-in checks burns a password hash on purpose: allow for a busy machine.
vi.setConfig({ testTimeout: 180_000 });

const probe = new ProbeCounter();
let fx: OrgFixture;
let pool: pg.Pool;

/** An address of the TEST-NET ranges nobody else in the run uses. */
function uniqueAddress(): string {
  const n = () => Math.floor(Math.random() * 254) + 1;
  return `198.18.${n()}.${n()}`;
}

/**
 * Makes `attempt` REAL_ATTEMPTS times (each burns a password hash, as a real attempt does), checks
 * the shared counter counted them, then brings the counter to `limit` — the state `limit` attempts
 * leave — so the next attempt is the first one past the limit without hashing 50 passwords.
 */
const REAL_ATTEMPTS = 3;
async function driveTo(key: string, limit: number, attempt: () => Promise<unknown>) {
  for (let i = 0; i < REAL_ATTEMPTS; i++) await attempt();
  const [row] = await pool
    .query<{ count: number }>(`SELECT "count" FROM "RateLimit" WHERE "key" = $1`, [key])
    .then((r) => r.rows);
  probe.check(`${key}: each attempt is counted`, row?.count === REAL_ATTEMPTS, JSON.stringify(row));
  await pool.query(`UPDATE "RateLimit" SET "count" = $2 WHERE "key" = $1`, [key, limit]);
}

beforeAll(async () => {
  fx = await createOrgFixture();
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
});

afterAll(async () => {
  probe.report("rate limits");
  await getClickPath().close();
  await pool.end();
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("password sign-in", () => {
  it(`locks an account after ${LOGIN_MAX_FAILURES} wrong passwords; while locked even the right one is refused and nothing changes`, async () => {
    probe.route("ACTION signInAction");
    const user = await createUser();
    const ip = uniqueAddress();
    const results = [];
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      results.push(await verifyCredentials(user.email, "wrong-password", ip));
    }
    probe.check(
      "login: wrong passwords before the limit answer invalid",
      results.slice(0, -1).every((r) => !r.ok && r.reason === "invalid"),
      JSON.stringify(results),
    );
    const last = results.at(-1)!;
    probe.check(
      `login: failure ${LOGIN_MAX_FAILURES} locks the account`,
      !last.ok && last.reason === "locked" && last.retryAfterMinutes === 15,
      JSON.stringify(last),
    );
    const locked = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    const right = await verifyCredentials(user.email, TEST_PASSWORD, uniqueAddress());
    probe.check(
      "login: the right password is refused while locked",
      !right.ok && right.reason === "locked",
      JSON.stringify(right),
    );
    const again = await verifyCredentials(user.email, "wrong-again", uniqueAddress());
    const after = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    probe.check(
      "login: attempts while locked write nothing (lock not extended, no count)",
      !again.ok &&
        after.lockedUntil?.getTime() === locked.lockedUntil?.getTime() &&
        after.failedLoginCount === locked.failedLoginCount,
      JSON.stringify({ before: locked.lockedUntil, after: after.lockedUntil }),
    );
    const message = credentialsMessage("locked", !right.ok ? right.retryAfterMinutes : 0);
    probe.check(
      "login: the lock message says what happened and for how long",
      /Too many failed sign-in attempts\. This account is locked for 1[45] minutes\./.test(message),
      message,
    );
    expect(probe.failures).toEqual([]);
  });

  it(`limits one address to ${LOGIN_PER_ADDRESS} attempts across accounts; the limited attempt touches no account`, async () => {
    const ip = uniqueAddress();
    const user = await createUser();
    await driveTo(`login:ip:${ip}`, LOGIN_PER_ADDRESS, () =>
      verifyCredentials(uniqueEmail("nobody"), "x", ip),
    );
    const limited = await verifyCredentials(user.email, TEST_PASSWORD, ip);
    probe.check(
      "login: attempt past the per-address limit is refused (even with the right password)",
      !limited.ok && limited.reason === "rate_limited" && (limited.retryAfterMinutes ?? 0) >= 1,
      JSON.stringify(limited),
    );
    const row = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    probe.check(
      "login: a limited attempt writes nothing to the account",
      row.failedLoginCount === 0 && row.lockedUntil === null,
    );
    const other = await verifyCredentials(user.email, TEST_PASSWORD, uniqueAddress());
    probe.check("login: another address still signs in", other.ok, JSON.stringify(other));
    probe.check(
      "login: the rate-limit message says when to try again",
      credentialsMessage("rate_limited", 15) ===
        "Too many sign-in attempts. Try again in 15 minutes.",
    );
    expect(probe.failures).toEqual([]);
  });

  it(`limits one e-mail to ${LOGIN_PER_EMAIL} attempts from any addresses`, async () => {
    const email = uniqueEmail("target");
    await driveTo(`login:email:${email}`, LOGIN_PER_EMAIL, () =>
      verifyCredentials(email, "guess", uniqueAddress()),
    );
    const limited = await verifyCredentials(email, "guess", uniqueAddress());
    probe.check(
      "login: attempt past the per-e-mail limit is refused from a fresh address",
      !limited.ok && limited.reason === "rate_limited",
      JSON.stringify(limited),
    );
    expect(probe.failures).toEqual([]);
  });
  it("counts failed attempts only: a person who signs in more often than the limit is never refused", async () => {
    const user = await createUser();
    const ip = uniqueAddress();
    const counts = async () =>
      pool
        .query<{ key: string; count: number }>(
          `SELECT "key", "count" FROM "RateLimit" WHERE "key" = ANY($1) ORDER BY "key"`,
          [[`login:ip:${ip}`, `login:email:${user.email}`]],
        )
        .then((r) => Object.fromEntries(r.rows.map((row) => [row.key, row.count])));
    const results = [];
    for (let i = 0; i < LOGIN_PER_EMAIL + 2; i++) {
      results.push(await verifyCredentials(user.email, TEST_PASSWORD, ip));
    }
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(await counts()).toEqual({ [`login:email:${user.email}`]: 0, [`login:ip:${ip}`]: 0 });

    // A wrong password still counts, against both the address and the e-mail.
    const wrong = await verifyCredentials(user.email, "wrong-password", ip);
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(await counts()).toEqual({ [`login:email:${user.email}`]: 1, [`login:ip:${ip}`]: 1 });

    // And a success after it gives back only its own attempt.
    expect((await verifyCredentials(user.email, TEST_PASSWORD, ip)).ok).toBe(true);
    expect(await counts()).toEqual({ [`login:email:${user.email}`]: 1, [`login:ip:${ip}`]: 1 });
  });
});

describe("invitation acceptance", () => {
  it(`allows ${INVITE_ACCEPT_LIMIT} attempts per address per 15 minutes, then a readable 429 that joins nobody`, async () => {
    probe.route("POST /api/invitations/accept");
    const ip = uniqueAddress();
    const guesser = await createUser();
    const statuses: number[] = [];
    for (let i = 0; i < INVITE_ACCEPT_LIMIT; i++) {
      const res = await callRoute(acceptRoute, {
        method: "POST",
        path: "/api/invitations/accept",
        userId: guesser.id,
        body: { token: `guess-${randomString(20)}` },
        headers: { "x-forwarded-for": ip },
      });
      statuses.push(res.status);
    }
    probe.check(
      "invite accept: guesses under the limit answer 404",
      statuses.every((s) => s === 404),
      statuses.join(","),
    );
    const invitation = await createInvitation(accessFor(fx.org, fx.admin), {
      kind: "LINK",
      role: "EMPLOYEE",
      teamIds: [],
      expiresInDays: 7,
      maxUses: 5,
    });
    const before = await getDb().invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    const limited = await callRoute(acceptRoute, {
      method: "POST",
      path: "/api/invitations/accept",
      userId: guesser.id,
      body: { token: invitation.token },
      headers: { "x-forwarded-for": ip },
    });
    probe.check(
      "invite accept: the attempt past the limit answers 429 with Retry-After",
      limited.status === 429 && Number(limited.headers.get("retry-after")) > 0,
      `${limited.status} retry-after=${limited.headers.get("retry-after")}`,
    );
    probe.check(
      "invite accept: the 429 says what and when",
      /^Too many invitation attempts\. Try again in \d+ minutes?\.$/.test(
        limited.json?.error?.message ?? "",
      ),
      limited.json?.error?.message,
    );
    const after = await getDb().invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    const joined = await getDb().membership.count({
      where: { orgId: fx.org.id, userId: guesser.id },
    });
    probe.check(
      "invite accept: nothing written while limited (no membership, invitation unused)",
      joined === 0 && after.useCount === before.useCount,
      `memberships=${joined} useCount=${after.useCount}`,
    );
    const elsewhere = await callRoute(acceptRoute, {
      method: "POST",
      path: "/api/invitations/accept",
      userId: guesser.id,
      body: { token: invitation.token },
      headers: { "x-forwarded-for": uniqueAddress() },
    });
    probe.check(
      "invite accept: another address is not limited",
      elsewhere.status === 200,
      String(elsewhere.status),
    );
    expect(probe.failures).toEqual([]);
  });
});

describe("public API per key", () => {
  it(`allows ${API_LIMIT} requests per key per minute, then 429 + Retry-After; nothing recorded; other keys unaffected`, async () => {
    probe.route("POST /api/v1/conversions");
    const db = getDb();
    const keyFor = async () =>
      (
        await createApiKey(accessFor(fx.org, fx.admin), {
          name: `rl ${randomString(4)}`,
          kind: "secret",
        })
      ).key;
    const key = await keyFor();
    const item = await db.contentItem.create({
      data: {
        id: createId("cnt"),
        orgId: fx.org.id,
        slug: `rl-${randomString(8).toLowerCase()}`,
        title: "Rate limits",
        body: "Body.",
        valueType: "INFORMATION",
        goals: ["MARKETING"],
        status: "PUBLISHED",
      },
    });
    const share = await db.share.create({
      data: {
        id: createId("shr"),
        orgId: fx.org.id,
        itemId: item.id,
        membershipId: fx.employee.membership.id,
        userId: fx.employee.user.id,
        code: newShareCode(),
        channel: "COPY",
        text: "Mine.",
        language: "en",
        authenticity: 1,
        destinationUrl: "https://fernhill.example/news",
        createdAt: new Date(Date.now() - 120_000),
      },
    });
    const click = await db.clickEvent.create({
      data: {
        id: createId("clk"),
        orgId: fx.org.id,
        shareId: share.id,
        at: new Date(Date.now() - 60_000),
        isBot: false,
        visitorKey: "rl-visitor",
        device: "desktop",
        browser: "Chrome",
      },
    });
    const post = (k: string) =>
      callRoute(conversionsRoute.POST, {
        method: "POST",
        path: "/api/v1/conversions",
        body: { clickId: click.id, outcome: "signup", idempotencyKey: randomString(12) },
        headers: { authorization: `Bearer ${k}` },
      });
    const statuses: number[] = [];
    for (let i = 0; i < API_LIMIT; i++) statuses.push((await post(key)).status);
    probe.check(
      "api: requests under the limit succeed",
      statuses.every((s) => s === 201 || s === 200),
      statuses.join(","),
    );
    const recorded = await db.conversion.count({ where: { clickId: click.id } });
    const limited = await post(key);
    probe.check(
      "api: the request past the limit answers 429 with Retry-After",
      limited.status === 429 && Number(limited.headers.get("retry-after")) > 0,
      `${limited.status} retry-after=${limited.headers.get("retry-after")}`,
    );
    probe.check(
      "api: the 429 says what and when",
      /^Too many requests with this API key\. Try again in 1 minute\.$/.test(
        limited.json?.error?.message ?? "",
      ),
      limited.json?.error?.message,
    );
    probe.check(
      "api: the 429 keeps the CORS headers (a browser can read it)",
      limited.headers.get("access-control-allow-origin") === "*" &&
        /Retry-After/i.test(limited.headers.get("access-control-expose-headers") ?? ""),
    );
    probe.check(
      "api: nothing recorded while limited",
      (await db.conversion.count({ where: { clickId: click.id } })) === recorded &&
        recorded === API_LIMIT,
      `recorded=${recorded}`,
    );
    const other = await post(await keyFor());
    probe.check("api: another key is not limited", other.status === 201, String(other.status));
    expect(probe.failures).toEqual([]);
  });
});

describe("tracked-link redirects per visitor", () => {
  it(`allows ${CLICK_LIMIT} opens per visitor per link per minute, then a friendly 429 that is not recorded`, async () => {
    probe.route("GET /[code]");
    const [share] = await insertShares(pool, 1);
    const open = (ip: string) =>
      callRoute(trackedLink, {
        path: `/${share!.code}`,
        params: { code: share!.code },
        headers: {
          "user-agent":
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
          "x-forwarded-for": ip,
        },
      });
    const ip = uniqueAddress();
    const statuses: number[] = [];
    for (let i = 0; i < CLICK_LIMIT; i++) statuses.push((await open(ip)).status);
    probe.check(
      "redirect: opens under the limit redirect",
      statuses.every((s) => s === 302),
      statuses.join(","),
    );
    const limited = await open(ip);
    probe.check(
      "redirect: the open past the limit answers 429 with Retry-After",
      limited.status === 429 && Number(limited.headers.get("retry-after")) > 0,
      `${limited.status} retry-after=${limited.headers.get("retry-after")}`,
    );
    probe.check(
      "redirect: the 429 is a readable page",
      /text\/html/.test(limited.headers.get("content-type") ?? "") &&
        String(limited.json).includes("many times"),
      String(limited.json).slice(0, 200),
    );
    await getClickPath().recorder.flush();
    const clicks = await getDb().clickEvent.count({ where: { shareId: share!.shareId } });
    probe.check(
      "redirect: the limited open is not recorded",
      clicks === CLICK_LIMIT,
      `clicks=${clicks}`,
    );
    probe.check(
      "redirect: another visitor is not limited",
      (await open(uniqueAddress())).status === 302,
    );
    expect(probe.failures).toEqual([]);
  });
});
