import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders, signedInAs } from '../test/render.tsx';
import { UserMenu } from './UserMenu.tsx';

describe('UserMenu', () => {
  it('shows who is signed in with their role, and signs out', () => {
    const auth = signedInAs('admin', 'admin@example.org');
    renderWithProviders(<UserMenu />, { auth });
    const button = screen.getByRole('button', { name: /^Account:/ });
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();

    fireEvent.click(button);

    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('role-badge').textContent).toBe('admin');
    expect(screen.getByRole('link', { name: 'Your profile' }).getAttribute('href')).toBe('/profile');
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(auth.signOut).toHaveBeenCalledOnce();
  });

  it('closes on Escape', () => {
    renderWithProviders(<UserMenu />);
    const button = screen.getByRole('button', { name: /^Account:/ });

    fireEvent.click(button);
    fireEvent.keyDown(document, { key: 'Escape' });

    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
  });
});
