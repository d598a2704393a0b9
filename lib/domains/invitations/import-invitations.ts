import { z } from "zod";
import { db, type Tx } from "@/lib/core/db/client";
import { lockOrgInvitations } from "@/lib/domains/invitations/lock-org-invitations";
import { createId } from "@/lib/core/db/create-id";
import type { Access } from "@/lib/domains/access/resolve-access";
import { recordAudit } from "@/lib/domains/audit/record-audit";
import { emailField, personNameField } from "@/lib/core/validation";
import type { Role } from "@/lib/generated/prisma/enums";
import { newInvitationToken } from "@/lib/domains/invitations/invitation-token";
import {
  queueInvitationEmails,
  type InvitationToEmail,
} from "@/lib/domains/invitations/invitation-emails";

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
          })
          .strict(),
      )
      .min(1, { error: "Send at least one row." })
      .max(IMPORT_CHUNK_MAX, { error: `Send at most ${IMPORT_CHUNK_MAX} rows per request.` }),
    expiresInDays: z.number().int().min(1).max(30).default(14),
  })
  .strict();

export type ImportChunk = z.infer<typeof importChunkSchema>;

export type ImportRowResult =
  | { line: number; email: string; status: "invited"; token: string }
  | { line: number; email: string; status: "refused"; reason: string };

interface ValidRow {
  line: number;
  email: string;
  name: string | null;
  role: Role;
  teamIds: string[];
}

/** Splits "Sales; Marketing" or "Sales|Marketing" into trimmed team names. */
export function splitTeams(value: string | undefined): string[] {
  return (value ?? "")
    .split(/[;|]/)
    .map((t) => t.trim())
    .filter(Boolean);
}

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
  // Look up only the addresses in this chunk: cost stays flat however large the organisation is.
  const addresses = [
    ...new Set(chunk.rows.map((r) => r.email.trim().toLowerCase()).filter((e) => e.length <= 254)),
  ];
  const [teams, members, pending] = await Promise.all([
    tx.team.findMany({ where: { orgId }, select: { id: true, name: true } }),
    tx.membership.findMany({
      where: { orgId, user: { email: { in: addresses } } },
      select: { user: { select: { email: true } } },
    }),
    tx.invitation.findMany({
      where: {
        orgId,
        kind: "EMAIL",
        email: { in: addresses },
        revokedAt: null,
        expiresAt: { gt: new Date() },
        useCount: 0,
      },
      select: { email: true },
    }),
  ]);
  const teamByName = new Map(teams.map((t) => [t.name.trim().toLowerCase(), t.id]));
  const memberEmails = new Set(members.map((m) => m.user.email));
  const invitedEmails = new Set(pending.map((p) => p.email));
  const seen = new Map<string, number>();

  const results: ImportRowResult[] = [];
  const valid: ValidRow[] = [];
  for (const row of chunk.rows) {
    const refuse = (reason: string) =>
      results.push({ line: row.line, email: row.email.trim(), status: "refused", reason });

    const email = emailField.safeParse(row.email);
    if (!email.success) {
      refuse(`Invalid email "${row.email.trim().slice(0, 80)}".`);
      continue;
    }
    const name = row.name?.trim() ? personNameField.safeParse(row.name) : null;
    if (name && !name.success) {
      refuse(name.error.issues[0]?.message ?? "Invalid name.");
      continue;
    }
    const role = (row.role?.trim().toUpperCase() || "EMPLOYEE") as Role;
    if (!["ADMIN", "MANAGER", "EMPLOYEE"].includes(role)) {
      refuse(`Unknown role "${row.role?.trim()}" (use employee, manager or admin).`);
      continue;
    }
    const teamNames = splitTeams(row.teams);
    const unknown = teamNames.filter((t) => !teamByName.has(t.toLowerCase()));
    if (unknown.length) {
      refuse(`Unknown team${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`);
      continue;
    }
    const address = email.data;
    const firstLine = seen.get(address);
    if (firstLine !== undefined) {
      refuse(`Duplicate of line ${firstLine}.`);
      continue;
    }
    seen.set(address, row.line);
    if (memberEmails.has(address)) {
      refuse("Already a member of this organisation.");
      continue;
    }
    if (invitedEmails.has(address)) {
      refuse("Already has a pending invitation.");
      continue;
    }
    valid.push({
      line: row.line,
      email: address,
      name: name?.success ? name.data : null,
      role,
      teamIds: [...new Set(teamNames.map((t) => teamByName.get(t.toLowerCase())!))],
    });
  }

  if (valid.length > 0) {
    const expiresAt = new Date(Date.now() + chunk.expiresInDays * DAY_MS);
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
