import { randomBytes } from "node:crypto";
import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { badRequest, conflict, notFound } from "@/lib/core/errors/app-error";
import { encryptSecret } from "@/lib/core/crypto/token-cipher";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import type { ConnectorKind, ConnectorStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  configSchemaFor,
  type ConnectorKindName,
  type CreateConnectionInput,
  type UpdateConnectionInput,
} from "@/lib/domains/connectors/connector-config";

/** What the settings page and the API show of a connection: never its token or secret. */
export interface ConnectionView {
  id: string;
  kind: ConnectorKindName;
  name: string;
  config: Record<string, unknown>;
  cursor: Record<string, unknown>;
  intervalMinutes: number;
  status: "active" | "error" | "paused";
  lastError: string | null;
  lastSyncAt: string | null;
  lastSuccessAt: string | null;
  syncing: boolean;
  imported: number;
  unmatched: number;
  /** Webhook only: where the source posts (the path; the page adds the host). */
  inboundPath: string | null;
  createdAt: string;
}

const SELECT = {
  id: true,
  kind: true,
  name: true,
  config: true,
  cursor: true,
  intervalMinutes: true,
  status: true,
  lastError: true,
  lastSyncAt: true,
  lastSuccessAt: true,
  syncingSince: true,
  createdAt: true,
} as const;

type Row = {
  id: string;
  kind: ConnectorKind;
  name: string;
  config: Prisma.JsonValue;
  cursor: Prisma.JsonValue;
  intervalMinutes: number;
  status: ConnectorStatus;
  lastError: string | null;
  lastSyncAt: Date | null;
  lastSuccessAt: Date | null;
  syncingSince: Date | null;
  createdAt: Date;
};

const asObject = (v: Prisma.JsonValue) =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

function view(
  row: Row,
  counts: Map<string, { matched: number; unmatched: number }>,
): ConnectionView {
  const kind = row.kind.toLowerCase() as ConnectorKindName;
  return {
    id: row.id,
    kind,
    name: row.name,
    config: asObject(row.config),
    cursor: asObject(row.cursor),
    intervalMinutes: row.intervalMinutes,
    status: row.status.toLowerCase() as ConnectionView["status"],
    lastError: row.lastError,
    lastSyncAt: row.lastSyncAt?.toISOString() ?? null,
    lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
    syncing: row.syncingSince !== null,
    imported: counts.get(row.id)?.matched ?? 0,
    unmatched: counts.get(row.id)?.unmatched ?? 0,
    inboundPath: kind === "webhook" ? `/api/inbound/${row.id}` : null,
    createdAt: row.createdAt.toISOString(),
  };
}

async function recordCounts(orgId: string, ids: string[]) {
  const groups = await db.connectorRecord.groupBy({
    by: ["connectionId", "status"],
    where: { orgId, connectionId: { in: ids } },
    _count: { _all: true },
  });
  const counts = new Map<string, { matched: number; unmatched: number }>();
  for (const g of groups) {
    const entry = counts.get(g.connectionId) ?? { matched: 0, unmatched: 0 };
    if (g.status === "MATCHED") entry.matched = g._count._all;
    else entry.unmatched = g._count._all;
    counts.set(g.connectionId, entry);
  }
  return counts;
}

export async function listConnections(orgId: string): Promise<ConnectionView[]> {
  const rows = await db.connectorConnection.findMany({
    where: { orgId },
    orderBy: { createdAt: "asc" },
    select: SELECT,
  });
  const counts = await recordCounts(
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => view(r, counts));
}

export async function getConnection(orgId: string, id: string): Promise<ConnectionView> {
  const row = await db.connectorConnection.findFirst({ where: { id, orgId }, select: SELECT });
  if (!row) throw notFound("Connection");
  return view(row, await recordCounts(orgId, [id]));
}

/** A webhook secret: shown once at creation (or rotation), stored encrypted for HMAC checks. */
function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

/**
 * Adds a connection. HubSpot and Greenhouse: one each per organisation (their record ids are
 * only unique within one account). The token is stored encrypted; a webhook's secret is answered
 * here once and never again.
 */
export async function createConnection(
  access: Access,
  input: CreateConnectionInput,
): Promise<{ connection: ConnectionView; secret: string | null }> {
  const kind = input.kind.toUpperCase() as ConnectorKind;
  const secret = input.kind === "webhook" ? newWebhookSecret() : null;
  const stored = input.kind === "webhook" ? secret! : input.token;
  const id = await db.$transaction(async (tx) => {
    if (kind !== "WEBHOOK") {
      // Serialises two concurrent "add HubSpot" of one organisation.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`connector:${access.orgId}:${kind}`}))`;
      const existing = await tx.connectorConnection.findFirst({
        where: { orgId: access.orgId, kind },
        select: { id: true },
      });
      if (existing) {
        throw conflict(
          `Your organisation already has a ${input.kind === "hubspot" ? "HubSpot" : "Greenhouse"} connection. Edit it, or remove it first.`,
        );
      }
    }
    const row = await tx.connectorConnection.create({
      data: {
        id: createId("con"),
        orgId: access.orgId,
        kind,
        name: input.name,
        secret: encryptSecret(stored),
        config: input.config as Prisma.InputJsonValue,
        intervalMinutes: "intervalMinutes" in input ? input.intervalMinutes : 15,
        createdById: access.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "connector.create",
      targetType: "connector",
      targetId: row.id,
      metadata: { kind: input.kind, name: input.name },
    });
    return row.id;
  });
  return { connection: await getConnection(access.orgId, id), secret };
}

export async function updateConnection(
  access: Access,
  id: string,
  input: UpdateConnectionInput,
): Promise<{ connection: ConnectionView; secret: string | null }> {
  let secret: string | null = null;
  await db.$transaction(async (tx) => {
    const found = await tx.connectorConnection.findFirst({
      where: { id, orgId: access.orgId },
      select: { id: true, kind: true, status: true, name: true },
    });
    if (!found) throw notFound("Connection");
    const kind = found.kind.toLowerCase() as ConnectorKindName;
    let config: Prisma.InputJsonValue | undefined;
    if (input.config !== undefined) {
      const parsed = configSchemaFor(kind).safeParse(input.config);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = ["config", ...issue.path].join(".");
        throw badRequest(`${field}: ${issue.message}`, { [field]: issue.message });
      }
      config = parsed.data as Prisma.InputJsonValue;
    }
    if (kind === "webhook" && (input.token !== undefined || input.intervalMinutes !== undefined)) {
      throw badRequest(
        "An inbound webhook has no token or sync interval; rotate its secret instead.",
      );
    }
    if (kind !== "webhook" && input.rotateSecret) {
      throw badRequest("Only an inbound webhook has a secret to rotate; save a new token instead.");
    }
    if (input.rotateSecret) secret = newWebhookSecret();
    const stored = secret ?? input.token;
    await tx.connectorConnection.update({
      where: { id },
      data: {
        name: input.name,
        intervalMinutes: input.intervalMinutes,
        config,
        ...(stored ? { secret: encryptSecret(stored) } : {}),
        // A new token clears the error it may have caused; the next sync tells.
        ...(input.token
          ? { status: found.status === "PAUSED" ? "PAUSED" : "ACTIVE", lastError: null }
          : {}),
        ...(input.paused === true ? { status: "PAUSED" } : {}),
        ...(input.paused === false && found.status === "PAUSED" ? { status: "ACTIVE" } : {}),
      },
    });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "connector.update",
      targetType: "connector",
      targetId: id,
      metadata: {
        name: input.name ?? found.name,
        changed: Object.keys(input).filter((k) => k !== "token"),
        tokenReplaced: input.token !== undefined,
      },
    });
  });
  return { connection: await getConnection(access.orgId, id), secret };
}

/** Removes the connection and its record log; conversions it recorded stay. */
export async function deleteConnection(access: Access, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const found = await tx.connectorConnection.findFirst({
      where: { id, orgId: access.orgId },
      select: { id: true, kind: true, name: true },
    });
    if (!found) throw notFound("Connection");
    await tx.connectorConnection.delete({ where: { id } });
    await recordAudit(tx, {
      orgId: access.orgId,
      actorId: access.userId,
      action: "connector.delete",
      targetType: "connector",
      targetId: id,
      metadata: { kind: found.kind.toLowerCase(), name: found.name },
    });
  });
}
