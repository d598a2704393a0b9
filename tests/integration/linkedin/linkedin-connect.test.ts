/**
 * "Connect LinkedIn" through the real route handlers against the fake LinkedIn server: consent,
 * callback checks (state of another user, expired, reused, cancelled), encrypted storage,
 * status for the UI, disconnect with revocation.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import pg from "pg";
import { startFakeLinkedIn, type FakeLinkedIn } from "../../support/fake-linkedin";
import { addMember, createOrgFixture, type OrgFixture } from "../../support/factories";
import { callRoute } from "../../support/http";

let fake: FakeLinkedIn;
let fx: OrgFixture;
let routes: {
  connect: typeof import("@/app/api/linkedin/connect/route");
  callback: typeof import("@/app/api/linkedin/callback/route");
  connection: typeof import("@/app/api/linkedin/connection/route");
};
let getDb: typeof import("@/lib/core/db/client").getDb;

beforeAll(async () => {
  fake = await startFakeLinkedIn();
  process.env.LINKEDIN_AUTH_URL = fake.authUrl;
  process.env.LINKEDIN_API_URL = fake.url;
  process.env.LINKEDIN_CLIENT_ID = fake.clientId;
  process.env.LINKEDIN_CLIENT_SECRET = fake.clientSecret;
  process.env.LINKEDIN_POST_ANALYTICS = "true";
  routes = {
    connect: await import("@/app/api/linkedin/connect/route"),
    callback: await import("@/app/api/linkedin/callback/route"),
    connection: await import("@/app/api/linkedin/connection/route"),
  };
  ({ getDb } = await import("@/lib/core/db/client"));
  fx = await createOrgFixture();
});

afterAll(async () => {
  await fake?.stop();
});

beforeEach(async () => {
  fake.reset();
  await getDb().linkedInConnection.deleteMany({ where: { orgId: fx.org.id } });
});

/** GET /api/linkedin/connect → the consent URL (302). */
async function startConnect(userId: string, returnTo?: string): Promise<URL> {
  const path =
    returnTo === undefined
      ? "/api/linkedin/connect"
      : `/api/linkedin/connect?returnTo=${encodeURIComponent(returnTo)}`;
  const res = await callRoute(routes.connect.GET, { userId, path });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location")!);
}

/** Opens the fake consent page and follows "Allow" or "Cancel": the callback URL LinkedIn sends. */
async function consent(authorizeUrl: URL, choice: "allow" | "cancel"): Promise<URL> {
  const html = await (await fetch(authorizeUrl)).text();
  const href = new RegExp(`id="${choice}" role="button" href="([^"]+)"`).exec(html)?.[1];
  expect(href).toBeTruthy();
  return new URL(href!.replace(/&#38;/g, "&"));
}

async function landing(userId: string, callbackUrl: URL): Promise<URL> {
  const res = await callRoute(routes.callback.GET, {
    userId,
    path: callbackUrl.pathname + callbackUrl.search,
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location")!);
}

async function callback(userId: string, callbackUrl: URL) {
  const location = await landing(userId, callbackUrl);
  expect(location.pathname).toBe("/profile");
  return location.searchParams.get("linkedin");
}

describe("connect LinkedIn", () => {
  it("redirects to LinkedIn's consent page with the configured client, scopes and a hashed state", async () => {
    const url = await startConnect(fx.employee.user.id);
    expect(url.origin + url.pathname).toBe(`${fake.authUrl}/authorization`);
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("client_id")).toBe(fake.clientId);
    expect(url.searchParams.get("redirect_uri")).toBe("http://chorus.test/api/linkedin/callback");
    expect(url.searchParams.get("scope")).toBe(
      "openid profile email w_member_social r_member_postAnalytics",
    );
    const state = url.searchParams.get("state")!;
    expect(state.length).toBeGreaterThanOrEqual(40);
    const rows = await getDb().linkedInAuthState.findMany({
      where: { membershipId: fx.employee.membership.id },
    });
    expect(rows.some((r) => r.stateHash === state)).toBe(false);
    const row = rows.find((r) => r.expiresAt.getTime() > Date.now() + 9 * 60_000);
    expect(row).toBeTruthy();
    expect(row!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 10 * 60_000 + 1000);
  });

  it("happy path: allow → connected, token stored encrypted, status active for 60 days", async () => {
    const cb = await consent(await startConnect(fx.employee.user.id), "allow");
    expect(await callback(fx.employee.user.id, cb)).toBe("connected");

    const row = await getDb().linkedInConnection.findUniqueOrThrow({
      where: { membershipId: fx.employee.membership.id },
    });
    const issued = fake.state.tokens.at(-1)!.token;
    expect(row.memberUrn).toBe("urn:li:person:fakeMember001");
    expect(row.name).toBe("Alex Fakeson");
    expect(row.orgId).toBe(fx.org.id);
    expect(row.scopes).toContain("w_member_social");
    expect(row.status).toBe("ACTIVE");
    const days = (row.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(59.9);
    expect(days).toBeLessThanOrEqual(60);

    // Not readable in the database: read the raw column with plain SQL.
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const raw = await client.query<{ accessToken: string }>(
        `SELECT "accessToken" FROM "LinkedInConnection" WHERE id = $1`,
        [row.id],
      );
      expect(raw.rows[0]!.accessToken).not.toContain(issued);
      expect(raw.rows[0]!.accessToken).toMatch(/^v1:test:/);
    } finally {
      await client.end();
    }

    const { getUsableConnection } = await import("@/lib/domains/linkedin/connection");
    const usable = await getUsableConnection(fx.org.id, fx.employee.membership.id);
    expect(usable.accessToken).toBe(issued);

    const status = await callRoute(routes.connection.GET, { userId: fx.employee.user.id });
    expect(status.status).toBe(200);
    const connection = status.json.connection as Record<string, unknown>;
    expect(connection.state).toBe("active");
    expect(connection.name).toBe("Alex Fakeson");
    expect(connection.daysLeft).toBe(59);
    expect(JSON.stringify(status.json)).not.toContain(issued);
    expect(JSON.stringify(status.json)).not.toContain("accessToken");
  });

  it("from the composer, the person lands back on the post they were sharing", async () => {
    const back = "/share/cnt_abc123?lang=de";
    let location = await landing(
      fx.employee.user.id,
      await consent(await startConnect(fx.employee.user.id, back), "allow"),
    );
    expect(location.origin).toBe("http://chorus.test");
    expect(location.pathname).toBe("/share/cnt_abc123");
    expect(location.searchParams.get("lang")).toBe("de");
    expect(location.searchParams.get("linkedin")).toBe("connected");
    expect(location.hash).toBe("#linkedin");
    expect(
      await getDb().linkedInConnection.count({
        where: { membershipId: fx.employee.membership.id },
      }),
    ).toBe(1);

    // Cancelling on LinkedIn also comes back there, saying so.
    location = await landing(
      fx.employee.user.id,
      await consent(await startConnect(fx.employee.user.id, back), "cancel"),
    );
    expect(location.pathname).toBe("/share/cnt_abc123");
    expect(location.searchParams.get("linkedin")).toBe("cancelled");
  });

  it.each([
    "https://evil.example/share/x",
    "//evil.example/share/x",
    "/\\evil.example/share/x",
    "/\t/evil.example/share/x",
    "\\evil.example",
    "/.//evil.example/share/x",
    "javascript:alert(1)",
    "/api/linkedin/connection",
    "/api",
    "share/x",
    `/share/${"x".repeat(600)}`,
  ])("a return path that is not a page of this app (%s) lands on the profile", async (bad) => {
    const location = await landing(
      fx.employee.user.id,
      await consent(await startConnect(fx.employee.user.id, bad), "allow"),
    );
    expect(location.origin).toBe("http://chorus.test");
    expect(location.pathname).toBe("/profile");
    expect(location.searchParams.get("linkedin")).toBe("connected");
  });

  it("a 401 from LinkedIn before the expiry date reads as refused, not as ended on a future date", async () => {
    const cb = await consent(await startConnect(fx.employee.user.id), "allow");
    expect(await callback(fx.employee.user.id, cb)).toBe("connected");
    const { connectionStatusFor, markConnectionExpired } =
      await import("@/lib/domains/linkedin/connection");
    const access = { orgId: fx.org.id, membershipId: fx.employee.membership.id };
    const row = await getDb().linkedInConnection.findUniqueOrThrow({
      where: { membershipId: access.membershipId },
    });
    const before = Date.now();
    await markConnectionExpired(row.id, "LinkedIn refused the connection (401)");
    const refused = await connectionStatusFor(access);
    expect(refused).toMatchObject({ state: "expired", ended: { reason: "refused" } });
    if (refused.state === "not_connected" || !refused.ended) throw new Error("not ended");
    // Refused now — not "ended" on the access's expiry date, which is still 60 days away.
    expect(refused.ended.at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(refused.ended.at.getTime()).toBeLessThanOrEqual(Date.now());
    expect(refused.expiresAt.getTime()).toBeGreaterThan(Date.now() + 59 * 86_400_000);

    await getDb().linkedInConnection.update({
      where: { id: row.id },
      data: { expiresAt: new Date(Date.now() - 60_000) },
    });
    const expired = await connectionStatusFor(access);
    expect(expired).toMatchObject({ state: "expired", ended: { reason: "expired" } });
  });

  it("the state is single use: replaying the callback is refused", async () => {
    const cb = await consent(await startConnect(fx.employee.user.id), "allow");
    expect(await callback(fx.employee.user.id, cb)).toBe("connected");
    expect(await callback(fx.employee.user.id, cb)).toBe("state_invalid");
  });

  it("a state started by another user is refused and not consumed", async () => {
    const cb = await consent(await startConnect(fx.employee.user.id), "allow");
    expect(await callback(fx.manager.user.id, cb)).toBe("state_invalid");
    expect(
      await getDb().linkedInConnection.count({ where: { membershipId: fx.manager.membership.id } }),
    ).toBe(0);
    // …and still works for the person who started it
    expect(await callback(fx.employee.user.id, cb)).toBe("connected");
  });

  it("a forged or missing state is refused before any code exchange", async () => {
    const cb = await consent(await startConnect(fx.employee.user.id), "allow");
    const forged = new URL(cb);
    forged.searchParams.set("state", "forged-state-value");
    expect(await callback(fx.employee.user.id, forged)).toBe("state_invalid");
    forged.searchParams.delete("state");
    expect(await callback(fx.employee.user.id, forged)).toBe("state_invalid");
    expect(fake.state.requests.filter((r) => r.endpoint === "token")).toHaveLength(0);
  });

  it("an expired state (older than 10 minutes) is refused", async () => {
    const cb = await consent(await startConnect(fx.employee.user.id), "allow");
    await getDb().linkedInAuthState.updateMany({
      where: { membershipId: fx.employee.membership.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await callback(fx.employee.user.id, cb)).toBe("state_invalid");
  });

  it("cancelled consent and denied access come back with a clear outcome", async () => {
    const cancelled = await consent(await startConnect(fx.employee.user.id), "cancel");
    expect(cancelled.searchParams.get("error")).toBe("user_cancelled_authorize");
    expect(await callback(fx.employee.user.id, cancelled)).toBe("cancelled");

    const denied = await consent(await startConnect(fx.employee.user.id), "allow");
    denied.searchParams.delete("code");
    denied.searchParams.set("error", "access_denied");
    expect(await callback(fx.employee.user.id, denied)).toBe("denied");
    expect(await getDb().linkedInConnection.count({ where: { orgId: fx.org.id } })).toBe(0);
  });

  it("LinkedIn failing during the exchange ends in a clear outcome, nothing stored", async () => {
    fake.failNext("token", 500);
    let cb = await consent(await startConnect(fx.employee.user.id), "allow");
    expect(await callback(fx.employee.user.id, cb)).toBe("failed");
    fake.failNext("userinfo", 429);
    cb = await consent(await startConnect(fx.employee.user.id), "allow");
    expect(await callback(fx.employee.user.id, cb)).toBe("rate_limited");
    fake.failNext("token", "malformed");
    cb = await consent(await startConnect(fx.employee.user.id), "allow");
    expect(await callback(fx.employee.user.id, cb)).toBe("failed");
    expect(await getDb().linkedInConnection.count({ where: { orgId: fx.org.id } })).toBe(0);
  });

  it("one LinkedIn account cannot be connected by two people of the organisation", async () => {
    let cb = await consent(await startConnect(fx.employee.user.id), "allow");
    expect(await callback(fx.employee.user.id, cb)).toBe("connected");
    cb = await consent(await startConnect(fx.manager.user.id), "allow"); // same fake member
    expect(await callback(fx.manager.user.id, cb)).toBe("in_use");
  });

  it("expiry: the status warns 7 days ahead, an expired connection cannot be used", async () => {
    const cb = await consent(await startConnect(fx.employee.user.id), "allow");
    expect(await callback(fx.employee.user.id, cb)).toBe("connected");
    const { connectionStatusFor, getUsableConnection } =
      await import("@/lib/domains/linkedin/connection");
    const access = { orgId: fx.org.id, membershipId: fx.employee.membership.id };
    await getDb().linkedInConnection.update({
      where: { membershipId: access.membershipId },
      data: { expiresAt: new Date(Date.now() + 3 * 86_400_000 + 60_000) },
    });
    const expiring = await connectionStatusFor(access);
    expect(expiring).toMatchObject({ state: "expiring", daysLeft: 3 });

    await getDb().linkedInConnection.update({
      where: { membershipId: access.membershipId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(getUsableConnection(fx.org.id, access.membershipId)).rejects.toThrow(
      /expired.*Reconnect/,
    );
    const row = await getDb().linkedInConnection.findUniqueOrThrow({
      where: { membershipId: access.membershipId },
    });
    expect(row.status).toBe("EXPIRED");
    expect(await connectionStatusFor(access)).toMatchObject({ state: "expired", daysLeft: 0 });
  });

  it("getUsableConnection is scoped by organisation and explains what to do", async () => {
    const cb = await consent(await startConnect(fx.employee.user.id), "allow");
    expect(await callback(fx.employee.user.id, cb)).toBe("connected");
    const { getUsableConnection } = await import("@/lib/domains/linkedin/connection");
    const other = await createOrgFixture();
    await expect(getUsableConnection(other.org.id, fx.employee.membership.id)).rejects.toThrow(
      /not connected/,
    );
    await expect(getUsableConnection(fx.org.id, fx.manager.membership.id)).rejects.toMatchObject({
      status: 409,
    });
  });

  it("disconnect revokes the token at LinkedIn and deletes the row", async () => {
    const cb = await consent(await startConnect(fx.employee.user.id), "allow");
    expect(await callback(fx.employee.user.id, cb)).toBe("connected");
    const issued = fake.state.tokens.at(-1)!.token;
    const res = await callRoute(routes.connection.DELETE, {
      method: "DELETE",
      userId: fx.employee.user.id,
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ disconnected: true, revoked: true });
    expect(fake.state.revokedTokens).toEqual([issued]);
    expect(
      await getDb().linkedInConnection.count({
        where: { membershipId: fx.employee.membership.id },
      }),
    ).toBe(0);
    const status = await callRoute(routes.connection.GET, { userId: fx.employee.user.id });
    expect((status.json.connection as { state: string }).state).toBe("not_connected");
  });

  it("disconnect still deletes when LinkedIn's revoke fails", async () => {
    const cb = await consent(await startConnect(fx.employee.user.id), "allow");
    expect(await callback(fx.employee.user.id, cb)).toBe("connected");
    fake.failNext("revoke", 500);
    const res = await callRoute(routes.connection.DELETE, {
      method: "DELETE",
      userId: fx.employee.user.id,
    });
    expect(res.json).toEqual({ disconnected: true, revoked: false });
    expect(
      await getDb().linkedInConnection.count({
        where: { membershipId: fx.employee.membership.id },
      }),
    ).toBe(0);
  });

  it("a session that ended during the consent is sent to sign in and back to the callback", async () => {
    const res = await callRoute(routes.callback.GET, {
      path: "/api/linkedin/callback?code=abc&state=xyz",
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location")!);
    expect(location.origin + location.pathname).toBe("http://chorus.test/signin");
    expect(location.searchParams.get("callbackUrl")).toBe(
      "/api/linkedin/callback?code=abc&state=xyz",
    );
  });

  it("signed-out and deactivated people are refused", async () => {
    const res = await callRoute(routes.connect.GET, { path: "/api/linkedin/connect" });
    expect(res.status).toBe(401);
    const gone = await callRoute(routes.callback.GET, {
      userId: fx.deactivated.user.id,
      path: "/api/linkedin/callback?code=x&state=y",
    });
    expect(gone.status).toBe(403);
    const lone = await addMember(fx.org.id, "EMPLOYEE");
    expect(
      (await callRoute(routes.connection.DELETE, { method: "DELETE", userId: lone.user.id })).json,
    ).toEqual({
      disconnected: false,
      revoked: false,
    });
  });
});
