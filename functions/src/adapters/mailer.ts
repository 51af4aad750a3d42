import type * as SesSdk from '@aws-sdk/client-sesv2';
import { env } from '#env';
import { logger } from '#logger';

export type Email = { to: string[]; subject: string; html: string; text: string };
export type Mailer = { send: (email: Email) => Promise<void> };

let loaded: Promise<{ sdk: typeof SesSdk; client: SesSdk.SESv2Client }> | undefined;
/** The SES SDK loads on first use, not at cold start: most invocations send no email. */
const ses = () => {
  loaded ??= import('@aws-sdk/client-sesv2').then((sdk) => ({ sdk, client: new sdk.SESv2Client({}) }));
  return loaded;
};

/** In AWS the sender is a bare verified address; people should see the product's name with it. */
const sender = (from: string) => (from.includes('<') ? from : `Digital Mentorship Log <${from}>`);

/** SES v2 in AWS; aws-ses-v2-local here (its store is what the tests read). */
export const sesMailer = (): Mailer => ({
  send: async ({ to, subject, html, text }) => {
    const { sdk, client } = await ses();
    await client.send(
      new sdk.SendEmailCommand({
        FromEmailAddress: sender(env('emailFrom')),
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
