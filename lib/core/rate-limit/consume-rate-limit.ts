import { db } from "@/lib/core/db/client";
import { rateLimited } from "@/lib/core/errors/app-error";

export interface RateLimitRule {
  /** Unique key, e.g. `login:ip:1.2.3.4`. */
  key: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counter kept in Postgres, so every app instance shares it. One atomic upsert:
 * a new window starts when the old one has expired.
 */
export async function consumeRateLimit(rule: RateLimitRule): Promise<RateLimitResult> {
  const rows = await db.$queryRaw<{ count: number; resetAt: Date }[]>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt", "updatedAt")
    VALUES (${rule.key}, 1, now() + make_interval(secs => ${rule.windowSeconds}), now())
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."resetAt" <= now() THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= now()
        THEN now() + make_interval(secs => ${rule.windowSeconds}) ELSE "RateLimit"."resetAt" END,
      "updatedAt" = now()
    RETURNING "count", "resetAt"`;
  const row = rows[0]!;
  const retryAfterSeconds = Math.max(1, Math.ceil((row.resetAt.getTime() - Date.now()) / 1000));
  return {
    allowed: row.count <= rule.limit,
    remaining: Math.max(0, rule.limit - row.count),
    retryAfterSeconds,
  };
}

/**
 * Gives back one unit consumed in the current window (never below zero, never in a window that has
 * already ended): for limits that should count failures only, such as sign-ins.
 */
export async function refundRateLimit(key: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "RateLimit" SET "count" = GREATEST("count" - 1, 0), "updatedAt" = now()
    WHERE "key" = ${key} AND "resetAt" > now()`;
}

/** Consumes the rule and throws a 429 with a readable message when it is exceeded. */
export async function enforceRateLimit(rule: RateLimitRule, what: string): Promise<void> {
  const result = await consumeRateLimit(rule);
  if (!result.allowed) {
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    throw rateLimited(
      `Too many ${what}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      result.retryAfterSeconds,
    );
  }
}
