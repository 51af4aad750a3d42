import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { errorReply, type FakeRequest, fakeApi, mockAccessToken } from '../../test/fakeApi.ts';
import { facilityFixture, pageOf } from '../../test/fixtures.ts';
import { renderWithProviders, signedInAs } from '../../test/render.tsx';
import { FacilitiesPage } from './FacilitiesPage.tsx';
import { FacilityDetailPage } from './FacilityDetailPage.tsx';

vi.mock('aws-amplify/auth', () => ({ fetchAuthSession: vi.fn(), signOut: vi.fn() }));

beforeEach(() => {
  mockAccessToken();
});

const dala = facilityFixture();

const fill = (dialog: HTMLElement, values: Record<string, string>) => {
  for (const [label, value] of Object.entries(values)) {
    fireEvent.change(within(dialog).getByLabelText(label), { target: { value } });
  }
};
const save = (dialog: HTMLElement) => fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

const openNew = async (createFacility: (request: FakeRequest) => unknown) => {
  const api = fakeApi({ 'GET /api/facilities': () => pageOf([]), 'POST /api/facilities': createFacility });
  renderWithProviders(null, {
    api: api.client,
    auth: signedInAs('admin'),
    path: '/facilities',
    routes: [{ path: '/facilities', element: <FacilitiesPage /> }],
  });
  fireEvent.click(await screen.findByRole('button', { name: 'New facility' }));
  return { ...api, dialog: screen.getByRole('dialog', { name: 'New facility' }) };
};

const openEdit = async (updateFacility: (request: FakeRequest) => unknown) => {
  const api = fakeApi({
    'GET /api/facilities/{id}': () => dala,
    'GET /api/facilities/{id}/users': () => ({ items: [] }),
    'PUT /api/facilities/{id}': updateFacility,
  });
  renderWithProviders(null, {
    api: api.client,
    auth: signedInAs('admin'),
    path: `/facilities/${dala.id}`,
    routes: [{ path: '/facilities/:id', element: <FacilityDetailPage /> }],
  });
  fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
  return { ...api, dialog: screen.getByRole('dialog', { name: 'Edit Dala General Hospital' }) };
};

describe('FacilityFormDialog: new facility', () => {
  it('shows the default check-in radius and asks for the required fields', async () => {
    const { dialog, requestsTo } = await openNew(() => dala);
    expect((within(dialog).getByLabelText('Check-in radius (metres)') as HTMLInputElement).value).toBe('500');

    save(dialog);

    expect(await within(dialog).findByText('Name must be at least 2 characters')).toBeDefined();
    expect(within(dialog).getByText('State is required')).toBeDefined();
    expect(within(dialog).getByText('Type is required')).toBeDefined();
    expect(within(dialog).getByLabelText('Code').getAttribute('aria-invalid')).toBe('true');
    expect(requestsTo('POST /api/facilities')).toHaveLength(0);
  });

  it('refuses a latitude without a longitude (the shared rule), on the Longitude field', async () => {
    const { dialog, requestsTo } = await openNew(() => dala);

    fill(dialog, {
      Name: 'Dala General Hospital',
      Code: 'kn-dala-gh',
      State: 'Kano',
      Type: 'general_hospital',
    });
    fill(dialog, { Latitude: '12.0122' });
    save(dialog);

    expect(await within(dialog).findByText('Give both latitude and longitude, or neither')).toBeDefined();
    expect(within(dialog).getByLabelText('Longitude').getAttribute('aria-invalid')).toBe('true');
    expect(requestsTo('POST /api/facilities')).toHaveLength(0);
  });

  it('creates the facility with an idempotency key and announces it with a link', async () => {
    const { dialog, requestsTo } = await openNew(() => new Response(JSON.stringify(dala), { status: 201 }));

    fill(dialog, {
      Name: 'Dala General Hospital',
      Code: 'kn-dala-gh',
      State: 'Kano',
      Type: 'general_hospital',
      Location: 'Dala LGA',
      Latitude: '12.0122',
      Longitude: '8.4922',
    });
    save(dialog);

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [request] = requestsTo('POST /api/facilities');
    expect(request?.body).toEqual({
      name: 'Dala General Hospital',
      code: 'KN-DALA-GH',
      state: 'Kano',
      facility_type: 'general_hospital',
      location: 'Dala LGA',
      contact_person: null,
      contact_email: null,
      contact_phone: null,
      latitude: 12.0122,
      longitude: 8.4922,
      geofence_radius_m: 500,
    });
    expect(request?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    const notice = screen.getByRole('status');
    expect(within(notice).getByRole('link', { name: 'Dala General Hospital' }).getAttribute('href')).toBe(
      `/facilities/${dala.id}`,
    );
  });

  it('shows a duplicate code from the API on the Code field', async () => {
    const { dialog } = await openNew(() =>
      errorReply(409, 'duplicate', 'Another facility already has this code.', {
        details: [{ path: 'code', message: 'Another facility already has this code.' }],
      }),
    );

    fill(dialog, {
      Name: 'Dala General Hospital',
      Code: 'KN-DALA-GH',
      State: 'Kano',
      Type: 'general_hospital',
    });
    save(dialog);

    expect(await within(dialog).findByText('Another facility already has this code.')).toBeDefined();
    expect(within(dialog).getByLabelText('Code').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('FacilityFormDialog: edit', () => {
  it('sends the changed fields with the version read, and both coordinates when one changes', async () => {
    const { dialog, requestsTo } = await openEdit(({ body }) => ({
      ...dala,
      ...(body as object),
      version: 3,
    }));

    fill(dialog, { 'Contact person': '', Latitude: '12.02' });
    save(dialog);

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requestsTo('PUT /api/facilities/{id}')[0]?.body).toEqual({
      version: 2,
      contact_person: null,
      latitude: 12.02,
      longitude: 8.4922,
    });
    expect(screen.getByRole('status').textContent).toContain('Changes saved.');
  });

  it('shows a version conflict with the saved values and reloads them on request', async () => {
    const theirs = { ...dala, name: 'Dala General Hospital (Annex)', version: 3 };
    const { dialog } = await openEdit(() =>
      errorReply(409, 'version_conflict', 'Someone else changed this since you loaded it.', {
        current: theirs,
      }),
    );

    fill(dialog, { State: 'Kano State' });
    save(dialog);

    const conflict = await within(dialog).findByRole('alert');
    const rows = within(conflict)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Name', 'Dala General Hospital (Annex)', 'Dala General Hospital'],
      ['State', 'Kano', 'Kano State'],
    ]);
    fireEvent.click(within(conflict).getByRole('button', { name: 'Reload' }));

    expect((within(dialog).getByLabelText('Name') as HTMLInputElement).value).toBe(
      'Dala General Hospital (Annex)',
    );
    expect((within(dialog).getByLabelText('State') as HTMLInputElement).value).toBe('Kano');
  });
});
