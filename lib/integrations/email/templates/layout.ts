/**
 * The one simple layout of every email, and the HTML escaping they all use. Templates build HTML
 * only from `esc()`-ed values and fixed markup: user input never reaches the HTML raw.
 */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** Where the sender puts the unsubscribe footer (optional categories) in the HTML part. */
export const FOOTER_MARKER = "<!--chorus-footer-->";

export function esc(value: string | number): string {
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Strips line breaks from a subject (header injection is nodemailer's job, but keep it tidy). */
export function subjectLine(value: string): string {
  return value
    .replace(/[\r\n]+/g, " ")
    .trim()
    .slice(0, 200);
}

export function button(href: string, label: string): string {
  return `<p style="margin:24px 0"><a href="${esc(href)}" style="background:#111827;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;display:inline-block">${esc(label)}</a></p>`;
}

export function paragraph(text: string): string {
  return `<p style="margin:0 0 12px">${esc(text)}</p>`;
}

/**
 * Wraps body HTML (already escaped) in the layout. `reason` says why the person receives the
 * email; it closes both parts.
 */
export function layout({
  title,
  bodyHtml,
  reason,
}: {
  title: string;
  bodyHtml: string;
  reason: string;
}): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(title)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#111827;line-height:1.5">
<div style="max-width:560px;margin:0 auto;padding:24px">
<div style="font-weight:600;font-size:14px;color:#6b7280;margin-bottom:12px">Chorus</div>
<div style="background:#ffffff;border-radius:8px;padding:24px">
<h1 style="font-size:20px;margin:0 0 16px">${esc(title)}</h1>
${bodyHtml}
</div>
<p style="font-size:12px;color:#6b7280;margin-top:16px">${esc(reason)}</p>
${FOOTER_MARKER}
</div>
</body></html>`;
}

/** Text part: the lines, a blank line, then why the person receives it. */
export function textLayout(lines: string[], reason: string): string {
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n")}\n\n--\n${reason}\n`;
}
