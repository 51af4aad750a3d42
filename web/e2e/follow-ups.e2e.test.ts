import { createMailbox } from '@dml/infra/local/testing/mailbox';
import { addDays, DEFAULT_TIME_ZONE, todayIn } from '@dml/shared/domain/dates';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phone, screenshot } from './support/browser.ts';
import { browserSession } from './support/session.ts';

/** In Kaduna: covered by the supervisor and by mentor2, not by mentor. */
const FACILITY = 'Kaduna North Primary Health Centre';
const MENTOR2 = { email: 'mentor2@example.org', name: 'Ibrahim Musa' };

const e2e = browserSession();

/** The unread count the bell announces ("Notifications, 3 unread"); 0 when it shows none. */
const unreadCount = async (page: Page) => {
  const name = (await page.getByRole('button', { name: /^Notifications/ }).textContent()) ?? '';
  return Number(/(\d+) unread/.exec(name)?.[1] ?? 0);
};

describe('follow-ups', () => {
  it('a follow-up assigned to mentor2 reaches their bell and their inbox, and they can start it', async () => {
    const today = todayIn(DEFAULT_TIME_ZONE, new Date());
    const due = addDays(today, 2);
    const actionItem = `Recount the HIV test kits in the store (${Math.random().toString(36).slice(2, 7)})`;

    // The supervisor plans a visit to a Kaduna facility and agrees a follow-up, assigned to mentor2.
    const s = await e2e.open('supervisor@example.org');
    await s.goto(`${e2e.stack.outputs.webUrl}/logs/new`);
    await s.getByLabel('Facility', { exact: true }).selectOption({ label: FACILITY });
    await s.getByLabel('Visit date', { exact: true }).fill(today);
    await s.getByLabel('Objective 1', { exact: true }).fill('Check the HIV test kit stock cards');
    await s.getByRole('button', { name: 'Save draft' }).click();
    await s.waitForURL(/\/logs\/[0-9a-f-]{36}\/edit$/);
    await s.getByText('Draft saved. Changes now save as you type.').waitFor();
    await s.getByRole('link', { name: 'Back to the log' }).click();
    await s.waitForURL(/\/logs\/[0-9a-f-]{36}$/);

    await s.getByRole('button', { name: 'Add follow-up' }).click();
    const form = s.getByRole('form', { name: 'Add follow-up' });
    await form.getByLabel('Action item').fill(actionItem);
    await form.getByLabel('Assign to').selectOption({ label: `${MENTOR2.name} (mentor)` });
    await form.getByLabel('Due date').fill(due);
    await form.getByLabel('Notes').fill('Compare with the LMIS report.');
    await form.getByRole('button', { name: 'Add follow-up' }).click();
    await s.getByText(`Follow-up added for ${MENTOR2.name}.`).waitFor();
    const item = s.getByRole('list', { name: 'Follow-ups of this log' }).getByRole('listitem');
    await item.getByText(actionItem).waitFor();
    await expect(item.textContent()).resolves.toContain('Due in 2 days');
    await screenshot(s, 'follow-up-added');

    // The notifier has run: an email to mentor2, and a notification in their bell.
    await e2e.stack.settle();
    const email = await createMailbox(e2e.stack.outputs.sesEndpoint).waitFor(MENTOR2.email, (e) =>
      (e.body.text ?? '').includes(actionItem),
    );
    expect(email.subject).toBe(`New follow-up due ${due}`);

    const m2 = await e2e.open(MENTOR2.email, { ...phone });
    await expect.poll(() => unreadCount(m2), { timeout: 10_000 }).toBeGreaterThan(0);
    const before = await unreadCount(m2);
    await m2.getByRole('button', { name: /^Notifications/ }).click();
    const notification = m2.getByRole('button', {
      name: new RegExp(`^Unread: New follow-up due ${due}.*${FACILITY}`),
    });
    await notification.filter({ hasText: actionItem }).waitFor();
    await screenshot(m2, 'follow-up-notification-phone');
    await notification.filter({ hasText: actionItem }).click();

    // Opening it marks it read and leads to the follow-ups assigned to them.
    await m2.waitForURL(/\/follow-ups$/);
    await expect.poll(() => unreadCount(m2)).toBe(before - 1);
    const assigned = m2
      .getByRole('list', { name: 'Assigned to me' })
      .getByRole('listitem')
      .filter({ hasText: actionItem });
    await assigned.waitFor();
    await assigned.getByRole('button', { name: 'Start' }).click();
    await assigned.getByText('In progress', { exact: true }).waitFor();
    await screenshot(m2, 'follow-ups-assigned-phone');
  });
});
