import type { Tx } from "@/lib/core/db/client";

/** Transaction-scoped lock on an organisation's invitations (released at commit or rollback). */
export async function lockOrgInvitations(tx: Tx, orgId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`invitations:${orgId}`}, 0))`;
}
