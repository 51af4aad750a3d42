import { createMailbox, temporaryPasswordIn } from '@dml/infra/local/testing/mailbox';
import { startTestStack, type TestStack } from '@dml/infra/local/testing/stack';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signIn } from './support/browser.ts';

let stack: TestStack;
let browser: Browser;
beforeAll(async () => {
  stack = await startTestStack({ web: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('running the programme', () => {
  it('admin registers a facility and invites a mentor, who signs in and sees it', async () => {
    const suffix = Math.random().toString(36).slice(2, 7).toUpperCase();
    const facilityName = `Ungogo Health Post ${suffix}`;
    const email = `new.mentor.${suffix.toLowerCase()}@example.org`;
    const admin = await (await browser.newContext()).newPage();

    await signIn(admin, stack.outputs.webUrl, 'admin@example.org', stack.demoPassword);
    await admin.getByRole('heading', { level: 1, name: /Welcome/ }).waitFor();

    // A facility.
    await admin.goto(`${stack.outputs.webUrl}/facilities`);
    await admin.getByRole('button', { name: 'New facility' }).click();
    const facilityForm = admin.getByRole('dialog');
    await facilityForm.getByLabel('Name').fill(facilityName);
    await facilityForm.getByLabel('Code').fill(`UG-${suffix}`);
    await facilityForm.getByLabel('State').fill('Kano');
    await facilityForm.getByLabel('Type').selectOption('primary_health_centre');
    await facilityForm.getByRole('button', { name: 'Save' }).click();
    await facilityForm.waitFor({ state: 'detached' });

    // A mentor, invited by email.
    await admin.goto(`${stack.outputs.webUrl}/users`);
    await admin.getByRole('button', { name: 'Invite user' }).click();
    const invite = admin.getByRole('dialog');
    await invite.getByLabel('Email').fill(email);
    await invite.getByLabel('Name', { exact: true }).fill('Zainab Yusuf');
    await invite.getByLabel('Role').selectOption('mentor');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await invite.getByRole('link', { name: 'Open Zainab Yusuf' }).click();

    // Assign the facility on the mentor's page.
    await admin.getByRole('button', { name: 'Assign facilities' }).click();
    const assign = admin.getByRole('dialog');
    await assign.getByLabel('Find facilities').fill(facilityName);
    await assign.getByRole('checkbox', { name: new RegExp(facilityName) }).check();
    await assign.getByRole('button', { name: 'Save' }).click();
    await assign.waitFor({ state: 'detached' });
    await admin.getByRole('list', { name: 'Facilities of Zainab Yusuf' }).getByText(facilityName).waitFor();
    await screenshot(admin, 'admin-user-with-facility');

    // The invitation, as the mentor reads it.
    const invitation = await createMailbox(stack.outputs.sesEndpoint).waitFor(email, (m) =>
      m.subject.includes('invited'),
    );
    expect(invitation.body.html).toContain(stack.outputs.webUrl);

    const mentor = await (await browser.newContext()).newPage();
    await signIn(mentor, stack.outputs.webUrl, email, temporaryPasswordIn(invitation));
    await mentor.getByLabel('New password', { exact: true }).fill('Zainab-Passw0rd!');
    await mentor.getByLabel('Confirm new password').fill('Zainab-Passw0rd!');
    await mentor.getByRole('button', { name: 'Set password and sign in' }).click();
    await mentor.getByRole('heading', { level: 1, name: 'Welcome, Zainab Yusuf' }).waitFor();

    await mentor.goto(`${stack.outputs.webUrl}/facilities`);
    await mentor.getByRole('link', { name: facilityName }).waitFor();
    await screenshot(mentor, 'mentor-sees-assigned-facility');
  });
});
