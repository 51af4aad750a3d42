import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeRequest, fakeApi, mockAccessToken } from '../../test/fakeApi.ts';
import { auditEntryFixture, pageOf, uuid } from '../../test/fixtures.ts';
import { renderWithProviders, signedInAs } from '../../test/render.tsx';
import { AuditPage } from './AuditPage.tsx';

vi.mock('aws-amplify/auth', () => ({ fetchAuthSession: vi.fn(), signOut: vi.fn() }));

beforeEach(() => {
  mockAccessToken();
});

const renamed = auditEntryFixture();
const retired = auditEntryFixture({
  id: uuid(302),
  entity_type: 'facility',
  entity_id: uuid(201),
  action: 'retire',
  changes: { deleted_at: { from: null, to: '2026-02-01T10:30:00Z' }, version: { from: 2, to: 3 } },
  created_at: '2026-02-01T10:30:00Z',
});

const renderAudit = (list: (request: FakeRequest) => unknown, path = '/audit') => {
  const api = fakeApi({ 'GET /api/audit-logs': list });
  const view = renderWithProviders(null, {
    api: api.client,
    auth: signedInAs('admin'),
    path,
    routes: [{ path: '/audit', element: <AuditPage /> }],
  });
  return { ...api, ...view };
};

const lastQuery = (requests: FakeRequest[]) => Object.fromEntries(requests.at(-1)?.query ?? []);

describe('AuditPage', () => {
  it('lists entries newest first as the API returns them, with action, entity and who', async () => {
    renderAudit(() => pageOf([retired, renamed]));

    const entries = within(await screen.findByRole('list')).getAllByRole('listitem');
    expect(entries).toHaveLength(2);
    expect(entries[0]?.textContent).toContain('Retire · Facility');
    expect(
      within(entries[0] as HTMLElement)
        .getByRole('link')
        .getAttribute('href'),
    ).toBe(`/facilities/${uuid(201)}`);
    expect(entries[1]?.textContent).toContain('Update · User');
    expect(entries[1]?.textContent).toContain('by admin@example.org');
  });

  it('expands an entry to its diff and collapses it again', async () => {
    renderAudit(() => pageOf([renamed]));

    const toggle = await screen.findByRole('button', { name: 'Show changes (1)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const diff = screen.getByRole('table', { name: 'Changed fields' });
    expect(document.getElementById(toggle.getAttribute('aria-controls') ?? '')?.contains(diff)).toBe(true);
    expect(within(diff).getByRole('row', { name: /Name/ }).textContent).toBe('NameAmina YusifAmina Yusuf');

    fireEvent.click(screen.getByRole('button', { name: 'Hide changes' }));
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('sends the filters as the request query, times as UTC instants', async () => {
    const { requestsTo, router } = renderAudit(() => pageOf([renamed]));
    await screen.findByRole('list');

    fireEvent.change(screen.getByLabelText('Entity type'), { target: { value: 'user' } });
    fireEvent.change(screen.getByLabelText('Entity ID'), { target: { value: uuid(101) } });
    fireEvent.change(screen.getByLabelText('User ID'), { target: { value: uuid(1) } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-01-05T08:00' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-01-06T17:30' } });

    await waitFor(() =>
      expect(lastQuery(requestsTo('GET /api/audit-logs'))).toEqual({
        limit: '25',
        entity_type: 'user',
        entity_id: uuid(101),
        user_id: uuid(1),
        from: new Date('2026-01-05T08:00').toISOString(),
        to: new Date(new Date('2026-01-06T17:30').getTime() + 59_999).toISOString(),
      }),
    );
    expect(new URLSearchParams(router.state.location.search).get('from')).toBe('2026-01-05T08:00');
  });

  it('does not ask the API with filters it would refuse, and says what to fix', async () => {
    const { requestsTo } = renderAudit(
      () => pageOf([renamed]),
      `/audit?entity_id=${uuid(101)}&user_id=nobody`,
    );

    expect(await screen.findByText('Choose the type of the entity whose ID you entered')).toBeDefined();
    expect(screen.getByText("User ID must be a user's ID (a UUID)")).toBeDefined();
    expect(screen.getByText('Fix the filters above to see entries.')).toBeDefined();
    expect(requestsTo('GET /api/audit-logs')).toHaveLength(0);
  });

  it('narrows to one entity or one person from an entry', async () => {
    const { requestsTo } = renderAudit(() => pageOf([renamed]));

    fireEvent.click(await screen.findByRole('button', { name: 'Show changes (1)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Only this user' }));

    await waitFor(() =>
      expect(lastQuery(requestsTo('GET /api/audit-logs'))).toEqual({
        limit: '25',
        entity_type: 'user',
        entity_id: renamed.entity_id,
      }),
    );
    expect((screen.getByLabelText('Entity type') as HTMLSelectElement).value).toBe('user');
  });

  it('pages through older entries', async () => {
    const { requestsTo } = renderAudit(({ query }) =>
      query.get('cursor') ? pageOf([renamed]) : pageOf([retired], 'older'),
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));

    await waitFor(() => expect(screen.getAllByRole('button', { name: /Show changes/ })).toHaveLength(2));
    expect(lastQuery(requestsTo('GET /api/audit-logs')).cursor).toBe('older');
    expect(screen.getByText('Showing 2 entries, newest first')).toBeDefined();
  });
});
