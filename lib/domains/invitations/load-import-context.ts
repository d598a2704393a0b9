import type { Db, Tx } from "@/lib/core/db/client";
import type { ImportContext, ImportRowInput } from "@/lib/domains/invitations/check-import-rows";

/**
 * The organisation's teams, and which of the rows' addresses are already members or have a
 * pending invitation. Looks up only the addresses in these rows: cost stays flat however large
 * the organisation is.
 */
export async function loadImportContext(
  client: Db | Tx,
  orgId: string,
  rows: readonly ImportRowInput[],
): Promise<ImportContext> {
  const addresses = [
    ...new Set(rows.map((r) => r.email.trim().toLowerCase()).filter((e) => e.length <= 254)),
  ];
  const [teams, members, pending] = await Promise.all([
    client.team.findMany({ where: { orgId }, select: { id: true, name: true } }),
    client.membership.findMany({
      where: { orgId, user: { email: { in: addresses } } },
      select: { user: { select: { email: true } } },
    }),
    client.invitation.findMany({
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
  return {
    teamByName: new Map(teams.map((t) => [t.name.trim().toLowerCase(), t.id])),
    memberEmails: new Set(members.map((m) => m.user.email)),
    invitedEmails: new Set(pending.flatMap((p) => (p.email ? [p.email] : []))),
  };
}
