import type { Access } from "@/lib/domains/access/resolve-access";
import { queueEmails } from "@/lib/domains/email/queue-email";
import { invitationEmail } from "@/lib/integrations/email/templates/invitation";
import { appUrl } from "@/lib/core/http/app-url";
import { invitationUrl } from "@/lib/domains/invitations/invitation-token";
import { emailDateFormat } from "@/lib/domains/email/email-date-format";

export interface InvitationToEmail {
  id: string;
  email: string;
  name: string | null;
  role: string;
  token: string;
  expiresAt: Date;
}

/**
 * Emails email invitations once their transaction has committed: one delivery and job each, with
 * dedupe key `invite:<invitationId>`. Never throws: the invitations exist whatever happens here
 * (their links are also shown to the admin); a failure is logged (the admin still sees each link to pass on).
 */
export async function queueInvitationEmails(
  access: Access,
  invitations: InvitationToEmail[],
): Promise<number> {
  const base = appUrl();
  // The invitee has no account yet: the organisation's zone, the app's own language.
  const dates = emailDateFormat(access.org.timeZone);
  try {
    const { created } = await queueEmails(
      invitations.map((inv) => ({
        orgId: access.orgId,
        to: inv.email,
        category: "invitation" as const,
        ...invitationEmail({
          orgName: access.org.name,
          inviterName: access.user.name,
          inviteeName: inv.name,
          role: inv.role,
          url: invitationUrl(base, inv.token),
          expiresAt: inv.expiresAt,
          dates,
        }),
        dedupeKey: `invite:${inv.id}`,
      })),
    );
    return created.length;
  } catch (error) {
    console.error(`[email] could not queue ${invitations.length} invitation emails`, error);
    return 0;
  }
}
