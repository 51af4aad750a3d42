import type { Role } from '@dml/shared/roles';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { errorReply, type FakeRequest, fakeApi, mockAccessToken, never } from '../../test/fakeApi.ts';
import { facilityFixture, pageOf, uuid } from '../../test/fixtures.ts';
import { renderWithProviders, signedInAs } from '../../test/render.tsx';
import { FacilitiesPage } from './FacilitiesPage.tsx';

vi.mock('aws-amplify/auth', () => ({ fetchAuthSession: vi.fn(), signOut: vi.fn() }));

beforeEach(() => {
  mockAccessToken();
});

const dala = facilityFixture();
const kawo = facilityFixture({
  id: uuid(203),
  name: 'Kawo Clinic',
  code: 'KD-KAWO',
  state: 'Kaduna',
  facility_type: 'clinic',
  location: null,
});

const renderFacilities = (
  listFacilities: (request: FakeRequest) => unknown,
  { role = 'admin', path = '/facilities' }: { role?: Role; path?: string } = {},
) => {
  const api = fakeApi({ 'GET /api/facilities': listFacilities });
  const view = renderWithProviders(null, {
    api: api.client,
    auth: signedInAs(role),
    path,
    routes: [
      { path: '/facilities', element: <FacilitiesPage /> },
      { path: '/facilities/:id', element: <h1>Facility page</h1> },
    ],
  });
  return { ...api, ...view };
};

const lastQuery = (requests: FakeRequest[]) => Object.fromEntries(requests.at(-1)?.query ?? []);

describe('FacilitiesPage', () => {
  it('lists facilities with code, type, state and location, each linking to its page', async () => {
    renderFacilities(() => pageOf([dala, kawo]));

    const table = await screen.findByRole('table', { name: 'Facilities' });
    const [first, second] = within(table).getAllByRole('row').slice(1);
    expect(
      within(first as HTMLElement)
        .getByRole('link', { name: 'Dala General Hospital' })
        .getAttribute('href'),
    ).toBe(`/facilities/${dala.id}`);
    expect([...(first?.children ?? [])].map((cell) => cell.textContent)).toEqual([
      'Dala General Hospital',
      'KN-DALA-GH',
      'General hospital',
      'Kano',
      'Dala LGA',
    ]);
    expect(second?.textContent).toContain('—');
  });

  it('sends state, type and search as the request query and keeps them in the URL', async () => {
    const { requestsTo, router } = renderFacilities(() => pageOf([dala]));
    await screen.findByRole('table', { name: 'Facilities' });

    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'general_hospital' } });
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'Kano' } });
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'KN-DALA-GH' } });

    await waitFor(() =>
      expect(lastQuery(requestsTo('GET /api/facilities'))).toEqual({
        limit: '25',
        facility_type: 'general_hospital',
        state: 'Kano',
        q: 'KN-DALA-GH',
      }),
    );
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
      type: 'general_hospital',
      state: 'Kano',
      q: 'KN-DALA-GH',
    });
  });

  it('ignores an unknown type in the URL rather than sending it', async () => {
    const { requestsTo } = renderFacilities(() => pageOf([dala]), {
      path: '/facilities?type=castle&state=Kano',
    });

    await screen.findByRole('table', { name: 'Facilities' });
    expect(lastQuery(requestsTo('GET /api/facilities'))).toEqual({ limit: '25', state: 'Kano' });
  });

  it('pages through with "Load more"', async () => {
    const { requestsTo } = renderFacilities(({ query }) =>
      query.get('cursor') ? pageOf([kawo]) : pageOf([dala], 'cursor-2'),
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));

    expect(await screen.findByRole('link', { name: 'Kawo Clinic' })).toBeDefined();
    expect(lastQuery(requestsTo('GET /api/facilities')).cursor).toBe('cursor-2');
  });

  it('shows mentors their facilities as "My facilities", without admin actions', async () => {
    renderFacilities(() => pageOf([dala]), { role: 'mentor' });

    expect(screen.getByRole('heading', { level: 1, name: 'My facilities' })).toBeDefined();
    expect(await screen.findByRole('link', { name: 'Dala General Hospital' })).toBeDefined();
    expect(screen.queryByRole('button', { name: 'New facility' })).toBeNull();
  });

  it('tells a mentor with no facilities whom to ask', async () => {
    renderFacilities(() => pageOf([]), { role: 'mentor' });

    expect(await screen.findByRole('heading', { name: 'No facilities assigned to you yet' })).toBeDefined();
  });

  it('says when no facility matches the filters', async () => {
    renderFacilities(() => pageOf([]), { path: '/facilities?q=Zz' });

    expect(await screen.findByRole('heading', { name: 'No facilities match these filters' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeDefined();
  });

  it('shows loading, then the error with a retry', async () => {
    let calls = 0;
    renderFacilities(() =>
      ++calls === 1 ? errorReply(503, 'internal_error', 'Try again shortly.') : never(),
    );

    expect(screen.getByRole('status').textContent).toContain('Loading facilities');
    expect((await screen.findByRole('alert')).textContent).toContain('Try again shortly.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(calls).toBe(2));
  });

  it('shows the notice left by a page that navigated here', async () => {
    const api = fakeApi({ 'GET /api/facilities': () => pageOf([]) });
    const { router } = renderWithProviders(null, {
      api: api.client,
      auth: signedInAs('admin'),
      routes: [
        { path: '/facilities', element: <FacilitiesPage /> },
        { path: '/elsewhere', element: <h1>Elsewhere</h1> },
      ],
      path: '/elsewhere',
    });
    await router.navigate('/facilities', { state: { notice: 'Dala General Hospital was deleted.' } });

    expect((await screen.findByRole('status')).textContent).toContain('Dala General Hospital was deleted.');
  });
});
