import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { errorReply, fakeApi, mockAccessToken } from '../../test/fakeApi.ts';
import { pageOf, userFixture } from '../../test/fixtures.ts';
import { renderWithProviders, signedInAs } from '../../test/render.tsx';
import { UsersPage } from './UsersPage.tsx';

vi.mock('aws-amplify/auth', () => ({ fetchAuthSession: vi.fn(), signOut: vi.fn() }));

beforeEach(() => {
  mockAccessToken();
});

const created = userFixture({
  email: 'new.mentor@example.org',
  name: 'New Mentor',
  designation: null,
  version: 1,
});

const openInvite = async (createUser: () => unknown) => {
  const api = fakeApi({ 'GET /api/users': () => pageOf([]), 'POST /api/users': createUser });
  renderWithProviders(null, {
    api: api.client,
    auth: signedInAs('admin'),
    path: '/users',
    routes: [{ path: '/users', element: <UsersPage /> }],
  });
  const opener = await screen.findByRole('button', { name: 'Invite user' });
  opener.focus(); // as a tap or click does in a browser
  fireEvent.click(opener);
  return { ...api, dialog: screen.getByRole('dialog', { name: 'Invite user' }) };
};

const fill = (dialog: HTMLElement, label: string, value: string) =>
  fireEvent.change(within(dialog).getByLabelText(label), { target: { value } });

const sendInvitation = (dialog: HTMLElement) =>
  fireEvent.click(within(dialog).getByRole('button', { name: 'Send invitation' }));

describe('InviteUserDialog', () => {
  it('opens with focus on the first field and checks the fields before sending anything', async () => {
    const { dialog, requestsTo } = await openInvite(() => created);
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Email'));

    fill(dialog, 'Email', 'not-an-email');
    fill(dialog, 'Name', 'A');
    sendInvitation(dialog);

    expect(await within(dialog).findByText('Email must be an email address')).toBeDefined();
    expect(within(dialog).getByText('Name must be at least 2 characters')).toBeDefined();
    expect(within(dialog).getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(requestsTo('POST /api/users')).toHaveLength(0);
  });

  it('sends the invitation with an idempotency key and says the email went out', async () => {
    const { dialog, requestsTo } = await openInvite(
      () => new Response(JSON.stringify({ ...created, invitation_sent: true }), { status: 201 }),
    );

    fill(dialog, 'Email', '  New.Mentor@Example.org ');
    fill(dialog, 'Name', 'New Mentor');
    fireEvent.change(within(dialog).getByLabelText('Role'), { target: { value: 'mentor' } });
    fill(dialog, 'Region / state', 'Kano');
    sendInvitation(dialog);

    const success = await screen.findByRole('dialog', { name: 'User invited' });
    expect(within(success).getByRole('status').textContent).toContain(
      'Invitation sent to new.mentor@example.org.',
    );
    expect(within(success).getByRole('link', { name: 'Open New Mentor' }).getAttribute('href')).toBe(
      `/users/${created.id}`,
    );
    const [request] = requestsTo('POST /api/users');
    expect(request?.body).toEqual({
      email: 'new.mentor@example.org',
      name: 'New Mentor',
      role: 'mentor',
      region_state: 'Kano',
      designation: null,
      phone: null,
    });
    expect(request?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('warns when the user was created but the invitation email could not be sent', async () => {
    const { dialog } = await openInvite(() => ({ ...created, invitation_sent: false }));

    fill(dialog, 'Email', 'new.mentor@example.org');
    fill(dialog, 'Name', 'New Mentor');
    sendInvitation(dialog);

    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('New Mentor was added, but the invitation email could not be sent.');
    expect(status.textContent).toContain('Resend invitation');
  });

  it('shows a duplicate email from the API on the Email field', async () => {
    const { dialog } = await openInvite(() =>
      errorReply(409, 'duplicate', 'A user with this email already exists.', {
        details: [{ path: 'email', message: 'A user with this email already exists.' }],
      }),
    );

    fill(dialog, 'Email', 'amina.yusuf@example.org');
    fill(dialog, 'Name', 'Amina Yusuf');
    sendInvitation(dialog);

    const email = within(dialog).getByLabelText('Email');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = email.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('A user with this email already exists.');
    expect(document.activeElement).toBe(email);
    // Said once, beside the field, rather than again above the form.
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('retries a failed submission with the same idempotency key, so the user is invited only once', async () => {
    let attempts = 0;
    const { dialog, requestsTo } = await openInvite(() =>
      ++attempts === 1
        ? errorReply(503, 'internal_error', 'The service is busy, try again.')
        : { ...created, invitation_sent: true },
    );
    fill(dialog, 'Email', 'new.mentor@example.org');
    fill(dialog, 'Name', 'New Mentor');

    sendInvitation(dialog);
    expect((await within(dialog).findByRole('alert')).textContent).toBe('The service is busy, try again.');
    sendInvitation(dialog);
    await screen.findByRole('dialog', { name: 'User invited' });

    const keys = requestsTo('POST /api/users').map((r) => r.headers.get('idempotency-key'));
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('closes with Escape and gives focus back to "Invite user"', async () => {
    await openInvite(() => created);

    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Invite user' }));
  });
});
