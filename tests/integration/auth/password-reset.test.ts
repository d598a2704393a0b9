/**
 * Password reset against a real PostgreSQL and a real SMTP server on loopback: the link is read
 * from the email that arrives, as a person would. Covers the stored hash, the neutral answer,
 * single use, expiry, sessions ended, lock-out cleared, and the rate limits (reported as the
 * hardening suite "rate limits: password reset").
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/core/db/client";
import { idle } from "@/lib/domains/access/action-state";
import { AppError } from "@/lib/core/errors/app-error";
import { verifyCredentials } from "@/lib/domains/auth/verify-credentials";
import { readSessionUserId } from "@/lib/domains/auth/session-user";
import { resolveExternalUser } from "@/lib/domains/auth/resolve-external-user";
import { closeEmailTransport } from "@/lib/integrations/email/transport";
import { startJobs, stopJobs } from "@/lib/jobs/run-jobs";
import {
  DEFAULT_MIN_DURATION_MS,
  PASSWORD_RESET_REQUESTED_MESSAGE,
  requestPasswordReset,
} from "@/lib/domains/auth/password-reset/request-password-reset";
import { resetPassword } from "@/lib/domains/auth/password-reset/reset-password";
import { getPasswordResetLinkState } from "@/lib/domains/auth/password-reset/password-reset-link-state";
import {
  RESET_ATTEMPTS_PER_IP,
  RESET_REQUESTS_PER_EMAIL,
  RESET_REQUESTS_PER_IP,
} from "@/lib/domains/auth/password-reset/rate-limits";
import { resetPasswordAction } from "@/app/(auth)/reset-password/actions";
import { requestPasswordResetAction } from "@/app/(auth)/forgot-password/actions";
import { createUser, TEST_PASSWORD, uniqueEmail } from "@/tests/support/factories";
import { sessionCookie } from "@/tests/support/http";
import { startSmtpServer, type ReceivedMail } from "@/tests/support/smtp-server";
import { ProbeCounter } from "@/tests/support/hardening-report";

// env() is read lazily: the app sends to this server.
const smtp = await startSmtpServer();
const previousSmtp = process.env.SMTP_URL;
process.env.SMTP_URL = smtp.url;

const db = getDb();
const probe = new ProbeCounter();
const NEW_PASSWORD = "a-brand-new-password-42";

let ipCounter = 0;
const freshIp = () => `10.77.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

beforeAll(async () => {
  await startJobs();
});

afterAll(async () => {
  probe.report("rate limits: password reset");
  await stopJobs();
  closeEmailTransport();
  await smtp.close();
  if (previousSmtp === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = previousSmtp;
});

function mailsTo(address: string): ReceivedMail[] {
  return smtp.messages.filter((m) => m.envelopeTo.includes(address));
}

async function waitForMail(address: string, count = 1, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (mailsTo(address).length < count) {
    if (Date.now() > deadline)
      throw new Error(`No email to ${address} (${mailsTo(address).length})`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return mailsTo(address);
}

/** The token in the reset link of an email (text part). */
function tokenFrom(mail: ReceivedMail): string {
  const match = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(mail.parsed.text ?? "");
  if (!match) throw new Error(`No reset link in: ${mail.parsed.text}`);
  return match[1]!;
}

/** Asks for a link and returns the token from the email that arrives. */
async function requestLink(email: string, ip = freshIp()): Promise<string> {
  const before = mailsTo(email).length;
  await requestPasswordReset({ email, ip, minDurationMs: 0 });
  const mails = await waitForMail(email, before + 1);
  return tokenFrom(mails[mails.length - 1]!);
}

/** The AppError a promise rejects with (fails the test if it resolves). */
async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("Expected an AppError, but the call succeeded");
}

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** The user's security fields (the client omits passwordHash unless asked). */
function userRow(id: string) {
  return db.user.findUniqueOrThrow({
    where: { id },
    select: { passwordHash: true, sessionVersion: true, failedLoginCount: true, lockedUntil: true },
  });
}

async function deliveriesTo(email: string) {
  return db.emailDelivery.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
}

describe("asking for a reset link", () => {
  it("stores only the SHA-256 of a 256-bit token, expiring in one hour, and emails the link", async () => {
    const user = await createUser();
    const ip = freshIp();
    const started = Date.now();
    const token = await requestLink(user.email, ip);

    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    const rows = await db.passwordResetToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.usedAt).toBeNull();
    expect(row.requestedIp).toBe(ip);
    const ttl = row.expiresAt.getTime() - started;
    expect(ttl).toBeGreaterThan(59 * 60_000);
    expect(ttl).toBeLessThanOrEqual(61 * 60_000);

    const [delivery] = await deliveriesTo(user.email);
    expect(delivery).toMatchObject({ category: "account", userId: user.id, orgId: null });
    const mail = mailsTo(user.email)[0]!;
    expect(mail.parsed.subject).toBe("Reset your Chorus password");
    expect(mail.parsed.html).toContain(`/reset-password/${token}`);
    // Transactional: no unsubscribe link, whatever the person opted out of.
    expect(mail.parsed.text).not.toMatch(/unsubscribe/i);
    expect(await getPasswordResetLinkState(token)).toBe("valid");
  });

  it("answers an unknown address and an SSO-only account exactly like a real one, and emails neither", async () => {
    const real = await createUser();
    const sso = await createUser({ password: false });
    const ghost = uniqueEmail("ghost");

    const answers = [];
    for (const email of [real.email, sso.email, ghost]) {
      answers.push(await requestPasswordReset({ email, ip: freshIp(), minDurationMs: 0 }));
    }
    expect(answers).toEqual([
      PASSWORD_RESET_REQUESTED_MESSAGE,
      PASSWORD_RESET_REQUESTED_MESSAGE,
      PASSWORD_RESET_REQUESTED_MESSAGE,
    ]);
    await waitForMail(real.email);
    expect(await deliveriesTo(sso.email)).toEqual([]);
    expect(await deliveriesTo(ghost)).toEqual([]);
    expect(await db.passwordResetToken.count({ where: { userId: sso.id } })).toBe(0);
    // Give a stray job time to show up before concluding nothing was sent.
    await new Promise((r) => setTimeout(r, 500));
    expect(mailsTo(sso.email)).toEqual([]);
    expect(mailsTo(ghost)).toEqual([]);
  });

  it("takes at least the same minimum time whether or not the account exists", async () => {
    const real = await createUser();
    const timings: number[] = [];
    for (const email of [real.email, uniqueEmail("ghost")]) {
      const started = performance.now();
      await requestPasswordReset({ email, ip: freshIp() });
      timings.push(performance.now() - started);
    }
    for (const ms of timings) expect(ms).toBeGreaterThanOrEqual(DEFAULT_MIN_DURATION_MS - 5);
  });

  it("invalidates the earlier link when a new one is asked for, and sweeps expired links", async () => {
    const user = await createUser();
    const other = await createUser();
    const otherToken = await requestLink(other.email);
    await db.passwordResetToken.updateMany({
      where: { userId: other.id },
      data: { expiresAt: new Date(Date.now() - 60_000) },
    });

    const first = await requestLink(user.email);
    const second = await requestLink(user.email);
    expect(first).not.toBe(second);
    expect(await getPasswordResetLinkState(first)).toBe("unknown");
    expect(await getPasswordResetLinkState(second)).toBe("valid");
    expect(await db.passwordResetToken.count({ where: { userId: user.id } })).toBe(1);
    // The other user's expired link was deleted by the sweep.
    expect(await db.passwordResetToken.count({ where: { tokenHash: sha256(otherToken) } })).toBe(0);
  });

  it("refuses a malformed address with a message naming the field (the action validates first)", async () => {
    const form = new FormData();
    form.set("email", "not-an-email");
    const state = await requestPasswordResetAction(idle, form);
    expect(state).toMatchObject({ status: "error", fields: { email: expect.any(String) } });
  });
});

describe("setting the new password", () => {
  it("works once: new password, sessions ended, lock-out cleared, other links gone, confirmation emailed", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    expect(await readSessionUserId(new Headers({ cookie }))).toBe(user.id);

    const token = await requestLink(user.email);
    // A locked account with a spent per-email sign-in budget.
    await db.user.update({
      where: { id: user.id },
      data: {
        failedLoginCount: 3,
        lockedUntil: new Date(Date.now() + 10 * 60_000),
        // The confirmation writes the time in the person's zone and language, not the server's UTC.
        timeZone: "America/New_York",
        locale: "de",
      },
    });
    await db.rateLimit.upsert({
      where: { key: `login:email:${user.email}` },
      create: {
        key: `login:email:${user.email}`,
        count: 99,
        resetAt: new Date(Date.now() + 60_000),
      },
      update: { count: 99, resetAt: new Date(Date.now() + 60_000) },
    });
    const before = await userRow(user.id);

    expect(await resetPassword({ token, password: NEW_PASSWORD, ip: freshIp() })).toEqual({
      userId: user.id,
    });

    const after = await userRow(user.id);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.failedLoginCount).toBe(0);
    expect(after.lockedUntil).toBeNull();
    expect(await db.rateLimit.count({ where: { key: `login:email:${user.email}` } })).toBe(0);
    // The session opened before the reset no longer counts.
    expect(await readSessionUserId(new Headers({ cookie }))).toBeNull();

    expect(await verifyCredentials(user.email, NEW_PASSWORD, freshIp())).toEqual({
      ok: true,
      userId: user.id,
    });
    expect(await verifyCredentials(user.email, TEST_PASSWORD, freshIp())).toEqual({
      ok: false,
      reason: "invalid",
    });

    const row = await db.passwordResetToken.findUniqueOrThrow({
      where: { tokenHash: sha256(token) },
    });
    expect(row.usedAt).not.toBeNull();
    expect(await getPasswordResetLinkState(token)).toBe("used");

    const mails = await waitForMail(user.email, 2);
    expect(mails[1]!.parsed.subject).toBe("Your Chorus password was changed");
    expect(mails[1]!.parsed.text).toContain("/forgot-password");
    const changedAt = row.usedAt!;
    const when = new Intl.DateTimeFormat("de", {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "America/New_York",
    }).format(changedAt);
    const plain = (text: string | false | undefined) => String(text).replace(/\s+/g, " ");
    expect(plain(mails[1]!.parsed.text)).toContain(
      `changed on ${when.replace(/\s+/g, " ")} (America/New_York time)`,
    );
    expect(mails[1]!.parsed.text).not.toContain("GMT");

    // Used: refused, and nothing changes.
    const reuse = await appErrorOf(
      resetPassword({ token, password: "yet-another-password-1", ip: freshIp() }),
    );
    expect(reuse.message).toMatch(/already been used/);
    const untouched = await userRow(user.id);
    expect(untouched.passwordHash).toBe(after.passwordHash);
    expect(untouched.sessionVersion).toBe(after.sessionVersion);
  });

  it("lets only one of two simultaneous submissions of a link through", async () => {
    const user = await createUser();
    const token = await requestLink(user.email);
    const results = await Promise.allSettled([
      resetPassword({ token, password: "concurrent-password-1", ip: freshIp() }),
      resetPassword({ token, password: "concurrent-password-2", ip: freshIp() }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(AppError);
    const after = await userRow(user.id);
    expect(after.sessionVersion).toBe(1);
  });

  it("refuses an expired link with a readable message and changes nothing", async () => {
    const user = await createUser();
    const token = await requestLink(user.email);
    await db.passwordResetToken.updateMany({
      where: { tokenHash: sha256(token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const before = await userRow(user.id);
    expect(await getPasswordResetLinkState(token)).toBe("expired");
    const error = await appErrorOf(resetPassword({ token, password: NEW_PASSWORD, ip: freshIp() }));
    expect(error.message).toMatch(/expired/);
    const after = await userRow(user.id);
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion);
    const row = await db.passwordResetToken.findUniqueOrThrow({
      where: { tokenHash: sha256(token) },
    });
    expect(row.usedAt).toBeNull();
  });

  it("refuses unknown and malformed tokens", async () => {
    for (const token of ["A".repeat(43), "short", "../../etc/passwd", ""]) {
      expect(await getPasswordResetLinkState(token)).toBe("unknown");
      const error = await appErrorOf(
        resetPassword({ token, password: NEW_PASSWORD, ip: freshIp() }),
      );
      expect(error.message).toMatch(/not valid/);
    }
  });

  it("refuses a link of an account that SSO took over after the link was sent", async () => {
    const user = await createUser();
    const token = await requestLink(user.email);
    await resolveExternalUser({
      provider: "oidc",
      providerAccountId: `sub-${user.id}`,
      email: user.email,
      emailVerified: true,
    });
    expect(await getPasswordResetLinkState(token)).toBe("unknown");
    await appErrorOf(resetPassword({ token, password: NEW_PASSWORD, ip: freshIp() }));
    const after = await userRow(user.id);
    expect(after.passwordHash).toBeNull();
  });

  it("applies the sign-up password rules and wants the same password twice (the action validates)", async () => {
    const user = await createUser();
    const token = await requestLink(user.email);
    const cases: Array<[Record<string, string>, string]> = [
      [{ token, password: "short", confirmPassword: "short" }, "password"],
      [{ token, password: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}x` }, "confirmPassword"],
      [{ token, password: "x".repeat(201), confirmPassword: "x".repeat(201) }, "password"],
    ];
    for (const [fields, field] of cases) {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) form.set(key, value);
      const state = await resetPasswordAction(idle, form);
      expect(state.status).toBe("error");
      expect(state.status === "error" && state.fields?.[field]).toBeTruthy();
    }
    expect(await getPasswordResetLinkState(token)).toBe("valid");
  });
});

describe("rate limits: password reset", () => {
  probe.route("action (auth)/forgot-password/actions.ts#requestPasswordResetAction");
  probe.route("action (auth)/reset-password/actions.ts#resetPasswordAction");

  /** Whether a limited call answered with a readable "try again in N minutes" 429. */
  function isReadableLimit(error: AppError): boolean {
    return (
      error.code === "RATE_LIMITED" &&
      /^Too many password reset (requests|attempts) .*Try again in \d+ minutes?\.$/.test(
        error.message,
      )
    );
  }

  it(`allows ${RESET_REQUESTS_PER_EMAIL} requests per email in 15 minutes; the next one sends nothing`, async () => {
    const user = await createUser();
    for (let i = 0; i < RESET_REQUESTS_PER_EMAIL; i++) {
      const ok = await requestPasswordReset({ email: user.email, ip: freshIp(), minDurationMs: 0 })
        .then(() => true)
        .catch(() => false);
      probe.check(`request ${i + 1} for one email is allowed`, ok);
    }
    await waitForMail(user.email, RESET_REQUESTS_PER_EMAIL);
    const lastToken = await db.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });

    // Different address, different case: still the same email.
    const error = await appErrorOf(
      requestPasswordReset({ email: user.email.toUpperCase(), ip: freshIp(), minDurationMs: 0 }),
    );
    probe.check(
      "per email: limited request answers 429 with a readable message",
      isReadableLimit(error),
      error.message,
    );
    const tokens = await db.passwordResetToken.findMany({ where: { userId: user.id } });
    probe.check(
      "per email: limited request creates no token",
      tokens.length === 1 && tokens[0]!.id === lastToken.id,
      `${tokens.length} tokens`,
    );
    const deliveries = await deliveriesTo(user.email);
    probe.check(
      "per email: limited request queues no email",
      deliveries.length === RESET_REQUESTS_PER_EMAIL,
      `${deliveries.length} deliveries`,
    );
    expect(probe.failures).toEqual([]);
  });

  it(`allows ${RESET_REQUESTS_PER_IP} requests per address in 15 minutes, across emails`, async () => {
    const ip = freshIp();
    for (let i = 0; i < RESET_REQUESTS_PER_IP; i++) {
      const ok = await requestPasswordReset({ email: uniqueEmail("spray"), ip, minDurationMs: 0 })
        .then(() => true)
        .catch(() => false);
      probe.check(`request ${i + 1} from one address is allowed`, ok);
    }
    const user = await createUser();
    const error = await appErrorOf(
      requestPasswordReset({ email: user.email, ip, minDurationMs: 0 }),
    );
    probe.check(
      "per address: limited request answers 429 with a readable message",
      isReadableLimit(error),
      error.message,
    );
    probe.check(
      "per address: limited request creates no token",
      (await db.passwordResetToken.count({ where: { userId: user.id } })) === 0,
    );
    probe.check(
      "per address: limited request queues no email",
      (await deliveriesTo(user.email)).length === 0,
    );
    // Another address is not affected.
    const other = await requestPasswordReset({
      email: user.email,
      ip: freshIp(),
      minDurationMs: 0,
    });
    probe.check(
      "per address: another address still gets the neutral answer",
      other === PASSWORD_RESET_REQUESTED_MESSAGE,
    );
    expect(probe.failures).toEqual([]);
  });

  it(`allows ${RESET_ATTEMPTS_PER_IP} reset attempts per address; the next is refused even with a valid link`, async () => {
    const ip = freshIp();
    for (let i = 0; i < RESET_ATTEMPTS_PER_IP; i++) {
      const error = await appErrorOf(
        resetPassword({ token: `${"B".repeat(42)}${i % 10}`, password: NEW_PASSWORD, ip }),
      );
      probe.check(
        `attempt ${i + 1} with a wrong link says the link is not valid`,
        /not valid/.test(error.message),
        error.message,
      );
    }
    const user = await createUser();
    const token = await requestLink(user.email);
    const before = await userRow(user.id);
    const error = await appErrorOf(resetPassword({ token, password: NEW_PASSWORD, ip }));
    probe.check(
      "reset attempts: limited attempt answers 429 with a readable message",
      isReadableLimit(error),
      error.message,
    );
    const after = await userRow(user.id);
    probe.check(
      "reset attempts: limited attempt changes no password",
      after.passwordHash === before.passwordHash && after.sessionVersion === before.sessionVersion,
    );
    probe.check(
      "reset attempts: limited attempt leaves the link unused",
      (await getPasswordResetLinkState(token)) === "valid",
    );
    // From another address the same link still works.
    await resetPassword({ token, password: NEW_PASSWORD, ip: freshIp() });
    probe.check(
      "reset attempts: the link works from another address",
      (await verifyCredentials(user.email, NEW_PASSWORD, freshIp())).ok,
    );
    expect(probe.failures).toEqual([]);
  });
});
