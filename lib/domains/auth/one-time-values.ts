import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/core/db/client";

/**
 * One-time values kept in PostgreSQL with an expiry (SsoOneTimeValue): shared by every instance,
 * so a value used on one instance is used everywhere.
 */

/** Stores `key` unless it is already there (and unexpired). False: it was seen before (a replay). */
export async function rememberOnce(key: string, expiresAt: Date, value = ""): Promise<boolean> {
  await db.$executeRaw`DELETE FROM "SsoOneTimeValue" WHERE "expiresAt" < now() - interval '1 minute'`;
  const inserted = await db.$executeRaw`
    INSERT INTO "SsoOneTimeValue" ("key", "value", "expiresAt") VALUES (${key}, ${value}, ${expiresAt})
    ON CONFLICT ("key") DO NOTHING`;
  return inserted === 1;
}

/** Reads and deletes `key` in one statement; null when missing or expired. */
export async function takeOnce(key: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ value: string }[]>`
    DELETE FROM "SsoOneTimeValue" WHERE "key" = ${key} AND "expiresAt" > now() RETURNING "value"`;
  return rows[0]?.value ?? null;
}

export async function readOnce(key: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ value: string }[]>`
    SELECT "value" FROM "SsoOneTimeValue" WHERE "key" = ${key} AND "expiresAt" > now()`;
  return rows[0]?.value ?? null;
}

const TICKET_SECONDS = 120;
const ticketKey = (ticket: string) => `ticket:${createHash("sha256").update(ticket).digest("hex")}`;

/**
 * A sign-in ticket: the SSO routes prove who signed in, then hand the user to Auth.js's
 * "sso-ticket" provider, which opens the same session cookie as every other sign-in. The ticket
 * is random, stored hashed, used once and valid for two minutes.
 */
export async function createSignInTicket(userId: string): Promise<string> {
  const ticket = randomBytes(32).toString("base64url");
  await rememberOnce(ticketKey(ticket), new Date(Date.now() + TICKET_SECONDS * 1000), userId);
  return ticket;
}

export async function consumeSignInTicket(ticket: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(ticket)) return null;
  return takeOnce(ticketKey(ticket));
}
