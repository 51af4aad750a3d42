import { DEFAULT_TIME_ZONE, todayIn } from '@dml/shared/domain/dates';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phone, screenshot } from './support/browser.ts';
import { browserSession } from './support/session.ts';

const FACILITY = 'Kano Municipal Primary Health Centre';
/** KN-001's coordinates in the demo data: completing the visit here is on site. */
const AT_FACILITY = { latitude: 11.9964, longitude: 8.5167, accuracy: 12 };

const e2e = browserSession();

/** The log page's status chip, read from the page header. */
const statusOf = (page: Page) => page.locator('.page-header .chip-status').first();
const waitForStatus = async (page: Page, status: string) => {
  await expect.poll(async () => statusOf(page).textContent(), { timeout: 15_000 }).toBe(status);
};

describe('a visit from plan to verified report', () => {
  it('is planned, returned, revised, approved, completed on site and verified, with a six-step trail', async () => {
    const today = todayIn(DEFAULT_TIME_ZONE, new Date());
    const m = await e2e.open('mentor@example.org', { ...phone });
    await m.context().grantPermissions(['geolocation'], { origin: e2e.stack.outputs.webUrl });
    await m.context().setGeolocation(AT_FACILITY);

    // The mentor plans the visit on a phone.
    await m.getByRole('link', { name: 'Plan a visit' }).first().click();
    await m.getByRole('heading', { level: 1, name: 'Plan a visit' }).waitFor();
    await m.getByLabel('Facility', { exact: true }).selectOption({ label: FACILITY });
    await m.getByLabel('Visit date', { exact: true }).fill(today);
    await m
      .getByLabel('Objective 1', { exact: true })
      .fill('Review the ANC register against the DHIS2 report');
    await m.getByRole('button', { name: 'Add objective' }).click();
    await m.getByLabel('Objective 2', { exact: true }).fill('Observe two immunisation sessions');
    await m
      .getByLabel('Performance summary', { exact: true })
      .fill('ANC4 coverage dropped to 48% last quarter.');
    // The last visit's outcomes and open follow-ups are carried into the new plan.
    await m.getByRole('complementary', { name: 'Last visit to this facility' }).waitFor();
    await expect(m.getByLabel('Previous follow-up', { exact: true }).inputValue()).resolves.not.toBe('');
    await screenshot(m, 'log-plan-form-phone');
    await m.getByRole('button', { name: 'Submit for approval' }).click();

    await m.waitForURL(/\/logs\/[0-9a-f-]{36}$/);
    const logUrl = m.url();
    await waitForStatus(m, 'Submitted');
    await m.getByText('Plan submitted for approval.').waitFor();

    // The supervisor returns it with a comment.
    const s = await e2e.open('supervisor@example.org');
    await s.goto(logUrl);
    await waitForStatus(s, 'Submitted');
    await s.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'Return' }).click();
    const returning = s.getByRole('dialog', { name: 'Return the plan' });
    await returning.getByLabel('Comment').fill('Add the stock-out of HIV test kits to the gaps.');
    await returning.getByRole('button', { name: 'Return' }).click();
    await waitForStatus(s, 'Returned');

    // The mentor sees the comment, edits the plan (autosaved) and submits it again.
    await m.reload();
    await waitForStatus(m, 'Returned');
    await m
      .getByRole('note', { name: 'Returned with a comment' })
      .getByText('stock-out of HIV test kits')
      .waitFor();
    await m.getByRole('link', { name: 'Edit the plan' }).click();
    await m.getByRole('heading', { level: 1, name: 'Edit the plan' }).waitFor();
    await m.getByRole('note', { name: 'Returned with a comment' }).waitFor();
    await m
      .getByLabel('Identified gaps', { exact: true })
      .fill('Stock-out of HIV test kits for two weeks in May.');
    await m
      .getByRole('status')
      .filter({ hasText: /^Saved · / })
      .waitFor({ timeout: 15_000 });
    await m.getByRole('button', { name: 'Submit for approval' }).click();
    await m.waitForURL(logUrl);
    await waitForStatus(m, 'Submitted');

    // The supervisor approves.
    await s.reload();
    await waitForStatus(s, 'Submitted');
    await s.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'Approve' }).click();
    const approving = s.getByRole('dialog', { name: 'Approve the plan' });
    await approving.getByRole('button', { name: 'Approve' }).click();
    await waitForStatus(s, 'Approved');

    // The mentor completes the visit at the facility (the phone's position is mocked there).
    await m.reload();
    await waitForStatus(m, 'Approved');
    await m.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'Complete visit' }).click();
    const completing = m.getByRole('dialog', { name: 'Complete the visit' });
    await completing
      .getByLabel('Visit outcomes')
      .fill('Reconciled the ANC register; two immunisation sessions observed and coached.');
    await completing.getByText(/Position found, accurate to about 12 m/).waitFor();
    await screenshot(m, 'log-complete-dialog-phone');
    await completing.getByRole('button', { name: 'Complete visit' }).click();
    await waitForStatus(m, 'Completed');
    await m.getByText('On site', { exact: true }).waitFor();

    // The supervisor verifies the report.
    await s.reload();
    await waitForStatus(s, 'Completed');
    await s.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'Verify' }).click();
    await s
      .getByRole('dialog', { name: 'Verify the report' })
      .getByRole('button', { name: 'Verify' })
      .click();
    await waitForStatus(s, 'Verified');

    // Both see the whole chain: submitted, returned, submitted, approved, completed, verified.
    for (const page of [s, m]) {
      await page.reload();
      const steps = page.getByRole('list', { name: 'Review trail' }).getByRole('listitem');
      await expect.poll(() => steps.count()).toBe(6);
      const labels = await steps.locator('strong').allTextContents();
      expect(labels).toEqual(['Submitted', 'Returned', 'Submitted', 'Approved', 'Completed', 'Verified']);
      await expect(steps.nth(1).textContent()).resolves.toContain('stock-out of HIV test kits');
    }
    await screenshot(m, 'log-verified-phone');
    await screenshot(s, 'log-verified-desktop');
  });
});
