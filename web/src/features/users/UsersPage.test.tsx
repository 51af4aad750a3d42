import type { Role } from '@dml/shared/roles';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { errorReply, type FakeRequest, fakeApi, mockAccessToken, never } from '../../test/fakeApi.ts';
import { pageOf, userFixture, uuid } from '../../test/fixtures.ts';
import { renderWithProviders, signedInAs } from '../../test/render.tsx';
import { UsersPage } from './UsersPage.tsx';

vi.mock('aws-amplify/auth', () => ({ fetchAuthSession: vi.fn(), signOut: vi.fn() }));

beforeEach(() => {
  mockAccessToken();
});

const amina = userFixture();
const sani = userFixture({
  id: uuid(102),
  name: 'Sani Bello',
  email: 'sani@example.org',
  role: 'supervisor',
  is_active: false,
});

const renderUsers = (
  listUsers: (request: FakeRequest) => unknown,
  { role = 'admin', path = '/users' }: { role?: Role; path?: string } = {},
) => {
  const api = fakeApi({ 'GET /api/users': listUsers });
  const view = renderWithProviders(null, {
    api: api.client,
    auth: signedInAs(role),
    path,
    routes: [
      { path: '/users', element: <UsersPage /> },
      { path: '/users/:id', element: <h1>User page</h1> },
    ],
  });
  return { ...api, ...view };
};

/** The query of the latest list request, as a plain object. */
const lastQuery = (requests: FakeRequest[]) => Object.fromEntries(requests.at(-1)?.query ?? []);

describe('UsersPage', () => {
  it('lists users with their role and status, each linking to their page', async () => {
    const { requestsTo } = renderUsers(() => pageOf([amina, sani]));

    const table = await screen.findByRole('table', { name: 'Users' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(
      within(rows[0] as HTMLElement)
        .getByRole('link', { name: 'Amina Yusuf' })
        .getAttribute('href'),
    ).toBe(`/users/${amina.id}`);
    expect(rows[1]?.textContent).toContain('sani@example.org');
    expect(rows[1]?.textContent).toContain('supervisor');
    expect(rows[1]?.textContent).toContain('Inactive');
    expect(lastQuery(requestsTo('GET /api/users'))).toEqual({ limit: '25' });
  });

  it('sends the filters as the request query and keeps them in the URL', async () => {
    const { requestsTo, router } = renderUsers(() => pageOf([amina]));
    await screen.findByRole('table', { name: 'Users' });

    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'supervisor' } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'false' } });
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'Kano' } });
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'Ami' } });

    await waitFor(() => {
      expect(lastQuery(requestsTo('GET /api/users'))).toEqual({
        limit: '25',
        role: 'supervisor',
        is_active: 'false',
        region_state: 'Kano',
        q: 'Ami',
      });
    });
    const url = new URLSearchParams(router.state.location.search);
    expect(Object.fromEntries(url)).toEqual({ role: 'supervisor', active: 'false', state: 'Kano', q: 'Ami' });
  });

  it('waits for a pause in typing before searching, then sends one request', async () => {
    const { requestsTo } = renderUsers(() => pageOf([amina]));
    await screen.findByRole('table', { name: 'Users' });
    const search = screen.getByLabelText('Search');

    for (const text of ['a', 'am', 'ami', 'amin']) fireEvent.change(search, { target: { value: text } });

    await waitFor(() => expect(lastQuery(requestsTo('GET /api/users')).q).toBe('amin'));
    expect(requestsTo('GET /api/users').map((r) => r.query.get('q'))).toEqual([null, 'amin']);
  });

  it('starts from the filters in the URL (a shared or bookmarked link)', async () => {
    const { requestsTo } = renderUsers(() => pageOf([amina]), {
      path: '/users?role=mentor&q=amina.yusuf@example.org',
    });

    await screen.findByRole('table', { name: 'Users' });
    expect(lastQuery(requestsTo('GET /api/users'))).toEqual({
      limit: '25',
      role: 'mentor',
      q: 'amina.yusuf@example.org',
    });
    expect((screen.getByLabelText('Role') as HTMLSelectElement).value).toBe('mentor');
    expect((screen.getByLabelText('Search') as HTMLInputElement).value).toBe('amina.yusuf@example.org');
  });

  it('loads the next page with the cursor and appends it', async () => {
    const { requestsTo } = renderUsers(({ query }) =>
      query.get('cursor') === 'page-2' ? pageOf([sani]) : pageOf([amina], 'page-2'),
    );
    await screen.findByRole('link', { name: 'Amina Yusuf' });
    expect(screen.getByText('Showing 1 user')).toBeDefined();

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByRole('link', { name: 'Sani Bello' })).toBeDefined();
    expect(screen.getByRole('link', { name: 'Amina Yusuf' })).toBeDefined();
    expect(lastQuery(requestsTo('GET /api/users')).cursor).toBe('page-2');
    expect(screen.getByText('Showing 2 users')).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('says when no user matches the filters and clears them on request', async () => {
    const { requestsTo } = renderUsers(({ query }) => pageOf(query.get('role') ? [] : [amina]), {
      path: '/users?role=supervisor',
    });

    expect(await screen.findByRole('heading', { name: 'No users match these filters' })).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'clear the filters' }));

    expect(await screen.findByRole('link', { name: 'Amina Yusuf' })).toBeDefined();
    expect(lastQuery(requestsTo('GET /api/users'))).toEqual({ limit: '25' });
  });

  it('shows a loading skeleton until the first page arrives', () => {
    renderUsers(never);

    expect(screen.getByRole('status').textContent).toContain('Loading users');
  });

  it('shows the API error with a retry', async () => {
    let calls = 0;
    renderUsers(() =>
      ++calls === 1 ? errorReply(503, 'internal_error', 'The service is busy, try again.') : pageOf([amina]),
    );

    expect((await screen.findByRole('alert')).textContent).toContain('The service is busy, try again.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('link', { name: 'Amina Yusuf' })).toBeDefined();
  });

  it('offers admins "Invite user" and shows supervisors a read-only list', async () => {
    renderUsers(() => pageOf([amina]), { role: 'supervisor' });

    await screen.findByRole('link', { name: 'Amina Yusuf' });
    expect(screen.queryByRole('button', { name: 'Invite user' })).toBeNull();
    expect(screen.getByText(/work at the facilities you supervise/)).toBeDefined();
  });
});
