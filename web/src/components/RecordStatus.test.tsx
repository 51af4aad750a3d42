import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fallbackError } from '../api/ApiError.ts';
import { RecordStatus } from './RecordStatus.tsx';

const texts = {
  loadingLabel: 'Loading user…',
  errorTitle: "We couldn't load this user",
  notFoundTitle: 'User not found',
  notFoundMessage: 'They may not exist.',
};

const failed = (error: unknown) => ({ isPending: false, error, isFetching: false, refetch: vi.fn() });

describe('RecordStatus', () => {
  it('announces the loading label while the record loads', () => {
    render(<RecordStatus query={{ ...failed(null), isPending: true }} {...texts} />);

    expect(screen.getByRole('status').textContent).toContain('Loading user…');
  });

  it('says the record was not found, without offering to try again, on a 404', () => {
    render(<RecordStatus query={failed(fallbackError(404))} {...texts} />);

    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('User not found');
    expect(alert.textContent).toContain('They may not exist.');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('says what failed otherwise, and tries again on request', () => {
    const query = failed(fallbackError(503));
    render(<RecordStatus query={query} {...texts} />);

    expect(screen.getByRole('alert').textContent).toContain("We couldn't load this user");
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(query.refetch).toHaveBeenCalledOnce();
  });
});
