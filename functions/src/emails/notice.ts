import type { Email } from '#adapters/mailer';
import { button, escapeHtml, htmlEmail, oneLine } from './layout.ts';

/** An email for something a person must act on: what happened, and a link to where to act. */
export const noticeEmail = (input: {
  to: string;
  name: string;
  title: string;
  body: string;
  url: string;
}): Email => {
  const title = oneLine(input.title);
  const name = oneLine(input.name);
  return {
    to: [input.to],
    subject: title,
    text: `Hello ${name},\n\n${input.body}\n\nOpen: ${input.url}\n\n— Digital Mentorship Log`,
    html: htmlEmail(
      title,
      `<p>Hello ${escapeHtml(name)},</p><p>${escapeHtml(input.body)}</p>${button(input.url, 'Open in the app')}`,
    ),
  };
};
