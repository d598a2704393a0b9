import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Shares that count (alias `sh`): SHARED or POSTED — lib/domains/sharing/share-status.ts
 * (COUNTED_SHARE_STATUSES) in SQL. Written out here because recognition must not import sharing
 * (sharing → analytics → recognition would be a loop).
 */
export const countedShareSql = Prisma.sql`sh."status" IN ('SHARED', 'POSTED')`;

/** A new id with a readable prefix, made in SQL for set-based inserts (like create-id.ts). */
export function sqlId(prefix: string): Prisma.Sql {
  return Prisma.sql`${prefix} || '_' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 24)`;
}
