import { db } from "@/lib/core/db/client";
import { env } from "@/lib/core/env";
import { burnPasswordCheck, verifyPassword } from "@/lib/domains/auth/password";
import { ssoRequiredFor } from "@/lib/domains/auth/sso-required-for";
import { consumeRateLimit, refundRateLimit } from "@/lib/core/rate-limit/consume-rate-limit";

export type CredentialsResult =
  | { ok: true; userId: string }
  | {
      ok: false;
      reason: "invalid" | "locked" | "rate_limited" | "sso_required";
      retryAfterMinutes?: number;
    };

const WINDOW_SECONDS = 15 * 60;
const PER_IP_LIMIT = 50;
const PER_EMAIL_LIMIT = 20;

/**
 * Email + password check with two defences: rate limits per client address and per email
 * (shared through Postgres), and a lock-out of the account after repeated wrong passwords.
 *
 * Each attempt is counted before the password is checked (so parallel guesses cannot slip past the
 * limit), and a successful sign-in gives its count back: the limits count failed attempts only. A
 * person who signs in twenty times with the right password is not an attacker, and an office of
 * colleagues behind one address can all sign in on a Monday morning. Once a limit is reached, even
 * the right password waits for the window to end.
 */
export async function verifyCredentials(
  rawEmail: string,
  password: string,
  ip: string,
): Promise<CredentialsResult> {
  const email = rawEmail.trim().toLowerCase();
  const { LOGIN_MAX_FAILURES, LOGIN_LOCKOUT_MINUTES } = env();

  const rules = [
    { key: `login:ip:${ip}`, limit: PER_IP_LIMIT, windowSeconds: WINDOW_SECONDS },
    { key: `login:email:${email}`, limit: PER_EMAIL_LIMIT, windowSeconds: WINDOW_SECONDS },
  ];
  for (const rule of rules) {
    const result = await consumeRateLimit(rule);
    if (!result.allowed) {
      return {
        ok: false,
        reason: "rate_limited",
        retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60),
      };
    }
  }

  // An organisation that verified this address's domain and requires SSO: no password sign-in.
  if (await ssoRequiredFor(email)) {
    await burnPasswordCheck(password);
    return { ok: false, reason: "sso_required" };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, lockedUntil: true },
  });
  if (!user?.passwordHash) {
    await burnPasswordCheck(password);
    return { ok: false, reason: "invalid" };
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await burnPasswordCheck(password);
    const minutes = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60_000);
    return { ok: false, reason: "locked", retryAfterMinutes: minutes };
  }

  if (await verifyPassword(password, user.passwordHash)) {
    await db.user.update({
      where: { id: user.id },
      data: { failedLoginCount: 0, lockedUntil: null },
    });
    for (const rule of rules) await refundRateLimit(rule.key);
    return { ok: true, userId: user.id };
  }

  // Count the failure atomically; the attempt that reaches the limit locks the account.
  const [row] = await db.$queryRaw<{ failedLoginCount: number }[]>`
    UPDATE "User" SET "failedLoginCount" = "failedLoginCount" + 1, "updatedAt" = now()
    WHERE "id" = ${user.id} RETURNING "failedLoginCount"`;
  if (row && row.failedLoginCount >= LOGIN_MAX_FAILURES) {
    await db.$executeRaw`
      UPDATE "User" SET "failedLoginCount" = 0,
        "lockedUntil" = now() + make_interval(mins => ${LOGIN_LOCKOUT_MINUTES}), "updatedAt" = now()
      WHERE "id" = ${user.id}`;
    return { ok: false, reason: "locked", retryAfterMinutes: LOGIN_LOCKOUT_MINUTES };
  }
  return { ok: false, reason: "invalid" };
}

export function credentialsMessage(
  reason: "invalid" | "locked" | "rate_limited" | "sso_required",
  retryAfterMinutes = 15,
): string {
  const wait = `${retryAfterMinutes} minute${retryAfterMinutes === 1 ? "" : "s"}`;
  switch (reason) {
    case "invalid":
      return "That email and password don't match. Check them and try again.";
    case "locked":
      return `Too many failed sign-in attempts. This account is locked for ${wait}.`;
    case "rate_limited":
      return `Too many sign-in attempts. Try again in ${wait}.`;
    case "sso_required":
      return 'Your organisation signs in with single sign-on. Use "Sign in with SSO" below with your work email.';
  }
}
