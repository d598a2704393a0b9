import { db } from "@/lib/core/db/client";
import { kindOfScopes, type ApiKeyKind } from "@/lib/domains/access/api-key-format";

/** What people see of a key: never the key itself, never its hash. */
export interface ApiKeyView {
  id: string;
  name: string;
  kind: ApiKeyKind;
  prefix: string;
  scopes: string[];
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const API_KEY_SELECT = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdById: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

interface Row {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export function toApiKeyView(row: Row, createdBy: string | null = null): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    kind: kindOfScopes(row.scopes),
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.createdAt.toISOString(),
    createdBy,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** The organisation's keys, active first, newest first. */
export async function listApiKeys(orgId: string): Promise<ApiKeyView[]> {
  const rows = await db.apiKey.findMany({
    where: { orgId },
    select: API_KEY_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 200,
  });
  const creatorIds = [...new Set(rows.map((r) => r.createdById).filter((id) => id !== null))];
  const creators = creatorIds.length
    ? await db.user.findMany({
        where: { id: { in: creatorIds } },
        select: { id: true, name: true },
      })
    : [];
  const names = new Map(creators.map((u) => [u.id, u.name]));
  const views = rows.map((r) =>
    toApiKeyView(r, r.createdById ? (names.get(r.createdById) ?? null) : null),
  );
  return [...views.filter((v) => !v.revokedAt), ...views.filter((v) => v.revokedAt)];
}
