/**
 * OpenID Connect per organisation against the real OIDC identity provider on loopback
 * (tests/support/oidc-server.ts, `oidc-provider`): discovery, authorization code + PKCE, state bound
 * to the browser, nonce, ID token; only addresses of the organisation's verified domains.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.stubEnv("SSO_ALLOWED_HOSTS", "127.0.0.1");

import { getDb } from "@/lib/core/db/client";
import { randomString } from "@/lib/core/db/create-id";
import { decryptSecret } from "@/lib/core/crypto/token-cipher";
import { completeSsoSignIn } from "@/lib/domains/sso/complete-sso-sign-in";
import { loadOidcSettings } from "@/lib/domains/sso/load-org-sso";
import { addSsoDomain, verifySsoDomain } from "@/lib/domains/sso/manage-sso-domains";
import { finishOrgOidc } from "@/lib/domains/sso/org-oidc";
import { saveSsoConnection } from "@/lib/domains/sso/save-sso-connection";
import { startSsoSignIn } from "@/lib/domains/sso/start-sso-sign-in";
import { SsoSignInError } from "@/lib/domains/sso/sso-sign-in-error";
import { ssoUrls } from "@/lib/domains/sso/sso-urls";
import { addMember, createOrganization } from "../../support/factories";
import { startOidcServer, type OidcServer } from "../../support/oidc-server";

const SECRET = "org-oidc-secret-for-tests-only";
let oidc: OidcServer;
let org: Awaited<ReturnType<typeof createOrganization>>;
let adminId: string;

/** A browser at the IdP's development login: follows redirects with cookies, fills the forms. */
async function signInAtIdp(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = pair!.split("=");
      jar.set(k!.trim(), v.join("="));
    }
  };
  let url = authorizationUrl;
  let method = "GET";
  let body: URLSearchParams | undefined;
  for (let i = 0; i < 20; i++) {
    const res = await fetch(url, {
      method,
      body,
      redirect: "manual",
      headers: { cookie: cookieHeader() },
    });
    keep(res);
    const location = res.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (next.pathname.endsWith("/oidc/callback")) return next;
      url = next.href;
      method = "GET";
      body = undefined;
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form at ${url}: ${html.slice(0, 200)}`);
    body = new URLSearchParams();
    for (const [tag] of html.matchAll(/<input[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(tag)?.[1];
      if (name) body.set(name, /value="([^"]*)"/.exec(tag)?.[1] ?? "");
    }
    if (body.has("login")) body.set("login", login);
    if (body.has("password")) body.set("password", "any-password");
    url = new URL(action.replace(/&amp;/g, "&"), url).href;
    method = "POST";
  }
  throw new Error("the identity provider never redirected back");
}

beforeAll(async () => {
  org = await createOrganization();
  adminId = (await addMember(org.id, "ADMIN")).user.id;
  oidc = await startOidcServer({
    appUrl: "http://unused.example",
    extraClients: [
      {
        client_id: `org-${org.slug}`,
        client_secret: SECRET,
        redirect_uris: [ssoUrls(org.slug).oidcCallback],
      },
    ],
  });
  const domain = `oidc-${randomString(8).toLowerCase()}.example`;
  const { id } = await addSsoDomain(org.id, adminId, domain);
  const row = await getDb().orgSsoDomain.findUniqueOrThrow({ where: { id } });
  await verifySsoDomain(org.id, adminId, id, "dns", async () => [
    [`chorus-verification=${row.verificationToken}`],
  ]);
  await saveSsoConnection(org.id, adminId, {
    oidc: { issuer: oidc.issuer, clientId: `org-${org.slug}`, clientSecret: SECRET },
    protocol: "oidc",
  });
  // The IdP's identities are <login>@sso.example: the organisation verifies that domain too (no
  // other test claims it; afterAll releases it).
  const sso = await addSsoDomain(org.id, adminId, "sso.example");
  await getDb().orgSsoDomain.update({
    where: { id: sso.id },
    data: { verifiedAt: new Date(), verifiedBy: "dns" },
  });
});

afterAll(async () => {
  await getDb().orgSsoDomain.deleteMany({ where: { orgId: org?.id } });
  await oidc?.close();
});

describe("OpenID Connect per organisation", () => {
  it("stores the client secret encrypted", async () => {
    const row = await getDb().orgSsoConnection.findUniqueOrThrow({ where: { orgId: org.id } });
    expect(row.oidcClientSecret).not.toContain(SECRET);
    expect(decryptSecret(row.oidcClientSecret!)).toBe(SECRET);
  });

  it("signs in with code + PKCE, and the person joins just in time", async () => {
    const login = `oidc${randomString(6).toLowerCase()}`;
    const started = await startSsoSignIn(org.slug, "oidc");
    const authorize = new URL(started.url);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    const callback = await signInAtIdp(started.url, login);
    const settings = await loadOidcSettings(org.slug);
    const identity = await finishOrgOidc(settings, callback, started.cookie!.value);
    expect(identity.email).toBe(`${login}@sso.example`);
    const userId = await completeSsoSignIn({ orgId: org.id, protocol: "oidc", ...identity });
    const membership = await getDb().membership.findUniqueOrThrow({
      where: { orgId_userId: { orgId: org.id, userId } },
    });
    expect(membership.role).toBe("EMPLOYEE");
    // The same callback again: its state was used.
    const again = await finishOrgOidc(settings, callback, started.cookie!.value).catch((e) => e);
    expect(again).toBeInstanceOf(SsoSignInError);
    expect((again as SsoSignInError).code).toBe("SsoStateMismatch");
  });

  it("refuses a callback in another browser (state cookie missing or different)", async () => {
    const started = await startSsoSignIn(org.slug, "oidc");
    const callback = await signInAtIdp(started.url, `x${randomString(5).toLowerCase()}`);
    const settings = await loadOidcSettings(org.slug);
    for (const cookie of [null, "another-state"]) {
      const e = await finishOrgOidc(settings, callback, cookie).catch((error) => error);
      expect((e as SsoSignInError).code).toBe("SsoStateMismatch");
    }
  });
});
