import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { verifyCredentials } from "@/lib/domains/auth/verify-credentials";
import { resolveExternalUser } from "@/lib/domains/auth/resolve-external-user";
import { signUp } from "@/lib/domains/users/sign-up";
import { resolveAccess } from "@/lib/domains/access/resolve-access";
import { createUser, TEST_PASSWORD, uniqueEmail } from "../../support/factories";

let ipCounter = 0;
const freshIp = () => `10.99.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

describe("password sign-in", () => {
  it("accepts the right password, case-insensitive email, and refuses a wrong one", async () => {
    const user = await createUser();
    expect(await verifyCredentials(user.email.toUpperCase(), TEST_PASSWORD, freshIp())).toEqual({
      ok: true,
      userId: user.id,
    });
    expect(await verifyCredentials(user.email, "wrong-password", freshIp())).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    expect(await verifyCredentials(uniqueEmail("ghost"), TEST_PASSWORD, freshIp())).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("refuses a password sign-in for an account that only has SSO", async () => {
    const user = await createUser({ password: false });
    expect(await verifyCredentials(user.email, "", freshIp())).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("locks the account after 5 wrong passwords, even against the right one, then recovers", async () => {
    const user = await createUser();
    for (let i = 0; i < 4; i++) {
      expect((await verifyCredentials(user.email, `wrong-${i}`, freshIp())).ok).toBe(false);
    }
    const fifth = await verifyCredentials(user.email, "wrong-5", freshIp());
    expect(fifth).toEqual({ ok: false, reason: "locked", retryAfterMinutes: 15 });
    const locked = await verifyCredentials(user.email, TEST_PASSWORD, freshIp());
    expect(locked).toMatchObject({ ok: false, reason: "locked" });

    // The lock ends after its time (moved into the past here).
    await getDb().user.update({
      where: { id: user.id },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });
    expect(await verifyCredentials(user.email, TEST_PASSWORD, freshIp())).toEqual({
      ok: true,
      userId: user.id,
    });
    const row = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.failedLoginCount).toBe(0);
    expect(row.lockedUntil).toBeNull();
  });

  it("rate-limits attempts from one address across accounts", async () => {
    const ip = freshIp();
    const results = [];
    for (let i = 0; i < 51; i++)
      results.push(await verifyCredentials(uniqueEmail("spray"), "x", ip));
    expect(results.slice(0, 50).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results[50]).toMatchObject({ ok: false, reason: "rate_limited" });
    // 51 password hashes: on a loaded 2-core machine beside another test file this passed 60 s.
  }, 180_000);
});

describe("sign-up", () => {
  it("creates the user, the organisation and the admin membership together", async () => {
    const email = uniqueEmail("founder");
    const { userId, orgId } = await signUp({
      name: "Founder",
      email,
      password: "long-enough-password",
      organizationName: "Founders Inc",
    });
    const access = await resolveAccess(userId);
    expect(access.kind).toBe("member");
    if (access.kind === "member") {
      expect(access.access.orgId).toBe(orgId);
      expect(access.access.role).toBe("ADMIN");
    }
  });

  it("refuses a second sign-up with the same email and changes nothing", async () => {
    const user = await createUser();
    const before = await getDb().organization.count();
    await expect(
      signUp({
        name: "Again",
        email: user.email,
        password: "long-enough-password",
        organizationName: "Dup Org",
      }),
    ).rejects.toThrow("An account with this email already exists. Sign in instead.");
    expect(await getDb().organization.count()).toBe(before);
    expect(await getDb().user.count({ where: { email: user.email } })).toBe(1);
  });
});

describe("SSO and LinkedIn identities", () => {
  it("taking over a password account ends its password and its sessions", async () => {
    const { readSessionUserId } = await import("@/lib/domains/auth/session-user");
    const { sessionCookie } = await import("../../support/http");
    const squatter = await createUser({ email: uniqueEmail("ceo") });
    const cookie = await sessionCookie(squatter.id);
    expect(await readSessionUserId(new Headers({ cookie }))).toBe(squatter.id);
    const id = await resolveExternalUser({
      provider: "oidc",
      providerAccountId: `corp-${squatter.id}`,
      email: squatter.email,
      emailVerified: true,
    });
    expect(id).toBe(squatter.id);
    expect(await readSessionUserId(new Headers({ cookie }))).toBeNull();
    expect(await verifyCredentials(squatter.email, TEST_PASSWORD, freshIp())).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("links to the existing user with the same email, then recognises the identity", async () => {
    const user = await createUser();
    const first = await resolveExternalUser({
      provider: "oidc",
      providerAccountId: `sub-${user.id}`,
      email: user.email.toUpperCase(),
      emailVerified: true,
      name: "Ignored",
    });
    expect(first).toBe(user.id);
    const again = await resolveExternalUser({
      provider: "oidc",
      providerAccountId: `sub-${user.id}`,
      email: "changed@x.example",
    });
    expect(again).toBe(user.id);
  });

  it("creates a password-less user for a new identity", async () => {
    const email = uniqueEmail("sso");
    const id = await resolveExternalUser({
      provider: "linkedin",
      providerAccountId: "li-1",
      email,
      name: "Li User",
    });
    const row = await getDb().user.findUniqueOrThrow({
      where: { id },
      omit: { passwordHash: false },
    });
    expect(row).toMatchObject({ email, name: "Li User", passwordHash: null });
  });

  it("refuses an identity without a verified email", async () => {
    await expect(
      resolveExternalUser({ provider: "oidc", providerAccountId: "no-mail" }),
    ).rejects.toThrow("did not share an email");
    await expect(
      resolveExternalUser({
        provider: "oidc",
        providerAccountId: "unverified",
        email: uniqueEmail(),
        emailVerified: false,
      }),
    ).rejects.toThrow("has not verified");
  });
});
