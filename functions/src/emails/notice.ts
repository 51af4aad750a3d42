import type { Email } from '../adapters/mailer.ts';
import { button, escapeHtml, htmlEmail } from './layout.ts';

/** An email for something a person must act on: what happened, and a link to where to act. */
export const noticeEmail = (input: {
  to: string;
  name: string;
  title: string;
  body: string;
  url: string;
}): Email => ({
  to: [input.to],
  subject: input.title,
  text: `Hello ${input.name},\n\n${input.body}\n\nOpen: ${input.url}\n\n— Digital Mentorship Log`,
  html: htmlEmail(
    input.title,
    `<p>Hello ${escapeHtml(input.name)},</p><p>${escapeHtml(input.body)}</p>${button(input.url, 'Open in the app')}`,
  ),
});
