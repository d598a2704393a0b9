import { db } from "@/lib/core/db/client";

export const SCIM_TOKEN_SELECT = {
  id: true,
  name: true,
  prefix: true,
  lastUsedAt: true,
  revokedAt: true,
  createdAt: true,
} as const;

/** A token as the settings page shows it (never its hash; dates as ISO strings). */
export interface ScimTokenView {
  id: string;
  name: string;
  prefix: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export function toScimTokenView(row: {
  id: string;
  name: string;
  prefix: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}): ScimTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The organisation's SCIM tokens, newest first. */
export async function listScimTokens(orgId: string): Promise<ScimTokenView[]> {
  const rows = await db.scimToken.findMany({
    where: { orgId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: SCIM_TOKEN_SELECT,
    take: 100,
  });
  return rows.map(toScimTokenView);
}
