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

export interface PasswordResetEmailInput {
  name: string;
  url: string;
  /** How long the link works, in minutes. */
  validMinutes: number;
}

const RESET_REASON =
  "You receive this email because someone asked to reset the password of this Chorus account. If it was not you, ignore it: your password stays as it is.";

/** The reset link (transactional: no unsubscribe; it says why the person receives it). */
export function passwordResetEmail({
  name,
  url,
  validMinutes,
}: PasswordResetEmailInput): RenderedEmail {
  const greeting = `Hi ${name},`;
  const validity = `The link works once, for ${validMinutes} minutes.`;
  const lines = [
    greeting,
    "",
    "Someone (hopefully you) asked to reset your Chorus password.",
    "",
    `Choose a new password: ${url}`,
    validity,
    "Resetting your password signs you out everywhere.",
  ];
  const html = layout({
    title: "Reset your Chorus password",
    reason: RESET_REASON,
    bodyHtml: [
      paragraph(greeting),
      paragraph("Someone (hopefully you) asked to reset your Chorus password."),
      button(url, "Choose a new password"),
      `<p style="margin:0 0 12px;font-size:13px;color:#4b5563">Or paste this link into your browser: ${esc(url)}<br>${esc(validity)} Resetting your password signs you out everywhere.</p>`,
    ].join("\n"),
  });
  return {
    subject: subjectLine("Reset your Chorus password"),
    text: textLayout(lines, RESET_REASON),
    html,
  };
}

export interface PasswordChangedEmailInput {
  name: string;
  changedAt: Date;
  /** The person's time zone and language (emailDateFormat). */
  dates: DateFormat;
  /** Where to ask for a new link when the change was not theirs. */
  forgotPasswordUrl: string;
}

const CHANGED_REASON =
  "You receive this email because the password of this Chorus account was changed. We always tell you, so a change you did not make does not go unnoticed.";

/** "Your password was changed" (transactional). */
export function passwordChangedEmail({
  name,
  changedAt,
  dates,
  forgotPasswordUrl,
}: PasswordChangedEmailInput): RenderedEmail {
  const greeting = `Hi ${name},`;
  const when = `${formatDate(changedAt, "dateTime", dates)} (${dates.timeZone} time)`;
  const changed = `Your Chorus password was changed on ${when} with a reset link sent to this address. Every session was signed out.`;
  const notYou = `If this was not you, reset your password now and tell your Chorus admin: ${forgotPasswordUrl}`;
  const html = layout({
    title: "Your password was changed",
    reason: CHANGED_REASON,
    bodyHtml: [
      paragraph(greeting),
      paragraph(changed),
      paragraph("If this was not you, reset your password now and tell your Chorus admin."),
      button(forgotPasswordUrl, "Reset my password"),
    ].join("\n"),
  });
  return {
    subject: subjectLine("Your Chorus password was changed"),
    text: textLayout([greeting, "", changed, "", notYou], CHANGED_REASON),
    html,
  };
}
