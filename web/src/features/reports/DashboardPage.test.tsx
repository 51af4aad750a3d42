import type { MonthFigures } from '@dml/shared/api/reports';
import type { Role } from '@dml/shared/roles';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { errorReply, type FakeRequest, fakeApi, mockAccessToken } from '../../test/fakeApi.ts';
import { dashboardFixture, facilityFixture, meFor, pageOf, userFixture, uuid } from '../../test/fixtures.ts';
import { renderWithProviders, signedInAs } from '../../test/render.tsx';
import { DashboardPage, reportQuery } from './DashboardPage.tsx';

vi.mock('aws-amplify/auth', () => ({ fetchAuthSession: vi.fn(), signOut: vi.fn() }));
// recharts needs a real layout engine; the charts are checked in the browser (e2e screenshots).
vi.mock('./charts.tsx', () => ({
  TrendsChart: ({ view, months }: { view: string; months: unknown[] }) => (
    <div role="img" aria-label={`Trends chart: ${view}, ${months.length} months`} />
  ),
  FacilityChart: ({ rows }: { rows: unknown[] }) => (
    <div role="img" aria-label={`Facility chart: ${rows.length} facilities`} />
  ),
}));

beforeEach(() => {
  mockAccessToken();
});

const month = (m: string, planned: number, completed: number): MonthFigures => ({
  month: m,
  planned,
  approved: planned,
  completed,
  verified: completed,
  off_site: 0,
  follow_ups_opened: 2,
  follow_ups_closed: 1,
  follow_ups_closed_on_time: 1,
});
const dala = facilityFixture();
const gwale = facilityFixture({ id: uuid(202), name: 'Gwale Clinic', code: 'KN-GWALE', state: 'Kano' });
const zaria = facilityFixture({
  id: uuid(203),
  name: 'Zaria General Hospital',
  code: 'KD-ZARIA',
  state: 'Kaduna',
});
const row = (f: typeof dala, planned: number, completed: number) => ({
  facility_id: f.id,
  name: f.name,
  code: f.code,
  state: f.state,
  facility_type: f.facility_type,
  planned,
  completed,
  verified: 0,
  off_site_completions: 0,
  median_days_submit_to_approve: null,
  follow_ups_open: 1,
  follow_ups_overdue: 0,
  facilities_visited: completed > 0 ? 1 : 0,
});
const mentorRow = (name: string, n: number, completed: number) => ({
  mentor_id: uuid(100 + n),
  mentor_name: name,
  planned: 4,
  completed,
  verified: 1,
  off_site_completions: 0,
  median_days_submit_to_approve: n,
  follow_ups_open: 2,
  follow_ups_overdue: n,
  facilities_visited: 1,
  facilities_assigned: 3,
});
const period = { from: '2026-01-01', to: '2026-03-31', months: 3 };

const renderDashboard = (
  role: Role = 'supervisor',
  {
    path = '/dashboard',
    routes = {},
  }: { path?: string; routes?: Record<string, (r: FakeRequest) => unknown> } = {},
) => {
  const api = fakeApi({
    'GET /api/auth/me': () => meFor(role),
    'GET /api/reports/dashboard': () => dashboardFixture(),
    'GET /api/analytics/trends': () => ({
      scope: dashboardFixture().scope,
      period,
      months: [month('2026-01', 3, 2), month('2026-02', 2, 2), month('2026-03', 3, 1)],
    }),
    'GET /api/reports/mentor-summary': () => ({
      period,
      items: [mentorRow('Amina Yusuf', 1, 3), mentorRow('Ibrahim Musa', 2, 1)],
    }),
    'GET /api/reports/facility-summary': () => ({
      period,
      items: [row(dala, 3, 2), row(gwale, 5, 1)],
      next_cursor: null,
    }),
    'GET /api/facilities': () => pageOf([dala, gwale, zaria]),
    'GET /api/users': () => pageOf([userFixture()]),
    ...routes,
  });
  const view = renderWithProviders(null, {
    api: api.client,
    auth: signedInAs(role),
    path,
    routes: [{ path: '/dashboard', element: <DashboardPage /> }],
  });
  return { ...api, ...view };
};

const card = (label: string) => {
  const cards = within(screen.getByRole('list', { name: 'Key figures' })).getAllByRole('listitem');
  const found = cards.find((c) => c.querySelector('.card__label')?.textContent === label);
  return found?.querySelector('.card__value')?.textContent;
};

describe('DashboardPage', () => {
  it('shows the KPI cards of the response, with the scope and the period', async () => {
    const fake = renderDashboard();

    await screen.findByRole('list', { name: 'Key figures' });
    expect(card('Visits completed / planned')).toBe('5 / 8');
    expect(card('Reports verified')).toBe('3');
    expect(card('Off-site completions')).toBe('1');
    expect(card('Submit → approve')).toBe('1.5');
    expect(card('Visit → verify')).toBe('4');
    expect(card('Follow-ups closed on time')).toBe('80%');
    expect(card('Follow-ups overdue now')).toBe('2');
    expect(card('Facilities visited / assigned')).toBe('4 / 6');
    expect(screen.getByText('Facilities covered by Sani Bello')).toBeDefined();
    expect(screen.getByRole('radio', { name: '3 months' })).toHaveProperty('checked', true);
    expect(fake.requestsTo('GET /api/reports/dashboard')[0]?.url.search).toBe('?months=3');
  });

  it('says "—" for timeliness and rates with nothing to measure yet', async () => {
    renderDashboard('mentor', {
      routes: {
        'GET /api/reports/dashboard': () =>
          dashboardFixture({
            scope: { kind: 'mentor', label: 'Mary Ade' },
            timeliness: { median_days_submit_to_approve: null, median_days_visit_to_verify: null },
            follow_ups: {
              ...dashboardFixture().follow_ups,
              closed: 0,
              closed_on_time: 0,
              closed_on_time_rate: null,
            },
          }),
      },
    });

    await screen.findByRole('list', { name: 'Key figures' });
    expect(card('Submit → approve')).toBe('—');
    expect(card('Follow-ups closed on time')).toBe('—');
  });

  it('sends the period to every report when it changes', async () => {
    const fake = renderDashboard();
    await screen.findByRole('list', { name: 'Key figures' });

    fireEvent.click(screen.getByRole('radio', { name: '12 months' }));

    await waitFor(() =>
      expect(fake.requestsTo('GET /api/reports/dashboard').at(-1)?.url.search).toBe('?months=12'),
    );
    await waitFor(() =>
      expect(fake.requestsTo('GET /api/analytics/trends').at(-1)?.query.get('months')).toBe('12'),
    );
    await waitFor(() =>
      expect(fake.requestsTo('GET /api/reports/mentor-summary').at(-1)?.query.get('months')).toBe('12'),
    );
    expect(fake.requestsTo('GET /api/reports/facility-summary').at(-1)?.query.get('months')).toBe('12');
  });

  it('narrows a supervisor’s figures to one of their facilities', async () => {
    const fake = renderDashboard();
    await screen.findByRole('list', { name: 'Key figures' });
    await screen.findByRole('option', { name: 'Gwale Clinic' });

    fireEvent.change(screen.getByLabelText('Facility'), { target: { value: gwale.id } });

    await waitFor(() =>
      expect(fake.requestsTo('GET /api/reports/dashboard').at(-1)?.url.search).toBe(
        `?months=3&facility_id=${gwale.id}`,
      ),
    );
    expect(fake.requestsTo('GET /api/analytics/trends').at(-1)?.query.get('facility_id')).toBe(gwale.id);
  });

  it('lets an admin pick a state, a facility or a mentor (one at a time)', async () => {
    const fake = renderDashboard('admin');
    await screen.findByRole('list', { name: 'Key figures' });
    const lastQuery = () => fake.requestsTo('GET /api/reports/dashboard').at(-1)?.url.search;

    fireEvent.change(screen.getByLabelText('Figures for'), { target: { value: 'state' } });
    await screen.findByRole('option', { name: 'Kaduna' });
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'Kaduna' } });
    await waitFor(() => expect(lastQuery()).toBe('?months=3&state=Kaduna'));

    fireEvent.change(screen.getByLabelText('Figures for'), { target: { value: 'mentor' } });
    await screen.findByRole('option', { name: 'Amina Yusuf' });
    fireEvent.change(screen.getByLabelText('Mentor'), { target: { value: uuid(101) } });
    await waitFor(() => expect(lastQuery()).toBe(`?months=3&mentor_id=${uuid(101)}`));

    // Back to the whole programme: its figures (cached from the start) without any filter.
    const before = fake.requestsTo('GET /api/reports/dashboard').length;
    fireEvent.change(screen.getByLabelText('Figures for'), { target: { value: '' } });
    await waitFor(() => expect(screen.queryByLabelText('Mentor')).toBeNull());
    expect(
      fake
        .requestsTo('GET /api/reports/dashboard')
        .slice(before)
        .every((r) => r.url.search === '?months=3'),
    ).toBe(true);
  });

  it('shows a mentor their own figures and trends, without filters or summaries', async () => {
    const fake = renderDashboard('mentor');

    await screen.findByRole('list', { name: 'Key figures' });
    expect(await screen.findByRole('img', { name: 'Trends chart: visits, 3 months' })).toBeDefined();
    expect(screen.queryByLabelText('Facility')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Mentors' })).toBeNull();
    expect(fake.requestsTo('GET /api/reports/mentor-summary')).toHaveLength(0);
  });

  it('switches the trends chart between visits and follow-ups, with the numbers as a table', async () => {
    renderDashboard('mentor');
    const figure = await screen.findByRole('figure', { name: 'Month by month' });
    expect(await within(figure).findByRole('img', { name: 'Trends chart: visits, 3 months' })).toBeDefined();
    const table = within(figure).getByRole('table', { name: 'Month by month' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);

    fireEvent.click(within(figure).getByRole('button', { name: 'Follow-ups' }));

    expect(within(figure).getByRole('button', { name: 'Follow-ups' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(
      await within(figure).findByRole('img', { name: 'Trends chart: follow-ups, 3 months' }),
    ).toBeDefined();
  });

  it('compares facilities and mentors in sortable tables', async () => {
    renderDashboard();

    expect(await screen.findByRole('img', { name: 'Facility chart: 2 facilities' })).toBeDefined();
    const facilities = await screen.findByRole('table', { name: 'Facility summary' });
    const names = () =>
      within(facilities)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent);
    expect(names()).toEqual(['Dala General Hospital (KN-DALA-GH)', 'Gwale Clinic (KN-GWALE)']);
    expect(
      within(facilities)
        .getByRole('link', { name: /Gwale Clinic/ })
        .getAttribute('href'),
    ).toBe(`/facilities/${gwale.id}`);

    fireEvent.click(within(facilities).getByRole('button', { name: 'Planned' }));
    expect(names()).toEqual(['Gwale Clinic (KN-GWALE)', 'Dala General Hospital (KN-DALA-GH)']);
    expect(
      within(facilities)
        .getByRole('columnheader', { name: /Planned/ })
        .getAttribute('aria-sort'),
    ).toBe('descending');
    fireEvent.click(within(facilities).getByRole('button', { name: /Planned/ }));
    expect(names()).toEqual(['Dala General Hospital (KN-DALA-GH)', 'Gwale Clinic (KN-GWALE)']);

    const mentors = await screen.findByRole('table', { name: 'Mentor summary' });
    const sortBy = within(mentors.parentElement as HTMLElement).getByLabelText('Sort by');
    fireEvent.change(sortBy, { target: { value: 'completed:ascending' } });
    expect(
      within(mentors)
        .getAllByRole('rowheader')
        .map((c) => c.textContent),
    ).toEqual(['Ibrahim Musa', 'Amina Yusuf']);
    expect(within(mentors).getAllByRole('row')[1]?.textContent).toContain('1 of 3');
  });

  it('explains a refusal and retries', async () => {
    let calls = 0;
    renderDashboard('supervisor', {
      routes: {
        'GET /api/reports/dashboard': () =>
          calls++ === 0 ? errorReply(503, 'internal_error', 'The service is busy.') : dashboardFixture(),
      },
    });

    const alert = await screen.findByRole('heading', { name: "We couldn't load the figures" });
    expect(alert.parentElement?.textContent).toContain('The service is busy.');
    fireEvent.click(within(alert.parentElement as HTMLElement).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('list', { name: 'Key figures' })).toBeDefined();
  });
});

describe('reportQuery', () => {
  const values = { months: '', subject: '', facility: '', state: '', mentor: '' };

  it('keeps to the periods offered, 3 months by default', () => {
    expect(reportQuery({ ...values, months: '6' }, 'mentor')).toEqual({ months: 6 });
    expect(reportQuery({ ...values, months: '7' }, 'mentor')).toEqual({ months: 3 });
  });

  it('never sends a mentor’s filters, nor a supervisor’s state or mentor', () => {
    expect(reportQuery({ ...values, facility: dala.id }, 'mentor')).toEqual({ months: 3 });
    expect(reportQuery({ ...values, subject: 'state', state: 'Kano' }, 'supervisor')).toEqual({ months: 3 });
    expect(reportQuery({ ...values, facility: dala.id }, 'supervisor')).toEqual({
      months: 3,
      facility_id: dala.id,
    });
  });

  it('sends only what the admin chose the figures for', () => {
    const all = { ...values, facility: dala.id, state: 'Kano', mentor: uuid(101) };
    expect(reportQuery({ ...all, subject: 'facility' }, 'admin')).toEqual({
      months: 3,
      facility_id: dala.id,
    });
    expect(reportQuery({ ...all, subject: 'state' }, 'admin')).toEqual({ months: 3, state: 'Kano' });
    expect(reportQuery({ ...all, subject: '' }, 'admin')).toEqual({ months: 3 });
  });
});
