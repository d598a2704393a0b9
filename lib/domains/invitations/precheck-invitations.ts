import { db } from "@/lib/core/db/client";
import type { Access } from "@/lib/domains/access/resolve-access";
import { checkImportRows, type ImportRowInput } from "@/lib/domains/invitations/check-import-rows";
import { loadImportContext } from "@/lib/domains/invitations/load-import-context";

export type PrecheckRowResult =
  | { line: number; email: string; status: "ready" }
  | { line: number; email: string; status: "refused"; reason: string };

/**
 * The import's dry run (POST /api/invitations/import with dryRun): the same rule and the same
 * look-ups as importInvitations (checkImportRows, loadImportContext), nothing written. What it
 * calls ready is what the import invites, unless someone invites or joins in between.
 */
export async function precheckInvitations(access: Access, rows: readonly ImportRowInput[]) {
  const context = await loadImportContext(db, access.orgId, rows);
  const { valid, refused } = checkImportRows(rows, context);
  const results: PrecheckRowResult[] = [
    ...valid.map((r) => ({ line: r.line, email: r.email, status: "ready" as const })),
    ...refused.map((r) => ({ ...r, status: "refused" as const })),
  ].sort((a, b) => a.line - b.line);
  return { ready: valid.length, refused: refused.length, results };
}
