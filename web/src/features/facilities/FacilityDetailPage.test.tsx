import type { Role } from '@dml/shared/roles';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FacilityPage } from '../../pages/FacilityPage.tsx';
import { errorReply, type FakeRequest, fakeApi, mockAccessToken } from '../../test/fakeApi.ts';
import { facilityFixture, logSummaryFixture, pageOf, uuid } from '../../test/fixtures.ts';
import { renderWithProviders, signedInAs } from '../../test/render.tsx';
import { FacilitiesPage } from './FacilitiesPage.tsx';

vi.mock('aws-amplify/auth', () => ({ fetchAuthSession: vi.fn(), signOut: vi.fn() }));
vi.mock('../reports/charts.tsx', () => ({
  TrendsChart: ({ months }: { months: unknown[] }) => (
    <div role="img" aria-label={`Trends chart, ${months.length} months`} />
  ),
  FacilityChart: () => null,
}));

beforeEach(() => {
  mockAccessToken();
});

const dala = facilityFixture();
const mentor = {
  id: uuid(101),
  name: 'Amina Yusuf',
  email: 'amina.yusuf@example.org',
  role: 'mentor',
  designation: 'Clinical Mentor',
  is_active: true,
  assigned_at: '2026-01-07T08:00:00Z',
};
const supervisor = { ...mentor, id: uuid(102), name: 'Sani Bello', role: 'supervisor', is_active: false };

const month = (m: string) => ({
  month: m,
  planned: 1,
  approved: 1,
  completed: 1,
  verified: 0,
  off_site: 0,
  follow_ups_opened: 1,
  follow_ups_closed: 0,
  follow_ups_closed_on_time: 0,
});
const performance = (months: number) => ({
  facility_id: dala.id,
  name: dala.name,
  period: { from: '2025-10-01', to: '2026-03-31', months },
  months: Array.from({ length: months }, (_, i) => month(`2026-${String((i % 12) + 1).padStart(2, '0')}`)),
  follow_ups: { open_now: 3, overdue_now: 1, due_this_week: 2 },
  visits: [
    logSummaryFixture({
      id: uuid(410),
      status: 'approved',
      visit_date: '2026-03-20',
      mentor_name: 'Amina Yusuf',
    }),
    logSummaryFixture({
      id: uuid(411),
      status: 'verified',
      visit_date: '2026-01-12',
      check_in_flag: 'off_site',
    }),
  ],
});

const renderFacility = (
  routes: Record<string, (request: FakeRequest) => unknown> = {},
  role: Role = 'admin',
) => {
  const api = fakeApi({
    'GET /api/facilities/{id}': () => dala,
    'GET /api/facilities/{id}/users': () => ({ items: [mentor, supervisor] }),
    'GET /api/facilities': () => pageOf([]),
    'GET /api/facilities/{id}/performance': ({ query }) => performance(Number(query.get('months'))),
    ...routes,
  });
  const view = renderWithProviders(null, {
    api: api.client,
    auth: signedInAs(role),
    path: `/facilities/${dala.id}`,
    routes: [
      { path: '/facilities', element: <FacilitiesPage /> },
      { path: '/facilities/:id', element: <FacilityPage /> },
    ],
  });
  return { ...api, ...view };
};

const detailOf = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;

describe('FacilityDetailPage', () => {
  it('shows its performance chart, open and overdue follow-ups, and its visits as a timeline', async () => {
    const fake = renderFacility({}, 'mentor');

    const cards = await screen.findByRole('list', { name: 'Follow-ups at this facility' });
    expect(cards.textContent).toContain('3Follow-ups open');
    expect(cards.textContent).toContain('1Overdue now');
    expect(await screen.findByRole('img', { name: 'Trends chart, 6 months' })).toBeDefined();
    const timeline = screen.getByRole('list', { name: 'Visits to Dala General Hospital' });
    const visits = within(timeline).getAllByRole('listitem');
    expect(visits).toHaveLength(2);
    expect(visits[0]?.textContent).toContain('Approved');
    expect(visits[0]?.textContent).toContain('Amina Yusuf');
    expect(visits[1]?.textContent).toContain('Off site');
    expect(
      within(visits[0] as HTMLElement)
        .getByRole('link')
        .getAttribute('href'),
    ).toBe(`/logs/${uuid(410)}`);

    fireEvent.change(screen.getByLabelText('Period'), { target: { value: '12' } });
    expect(await screen.findByRole('img', { name: 'Trends chart, 12 months' })).toBeDefined();
    expect(fake.requestsTo('GET /api/facilities/{id}/performance').at(-1)?.query.get('months')).toBe('12');
  });

  it('shows the facility and the users assigned to it', async () => {
    renderFacility();

    expect(await screen.findByRole('heading', { level: 1, name: 'Dala General Hospital' })).toBeDefined();
    expect(detailOf('Code')).toBe('KN-DALA-GH');
    expect(detailOf('Type')).toBe('General hospital');
    expect(detailOf('Position')).toBe('12.0122, 8.4922');
    expect(detailOf('Check-in radius')).toBe('500 m');
    const users = await screen.findByRole('list', { name: 'Users assigned to Dala General Hospital' });
    const items = within(users).getAllByRole('listitem');
    expect(
      within(items[0] as HTMLElement)
        .getByRole('link', { name: 'Amina Yusuf' })
        .getAttribute('href'),
    ).toBe(`/users/${mentor.id}`);
    expect(items[1]?.textContent).toContain('supervisor');
    expect(items[1]?.textContent).toContain('Inactive');
  });

  it('shows mentors the facility without asking who else covers it', async () => {
    const { requestsTo } = renderFacility({}, 'mentor');

    await screen.findByRole('heading', { level: 1, name: 'Dala General Hospital' });
    expect(screen.queryByRole('heading', { name: /Assigned users/ })).toBeNull();
    expect(requestsTo('GET /api/facilities/{id}/users')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });

  it('deletes an unreferenced facility after confirmation and returns to the list', async () => {
    const { requestsTo, router } = renderFacility({
      'DELETE /api/facilities/{id}': () => ({ id: dala.id, outcome: 'deleted' }),
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete Dala General Hospital?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete facility' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/facilities'));
    expect((await screen.findByRole('status')).textContent).toContain('Dala General Hospital was deleted.');
    expect(Object.fromEntries(requestsTo('DELETE /api/facilities/{id}')[0]?.query ?? [])).toEqual({
      version: '2',
      force: 'false',
    });
  });

  it('offers to retire a facility that logs reference, and retires it with force=true', async () => {
    const { requestsTo, router } = renderFacility({
      'DELETE /api/facilities/{id}': ({ query }) =>
        query.get('force') === 'true'
          ? { id: dala.id, outcome: 'retired' }
          : errorReply(409, 'conflict', 'Mentorship logs reference this facility.', {
              details: [{ path: 'force', message: 'set force=true to retire the facility' }],
            }),
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete facility' }));

    const retire = await screen.findByRole('dialog', { name: 'Retire Dala General Hospital?' });
    expect(retire.textContent).toContain('Mentorship logs reference this facility, so it cannot be deleted.');
    expect(document.activeElement).toBe(within(retire).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(retire).getByRole('button', { name: 'Retire instead' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/facilities'));
    expect((await screen.findByRole('status')).textContent).toContain('Dala General Hospital was retired');
    expect(requestsTo('DELETE /api/facilities/{id}').map((r) => r.query.get('force'))).toEqual([
      'false',
      'true',
    ]);
  });

  it('keeps the facility when the retire step is cancelled', async () => {
    const { requestsTo } = renderFacility({
      'DELETE /api/facilities/{id}': () =>
        errorReply(409, 'conflict', 'Mentorship logs reference this facility.'),
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete facility' }));
    const retire = await screen.findByRole('dialog', { name: 'Retire Dala General Hospital?' });
    fireEvent.click(within(retire).getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Dala General Hospital' })).toBeDefined();
    expect(requestsTo('DELETE /api/facilities/{id}')).toHaveLength(1);
  });

  it('says when the facility does not exist or is out of scope', async () => {
    renderFacility({ 'GET /api/facilities/{id}': () => errorReply(404, 'not_found', 'Facility not found.') });

    expect(await screen.findByRole('heading', { name: 'Facility not found' })).toBeDefined();
  });
});
