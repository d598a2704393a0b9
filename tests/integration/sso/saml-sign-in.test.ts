/**
 * SAML 2.0 per organisation against a real identity provider on loopback that signs real assertions
 * (tests/support/saml-idp.ts, xml-crypto): the answers Chorus accepts, the classic attacks it refuses,
 * tenant isolation between two organisations, just-in-time membership for verified domains only,
 * and "require SSO" for password sign-in.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.stubEnv("SSO_ALLOWED_HOSTS", "127.0.0.1");

import { getDb } from "@/lib/core/db/client";
import { randomString } from "@/lib/core/db/create-id";
import { AppError } from "@/lib/core/errors/app-error";
import { verifyCredentials } from "@/lib/domains/auth/verify-credentials";
import { completeSsoSignIn } from "@/lib/domains/sso/complete-sso-sign-in";
import { findSsoOrgForEmail } from "@/lib/domains/sso/find-sso-org";
import { loadSamlSettings } from "@/lib/domains/sso/load-org-sso";
import { addSsoDomain, verifySsoDomain } from "@/lib/domains/sso/manage-sso-domains";
import { saveSsoConnection } from "@/lib/domains/sso/save-sso-connection";
import {
  samlFor,
  samlServiceProviderMetadata,
  validateSamlResponse,
  type SamlIdpSettings,
} from "@/lib/domains/sso/saml-service-provider";
import { SsoSignInError } from "@/lib/domains/sso/sso-sign-in-error";
import { ssoUrls } from "@/lib/domains/sso/sso-urls";
import { POST as acsPost } from "@/app/api/sso/[slug]/saml/acs/route";
import { GET as metadataGet } from "@/app/api/sso/[slug]/saml/metadata/route";
import { GET as loginGet } from "@/app/api/sso/[slug]/saml/login/route";
import { addMember, createOrganization, createUser, TEST_PASSWORD } from "../../support/factories";
import { samlResponse, signAssertion, startSamlIdp, type SamlIdp } from "../../support/saml-idp";

let idp: SamlIdp;
let rogueIdp: SamlIdp;
const suffix = randomString(8).toLowerCase();
const domainA = `a-${suffix}.example`;
const domainB = `b-${suffix}.example`;
type Org = Awaited<ReturnType<typeof createOrganization>>;
let orgA: Org;
let orgB: Org;
let settingsA: SamlIdpSettings;

/** A DNS answer with the domain's verification record (node:dns is replaced by this lookup). */
async function claimDomain(orgId: string, actorId: string, domain: string) {
  const { id } = await addSsoDomain(orgId, actorId, domain);
  const row = await getDb().orgSsoDomain.findUniqueOrThrow({ where: { id } });
  await verifySsoDomain(orgId, actorId, id, "dns", async (name) =>
    name === `_chorus-verification.${domain}`
      ? [["v=spf1 -all"], ["chorus-verification=", row.verificationToken]]
      : [],
  );
  return id;
}

function responseFor(
  org: Org,
  email: string,
  extra: Partial<Parameters<typeof samlResponse>[0]> = {},
) {
  const urls = ssoUrls(org.slug);
  return samlResponse({
    email,
    audience: urls.samlEntityId,
    acsUrl: urls.samlAcs,
    issuer: idp.entityId,
    ...extra,
  });
}

async function refusal(promise: Promise<unknown>): Promise<SsoSignInError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SsoSignInError);
  return error as SsoSignInError;
}

const acs = (slug: string, body: string) =>
  acsPost(
    new Request(`http://localhost/api/sso/${slug}/saml/acs`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://idp.example",
      },
      body,
    }),
    { params: Promise.resolve({ slug }) },
  );

beforeAll(async () => {
  idp = await startSamlIdp({ keys: ["idp-old", "idp-new"] });
  rogueIdp = await startSamlIdp({ keys: ["rogue"], signWith: "rogue" });
  orgA = await createOrganization();
  orgB = await createOrganization();
  const adminA = await addMember(orgA.id, "ADMIN");
  const adminB = await addMember(orgB.id, "ADMIN");
  await claimDomain(orgA.id, adminA.user.id, domainA);
  await claimDomain(orgB.id, adminB.user.id, domainB);
  // Organisation A: metadata fetched from the IdP's URL (two signing certificates: a rotation).
  await saveSsoConnection(orgA.id, adminA.user.id, {
    saml: { metadataUrl: idp.metadataUrl },
    protocol: "saml",
  });
  // Organisation B: its own IdP (another key), metadata pasted.
  await saveSsoConnection(orgB.id, adminB.user.id, {
    saml: { metadataXml: rogueIdp.metadata() },
    protocol: "saml",
  });
  settingsA = await loadSamlSettings(orgA.slug);
});

afterAll(async () => {
  await Promise.all([idp?.close(), rogueIdp?.close()]);
});

describe("SAML service provider", () => {
  it("publishes SP metadata with the organisation's entity id and ACS URL", async () => {
    const response = await metadataGet(
      new Request(`http://localhost/api/sso/${orgA.slug}/saml/metadata`),
      {
        params: Promise.resolve({ slug: orgA.slug }),
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("samlmetadata+xml");
    const xml = await response.text();
    expect(xml).toContain(`entityID="${ssoUrls(orgA.slug).samlEntityId}"`);
    expect(xml).toContain(`Location="${ssoUrls(orgA.slug).samlAcs}"`);
    expect(samlServiceProviderMetadata(orgB.slug)).not.toContain(orgA.slug);
    const unknown = await metadataGet(new Request("http://localhost/api/sso/nope/saml/metadata"), {
      params: Promise.resolve({ slug: `nope-${suffix}` }),
    });
    expect(unknown.status).toBe(404);
  });

  it("reads the IdP metadata fetched from its URL: entity id, SSO URL, both certificates", () => {
    expect(settingsA.idpEntityId).toBe(idp.entityId);
    expect(settingsA.idpSsoUrl).toBe(idp.ssoUrl);
    expect(settingsA.idpCerts).toHaveLength(2);
  });

  it("starts a sign-in with an AuthnRequest to the IdP (303), remembered for InResponseTo", async () => {
    const response = await loginGet(
      new Request(`http://localhost/api/sso/${orgA.slug}/saml/login`),
      {
        params: Promise.resolve({ slug: orgA.slug }),
      },
    );
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(idp.ssoUrl);
    expect(location.searchParams.get("SAMLRequest")).toBeTruthy();
  });

  it("refuses a metadata URL that is not https and not allow-listed", async () => {
    const error = await saveSsoConnection(orgA.id, "nobody", {
      saml: { metadataUrl: "http://10.0.0.1/metadata" },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
  });
});

describe("SAML assertions", () => {
  it("accepts a signed assertion, creates the person and makes them an EMPLOYEE just in time", async () => {
    const email = `jit-${randomString(6).toLowerCase()}@${domainA}`;
    const identity = await validateSamlResponse(settingsA, responseFor(orgA, email).base64);
    expect(identity.email).toBe(email);
    const userId = await completeSsoSignIn({ orgId: orgA.id, protocol: "saml", ...identity });
    const membership = await getDb().membership.findUniqueOrThrow({
      where: { orgId_userId: { orgId: orgA.id, userId } },
    });
    expect(membership.role).toBe("EMPLOYEE");
    expect(membership.status).toBe("ACTIVE");
    // Again: the same user, still one membership.
    const again = await validateSamlResponse(settingsA, responseFor(orgA, email).base64);
    expect(await completeSsoSignIn({ orgId: orgA.id, protocol: "saml", ...again })).toBe(userId);
  });

  it("accepts both certificates of a rotation (old and new key)", async () => {
    for (const key of ["idp-old", "idp-new"] as const) {
      const email = `rot-${key}-${randomString(4).toLowerCase()}@${domainA}`;
      const identity = await validateSamlResponse(
        settingsA,
        responseFor(orgA, email, { signWith: key }).base64,
      );
      expect(identity.email).toBe(email);
    }
  });

  it("refuses an unsigned assertion", async () => {
    const e = await refusal(
      validateSamlResponse(settingsA, responseFor(orgA, `u@${domainA}`, { signWith: null }).base64),
    );
    expect(e.code).toBe("SsoInvalidResponse");
  });

  it("refuses an assertion signed by a key the organisation does not trust", async () => {
    const e = await refusal(
      validateSamlResponse(
        settingsA,
        responseFor(orgA, `r@${domainA}`, { signWith: "rogue" }).base64,
      ),
    );
    expect(e.code).toBe("SsoInvalidResponse");
  });

  it("refuses a wrong audience", async () => {
    const e = await refusal(
      validateSamlResponse(
        settingsA,
        responseFor(orgA, `aud@${domainA}`, { audience: ssoUrls(orgB.slug).samlEntityId }).base64,
      ),
    );
    expect(e.code).toBe("SsoInvalidResponse");
    expect(e.detail).toMatch(/audience/i);
  });

  it("refuses an expired assertion (NotOnOrAfter in the past)", async () => {
    const e = await refusal(
      validateSamlResponse(
        settingsA,
        responseFor(orgA, `exp@${domainA}`, { validForSeconds: -600 }).base64,
      ),
    );
    expect(e.code).toBe("SsoInvalidResponse");
    expect(e.detail).toMatch(/expired|NotOnOrAfter/i);
  });

  it("refuses a replay: the same assertion id twice", async () => {
    const { base64 } = responseFor(orgA, `replay-${suffix}@${domainA}`);
    await validateSamlResponse(settingsA, base64);
    const e = await refusal(validateSamlResponse(settingsA, base64));
    expect(e.code).toBe("SsoReplayed");
    const rows = await getDb().ssoOneTimeValue.count({
      where: { key: { startsWith: `saml-assertion:${orgA.id}:` } },
    });
    expect(rows).toBeGreaterThan(0);
  });

  it("refuses a wrong issuer", async () => {
    const e = await refusal(
      validateSamlResponse(
        settingsA,
        responseFor(orgA, `iss@${domainA}`, { issuer: "https://evil.example/idp" }).base64,
      ),
    );
    expect(e.code).toBe("SsoInvalidResponse");
  });

  it("refuses signature wrapping (a forged assertion next to a validly signed one)", async () => {
    const urls = ssoUrls(orgA.slug);
    const base = { audience: urls.samlEntityId, acsUrl: urls.samlAcs, issuer: idp.entityId };
    const genuine = Buffer.from(responseFor(orgA, `victim@${domainA}`).base64, "base64").toString();
    const signedAssertion = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(genuine)![0];
    const forged = Buffer.from(
      responseFor(orgA, `admin@${domainA}`, { signWith: null }).base64,
      "base64",
    ).toString();
    const forgedAssertion = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(forged)![0];
    // XSW variants: the forged assertion first, the signed one after or hidden in an extension.
    const variants = [
      genuine.replace(signedAssertion, forgedAssertion + signedAssertion),
      genuine.replace(
        signedAssertion,
        `${forgedAssertion}<samlp:Extensions>${signedAssertion}</samlp:Extensions>`,
      ),
      genuine.replace(
        signedAssertion,
        forgedAssertion.replace("</saml:Subject>", `</saml:Subject>${signedAssertion}`),
      ),
    ];
    expect(base.issuer).toBe(idp.entityId);
    for (const xml of variants) {
      const result = await validateSamlResponse(
        settingsA,
        Buffer.from(xml).toString("base64"),
      ).then(
        (identity) => identity,
        (e: unknown) => e,
      );
      // Either refused, or the identity read is the signed one — never the forged admin.
      if (result instanceof SsoSignInError)
        expect(result.code).toMatch(/SsoInvalidResponse|SsoReplayed/);
      else expect((result as { email: string }).email).not.toBe(`admin@${domainA}`);
    }
  });

  it("does not read an XML comment in the NameID as a truncated address", async () => {
    const tricked = `admin@evil.example<!---->.${domainA}`;
    const { base64 } = responseFor(orgA, `admin@evil.example.${domainA}`, {
      nameIdAfterSigning: tricked,
      omitEmailAttribute: true,
    });
    const result = await validateSamlResponse(settingsA, base64).then(
      (identity) => identity,
      (e: unknown) => e,
    );
    if (result instanceof SsoSignInError) expect(result.code).toBe("SsoInvalidResponse");
    else {
      expect((result as { email: string }).email).not.toBe("admin@evil.example");
      expect((result as { subject: string }).subject).not.toBe("admin@evil.example");
    }
  });

  it("refuses an InResponseTo that answers no request of ours", async () => {
    const e = await refusal(
      validateSamlResponse(
        settingsA,
        responseFor(orgA, `irt@${domainA}`, { inResponseTo: "_never-sent" }).base64,
      ),
    );
    expect(e.code).toBe("SsoInvalidResponse");
  });

  it("accepts an answer to a request it sent (InResponseTo from the cache)", async () => {
    const url = await samlFor(settingsA).getAuthorizeUrlAsync("", undefined, {});
    expect(url).toContain("SAMLRequest=");
    const requestIds = await getDb().ssoOneTimeValue.findMany({
      where: { key: { startsWith: `saml-request:${orgA.id}:` } },
      orderBy: { createdAt: "desc" },
      take: 1,
    });
    const requestId = requestIds[0]!.key.split(":").slice(2).join(":");
    const email = `irt-ok-${suffix}@${domainA}`;
    const identity = await validateSamlResponse(
      settingsA,
      responseFor(orgA, email, { inResponseTo: requestId }).base64,
    );
    expect(identity.email).toBe(email);
  });
});

describe("tenant isolation and domains", () => {
  it("org A's IdP cannot sign in to org B (its signature does not verify there)", async () => {
    const settingsB = await loadSamlSettings(orgB.slug);
    const urls = ssoUrls(orgB.slug);
    const { base64 } = samlResponse({
      email: `x@${domainB}`,
      audience: urls.samlEntityId,
      acsUrl: urls.samlAcs,
      issuer: idp.entityId,
      signWith: "idp-old",
    });
    const e = await refusal(validateSamlResponse(settingsB, base64));
    expect(e.code).toBe("SsoInvalidResponse");
  });

  it("org A's IdP cannot vouch for an address of org B's domain, nor of an unverified domain", async () => {
    const victim = await createUser({ email: `ceo-${suffix}@${domainB}` });
    await getDb().membership.create({
      data: { id: `mem_${randomString(20)}`, orgId: orgB.id, userId: victim.id, role: "ADMIN" },
    });
    for (const email of [victim.email, `someone@unverified-${suffix}.example`]) {
      const identity = await validateSamlResponse(settingsA, responseFor(orgA, email).base64);
      const e = await refusal(completeSsoSignIn({ orgId: orgA.id, protocol: "saml", ...identity }));
      expect(e.code).toBe("SsoDomainNotVerified");
    }
    // The victim's account is untouched: no new link, password still set.
    const accounts = await getDb().account.count({ where: { userId: victim.id } });
    expect(accounts).toBe(0);
    const row = await getDb().user.findUniqueOrThrow({ where: { id: victim.id } });
    expect(row.passwordHash).not.toBeNull();
  });

  it("a domain is verified by one organisation at most", async () => {
    const admin = await addMember(orgB.id, "ADMIN");
    const { id } = await addSsoDomain(orgB.id, admin.user.id, domainA);
    const row = await getDb().orgSsoDomain.findUniqueOrThrow({ where: { id } });
    const error = await verifySsoDomain(orgB.id, admin.user.id, id, "dns", async () => [
      [`chorus-verification=${row.verificationToken}`],
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(409);
  });

  it("refuses a missing TXT record, and the admin's word when admin verification is off", async () => {
    const admin = await addMember(orgA.id, "ADMIN");
    const { id } = await addSsoDomain(orgA.id, admin.user.id, `c-${suffix}.example`);
    for (const method of ["dns", "admin"] as const) {
      const error = await verifySsoDomain(orgA.id, admin.user.id, id, method, async () => []).catch(
        (e: unknown) => e,
      );
      expect((error as AppError).status).toBe(400);
    }
  });

  it("finds the SSO sign-in by work email domain; require SSO refuses the password", async () => {
    const user = await createUser({ email: `pw-${suffix}@${domainA}` });
    expect(await findSsoOrgForEmail(user.email)).toEqual({ slug: orgA.slug, protocol: "saml" });
    expect(await findSsoOrgForEmail(`x@nowhere-${suffix}.example`)).toBeNull();
    const ip = `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    expect((await verifyCredentials(user.email, TEST_PASSWORD, ip)).ok).toBe(true);
    await saveSsoConnection(orgA.id, user.id, { requireSso: true });
    try {
      expect(await verifyCredentials(user.email, TEST_PASSWORD, ip)).toEqual({
        ok: false,
        reason: "sso_required",
      });
    } finally {
      await saveSsoConnection(orgA.id, user.id, { requireSso: false });
    }
  });
});

describe("ACS route", () => {
  it("answers garbage, an unknown organisation and a forged answer with a 303 to /signin?error=…", async () => {
    const cases: [string, string, string][] = [
      [orgA.slug, "SAMLResponse=%%%not-base64", "SsoInvalidResponse"],
      [orgA.slug, "", "SsoInvalidResponse"],
      [
        orgA.slug,
        `SAMLResponse=${encodeURIComponent(Buffer.from("<x/>").toString("base64"))}`,
        "SsoInvalidResponse",
      ],
      [
        orgA.slug,
        `SAMLResponse=${encodeURIComponent(responseFor(orgA, `f@${domainA}`, { signWith: "rogue" }).base64)}`,
        "SsoInvalidResponse",
      ],
      [`unknown-${suffix}`, "SAMLResponse=AAAA", "SsoNotConfigured"],
    ];
    for (const [slug, body, code] of cases) {
      const response = await acs(slug, body);
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toMatch(new RegExp(`/signin\\?error=${code}$`));
    }
  });

  it("a refused answer creates nobody", async () => {
    const email = `nobody-${suffix}@${domainA}`;
    await acs(
      orgA.slug,
      `SAMLResponse=${encodeURIComponent(responseFor(orgA, email, { signWith: null }).base64)}`,
    );
    expect(await getDb().user.findUnique({ where: { email } })).toBeNull();
  });

  it("the signed assertion travels in the XML the signature covers", () => {
    const signed = signAssertion(
      `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_x"><saml:Issuer>i</saml:Issuer></saml:Assertion>`,
      "idp-old",
    );
    expect(signed).toContain("SignatureValue");
  });
});
