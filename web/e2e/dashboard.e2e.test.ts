import type { Dashboard } from '@dml/shared/api/reports';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phone, screenshot, screenshotDir } from './support/browser.ts';
import { browserSession } from './support/session.ts';

const e2e = browserSession();

/** The KPI cards as the page shows them: label → value. */
const cardsOf = async (page: Page) => {
  const cards = page.getByRole('list', { name: 'Key figures' }).getByRole('listitem');
  await cards.first().waitFor();
  const shown: Record<string, string> = {};
  for (const card of await cards.all()) {
    const label = (await card.locator('.card__label').textContent()) ?? '';
    shown[label] = ((await card.locator('.card__value').textContent()) ?? '').trim();
  }
  return shown;
};

const figure = (value: number | null) => (value === null ? '—' : String(Math.round(value * 10) / 10));
const percent = (value: number | null) => (value === null ? '—' : `${figure(value)}%`);

describe('dashboard', () => {
  it("shows the supervisor's figures on a phone, the same as the API's", async () => {
    const page = await e2e.open('supervisor@example.org', { ...phone });

    // Home shows the key figures and leads to the dashboard.
    await page.getByRole('list', { name: 'Key figures' }).waitFor();
    await page.getByRole('link', { name: 'Open the dashboard' }).click();
    await page.waitForURL(/\/dashboard$/);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const shown = await cardsOf(page);

    // The API, asked directly with the supervisor's own token, for the same period (3 months).
    const token = await e2e.stack.tokenFor('supervisor@example.org');
    const response = await fetch(`${e2e.stack.outputs.apiUrl}/api/reports/dashboard?months=3`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const api = (await response.json()) as Dashboard;
    expect(api.scope.kind).toBe('supervisor');
    // The demo data has visits in several states and follow-ups, some overdue.
    expect(api.visits.planned).toBeGreaterThan(0);
    expect(api.follow_ups.overdue_now).toBeGreaterThan(0);

    expect(shown).toEqual({
      'Visits completed / planned': `${api.visits.completed} / ${api.visits.planned}`,
      'Reports verified': String(api.visits.verified),
      'Off-site completions': String(api.visits.off_site_completions),
      'Submit → approve': figure(api.timeliness.median_days_submit_to_approve),
      'Visit → verify': figure(api.timeliness.median_days_visit_to_verify),
      'Follow-ups closed on time': percent(api.follow_ups.closed_on_time_rate),
      'Follow-ups overdue now': String(api.follow_ups.overdue_now),
      'Facilities visited / assigned': `${api.coverage.facilities_visited} / ${api.coverage.facilities_assigned}`,
    });
    await page.getByText(api.scope.label, { exact: true }).first().waitFor();

    // The charts load with the page (recharts on demand) and fit the phone: no sideways scrolling.
    const trends = page.getByRole('figure', { name: 'Month by month' });
    await trends.locator('.recharts-bar-rectangle').first().waitFor({ timeout: 15_000 });
    const byFacility = page.getByRole('figure', { name: /Visits by facility/ });
    await byFacility.locator('.recharts-bar-rectangle').first().waitFor();
    // The plot takes the card's width (a 390 px phone: well over 250 px, never more than the screen).
    for (const chart of [trends, byFacility]) {
      const width = await chart
        .locator('.recharts-wrapper')
        .first()
        .evaluate((e) => e.getBoundingClientRect().width);
      expect(width).toBeGreaterThan(250);
      expect(width).toBeLessThanOrEqual(390);
    }
    await page.getByRole('table', { name: 'Mentor summary' }).waitFor();
    await page.getByRole('table', { name: 'Facility summary' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.mouse.move(1, 1);
    await screenshot(page, 'dashboard-supervisor-phone');
    await trends.screenshot({ path: `${screenshotDir}/dashboard-trends-phone.png` });

    // Another period asks the API again, and still matches it.
    await page.getByText('12 mo', { exact: true }).click();
    const year = (await (
      await fetch(`${e2e.stack.outputs.apiUrl}/api/reports/dashboard?months=12`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as Dashboard;
    await expect
      .poll(async () => (await cardsOf(page))['Visits completed / planned'])
      .toBe(`${year.visits.completed} / ${year.visits.planned}`);
  });
});
