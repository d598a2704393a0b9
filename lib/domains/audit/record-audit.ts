import type { Tx } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface AuditEntry {
  orgId: string;
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  metadata?: Prisma.InputJsonValue;
}

/** Written in the same transaction as the change it describes. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: { id: createId("aud"), ...entry } });
}
