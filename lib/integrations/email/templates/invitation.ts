import {
  button,
  esc,
  layout,
  paragraph,
  subjectLine,
  textLayout,
  type RenderedEmail,
} from "@/lib/integrations/email/templates/layout";
import { formatDate, type DateFormat } from "@/lib/core/time/format-date";

export interface InvitationEmailInput {
  orgName: string;
  inviterName: string;
  inviteeName?: string | null;
  role: string;
  url: string;
  expiresAt: Date;
  /** The organisation's time zone (and the recipient's language where known): emailDateFormat. */
  dates: DateFormat;
}

/** The invitation (transactional: no unsubscribe; it says why the person receives it). */
export function invitationEmail(input: InvitationEmailInput): RenderedEmail {
  const { orgName, inviterName, inviteeName, role, url, expiresAt, dates } = input;
  const greeting = inviteeName ? `Hi ${inviteeName},` : "Hi,";
  const roleName = role.toLowerCase();
  const until = `${formatDate(expiresAt, "dateTime", dates)} (${dates.timeZone} time)`;
  const reason = `You receive this email because ${inviterName} invited this address to ${orgName} on Chorus. If you were not expecting it, ignore it: nothing happens unless you accept.`;
  const lines = [
    greeting,
    "",
    `${inviterName} invited you to join ${orgName} on Chorus as ${roleName === "employee" ? "a member" : `a ${roleName}`}.`,
    "Chorus is where your colleagues share content worth sharing on LinkedIn, in their own words.",
    "",
    `Accept the invitation: ${url}`,
    `The link works until ${until}.`,
  ];
  const html = layout({
    title: `Join ${orgName} on Chorus`,
    reason,
    bodyHtml: [
      paragraph(greeting),
      `<p style="margin:0 0 12px"><strong>${esc(inviterName)}</strong> invited you to join <strong>${esc(orgName)}</strong> on Chorus as ${esc(roleName === "employee" ? "a member" : `a ${roleName}`)}.</p>`,
      paragraph(
        "Chorus is where your colleagues share content worth sharing on LinkedIn, in their own words.",
      ),
      button(url, "Accept the invitation"),
      `<p style="margin:0 0 12px;font-size:13px;color:#4b5563">Or paste this link into your browser: ${esc(url)}<br>It works until ${esc(until)}.</p>`,
    ].join("\n"),
  });
  return {
    subject: subjectLine(`${inviterName} invited you to ${orgName} on Chorus`),
    text: textLayout(lines, reason),
    html,
  };
}
