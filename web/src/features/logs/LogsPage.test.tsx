import type { Role } from '@dml/shared/roles';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { errorReply, type FakeRequest, fakeApi, mockAccessToken, never } from '../../test/fakeApi.ts';
import {
  facilityFixture,
  logFixture,
  logSummaryFixture,
  meFor,
  pageOf,
  userFixture,
  uuid,
} from '../../test/fixtures.ts';
import { renderWithProviders, signedInAs } from '../../test/render.tsx';
import { LogsPage } from './LogsPage.tsx';
import { ReviewQueuePage } from './ReviewQueuePage.tsx';

vi.mock('aws-amplify/auth', () => ({ fetchAuthSession: vi.fn(), signOut: vi.fn() }));

beforeEach(() => {
  mockAccessToken();
});

const dala = facilityFixture();
const draftRow = logSummaryFixture();
const offSiteRow = logSummaryFixture({
  id: uuid(403),
  facility_name: 'Gwale Clinic',
  status: 'completed',
  visit_date: '2099-02-01',
  mentor_name: 'Amina Yusuf',
  mentor_id: uuid(101),
  check_in_flag: 'off_site',
});

const renderLogs = (
  listLogs: (request: FakeRequest) => unknown,
  {
    role = 'mentor',
    path = '/logs',
    routes = {},
  }: { role?: Role; path?: string; routes?: Record<string, (r: FakeRequest) => unknown> } = {},
) => {
  const api = fakeApi({
    'GET /api/auth/me': () => meFor(role),
    'GET /api/facilities': () => pageOf([dala]),
    'GET /api/users': () => pageOf([userFixture()]),
    'GET /api/mentorship-logs': listLogs,
    ...routes,
  });
  const view = renderWithProviders(null, {
    api: api.client,
    auth: signedInAs(role),
    path,
    routes: [
      { path: '/logs', element: <LogsPage /> },
      { path: '/review', element: <ReviewQueuePage /> },
      { path: '/logs/:id', element: <h1>Log page</h1> },
      { path: '/logs/new', element: <h1>New plan</h1> },
    ],
  });
  return { ...api, ...view };
};

const lastQuery = (requests: FakeRequest[]) => Object.fromEntries(requests.at(-1)?.query ?? []);

describe('LogsPage', () => {
  it('exports the logs matching the current filters to Excel (not the search words)', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { requestsTo } = renderLogs(() => pageOf([draftRow]), {
      role: 'supervisor',
      path: `/logs?facility=${dala.id}&status=approved&from=2026-01-01&to=2026-03-31&q=anc`,
      routes: {
        'GET /api/reports/export': () => ({
          file_name: 'mentorship-visits-2026-03-15.xlsx',
          download_url: 'https://files.test/exports/visits.xlsx',
          expires_at: '2026-03-15T08:05:00Z',
          rows: { logs: 1, follow_ups: 3 },
        }),
      },
    });
    await screen.findByRole('table', { name: 'Logs' });
    expect(screen.getByText(/not the search words/)).toBeDefined();

    fireEvent.click(screen.getByRole('button', { name: 'Export to Excel' }));

    expect(await screen.findByText(/is ready \(1 visit, 3 follow-ups\)/)).toBeDefined();
    const [request] = requestsTo('GET /api/reports/export');
    expect(Object.fromEntries(request?.query ?? [])).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      facility_id: dala.id,
      status: 'approved',
    });
    expect(click).toHaveBeenCalledTimes(1);
    click.mockRestore();
  });

  it('shows a mentor "My logs" with status chips, each linking to its log, and "Plan a visit"', async () => {
    const { requestsTo } = renderLogs(() => pageOf([draftRow]));

    expect(await screen.findByRole('heading', { level: 1, name: 'My logs' })).toBeDefined();
    const table = await screen.findByRole('table', { name: 'My logs' });
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(
      within(row)
        .getByRole('link', { name: /Dala General Hospital.*visit on/ })
        .getAttribute('href'),
    ).toBe(`/logs/${draftRow.id}`);
    expect(within(row).getByText('Draft').className).toContain('chip-status--draft');
    expect(screen.queryByLabelText('Mentor')).toBeNull();
    expect(screen.getByRole('link', { name: 'Plan a visit' }).getAttribute('href')).toBe('/logs/new');
    expect(lastQuery(requestsTo('GET /api/mentorship-logs'))).toEqual({ limit: '25', sort: '-visit_date' });
  });

  it('sends the filters as the query and keeps them in the URL', async () => {
    const { requestsTo, router } = renderLogs(() => pageOf([offSiteRow]), { role: 'supervisor' });
    await screen.findByRole('table', { name: 'Logs' });
    await screen.findByRole('option', { name: 'Dala General Hospital' });
    await screen.findByRole('option', { name: 'Amina Yusuf' });

    fireEvent.change(screen.getByLabelText('Facility'), { target: { value: dala.id } });
    fireEvent.change(screen.getByLabelText('Mentor'), { target: { value: uuid(101) } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'completed' } });
    fireEvent.change(screen.getByLabelText('Visit from'), { target: { value: '2099-01-01' } });
    fireEvent.change(screen.getByLabelText('Visit to'), { target: { value: '2099-03-31' } });
    fireEvent.change(screen.getByLabelText('Sort'), { target: { value: 'visit_date' } });
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'register' } });

    await waitFor(() =>
      expect(lastQuery(requestsTo('GET /api/mentorship-logs'))).toEqual({
        limit: '25',
        facility_id: dala.id,
        mentor_id: uuid(101),
        status: 'completed',
        from: '2099-01-01',
        to: '2099-03-31',
        q: 'register',
        sort: 'visit_date',
      }),
    );
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
      facility: dala.id,
      mentor: uuid(101),
      status: 'completed',
      from: '2099-01-01',
      to: '2099-03-31',
      sort: 'visit_date',
      q: 'register',
    });
  });

  it('shows reviewers the mentor and the check-in result', async () => {
    renderLogs(() => pageOf([offSiteRow]), { role: 'supervisor' });

    const row = within(await screen.findByRole('table', { name: 'Logs' })).getAllByRole(
      'row',
    )[1] as HTMLElement;
    expect(row.textContent).toContain('Amina Yusuf');
    expect(within(row).getByText('Off site')).toBeDefined();
    expect(within(row).getByText('Completed')).toBeDefined();
  });

  it('refuses a date range that ends before it starts, and a one-letter search, without asking the API', async () => {
    const { requestsTo } = renderLogs(() => pageOf([draftRow]), {
      path: '/logs?from=2099-03-01&to=2099-02-01&q=a',
    });

    expect(await screen.findByText('The end date must not be before the start date')).toBeDefined();
    expect(screen.getByText('Type at least 2 characters')).toBeDefined();
    expect(requestsTo('GET /api/mentorship-logs')).toHaveLength(0);
  });

  it('loads the next page with the cursor', async () => {
    const { requestsTo } = renderLogs(({ query }) =>
      query.get('cursor') === 'next' ? pageOf([offSiteRow]) : pageOf([draftRow], 'next'),
    );
    await screen.findByRole('link', { name: /Dala General Hospital/ });

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByRole('link', { name: /Gwale Clinic/ })).toBeDefined();
    expect(lastQuery(requestsTo('GET /api/mentorship-logs')).cursor).toBe('next');
    expect(screen.getByText('Showing 2 logs')).toBeDefined();
  });

  it('has loading, empty and error states', async () => {
    const loading = renderLogs(never);
    expect(screen.getByRole('status').textContent).toContain('Loading logs');
    loading.unmount();

    const empty = renderLogs(() => pageOf([]));
    expect(await screen.findByRole('heading', { name: 'No visits planned yet' })).toBeDefined();
    empty.unmount();

    renderLogs(() => errorReply(503, 'internal_error', 'The service is busy.'));
    expect((await screen.findByRole('alert')).textContent).toContain('The service is busy.');
  });

  it('gives admins a "Deleted" view where a log can be restored', async () => {
    const deleted = logSummaryFixture({ deleted_at: '2026-01-08T08:00:00Z', version: 4 });
    const { requestsTo } = renderLogs(
      ({ query }) => pageOf(query.get('deleted') === 'true' ? [deleted] : [draftRow]),
      {
        role: 'admin',
        routes: {
          'POST /api/mentorship-logs/{id}/restore': () => logFixture({ version: 5, allowed_actions: [] }),
        },
      },
    );
    await screen.findByRole('table', { name: 'Logs' });
    expect(screen.queryByRole('link', { name: 'Plan a visit' })).toBeNull();

    fireEvent.click(screen.getByRole('link', { name: 'Deleted' }));

    const table = await screen.findByRole('table', { name: 'Deleted logs' });
    expect(await within(table).findByText('Deleted')).toBeDefined();
    expect(lastQuery(requestsTo('GET /api/mentorship-logs')).deleted).toBe('true');
    fireEvent.click(
      within(table).getByRole('button', { name: /Restore the visit to Dala General Hospital/ }),
    );
    expect(await within(table).findByText('Restored')).toBeDefined();
    expect(requestsTo('POST /api/mentorship-logs/{id}/restore')[0]?.body).toEqual({ version: 4 });
  });
});

describe('ReviewQueuePage', () => {
  it('lists plans awaiting approval and reports awaiting verification, nearest visit first', async () => {
    const submitted = logSummaryFixture({
      id: uuid(410),
      status: 'submitted',
      facility_name: 'Dala General Hospital',
    });
    const { requestsTo } = renderLogs(
      ({ query }) => pageOf(query.get('status') === 'submitted' ? [submitted] : [offSiteRow]),
      { role: 'supervisor', path: '/review' },
    );

    const plans = await screen.findByRole('table', { name: 'Plans awaiting approval' });
    const reports = await screen.findByRole('table', { name: 'Reports awaiting verification' });
    expect(
      within(plans)
        .getByRole('link', { name: /Dala General Hospital/ })
        .getAttribute('href'),
    ).toBe(`/logs/${submitted.id}`);
    expect(within(reports).getByText('Off site')).toBeDefined();
    const queries = requestsTo('GET /api/mentorship-logs').map((r) => Object.fromEntries(r.query));
    expect(queries).toContainEqual({ status: 'submitted', sort: 'visit_date', limit: '10' });
    expect(queries).toContainEqual({ status: 'completed', sort: 'visit_date', limit: '10' });
  });

  it('says when nothing is waiting', async () => {
    renderLogs(() => pageOf([]), { role: 'supervisor', path: '/review' });

    expect(await screen.findByRole('heading', { name: 'No plans are waiting for approval' })).toBeDefined();
    expect(
      await screen.findByRole('heading', { name: 'No reports are waiting for verification' }),
    ).toBeDefined();
  });
});
