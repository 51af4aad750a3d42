import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { env } from '../env.ts';
import { logger } from '../logger.ts';

export type Email = { to: string[]; subject: string; html: string; text: string };
export type Mailer = { send: (email: Email) => Promise<void> };

let client: SESv2Client | undefined;

/** SES v2 in AWS; aws-ses-v2-local here (its store is what the tests read). */
export const sesMailer = (): Mailer => ({
  send: async ({ to, subject, html, text }) => {
    client ??= new SESv2Client({});
    await client.send(
      new SendEmailCommand({
        FromEmailAddress: env('emailFrom'),
        Destination: { ToAddresses: to },
        Content: {
          Simple: {
            Subject: { Data: subject, Charset: 'UTF-8' },
            Body: { Html: { Data: html, Charset: 'UTF-8' }, Text: { Data: text, Charset: 'UTF-8' } },
          },
        },
      }),
    );
    logger.info('email sent', { to: to.length, subject });
  },
});
