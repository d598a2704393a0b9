import { z } from "zod";
import { db, type Tx } from "@/lib/core/db/client";
import { lockOrgInvitations } from "@/lib/domains/invitations/lock-org-invitations";
import { createId } from "@/lib/core/db/create-id";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { checkImportRows } from "@/lib/domains/invitations/check-import-rows";
import { loadImportContext } from "@/lib/domains/invitations/load-import-context";
import { INVITATION_EXPIRY_DAYS } from "@/lib/domains/invitations/invitation-expiry";
import { newInvitationToken } from "@/lib/domains/invitations/invitation-token";
import {
  queueInvitationEmails,
  type InvitationToEmail,
} from "@/lib/domains/invitations/invitation-emails";
import { resolveLocations } from "@/lib/domains/locations/resolve-locations";

export const IMPORT_CHUNK_MAX = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const cell = z.string().max(2000, { error: "Cell is longer than 2000 characters." });

export const importChunkSchema = z
  .object({
    rows: z
      .array(
        z
          .object({
            line: z.number().int().min(1),
            email: cell,
            name: cell.optional(),
            role: cell.optional(),
            teams: cell.optional(),
            location: cell.optional(),
          })
          .strict(),
      )
      .min(1, { error: "Send at least one row." })
      .max(IMPORT_CHUNK_MAX, { error: `Send at most ${IMPORT_CHUNK_MAX} rows per request.` }),
    expiresInDays: z.number().int().min(1).max(30).default(INVITATION_EXPIRY_DAYS),
    /** Check the rows as the import would, write nothing (the browser's pre-check). */
    dryRun: z.boolean().default(false),
  })
  .strict();

/** A chunk to import (a dry run goes to precheckInvitations instead). */
export type ImportChunk = Omit<z.infer<typeof importChunkSchema>, "dryRun">;

export type ImportRowResult =
  | { line: number; email: string; status: "invited"; token: string }
  | { line: number; email: string; status: "refused"; reason: string };

/**
 * Imports one chunk of CSV rows as email invitations. Each row is checked on its own and either
 * invited whole or refused with a reason (bad email, unknown role or team, duplicate, already a
 * member or invited); the accepted rows are written in one transaction, so none is half-imported.
 */
export async function importInvitations(access: Access, chunk: ImportChunk) {
  const toEmail: InvitationToEmail[] = [];
  const report = await db.$transaction((tx) => importInTx(tx, access, chunk, toEmail), {
    timeout: 60_000,
  });
  await queueInvitationEmails(access, toEmail); // after the commit, one email job per invitation
  return report;
}

async function importInTx(
  tx: Tx,
  access: Access,
  chunk: ImportChunk,
  toEmail: InvitationToEmail[],
) {
  const { orgId } = access;
  // Imports and single invitations of one organisation take turns, so two at once cannot both
  // invite the same address.
  await lockOrgInvitations(tx, orgId);
  const context = await loadImportContext(tx, orgId, chunk.rows);
  const { valid, refused } = checkImportRows(chunk.rows, context);
  const results: ImportRowResult[] = refused.map((r) => ({ ...r, status: "refused" as const }));

  if (valid.length > 0) {
    const expiresAt = new Date(Date.now() + chunk.expiresInDays * DAY_MS);
    // A location named for the first time is created, in this transaction.
    const locationIds = await resolveLocations(tx, access, valid);
    const prepared = valid.map((row) => ({ row, id: createId("inv"), ...newInvitationToken() }));
    {
      await tx.invitation.createMany({
        data: prepared.map(({ row, id, tokenHash }) => ({
          id,
          orgId,
          kind: "EMAIL" as const,
          email: row.email,
          name: row.name,
          role: row.role,
          tokenHash,
          expiresAt,
          createdById: access.userId,
          locationId: row.location ? locationIds.get(row.location.toLowerCase())! : null,
        })),
      });
      await tx.invitationTeam.createMany({
        data: prepared.flatMap(({ row, id }) =>
          row.teamIds.map((teamId) => ({ orgId, invitationId: id, teamId })),
        ),
      });
      await recordAudit(tx, {
        orgId,
        actorId: access.userId,
        action: "invitation.import",
        metadata: { invited: prepared.length, refused: results.length },
      });
    }
    for (const { row, token, id } of prepared) {
      results.push({ line: row.line, email: row.email, status: "invited", token });
      toEmail.push({ id, email: row.email, name: row.name, role: row.role, token, expiresAt });
    }
  }
  results.sort((a, b) => a.line - b.line);
  return {
    invited: valid.length,
    refused: results.length - valid.length,
    results,
  };
}
