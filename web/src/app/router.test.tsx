import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, mockAccessToken } from '../test/fakeApi.ts';
import { facilityFixture, logFixture, meFor, pageOf } from '../test/fixtures.ts';
import { renderWithProviders, signedInAs } from '../test/render.tsx';
import { appRoutes } from './router.tsx';

vi.mock('aws-amplify/auth', () => ({ fetchAuthSession: vi.fn(), signOut: vi.fn() }));

beforeEach(() => {
  mockAccessToken();
});

const dala = facilityFixture();
const log = logFixture({ visit_date: '2099-03-10' });

const api = (role: 'admin' | 'supervisor' | 'mentor') =>
  fakeApi({
    'GET /api/auth/me': () => meFor(role),
    'GET /api/facilities': () => pageOf([dala]),
    'GET /api/facilities/{id}': () => dala,
    'GET /api/facilities/{id}/users': () => ({ items: [] }),
    'GET /api/users': () => pageOf([]),
    'GET /api/audit-logs': () => pageOf([]),
    'GET /api/mentorship-logs': () => pageOf([]),
    'GET /api/mentorship-logs/{id}': () => log,
    'GET /api/follow-ups': () => pageOf([]),
    'GET /api/mentorship-logs/{id}/attachments': () => ({ items: [] }),
    'GET /api/notifications/summary': () => ({ unread_count: 0 }),
  });

const open = (path: string, role: 'admin' | 'supervisor' | 'mentor') => {
  const fake = api(role);
  renderWithProviders(null, { api: fake.client, auth: signedInAs(role), routes: appRoutes, path });
  return fake;
};

const trail = () =>
  within(screen.getByRole('navigation', { name: 'Breadcrumb' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent);

describe('administration routes', () => {
  it('shows the facility name in the breadcrumb once the facility has loaded', async () => {
    open(`/facilities/${dala.id}`, 'admin');

    expect(await screen.findByRole('heading', { level: 1, name: 'Dala General Hospital' })).toBeDefined();
    expect(trail()).toEqual(['Home', 'Facilities', 'Dala General Hospital']);
    const breadcrumb = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(within(breadcrumb).getByRole('link', { name: 'Facilities' }).getAttribute('href')).toBe(
      '/facilities',
    );
  });

  it('calls the facilities "My facilities" for mentors, in the breadcrumb as in the nav', async () => {
    open('/facilities', 'mentor');

    expect(await screen.findByRole('link', { name: 'Dala General Hospital' })).toBeDefined();
    expect(trail()).toEqual(['Home', 'My facilities']);
  });

  it.each([
    ['/users', 'mentor', 'GET /api/users'],
    ['/audit', 'supervisor', 'GET /api/audit-logs'],
    ['/audit', 'mentor', 'GET /api/audit-logs'],
  ] as const)('explains that %s is not for a %s, without calling the API', async (path, role, route) => {
    const fake = open(path, role);

    expect(await screen.findByRole('heading', { name: "You don't have access to this page" })).toBeDefined();
    expect(fake.requestsTo(route)).toHaveLength(0);
  });

  it('opens the audit log for admins (its code loaded on demand)', async () => {
    open('/audit', 'admin');

    expect(await screen.findByRole('heading', { level: 1, name: 'Audit log' })).toBeDefined();
    expect(await screen.findByRole('heading', { name: 'Nothing has been recorded yet' })).toBeDefined();
  });
});

describe('log routes', () => {
  it('names a log by its facility and visit date in the breadcrumb once it has loaded', async () => {
    open(`/logs/${log.id}`, 'mentor');

    expect(await screen.findByRole('heading', { level: 1, name: 'Dala General Hospital' })).toBeDefined();
    expect(trail()).toEqual([
      'Home',
      'My logs',
      `Dala General Hospital · ${new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date('2099-03-10'))}`,
    ]);
  });

  it('calls the list "Logs" for reviewers and opens "Plan a visit"', async () => {
    open('/logs/new', 'supervisor');

    expect(await screen.findByRole('heading', { level: 1, name: 'Plan a visit' })).toBeDefined();
    expect(trail()).toEqual(['Home', 'Logs', 'Plan a visit']);
  });

  it('explains that the review queue is not for mentors, without calling the API', async () => {
    const fake = open('/review', 'mentor');

    expect(await screen.findByRole('heading', { name: "You don't have access to this page" })).toBeDefined();
    expect(fake.requestsTo('GET /api/mentorship-logs')).toHaveLength(0);
  });

  it('opens the review queue for supervisors', async () => {
    open('/review', 'supervisor');
    expect(await screen.findByRole('heading', { level: 1, name: 'Review queue' })).toBeDefined();
  });
});
