import { screen } from '@testing-library/react';
import { fetchAuthSession } from 'aws-amplify/auth';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, meFor } from '../test/fixtures.ts';
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
});
