import { fireEvent, screen, within } from '@testing-library/react';
import type { RouteObject } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { renderWithProviders, signedInAs } from '../test/render.tsx';
import { AppLayout } from './AppLayout.tsx';

const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    handle: { crumb: 'Home' },
    children: [
      { index: true, element: <h1>Home content</h1> },
      { path: 'profile', element: <h1>Profile content</h1>, handle: { crumb: 'Profile' } },
    ],
  },
];

const menuButton = () => screen.getByRole('button', { name: 'Menu' });

describe('AppLayout', () => {
  it('renders the page inside main with a breadcrumb trail derived from the route', () => {
    renderWithProviders(null, { routes, path: '/profile' });

    const main = screen.getByRole('main');
    expect(within(main).getByRole('heading', { name: 'Profile content' })).toBeDefined();
    const trail = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(within(trail).getByRole('link', { name: 'Home' }).getAttribute('href')).toBe('/');
    expect(within(trail).getByText('Profile').getAttribute('aria-current')).toBe('page');
  });

  it('shows no breadcrumb on the home page, where it would only say "Home"', () => {
    renderWithProviders(null, { routes, path: '/' });

    expect(screen.getByRole('heading', { name: 'Home content' })).toBeDefined();
    expect(screen.queryByRole('navigation', { name: 'Breadcrumb' })).toBeNull();
  });

  it('opens the navigation drawer from the menu button and closes it with Escape or a link', () => {
    renderWithProviders(null, { routes, path: '/', auth: signedInAs('supervisor') });
    const sidebar = screen.getByRole('navigation', { name: 'Main' });
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(menuButton());
    expect(menuButton().getAttribute('aria-expanded')).toBe('true');
    expect(sidebar.className).toContain('sidebar--open');

    fireEvent.keyDown(document, { key: 'Escape' });
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(menuButton());
    fireEvent.click(within(sidebar).getByRole('link', { name: 'Profile' }));
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByRole('heading', { name: 'Profile content' })).toBeDefined();
  });
});
