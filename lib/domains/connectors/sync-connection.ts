import { db } from "@/lib/core/db/client";
import { decryptSecret, TokenCipherError } from "@/lib/core/crypto/token-cipher";
import { SourceApiError } from "@/lib/integrations/connectors/source-api-error";
import {
  greenhouseConfigSchema,
  hubspotConfigSchema,
} from "@/lib/domains/connectors/connector-config";
import { loadImportContext } from "@/lib/domains/connectors/import-record";
import { hubspotCursorSchema, syncHubSpot } from "@/lib/domains/connectors/sync-hubspot";
import { greenhouseCursorSchema, syncGreenhouse } from "@/lib/domains/connectors/sync-greenhouse";
import { emptyTally, type SyncTally } from "@/lib/domains/connectors/sync-tally";

/** A sync holding the connection longer than this is taken to have crashed. */
const STALE_LOCK_MINUTES = 30;

export type SyncOutcome =
  | { status: "ok"; tally: SyncTally }
  | { status: "error"; message: string; tally: SyncTally }
  /** Another sync of this connection is running, or it is paused, deleted or a webhook. */
  | { status: "skipped" };

/**
 * Pulls one HubSpot or Greenhouse connection from its cursor. One sync per connection at a time
 * (claimed with syncingSince; the unique record index would keep a second one from importing
 * twice anyway). A refused token, a rate limit or an unreachable source marks the connection
 * ERROR with the reason (no throw: the next scheduled sync retries); anything else is thrown
 * after the same marking, so the job is retried.
 */
export async function syncConnection(connectionId: string, now = new Date()): Promise<SyncOutcome> {
  const claimed = await db.$queryRaw<{ id: string }[]>`
    UPDATE "ConnectorConnection" SET "syncingSince" = now()
    WHERE "id" = ${connectionId} AND "status" <> 'PAUSED' AND "kind" <> 'WEBHOOK'
      AND ("syncingSince" IS NULL
        OR "syncingSince" < now() - make_interval(mins => ${STALE_LOCK_MINUTES}))
    RETURNING "id"`;
  if (claimed.length === 0) return { status: "skipped" };
  const connection = await db.connectorConnection.findUniqueOrThrow({
    where: { id: connectionId },
  });
  const tally = emptyTally();
  const finish = (data: {
    status: "ACTIVE" | "ERROR";
    lastError: string | null;
    cursor?: object;
  }) =>
    db.connectorConnection.updateMany({
      where: { id: connectionId },
      data: {
        ...data,
        lastSyncAt: new Date(),
        ...(data.status === "ACTIVE" ? { lastSuccessAt: new Date() } : {}),
        syncingSince: null,
      },
    });
  try {
    const token = decryptSecret(connection.secret);
    const context = await loadImportContext(connection.orgId);
    const base = { orgId: connection.orgId, connectionId, token, context, tally, now };
    let cursor: object;
    if (connection.kind === "HUBSPOT") {
      cursor = await syncHubSpot(
        {
          ...base,
          config: hubspotConfigSchema.parse(connection.config),
          save: async (progress) => {
            await db.connectorConnection.updateMany({
              where: { id: connectionId },
              data: { cursor: progress },
            });
          },
        },
        hubspotCursorSchema.parse(connection.cursor),
      );
    } else {
      cursor = await syncGreenhouse(
        { ...base, config: greenhouseConfigSchema.parse(connection.config) },
        greenhouseCursorSchema.parse(connection.cursor),
      );
    }
    await finish({ status: "ACTIVE", lastError: null, cursor });
    return { status: "ok", tally };
  } catch (error) {
    if (error instanceof SourceApiError || error instanceof TokenCipherError) {
      const message =
        error instanceof TokenCipherError
          ? "The stored token could not be decrypted; save the token again."
          : error.message;
      await finish({ status: "ERROR", lastError: message.slice(0, 500) });
      return { status: "error", message, tally };
    }
    await finish({
      status: "ERROR",
      lastError: "The sync failed unexpectedly; it will be retried.",
    });
    throw error;
  }
}

/**
 * The connections due for a sync: not paused, not webhooks, last synced at least their interval
 * ago (or never). The sweep job queues one sync job each.
 */
export async function listConnectionsDue(): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "ConnectorConnection"
    WHERE "status" <> 'PAUSED' AND "kind" <> 'WEBHOOK'
      AND ("lastSyncAt" IS NULL
        OR "lastSyncAt" <= now() - make_interval(mins => "intervalMinutes"))
    ORDER BY "lastSyncAt" ASC NULLS FIRST
    LIMIT 500`;
  return rows.map((r) => r.id);
}
