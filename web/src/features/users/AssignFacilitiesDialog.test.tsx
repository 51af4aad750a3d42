import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeRequest, fakeApi, mockAccessToken } from '../../test/fakeApi.ts';
import { assignedFixture, facilityFixture, meFor, pageOf, userFixture, uuid } from '../../test/fixtures.ts';
import { renderWithProviders, signedInAs } from '../../test/render.tsx';
import { UserDetailPage } from './UserDetailPage.tsx';

vi.mock('aws-amplify/auth', () => ({ fetchAuthSession: vi.fn(), signOut: vi.fn() }));

beforeEach(() => {
  mockAccessToken();
});

const amina = userFixture();
const dala = facilityFixture();
const gwale = facilityFixture({
  id: uuid(202),
  name: 'Gwale PHC',
  code: 'KN-GWALE',
  facility_type: 'primary_health_centre',
});
const kawo = facilityFixture({ id: uuid(203), name: 'Kawo Clinic', code: 'KD-KAWO', state: 'Kaduna' });
const tarauni = facilityFixture({ id: uuid(204), name: 'Tarauni PHC', code: 'KN-TARAUNI' });

const openAssign = async (assign: (request: FakeRequest) => unknown) => {
  const api = fakeApi({
    'GET /api/auth/me': () => meFor('admin'),
    'GET /api/users/{id}': () => amina,
    'GET /api/users/{id}/assigned-facilities': () => ({ items: [assignedFixture(dala)] }),
    'GET /api/facilities': ({ query }) => {
      if (query.get('q')) return pageOf([kawo].filter((f) => f.name.startsWith(query.get('q') ?? '')));
      return query.get('cursor') === 'next' ? pageOf([kawo]) : pageOf([dala, gwale], 'next');
    },
    'POST /api/users/{id}/assign-facilities': assign,
  });
  renderWithProviders(null, {
    api: api.client,
    auth: signedInAs('admin'),
    path: `/users/${amina.id}`,
    routes: [{ path: '/users/:id', element: <UserDetailPage /> }],
  });
  fireEvent.click(await screen.findByRole('button', { name: 'Assign facilities' }));
  const dialog = screen.getByRole('dialog', { name: 'Assign facilities to Amina Yusuf' });
  await within(dialog).findByRole('checkbox', { name: /Gwale PHC/ });
  return { ...api, dialog };
};

const checkbox = (dialog: HTMLElement, name: RegExp) =>
  within(dialog).getByRole('checkbox', { name }) as HTMLInputElement;

describe('AssignFacilitiesDialog', () => {
  it("starts from the user's current facilities and saves the picked set with mode set", async () => {
    const { dialog, requestsTo } = await openAssign(({ body }) => {
      const ids = (body as { facility_ids: string[] }).facility_ids;
      return { items: [dala, gwale, kawo].filter((f) => ids.includes(f.id)).map((f) => assignedFixture(f)) };
    });
    expect(checkbox(dialog, /Dala General Hospital/).checked).toBe(true);
    expect(checkbox(dialog, /Gwale PHC/).checked).toBe(false);
    expect(within(dialog).getByRole('heading', { name: 'Selected (1)' })).toBeDefined();

    fireEvent.click(checkbox(dialog, /Gwale PHC/));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Load more facilities' }));
    fireEvent.click(await within(dialog).findByRole('checkbox', { name: /Kawo Clinic/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove Dala General Hospital' }));
    expect(within(dialog).getByRole('heading', { name: 'Selected (2)' })).toBeDefined();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requestsTo('GET /api/facilities').map((r) => r.query.get('cursor'))).toEqual([null, 'next']);
    expect(requestsTo('POST /api/users/{id}/assign-facilities')[0]?.body).toEqual({
      facility_ids: [gwale.id, kawo.id],
      mode: 'set',
    });
    expect(screen.getByRole('status').textContent).toContain('Amina Yusuf now covers 2 facilities.');
    const list = screen.getByRole('list', { name: 'Facilities of Amina Yusuf' });
    expect(
      within(list)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Gwale PHC', 'Kawo Clinic']);
  });

  it('searches the facilities by name or code', async () => {
    const { dialog, requestsTo } = await openAssign(() => ({ items: [] }));

    fireEvent.change(within(dialog).getByLabelText('Find facilities'), { target: { value: 'Kawo' } });

    expect(await within(dialog).findByRole('checkbox', { name: /Kawo Clinic/ })).toBeDefined();
    expect(within(dialog).queryByRole('checkbox', { name: /Gwale PHC/ })).toBeNull();
    expect(Object.fromEntries(requestsTo('GET /api/facilities').at(-1)?.query ?? [])).toEqual({
      q: 'Kawo',
      limit: '50',
    });
  });

  it('assigns every facility of a state at once and keeps the unsaved picks', async () => {
    const { dialog, requestsTo } = await openAssign(() => ({
      items: [dala, gwale, tarauni].map((f) => assignedFixture(f)),
    }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Load more facilities' }));
    fireEvent.click(await within(dialog).findByRole('checkbox', { name: /Kawo Clinic/ }));

    fireEvent.change(within(dialog).getByLabelText('State'), { target: { value: 'Kano' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign every facility in this state' }));

    expect((await within(dialog).findByRole('status')).textContent).toBe('Assigned 2 facilities in Kano.');
    expect(requestsTo('POST /api/users/{id}/assign-facilities')[0]?.body).toEqual({
      state: 'Kano',
      mode: 'add',
    });
    expect(within(dialog).getByRole('heading', { name: 'Selected (4)' })).toBeDefined();
    expect(checkbox(dialog, /Gwale PHC/).checked).toBe(true);
    expect(checkbox(dialog, /Kawo Clinic/).checked).toBe(true);
  });

  it('asks for a state before assigning by state', async () => {
    const { dialog, requestsTo } = await openAssign(() => ({ items: [] }));

    fireEvent.click(within(dialog).getByRole('button', { name: 'Unassign every facility in this state' }));

    expect(within(dialog).getByText('Enter the name of a state')).toBeDefined();
    expect(requestsTo('POST /api/users/{id}/assign-facilities')).toHaveLength(0);
  });
});
