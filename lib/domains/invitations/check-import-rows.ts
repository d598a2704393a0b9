import { emailField, personNameField } from "@/lib/core/validation";
import type { Role } from "@/lib/generated/prisma/enums";
import { locationName } from "@/lib/domains/locations/location-schemas";

/** One CSV row as the browser sends it (cells as typed). */
export interface ImportRowInput {
  line: number;
  email: string;
  name?: string;
  role?: string;
  teams?: string;
  location?: string;
}

/** What the organisation already holds for the addresses being imported. */
export interface ImportContext {
  /** Team ids by lower-cased, trimmed name. */
  teamByName: Map<string, string>;
  /** Addresses of members (any status). */
  memberEmails: Set<string>;
  /** Addresses with a pending (unused, unrevoked, unexpired) email invitation. */
  invitedEmails: Set<string>;
}

export interface ValidImportRow {
  line: number;
  email: string;
  name: string | null;
  role: Role;
  teamIds: string[];
  /** Where the person works, as written (found by name or created by the import); null = none. */
  location: string | null;
}

export interface RefusedImportRow {
  line: number;
  email: string;
  reason: string;
}

const ROLES: readonly string[] = ["ADMIN", "MANAGER", "EMPLOYEE"];

/** Splits "Sales; Marketing" or "Sales|Marketing" into trimmed team names. */
export function splitTeams(value: string | undefined): string[] {
  return (value ?? "")
    .split(/[;|]/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/**
 * The one rule for a CSV row, used by the import itself and by its pre-check (a dry run), so the
 * pre-check's "ready to invite" is what the import then invites: each row is refused with the
 * first reason that applies (bad email or name, unknown role or team, a repeat of an earlier
 * row, already a member, already invited) or is valid, with its team ids resolved.
 */
export function checkImportRows(
  rows: readonly ImportRowInput[],
  context: ImportContext,
): { valid: ValidImportRow[]; refused: RefusedImportRow[] } {
  const valid: ValidImportRow[] = [];
  const refused: RefusedImportRow[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const refuse = (reason: string) =>
      refused.push({ line: row.line, email: row.email.trim(), reason });

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
    const role = row.role?.trim().toUpperCase() || "EMPLOYEE";
    if (!ROLES.includes(role)) {
      refuse(`Unknown role "${row.role?.trim()}" (use employee, manager or admin).`);
      continue;
    }
    const location = row.location?.trim() ? locationName.safeParse(row.location) : null;
    if (location && !location.success) {
      refuse(location.error.issues[0]?.message ?? "Invalid location.");
      continue;
    }
    const teamNames = splitTeams(row.teams);
    const unknown = teamNames.filter((t) => !context.teamByName.has(t.toLowerCase()));
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
    if (context.memberEmails.has(address)) {
      refuse("Already a member of this organisation.");
      continue;
    }
    if (context.invitedEmails.has(address)) {
      refuse("Already has a pending invitation.");
      continue;
    }
    valid.push({
      line: row.line,
      email: address,
      name: name?.success ? name.data : null,
      role: role as Role,
      teamIds: [...new Set(teamNames.map((t) => context.teamByName.get(t.toLowerCase())!))],
      location: location?.success ? location.data : null,
    });
  }
  return { valid, refused };
}
