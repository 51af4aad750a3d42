import type { Email } from '#adapters/mailer';
import { button, escapeHtml, htmlEmail, oneLine } from './layout.ts';

/** The invitation a new user receives: who invited them, their temporary password, where to sign in. */
export const invitationEmail = (input: {
  to: string;
  name: string;
  role: string;
  invitedBy: string;
  temporaryPassword: string;
  webUrl: string;
}): Email => {
  const signIn = `${input.webUrl.replace(/\/$/, '')}/sign-in?email=${encodeURIComponent(input.to)}`;
  const subject = 'You are invited to the Digital Mentorship Log';
  const text = [
    `Hello ${oneLine(input.name)},`,
    '',
    `${input.invitedBy} has invited you to the Digital Mentorship Log as a ${input.role}.`,
    '',
    `Sign in at ${signIn}`,
    `Email: ${input.to}`,
    `Temporary password: ${input.temporaryPassword}`,
    '',
    'You will choose your own password the first time you sign in. The temporary password expires in 7 days.',
  ].join('\n');
  const html = htmlEmail(
    subject,
    `<p>Hello ${escapeHtml(oneLine(input.name))},</p>
<p>${escapeHtml(input.invitedBy)} has invited you to the Digital Mentorship Log as a <strong>${escapeHtml(input.role)}</strong>.</p>
<p>Email: <strong>${escapeHtml(input.to)}</strong><br>Temporary password: <code style="font-size:16px" data-temporary-password>${escapeHtml(input.temporaryPassword)}</code></p>
${button(signIn, 'Sign in and choose your password')}
<p style="color:#5b6b7a;font-size:13px">The temporary password expires in 7 days. If you did not expect this, ignore this email.</p>`,
  );
  return { to: [input.to], subject, html, text };
};
