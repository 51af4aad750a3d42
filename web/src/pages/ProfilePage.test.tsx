import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fetchAuthSession } from 'aws-amplify/auth';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { errorReply, fakeApi } from '../test/fakeApi.ts';
import { jsonResponse, meFor, userFixture } from '../test/fixtures.ts';
import { clientWithFetch, renderWithProviders } from '../test/render.tsx';
import { ProfilePage } from './ProfilePage.tsx';

vi.mock('aws-amplify/auth', () => ({ fetchAuthSession: vi.fn(), signOut: vi.fn() }));

beforeEach(() => {
  vi.mocked(fetchAuthSession).mockResolvedValue({
    tokens: { accessToken: { toString: () => 'token', payload: {} } },
  } as unknown as Awaited<ReturnType<typeof fetchAuthSession>>);
});

/** The `<dd>` beside a `<dt>`. */
const detailOf = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;

describe('ProfilePage', () => {
  it('lists the profile from GET /api/auth/me, marking empty fields as not set', async () => {
    const me = meFor('mentor', { phone: null, designation: null });
    renderWithProviders(<ProfilePage />, { api: clientWithFetch(vi.fn(async () => jsonResponse(me))) });

    expect(await screen.findByRole('heading', { level: 1, name: 'Your profile' })).toBeDefined();
    expect(detailOf('Name')).toBe('Mary Ade');
    expect(detailOf('Email')).toBe('mentor@example.org');
    expect(detailOf('Role')).toBe('mentor');
    expect(detailOf('Designation')).toBe('Not set');
    expect(detailOf('Region / state')).toBe('Kaduna');
    expect(detailOf('Facilities')).toBe('3 facilities');
  });

  it('describes an admin scope as all facilities', async () => {
    const me = meFor('admin', { facility_count: 12 });
    renderWithProviders(<ProfilePage />, { api: clientWithFetch(vi.fn(async () => jsonResponse(me))) });

    await screen.findByRole('heading', { level: 1, name: 'Your profile' });
    expect(detailOf('Facilities')).toBe('All facilities (12 facilities)');
  });

  it('switches the daily reminder digest off with the profile version, and says so', async () => {
    const me = meFor('mentor', { reminder_emails: true, version: 4 });
    const api = fakeApi({
      'GET /api/auth/me': () => me,
      'PUT /api/users/{id}': ({ body }) =>
        userFixture({
          id: me.id,
          reminder_emails: (body as { reminder_emails: boolean }).reminder_emails,
          version: 5,
        }),
    });
    renderWithProviders(<ProfilePage />, { api: api.client });

    const toggle = (await screen.findByLabelText('Email me a daily reminder digest')) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);

    expect(await screen.findByText('Daily reminders are off.')).toBeDefined();
    expect(toggle.checked).toBe(false);
    const [put] = api.requestsTo('PUT /api/users/{id}');
    expect(put?.params.id).toBe(me.id);
    expect(put?.body).toEqual({ version: 4, reminder_emails: false });

    // The next change sends the version the last one returned.
    fireEvent.click(toggle);
    await waitFor(() => expect(api.requestsTo('PUT /api/users/{id}')).toHaveLength(2));
    expect(api.requestsTo('PUT /api/users/{id}')[1]?.body).toEqual({ version: 5, reminder_emails: true });
    expect(await screen.findByText('Daily reminders are on.')).toBeDefined();
  });

  it('applies the switch on top of a profile changed elsewhere (a version conflict)', async () => {
    const me = meFor('mentor', { reminder_emails: true, version: 4 });
    const newer = userFixture({ id: me.id, reminder_emails: true, version: 6, phone: '+234 803 111 2222' });
    let calls = 0;
    const api = fakeApi({
      'GET /api/auth/me': () => me,
      'PUT /api/users/{id}': ({ body }) =>
        ++calls === 1
          ? errorReply(409, 'version_conflict', 'Someone else changed this.', { current: newer })
          : { ...newer, reminder_emails: (body as { reminder_emails: boolean }).reminder_emails, version: 7 },
    });
    renderWithProviders(<ProfilePage />, { api: api.client });

    fireEvent.click(await screen.findByLabelText('Email me a daily reminder digest'));

    expect(await screen.findByText('Daily reminders are off.')).toBeDefined();
    expect(api.requestsTo('PUT /api/users/{id}').map((r) => r.body)).toEqual([
      { version: 4, reminder_emails: false },
      { version: 6, reminder_emails: false },
    ]);
  });

  it('shows why the switch could not be saved', async () => {
    const api = fakeApi({
      'GET /api/auth/me': () => meFor('mentor'),
      'PUT /api/users/{id}': () => errorReply(403, 'forbidden', 'You may not change this.'),
    });
    renderWithProviders(<ProfilePage />, { api: api.client });

    fireEvent.click(await screen.findByLabelText('Email me a daily reminder digest'));

    expect((await screen.findByRole('alert')).textContent).toBe('You may not change this.');
    expect((screen.getByLabelText('Email me a daily reminder digest') as HTMLInputElement).checked).toBe(
      true,
    );
  });
});
