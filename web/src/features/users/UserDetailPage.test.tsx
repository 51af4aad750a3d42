import type { Role } from '@dml/shared/roles';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { errorReply, type FakeRequest, fakeApi, mockAccessToken } from '../../test/fakeApi.ts';
import { assignedFixture, facilityFixture, meFor, userFixture } from '../../test/fixtures.ts';
import { renderWithProviders, signedInAs } from '../../test/render.tsx';
import { UserDetailPage } from './UserDetailPage.tsx';

vi.mock('aws-amplify/auth', () => ({ fetchAuthSession: vi.fn(), signOut: vi.fn() }));

beforeEach(() => {
  mockAccessToken();
});

const amina = userFixture();
const dala = facilityFixture();

type Routes = Record<string, (request: FakeRequest) => unknown>;

const renderUser = (routes: Routes = {}, role: Role = 'admin') => {
  const api = fakeApi({
    'GET /api/auth/me': () => meFor(role),
    'GET /api/users/{id}': () => amina,
    'GET /api/users/{id}/assigned-facilities': () => ({ items: [assignedFixture(dala)] }),
    ...routes,
  });
  renderWithProviders(null, {
    api: api.client,
    auth: signedInAs(role),
    path: `/users/${amina.id}`,
    routes: [{ path: '/users/:id', element: <UserDetailPage /> }],
  });
  return api;
};

const detailOf = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;

describe('UserDetailPage', () => {
  it("shows the user's profile and the facilities they cover", async () => {
    renderUser();

    expect(await screen.findByRole('heading', { level: 1, name: 'Amina Yusuf' })).toBeDefined();
    expect(detailOf('Email')).toBe('amina.yusuf@example.org');
    expect(detailOf('Region / state')).toBe('Kano');
    expect(detailOf('Phone')).toBe('Not set');
    const facilities = await screen.findByRole('list', { name: 'Facilities of Amina Yusuf' });
    expect(within(facilities).getByRole('link', { name: 'Dala General Hospital' }).getAttribute('href')).toBe(
      `/facilities/${dala.id}`,
    );
  });

  it('gives supervisors a read-only view', async () => {
    renderUser({}, 'supervisor');

    await screen.findByRole('list', { name: 'Facilities of Amina Yusuf' });
    for (const name of ['Edit', 'Deactivate', 'Resend invitation', 'Assign facilities']) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
  });

  it('deactivates after confirmation, sending the version read', async () => {
    const api = renderUser({ 'DELETE /api/users/{id}': () => ({ ...amina, is_active: false, version: 4 }) });

    fireEvent.click(await screen.findByRole('button', { name: 'Deactivate' }));
    const dialog = screen.getByRole('dialog', { name: 'Deactivate Amina Yusuf?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Deactivate' }));

    expect((await screen.findByRole('status')).textContent).toContain('Amina Yusuf was deactivated');
    expect(api.requestsTo('DELETE /api/users/{id}')[0]?.query.get('version')).toBe('3');
    expect(screen.getByRole('button', { name: 'Reactivate' })).toBeDefined();
    expect(detailOf('Status')).toBe('Inactive');
  });

  it('reactivates an inactive user', async () => {
    const api = renderUser({
      'GET /api/users/{id}': () => ({ ...amina, is_active: false }),
      'PUT /api/users/{id}': () => ({ ...amina, is_active: true, version: 4 }),
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Reactivate' }));

    expect((await screen.findByRole('status')).textContent).toContain('Amina Yusuf was reactivated');
    expect(api.requestsTo('PUT /api/users/{id}')[0]?.body).toEqual({ version: 3, is_active: true });
  });

  it('resends the invitation, and explains when the user has already chosen a password', async () => {
    let calls = 0;
    renderUser({
      'POST /api/users/{id}/resend-invitation': () =>
        ++calls === 1
          ? { ...amina, invitation_sent: true }
          : errorReply(
              409,
              'conflict',
              'This user has already chosen a password. They can reset it from the sign-in page.',
            ),
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Resend invitation' }));
    expect((await screen.findByRole('status')).textContent).toContain(
      'A new invitation was sent to amina.yusuf@example.org.',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Resend invitation' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'This user has already chosen a password.',
    );
  });

  it('does not offer to assign facilities to an admin, who covers them all', async () => {
    renderUser({ 'GET /api/users/{id}': () => ({ ...amina, role: 'admin' }) });

    expect(await screen.findByText('Admins cover every facility in the programme.')).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Assign facilities' })).toBeNull();
  });

  it('says which user could not be found', async () => {
    renderUser({ 'GET /api/users/{id}': () => errorReply(404, 'not_found', 'User not found.') });

    expect(await screen.findByRole('heading', { name: 'User not found' })).toBeDefined();
  });
});

describe('EditUserDialog', () => {
  const openEdit = async (routes: Routes) => {
    const api = renderUser(routes);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    return { ...api, dialog: screen.getByRole('dialog', { name: 'Edit Amina Yusuf' }) };
  };

  it('sends only the changed fields with the version it read', async () => {
    const { dialog, requestsTo } = await openEdit({
      'PUT /api/users/{id}': ({ body }) => ({ ...amina, ...(body as object), version: 4 }),
    });

    fireEvent.change(within(dialog).getByLabelText('Phone'), { target: { value: '+234 803 111 2222' } });
    fireEvent.change(within(dialog).getByLabelText('Role'), { target: { value: 'supervisor' } });
    fireEvent.change(within(dialog).getByLabelText('Designation'), { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requestsTo('PUT /api/users/{id}')[0]?.body).toEqual({
      version: 3,
      phone: '+234 803 111 2222',
      role: 'supervisor',
      designation: null,
    });
    expect(detailOf('Phone')).toBe('+234 803 111 2222');
  });

  it('shows field errors from the schema and from the API on their fields', async () => {
    const { dialog } = await openEdit({
      'PUT /api/users/{id}': () =>
        errorReply(409, 'conflict', 'You cannot remove your own admin role; ask another admin.', {
          details: [{ path: 'role', message: 'you may not change this' }],
        }),
    });

    fireEvent.change(within(dialog).getByLabelText('Phone'), { target: { value: 'call me' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText('Phone must be a phone number (digits, spaces, + - ( ))'),
    ).toBeDefined();

    fireEvent.change(within(dialog).getByLabelText('Phone'), { target: { value: '' } });
    fireEvent.change(within(dialog).getByLabelText('Role'), { target: { value: 'mentor' } });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Amina B. Yusuf' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('You may not change this')).toBeDefined();
    expect(within(dialog).getByLabelText('Role').getAttribute('aria-invalid')).toBe('true');
  });

  it('on a version conflict shows what is saved now beside what you typed, then re-applies your changes', async () => {
    const theirs = { ...amina, region_state: 'Kaduna', phone: '+234 800 000 0000', version: 4 };
    let puts = 0;
    const { dialog, requestsTo } = await openEdit({
      'PUT /api/users/{id}': ({ body }) =>
        ++puts === 1
          ? errorReply(409, 'version_conflict', 'Someone else changed this since you loaded it.', {
              current: theirs,
            })
          : { ...theirs, ...(body as object), version: 5 },
    });

    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Amina B. Yusuf' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const conflict = await within(dialog).findByRole('alert');
    expect(conflict.textContent).toContain('Someone else changed this user while you were editing');
    const rows = within(conflict)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Name', 'Amina Yusuf', 'Amina B. Yusuf'],
      ['Region / state', 'Kaduna', 'Kano'],
      ['Phone', '+234 800 000 0000', '—'],
    ]);

    fireEvent.click(within(conflict).getByRole('button', { name: 'Re-apply my changes' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Only the field you changed, on top of their version: their state and phone stay.
    expect(requestsTo('PUT /api/users/{id}')[1]?.body).toEqual({ version: 4, name: 'Amina B. Yusuf' });
    expect(detailOf('Region / state')).toBe('Kaduna');
  });

  it('on a version conflict "Reload" takes the saved values and saves against the new version', async () => {
    const theirs = { ...amina, name: 'Amina Yusuf-Bello', version: 4 };
    let puts = 0;
    const { dialog, requestsTo } = await openEdit({
      'PUT /api/users/{id}': ({ body }) =>
        ++puts === 1
          ? errorReply(409, 'version_conflict', 'Someone else changed this since you loaded it.', {
              current: theirs,
            })
          : { ...theirs, ...(body as object), version: 5 },
    });

    fireEvent.change(within(dialog).getByLabelText('Designation'), { target: { value: 'Lead Mentor' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Reload' }));

    expect((within(dialog).getByLabelText('Name') as HTMLInputElement).value).toBe('Amina Yusuf-Bello');
    expect((within(dialog).getByLabelText('Designation') as HTMLInputElement).value).toBe('Clinical Mentor');
    // The page behind the dialog (hidden from screen readers while it is open) shows their version too.
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1, hidden: true }).textContent).toBe('Amina Yusuf-Bello'),
    );

    fireEvent.change(within(dialog).getByLabelText('Designation'), { target: { value: 'Lead Mentor' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requestsTo('PUT /api/users/{id}')[1]?.body).toEqual({ version: 4, designation: 'Lead Mentor' });
  });
});
