import type { Role } from '@dml/shared';
import { fireEvent, screen } from '@testing-library/react';
import { fetchAuthSession } from 'aws-amplify/auth';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dashboardFixture, jsonResponse, meFor } from '../../test/fixtures.ts';
import { API_URL, clientWithFetch, renderWithProviders, signedInAs } from '../../test/render.tsx';
import { HomePage } from './HomePage.tsx';

vi.mock('aws-amplify/auth', () => ({ fetchAuthSession: vi.fn(), signOut: vi.fn() }));

beforeEach(() => {
  vi.mocked(fetchAuthSession).mockResolvedValue({
    tokens: { accessToken: { toString: () => 'token', payload: {} } },
  } as unknown as Awaited<ReturnType<typeof fetchAuthSession>>);
});

const renderHome = (fetch: typeof globalThis.fetch, role: Role = 'mentor') =>
  renderWithProviders(<HomePage />, { api: clientWithFetch(fetch), auth: signedInAs(role) });

/** The profile at /api/auth/me, the home figures at /api/reports/dashboard. */
const respondWith = (body: unknown, status = 200) =>
  vi.fn<typeof fetch>(async (input) =>
    String(input).includes('/api/reports/dashboard')
      ? jsonResponse(dashboardFixture())
      : jsonResponse(body, status),
  );

describe('HomePage', () => {
  it.each([
    ['mentor', 'Welcome, Mary Ade', 'You cover 3 facilities.'],
    ['supervisor', 'Welcome, Sani Bello', 'You supervise mentorship visits to 6 facilities.'],
    ['admin', 'Welcome, Ada Okafor', 'You administer the whole programme.'],
  ] as const)(
    'greets a %s by name, shows the role badge and role-specific wording',
    async (role, heading, wording) => {
      const fetch = respondWith(meFor(role));
      renderHome(fetch, role);

      expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeDefined();
      expect(screen.getByTestId('role-badge').textContent).toBe(role);
      expect(screen.getByText(wording)).toBeDefined();
      expect(fetch).toHaveBeenCalledWith(
        `${API_URL}/api/auth/me`,
        expect.objectContaining({ method: 'GET' }),
      );
    },
  );

  it('shows designation and region beside the role', async () => {
    renderHome(respondWith(meFor('supervisor')), 'supervisor');

    expect(await screen.findByText('State Supervisor · Kano')).toBeDefined();
  });

  it('shows the facility figure as a dashboard card', async () => {
    renderHome(respondWith(meFor('admin', { facility_count: 12 })), 'admin');

    const cards = await screen.findByRole('list', { name: 'Programme figures' });
    expect(cards.textContent).toContain('12');
    expect(cards.textContent).toContain('Facilities in the programme');
  });

  it.each(['mentor', 'supervisor', 'admin'] as const)(
    'shows a %s the key figures of the last 3 months and links to the dashboard',
    async (role) => {
      const fetch = respondWith(meFor(role));
      renderHome(fetch, role);

      const cards = await screen.findByRole('list', { name: 'Key figures' });
      expect(cards.textContent).toContain('5 / 8');
      expect(cards.textContent).toContain('Visits completed / planned');
      expect(screen.getByRole('link', { name: 'Open the dashboard' }).getAttribute('href')).toBe(
        '/dashboard',
      );
      expect(fetch).toHaveBeenCalledWith(
        `${API_URL}/api/reports/dashboard?months=3`,
        expect.objectContaining({ method: 'GET' }),
      );
    },
  );

  it('uses the singular for one facility', async () => {
    renderHome(respondWith(meFor('mentor', { facility_count: 1 })));

    expect(await screen.findByText('You cover 1 facility.')).toBeDefined();
  });

  it('tells a mentor with no facilities whom to ask', async () => {
    renderHome(respondWith(meFor('mentor', { facility_count: 0 })));

    expect(await screen.findByRole('heading', { name: 'No facilities assigned to you yet' })).toBeDefined();
    expect(screen.getByText(/Ask your programme administrator/)).toBeDefined();
  });

  it('shows a loading skeleton until the profile arrives', () => {
    renderHome(vi.fn<typeof fetch>(() => new Promise<never>(() => {})));

    expect(screen.getByRole('status').textContent).toContain('Loading your home page');
  });

  it('shows the API error with a retry that reloads the profile', async () => {
    let calls = 0;
    const fetchMock = vi.fn<typeof fetch>(async (input) => {
      if (String(input).includes('/api/reports/dashboard')) return jsonResponse(dashboardFixture());
      calls += 1;
      return calls === 1
        ? jsonResponse({ error: { code: 'internal_error', message: 'The service is busy, try again.' } }, 503)
        : jsonResponse(meFor('mentor'));
    });
    renderHome(fetchMock);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The service is busy, try again.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Mary Ade' })).toBeDefined();
    expect(calls).toBe(2);
  });

  it.each([
    ['mentor', 'Plan a visit', '/logs/new'],
    ['supervisor', 'Plan a visit', '/logs/new'],
    ['supervisor', 'Review queue', '/review'],
  ] as const)('offers a %s "%s"', async (role, label, href) => {
    renderHome(respondWith(meFor(role)), role);

    expect((await screen.findByRole('link', { name: label })).getAttribute('href')).toBe(href);
  });

  it('does not offer admins "Plan a visit"', async () => {
    renderHome(respondWith(meFor('admin')), 'admin');

    await screen.findByRole('heading', { level: 1, name: 'Welcome, Ada Okafor' });
    expect(screen.queryByRole('link', { name: 'Plan a visit' })).toBeNull();
  });
});
