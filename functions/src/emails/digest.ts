import type { Email } from '#adapters/mailer';
import type { Digest, DigestLine } from '#features/reminders/digest';
import { escapeHtml, htmlEmail, oneLine } from './layout.ts';

const sections: [keyof Digest, string][] = [
  ['overdue', 'Overdue follow-ups'],
  ['escalated', 'Overdue for more than a week at facilities you supervise'],
  ['dueSoon', 'Follow-ups due in the next days'],
  ['visitsTomorrow', 'Approved visits tomorrow'],
  ['reviewsWaiting', 'Plans and reports waiting for your review'],
];

/** The daily digest: one email per person, each section only when it has items, every item linked. */
export const digestEmail = (input: {
  to: string;
  name: string;
  date: string;
  digest: Digest;
  webUrl: string;
  profileUrl: string;
}): Email => {
  const base = input.webUrl.replace(/\/$/, '');
  const present = sections.filter(([key]) => input.digest[key].length > 0);
  const url = (line: DigestLine) => `${base}${line.link}`;
  const subject = `Your mentorship reminders for ${input.date}`;
  const text = [
    `Hello ${oneLine(input.name)},`,
    '',
    ...present.flatMap(([key, title]) => [
      title,
      ...input.digest[key].map((l) => `• ${l.text} — ${url(l)}`),
      '',
    ]),
    `You receive this because reminder emails are on in your profile (${input.profileUrl}).`,
  ].join('\n');
  const html = htmlEmail(
    subject,
    `<p>Hello ${escapeHtml(oneLine(input.name))},</p>${present
      .map(
        ([key, title]) =>
          `<h2 style="font-size:16px;margin:20px 0 8px">${escapeHtml(title)}</h2><ul style="padding-left:20px;margin:0">${input.digest[
            key
          ]
            .map(
              (l) =>
                `<li style="margin:4px 0"><a href="${escapeHtml(url(l))}">${escapeHtml(l.text)}</a></li>`,
            )
            .join('')}</ul>`,
      )
      .join(
        '',
      )}<p style="color:#5b6b7a;font-size:13px;margin-top:24px">Reminder emails can be turned off in <a href="${escapeHtml(input.profileUrl)}">your profile</a>.</p>`,
  );
  return { to: [input.to], subject, html, text };
};
