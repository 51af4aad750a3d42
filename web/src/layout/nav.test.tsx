import { roles } from '@dml/shared/roles';
import { screen, within } from '@testing-library/react';
import { matchRoutes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { appRoutes } from '../app/router.tsx';
import { renderWithProviders, signedInAs } from '../test/render.tsx';
import { navByRole, navFor } from './nav.ts';
import { Sidebar } from './Sidebar.tsx';

const linkLabels = () =>
  within(screen.getByRole('navigation', { name: 'Main' }))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('role navigation', () => {
  it.each([
    [
      'admin',
      [
        'Home',
        'Dashboard',
        'Logs',
        'Review queue',
        'Follow-ups',
        'Users',
        'Facilities',
        'Audit log',
        'Profile',
      ],
    ],
    [
      'supervisor',
      ['Home', 'Dashboard', 'Review queue', 'Logs', 'Follow-ups', 'Facilities', 'Users', 'Profile'],
    ],
    ['mentor', ['Home', 'Dashboard', 'My logs', 'Follow-ups', 'My facilities', 'Profile']],
  ] as const)('shows a %s the entries of their role, in order', (role, labels) => {
    renderWithProviders(<Sidebar open={false} onClose={vi.fn()} />, { auth: signedInAs(role) });

    expect(linkLabels()).toEqual(navByRole[role].map((item) => item.label));
    expect(linkLabels()).toEqual(labels);
  });

  it('points the administration entries at their pages', () => {
    const hrefOf = (role: (typeof roles)[number], label: string) =>
      navByRole[role].find((item) => item.label === label)?.to;

    expect(hrefOf('admin', 'Users')).toBe('/users');
    expect(hrefOf('admin', 'Audit log')).toBe('/audit');
    expect(hrefOf('supervisor', 'Facilities')).toBe('/facilities');
    expect(hrefOf('mentor', 'My facilities')).toBe('/facilities');
    expect(hrefOf('mentor', 'My logs')).toBe('/logs');
    expect(hrefOf('mentor', 'Follow-ups')).toBe('/follow-ups');
    expect(hrefOf('supervisor', 'Review queue')).toBe('/review');
    expect(hrefOf('admin', 'Logs')).toBe('/logs');
    for (const role of roles) expect(hrefOf(role, 'Dashboard')).toBe('/dashboard');
  });

  it('shows only the entries everyone has while the role is unknown', () => {
    expect(navFor(null).map((item) => item.label)).toEqual(['Home', 'Profile']);
  });

  it('marks the current page', () => {
    renderWithProviders(<Sidebar open={false} onClose={vi.fn()} />, { path: '/profile' });

    expect(screen.getByRole('link', { name: 'Profile' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBeNull();
  });

  it('links only to pages that exist (never to the not-found page)', () => {
    for (const role of roles) {
      for (const item of navByRole[role]) {
        const leaf = matchRoutes(appRoutes, item.to)?.at(-1);
        expect(leaf?.route.path, `${role}: ${item.to}`).not.toBe('*');
        expect(leaf, `${role}: ${item.to}`).toBeDefined();
      }
    }
  });
});
