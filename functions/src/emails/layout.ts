import { toSingleLine } from '@dml/shared';

/** Escapes text for HTML email bodies. */
export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** A plain, readable HTML email that renders on phones and in every client. */
export const htmlEmail = (title: string, bodyHtml: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:0;background:#f4f6f8;font-family:Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1d2a36">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" style="max-width:560px;background:#ffffff;border-radius:8px;padding:24px">
<tr><td style="font-size:13px;color:#5b6b7a;padding-bottom:8px">Digital Mentorship Log</td></tr>
<tr><td><h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(title)}</h1>${bodyHtml}</td></tr>
</table></td></tr></table></body></html>`;

export const button = (href: string, label: string) =>
  `<p style="margin:24px 0"><a href="${escapeHtml(href)}" style="background:#0b6e4f;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(label)}</a></p>`;

/**
 * A header value (subject) or a name in a greeting: one line, whatever the text came from. A line
 * break in a subject would start a new mail header; names are refused at the API, but facility names
 * and the like may predate that rule or come from elsewhere, so the email layer makes sure.
 */
export const oneLine = (text: string, max = 200) => {
  const line = toSingleLine(text);
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
};
