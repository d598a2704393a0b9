import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { appUrl } from "@/lib/core/http/app-url";
import { safeCallbackUrl } from "@/lib/core/http/safe-callback-url";
import { encryptSecret } from "@/lib/core/crypto/token-cipher";
import {
  authorizationUrl,
  exchangeCode,
  getUserInfo,
  LinkedInApiError,
  linkedInConfigured,
  personUrn,
} from "@/lib/integrations/linkedin/linkedin-client";
import type { Access } from "@/lib/domains/access/resolve-access";

/** How long a "Connect LinkedIn" attempt may take from click to callback. */
export const AUTH_STATE_TTL_MS = 10 * 60 * 1000;

/**
 * Outcomes of the callback, passed to the page the person started from (or /profile) as
 * `?linkedin=<outcome>`; the page maps each to a fixed message (nothing from the request is
 * reflected).
 */
export type ConnectOutcome =
  | "connected"
  | "cancelled"
  | "denied"
  | "state_invalid"
  | "in_use"
  | "rate_limited"
  | "failed"
  | "not_configured";

export const CONNECT_MESSAGES: Record<ConnectOutcome, { tone: "success" | "error"; text: string }> =
  {
    connected: { tone: "success", text: "LinkedIn is connected. Chorus can now post for you." },
    cancelled: {
      tone: "error",
      text: "You cancelled on LinkedIn, so nothing was connected. Connect again whenever you like.",
    },
    denied: {
      tone: "error",
      text: "LinkedIn did not grant access, so nothing was connected. Try again and choose “Allow”.",
    },
    state_invalid: {
      tone: "error",
      text: "That LinkedIn sign-in link was not started by you in this browser, was already used or is older than 10 minutes. Nothing was connected; start again with “Connect LinkedIn”.",
    },
    in_use: {
      tone: "error",
      text: "That LinkedIn account is already connected to another person in this organisation. Sign in to LinkedIn with your own account and try again.",
    },
    rate_limited: {
      tone: "error",
      text: "LinkedIn is busy right now. Nothing was connected; please try again in a few minutes.",
    },
    failed: {
      tone: "error",
      text: "LinkedIn could not be connected (LinkedIn did not answer as expected). Please try again.",
    },
    not_configured: {
      tone: "error",
      text: "Posting to LinkedIn is not set up on this Chorus server. Ask an admin.",
    },
  };

export function linkedInRedirectUri(): string {
  return `${appUrl()}/api/linkedin/callback`;
}

export function profileUrl(outcome: ConnectOutcome): string {
  return `${appUrl()}/profile?linkedin=${outcome}#linkedin`;
}

/** A `?linkedin=` value as a known outcome, or null (anything else is ignored, never shown). */
export function parseConnectOutcome(value: unknown): ConnectOutcome | null {
  return typeof value === "string" && Object.hasOwn(CONNECT_MESSAGES, value)
    ? (value as ConnectOutcome)
    : null;
}

/**
 * Where "Connect LinkedIn" may send the person back to: a page of this app (path and query, same
 * origin, resolved as a browser would), not an API route; null for anything else (then /profile).
 */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || value.length > 500) return null;
  const path = safeCallbackUrl(value);
  // "/.//evil.example" resolves to the path "//evil.example": protocol-relative on its own.
  if (path === "/" || !path.startsWith("/") || path.startsWith("//")) return null;
  const url = new URL(path, "http://chorus.invalid");
  if (url.pathname === "/api" || url.pathname.startsWith("/api/")) return null;
  url.searchParams.delete("linkedin");
  return `${url.pathname}${url.search}`;
}

/** Where the callback sends the person: back to where they started, with the outcome code. */
export function connectLandingUrl(outcome: ConnectOutcome, returnTo: string | null): string {
  const path = safeReturnPath(returnTo);
  if (!path) return profileUrl(outcome);
  const url = new URL(path, appUrl());
  url.searchParams.set("linkedin", outcome);
  return `${appUrl()}${url.pathname}${url.search}#linkedin`;
}

export function hashState(state: string): string {
  return createHash("sha256").update(state).digest("base64url");
}

/**
 * Starts "Connect LinkedIn": a single-use state (stored hashed, with the page to come back to)
 * and LinkedIn's consent URL. `returnTo` is checked here and again on the way back.
 */
export async function startLinkedInConnect(
  access: Pick<Access, "orgId" | "membershipId" | "userId">,
  now: Date = new Date(),
  returnTo: string | null = null,
): Promise<{ url: string }> {
  const back = safeReturnPath(returnTo);
  if (!linkedInConfigured()) return { url: connectLandingUrl("not_configured", back) };
  const state = randomBytes(32).toString("base64url");
  await db.$transaction([
    db.linkedInAuthState.deleteMany({
      where: {
        OR: [
          { userId: access.userId, expiresAt: { lt: now } },
          { expiresAt: { lt: new Date(now.getTime() - 24 * 3600_000) } },
        ],
      },
    }),
    db.linkedInAuthState.create({
      data: {
        id: createId("las"),
        stateHash: hashState(state),
        orgId: access.orgId,
        membershipId: access.membershipId,
        userId: access.userId,
        returnTo: back,
        expiresAt: new Date(now.getTime() + AUTH_STATE_TTL_MS),
      },
    }),
  ]);
  return { url: authorizationUrl(state, linkedInRedirectUri()) };
}

/**
 * Consumes the state: valid only for the same signed-in member, unexpired, once. Another user's
 * state is left alone (it is not theirs to burn) and refused. Gives the page to return to.
 */
async function consumeState(
  access: Pick<Access, "orgId" | "membershipId" | "userId">,
  state: string | null,
  now: Date,
): Promise<{ ok: boolean; returnTo: string | null }> {
  if (!state || state.length > 200) return { ok: false, returnTo: null };
  const where = {
    stateHash: hashState(state),
    userId: access.userId,
    orgId: access.orgId,
    membershipId: access.membershipId,
    expiresAt: { gt: now },
  };
  const row = await db.linkedInAuthState.findFirst({ where, select: { returnTo: true } });
  // The delete decides: of two callbacks with the same state, one deletes it, the other fails.
  const { count } = await db.linkedInAuthState.deleteMany({ where });
  return { ok: count === 1, returnTo: count === 1 ? (row?.returnTo ?? null) : null };
}

/** What the callback did and where the person started "Connect LinkedIn" from (or null). */
export interface ConnectResult {
  outcome: ConnectOutcome;
  returnTo: string | null;
}

/** The OAuth callback: checks, code exchange, profile, encrypted storage. Never throws for input. */
export async function completeLinkedInConnect(
  access: Pick<Access, "orgId" | "membershipId" | "userId">,
  params: URLSearchParams,
  now: Date = new Date(),
): Promise<ConnectResult> {
  const state = await consumeState(access, params.get("state"), now);
  const outcome = await exchangeAndStore(access, params, state.ok, now);
  return { outcome, returnTo: state.returnTo };
}

async function exchangeAndStore(
  access: Pick<Access, "orgId" | "membershipId" | "userId">,
  params: URLSearchParams,
  stateOk: boolean,
  now: Date,
): Promise<ConnectOutcome> {
  const error = params.get("error");
  if (error) {
    return error === "user_cancelled_authorize" || error === "user_cancelled_login"
      ? "cancelled"
      : "denied";
  }
  if (!stateOk) return "state_invalid";
  if (!linkedInConfigured()) return "not_configured";
  const code = params.get("code");
  if (!code || code.length > 2000) return "failed";

  try {
    const grant = await exchangeCode(code, linkedInRedirectUri());
    const info = await getUserInfo(grant.accessToken);
    const memberUrn = personUrn(info.sub);
    const taken = await db.linkedInConnection.findFirst({
      where: { orgId: access.orgId, memberUrn, NOT: { membershipId: access.membershipId } },
      select: { id: true },
    });
    if (taken) return "in_use";
    const data = {
      orgId: access.orgId,
      userId: access.userId,
      memberUrn,
      name: info.name || null,
      accessToken: encryptSecret(grant.accessToken),
      refreshToken: grant.refreshToken ? encryptSecret(grant.refreshToken) : null,
      scopes: grant.scope.split(/[ ,]+/).filter(Boolean),
      expiresAt: new Date(now.getTime() + grant.expiresIn * 1000),
      refreshExpiresAt:
        grant.refreshTokenExpiresIn !== undefined
          ? new Date(now.getTime() + grant.refreshTokenExpiresIn * 1000)
          : null,
      status: "ACTIVE" as const,
      lastError: null,
      connectedAt: now,
    };
    await db.linkedInConnection.upsert({
      where: { membershipId: access.membershipId },
      create: { id: createId("lic"), membershipId: access.membershipId, ...data },
      update: data,
    });
    return "connected";
  } catch (err) {
    if (!(err instanceof LinkedInApiError)) throw err;
    console.warn(
      `[linkedin] connect failed for membership ${access.membershipId}: ${err.code} ${err.message}`,
    );
    return err.code === "rate_limited" ? "rate_limited" : "failed";
  }
}
