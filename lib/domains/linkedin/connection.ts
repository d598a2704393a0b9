import { db, type Tx } from "@/lib/core/db/client";
import { AppError } from "@/lib/core/errors/app-error";
import { decryptSecret, TokenCipherError } from "@/lib/core/crypto/token-cipher";
import { linkedInConfigured } from "@/lib/integrations/linkedin/linkedin-client";
import type { Access } from "@/lib/domains/access/resolve-access";
import type { LinkedInConnection } from "@/lib/generated/prisma/client";

/** Days before expiry from which the member is asked to reconnect. */
export const RECONNECT_WARNING_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export const CONNECT_HINT = "Connect LinkedIn on your profile page (/profile).";

/**
 * The member's connection with its access token decrypted, ready for the API client. Throws an
 * AppError (409) telling the person to connect or reconnect when there is none, it has expired
 * (by date or because LinkedIn refused it), or its token cannot be decrypted.
 */
export async function getUsableConnection(
  orgId: string,
  membershipId: string,
  now: Date = new Date(),
): Promise<{ connection: LinkedInConnection; accessToken: string }> {
  const connection = await db.linkedInConnection.findFirst({ where: { orgId, membershipId } });
  if (!connection) {
    throw new AppError("CONFLICT", `Your LinkedIn account is not connected. ${CONNECT_HINT}`);
  }
  if (connection.status === "EXPIRED" || connection.expiresAt.getTime() <= now.getTime()) {
    if (connection.status !== "EXPIRED") {
      await markConnectionExpired(
        connection.id,
        "The LinkedIn access token reached its expiry date.",
      );
    }
    throw new AppError(
      "CONFLICT",
      "Your LinkedIn connection has expired. Reconnect LinkedIn on your profile page (/profile).",
    );
  }
  let accessToken: string;
  try {
    accessToken = decryptSecret(connection.accessToken);
  } catch (error) {
    if (!(error instanceof TokenCipherError)) throw error;
    console.error(`[linkedin] connection ${connection.id}: ${error.message}`);
    await markConnectionExpired(connection.id, "The stored token could not be decrypted.");
    throw new AppError(
      "CONFLICT",
      "Your LinkedIn connection can no longer be used. Reconnect LinkedIn on your profile page (/profile).",
    );
  }
  return { connection, accessToken };
}

/**
 * After a 401 from LinkedIn or the expiry date: the member must reconnect. Inside a transaction,
 * pass it (`client`): a second connection would wait for that transaction on the embedded
 * database (one session), which waits for it in turn.
 */
export async function markConnectionExpired(
  connectionId: string,
  reason: string,
  client: Pick<Tx, "linkedInConnection"> = db,
): Promise<void> {
  await client.linkedInConnection.updateMany({
    where: { id: connectionId },
    // updatedAt: when LinkedIn's refusal was recorded (the profile shows it, see describeConnection).
    data: { status: "EXPIRED", lastError: reason.slice(0, 500), updatedAt: new Date() },
  });
}

export interface ConnectedView {
  state: "active" | "expiring" | "expired";
  /**
   * Why an expired connection ended: "expired" — its access reached `expiresAt`; "refused" —
   * LinkedIn stopped accepting it before that (revoked by the member, or access withdrawn: a 401/403),
   * at `endedAt`. Null while it is usable.
   */
  ended: null | { reason: "expired" | "refused"; at: Date };
  name: string | null;
  memberUrn: string;
  expiresAt: Date;
  connectedAt: Date;
  /** Whole days until expiry (0 once expired). */
  daysLeft: number;
  lastError: string | null;
  canReadAnalytics: boolean;
}

export type LinkedInConnectionView =
  { state: "not_connected"; configured: boolean } | (ConnectedView & { configured: boolean });

/** What the profile card and the reconnect banner show. */
export async function connectionStatusFor(
  access: Pick<Access, "orgId" | "membershipId">,
  now: Date = new Date(),
): Promise<LinkedInConnectionView> {
  const configured = linkedInConfigured();
  const connection = await db.linkedInConnection.findFirst({
    where: { orgId: access.orgId, membershipId: access.membershipId },
    select: {
      name: true,
      memberUrn: true,
      expiresAt: true,
      connectedAt: true,
      status: true,
      lastError: true,
      scopes: true,
      updatedAt: true,
    },
  });
  if (!connection) return { state: "not_connected", configured };
  return { configured, ...describeConnection(connection, now) };
}

/** Pure part of connectionStatusFor (unit-tested). */
export function describeConnection(
  connection: {
    name: string | null;
    memberUrn: string;
    expiresAt: Date;
    connectedAt: Date;
    status: "ACTIVE" | "EXPIRED";
    lastError: string | null;
    scopes: string[];
    /** When the row last changed: for a refused connection, when LinkedIn's refusal was recorded. */
    updatedAt?: Date;
  },
  now: Date,
): ConnectedView {
  const msLeft = connection.expiresAt.getTime() - now.getTime();
  const expired = connection.status === "EXPIRED" || msLeft <= 0;
  const daysLeft = expired ? 0 : Math.floor(msLeft / DAY_MS);
  const state: ConnectedView["state"] = expired
    ? "expired"
    : msLeft <= RECONNECT_WARNING_DAYS * DAY_MS
      ? "expiring"
      : "active";
  // Marked EXPIRED before its date: LinkedIn refused it (a 401/403, or a token we cannot read).
  const refused = expired && msLeft > 0;
  return {
    state,
    ended: !expired
      ? null
      : refused
        ? { reason: "refused", at: connection.updatedAt ?? now }
        : { reason: "expired", at: connection.expiresAt },
    name: connection.name,
    memberUrn: connection.memberUrn,
    expiresAt: connection.expiresAt,
    connectedAt: connection.connectedAt,
    daysLeft,
    lastError: connection.lastError,
    canReadAnalytics: connection.scopes.includes("r_member_postAnalytics"),
  };
}
